import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EmulatorCore } from '../core';
import { isClientAbort, logClientAbort } from '../client-abort';
import { EmulatorError, describeIssues } from '../errors';
import { chinaTime } from '../state/clock';
import { toEventResult } from '../state/events';
import { toInstanceData } from '../store/views';
import { CallFaultSchema, InstanceFaultSchema } from './faults';
import { controlGuard, type ControlHosts } from './guard';

// Control API (no signature; loopback only, see guard.ts). Bad input answers 400 {"Code","Msg"}.

const AdvanceSchema = z.object({ Seconds: z.number().min(0).max(10 * 365 * 86_400) }).strict();
const CreateSchema = z.union([z.object({ Instances: z.array(z.unknown()).min(1).max(100) }).strict(), z.record(z.string(), z.unknown())]);

const bad = (c: Context, msg: string) => c.json({ Code: 'InvalidParameter', Msg: msg }, 400);

/** Control bodies are a seed or a fault: a few KB. Larger ones are refused without being read whole. */
export const MAX_CONTROL_BODY_BYTES = 1024 * 1024;

const tooLarge = (c: Context) => c.json({ Code: 'PayloadTooLarge', Msg: `body: at most ${MAX_CONTROL_BODY_BYTES} bytes` }, 413);

async function body(c: Context, required: boolean): Promise<{ ok: true; value: unknown } | { ok: false; res: Response }> {
  // Read as JSON whatever the Content-Type: `curl -d` labels it a form. Foreign web pages are kept
  // out by the Host and Origin checks of controlGuard, not by the media type.
  if (Number(c.req.header('content-length') ?? 0) > MAX_CONTROL_BODY_BYTES) return { ok: false, res: tooLarge(c) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = c.req.raw.body?.getReader();
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > MAX_CONTROL_BODY_BYTES) {
      // Stop reading: the rest is never buffered.
      await reader!.cancel().catch(() => undefined);
      return { ok: false, res: tooLarge(c) };
    }
    chunks.push(chunk.value);
  }
  const text = new TextDecoder().decode(concat(chunks, size));
  if (!text.trim()) return required ? { ok: false, res: bad(c, 'body: a JSON body is required') } : { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, res: bad(c, 'body: not valid JSON') };
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) (out.set(chunk, at), (at += chunk.byteLength));
  return out;
}

export function createControlApp(core: EmulatorCore, hosts: ControlHosts = 'any'): Hono {
  const app = new Hono();
  app.use('*', controlGuard(hosts));
  const clockView = () => ({ Mode: core.clock.mode, Now: new Date(core.clock.now()).toISOString(), ChinaTime: chinaTime(core.clock.now()) });

  app.get('/health', (c) => c.json({ Status: 'ok', Clock: clockView(), Accounts: [...core.store.accounts.keys()] }));

  app.post('/reset', async (c) => {
    const b = await body(c, false);
    if (!b.ok) return b.res;
    core.store.reset(b.value);
    core.faults.clear();
    core.journal.clear();
    return c.json({ Status: 'reset', Seed: b.value === undefined ? 'default' : 'custom', Instances: [...core.store.accounts.values()].reduce((n, a) => n + a.Instances.size, 0) });
  });

  app.get('/state', (c) => {
    const accounts = [...core.store.accounts.values()].map((a) => {
      core.machine.settle(a);
      return {
        AccessKeyId: a.AccessKeyId,
        CustomerId: a.CustomerId,
        Instances: [...a.Instances.values()].map((i) => ({
          ...toInstanceData(core.store.catalog, a, i, core.clock.now()),
          DiskStatus: Object.fromEntries([i.SystemDisk, ...i.DataDisks].map((d) => [d.DiskId, d.Status])),
          FailNextTransition: i.FailNextTransition,
        })),
        Events: [...a.Events.values()].map((e) => ({ Service: e.Service, ...toEventResult(e) })),
        Pending: a.Pending.map((p) => ({ Kind: p.Kind, EcsId: p.EcsId, DiskId: p.DiskId, EventId: p.EventId, DueAt: chinaTime(p.DueAt) })),
      };
    });
    return c.json({ Clock: clockView(), Accounts: accounts, Faults: core.faults.list() });
  });

  app.post('/instances', async (c) => {
    const b = await body(c, true);
    if (!b.ok) return b.res;
    const parsed = CreateSchema.safeParse(b.value);
    if (!parsed.success) return bad(c, describeIssues(parsed.error.issues));
    const specs = 'Instances' in parsed.data && Array.isArray(parsed.data.Instances) ? parsed.data.Instances : [parsed.data];
    const created = core.store.createInstances(specs);
    return c.json(
      {
        EcsIds: created.map((i) => i.EcsId),
        Instances: created.map((i) => {
          const owner = core.store.findInstanceAnywhere(i.EcsId)!.account;
          return { AccessKeyId: owner.AccessKeyId, ...toInstanceData(core.store.catalog, owner, i, core.clock.now()) };
        }),
      },
      201,
    );
  });

  app.post('/faults', async (c) => {
    const b = await body(c, true);
    if (!b.ok) return b.res;
    if (b.value && typeof b.value === 'object' && 'FailNextTransition' in b.value) {
      const f = InstanceFaultSchema.safeParse(b.value);
      if (!f.success) return bad(c, describeIssues(f.error.issues));
      const found = core.store.findInstanceAnywhere(f.data.EcsId);
      if (!found) return c.json({ Code: 'InstanceNotFound', Msg: `instance ${f.data.EcsId} not found` }, 404);
      found.instance.FailNextTransition = true;
      return c.json({ EcsId: f.data.EcsId, FailNextTransition: true }, 201);
    }
    const f = CallFaultSchema.safeParse(b.value);
    if (!f.success) return bad(c, describeIssues(f.error.issues));
    return c.json(core.faults.add(f.data), 201);
  });

  app.get('/faults', (c) => c.json({ Faults: core.faults.list() }));

  app.delete('/faults', (c) => {
    core.faults.clear();
    for (const a of core.store.accounts.values()) for (const i of a.Instances.values()) i.FailNextTransition = false;
    return c.json({ Status: 'cleared' });
  });

  app.get('/journal', (c) => c.json({ Entries: core.journal.list() }));
  app.delete('/journal', (c) => (core.journal.clear(), c.json({ Status: 'cleared' })));

  app.post('/clock/advance', async (c) => {
    const b = await body(c, true);
    if (!b.ok) return b.res;
    const parsed = AdvanceSchema.safeParse(b.value);
    if (!parsed.success) return bad(c, describeIssues(parsed.error.issues));
    core.clock.advance(parsed.data.Seconds);
    return c.json({ Clock: clockView() });
  });

  app.onError((e, c) => {
    if (e instanceof EmulatorError) return c.json({ Code: e.code, Msg: e.message }, e.status as 400);
    if (isClientAbort(e, c.req.raw)) return (logClientAbort(c.req.raw), c.json({ Code: 'RequestAborted', Msg: 'the client went away' }, 400));
    console.error('emulator control: unexpected error', e);
    return c.json({ Code: 'InternalError', Msg: 'internal error of the emulator' }, 500);
  });
  return app;
}
