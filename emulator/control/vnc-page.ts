import type { Context } from 'hono';
import { html } from 'hono/html';
import { INSTANCE_STATUS_DISPLAY } from '../../openapi/models';
import type { EmulatorCore } from '../core';

// `GET /_emulator/vnc/<EcsId>`: what an instance's console URL links to. No real console: the page
// names the instance and its status and says it is emulated. html`` escapes the instance's name.

export function serveVncPage(core: EmulatorCore, c: Context): Response | Promise<Response> {
  const ecsId = c.req.param('EcsId') ?? '';
  const found = core.store.findInstanceAnywhere(ecsId);
  if (!found) return c.json({ Code: 'InstanceNotFound', Msg: `instance ${ecsId} not found` }, 404);
  core.machine.settle(found.account);
  const i = found.instance;
  return c.html(html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Console: ${i.EcsName}</title></head>
  <body>
    <h1>${i.EcsName}</h1>
    <p>Instance <code>${i.EcsId}</code>, status <strong>${i.Status}</strong> (${INSTANCE_STATUS_DISPLAY[i.Status]})</p>
    <p>This console is emulated: the ECS emulator runs no virtual machine, so there is no screen to show.</p>
  </body>
</html>`);
}
