import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EmulatorCore } from '../core';
import { EmulatorError, describeIssues } from '../errors';
import { readJsonBody } from '../json-body';
import { chinaTime } from '../state/clock';
import { exportWorld, restoreWorld, snapshotText } from '../store/snapshot';
import { SESSION_HEADER, sessionOf } from './session';

/** A whole world can be larger than a seed or a fault. */
const MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024;
/** How many named snapshots one session keeps. */
export const NAMED_SNAPSHOT_CAP = 100;
const NameSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a name is 1-64 letters, digits, ".", "_" or "-"');

const textJson = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** Snapshot routes of the control API: the session's world as one JSON document, and named copies of it. */
export function snapshotRoutes(core: EmulatorCore): Hono {
  const app = new Hono();
  const session = (c: Context): string => {
    const s = sessionOf(core, c);
    if ('missing' in s) throw new EmulatorError('InvalidParameter', `${SESSION_HEADER}: no session ${s.missing}`);
    return s.accessKeyId;
  };
  const nameOf = (raw: unknown): string => {
    const r = NameSchema.safeParse(raw);
    if (!r.success) throw new EmulatorError('InvalidParameter', `Name: ${describeIssues(r.error.issues)}`);
    return r.data;
  };
  const view = (s: { Name: string; SavedAt: number }) => ({ Name: s.Name, SavedAt: chinaTime(s.SavedAt), SavedAtMs: s.SavedAt });

  app.get('/snapshot', (c) => textJson(snapshotText(exportWorld(core, session(c)))));
  app.put('/snapshot', async (c) => {
    const ak = session(c);
    restoreWorld(core, ak, await readJsonBody(c.req.raw, MAX_SNAPSHOT_BYTES));
    return c.json({ Status: 'restored', AccessKeyId: ak });
  });

  app.get('/snapshots', (c) => c.json({ Snapshots: core.snapshots.list(session(c)).map(view) }));
  app.post('/snapshots', async (c) => {
    const ak = session(c);
    const body = await readJsonBody(c.req.raw);
    const Name = nameOf(body && typeof body === 'object' ? (body as { Name?: unknown }).Name : undefined);
    if (!core.snapshots.get(ak, Name) && core.snapshots.list(ak).length >= NAMED_SNAPSHOT_CAP)
      throw new EmulatorError('InvalidParameter', `at most ${NAMED_SNAPSHOT_CAP} named snapshots per session; delete one first`);
    const saved = { Name, SavedAt: core.clock.now(), Snapshot: exportWorld(core, ak) };
    core.snapshots.put(ak, saved);
    return c.json(view(saved), 201);
  });
  app.post('/snapshots/:Name/restore', (c) => {
    const ak = session(c);
    const Name = nameOf(c.req.param('Name'));
    const saved = core.snapshots.get(ak, Name);
    if (!saved) return c.json({ Code: 'SnapshotNotFound', Msg: `no snapshot ${Name} in session ${ak}` }, 404);
    restoreWorld(core, ak, saved.Snapshot);
    return c.json({ Status: 'restored', ...view(saved) });
  });
  app.delete('/snapshots/:Name', (c) => {
    const ak = session(c);
    const Name = nameOf(c.req.param('Name'));
    if (!core.snapshots.delete(ak, Name)) return c.json({ Code: 'SnapshotNotFound', Msg: `no snapshot ${Name} in session ${ak}` }, 404);
    return c.json({ Status: 'deleted', Name });
  });
  return app;
}
