import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EmulatorCore } from '../core';
import { EmulatorError, describeIssues } from '../errors';
import { chinaTime } from '../state/clock';
import { toEventResult } from '../state/events';
import { toInstanceData } from '../store/views';
import { CallFaultSchema, InstanceFaultSchema } from './faults';
import { serveDashboard } from './dashboard';
import { controlGuard, type ControlHosts } from './guard';
import { JOURNAL_CAP } from './journal';

// Control API (no signature; loopback only, see guard.ts). Bad input answers 400 {"Code","Msg"}.

const AdvanceSchema = z.object({ Seconds: z.number().min(0).max(10 * 365 * 86_400) }).strict();
/** Path and query numbers: plain decimal digits (no sign, exponent or spaces), then a range. */
const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^[0-9]{1,9}$/, 'expected a whole number').transform(Number).pipe(z.number().min(min).max(max));
const FaultIdParam = z.object({ FaultId: wholeNumber(1, 999_999_999) });
const JournalQuery = z.object({ limit: wholeNumber(1, JOURNAL_CAP).optional() });
const CreateSchema = z.union([z.object({ Instances: z.array(z.unknown()).min(1).max(100) }).strict(), z.record(z.string(), z.unknown())]);

const bad = (c: Context, msg: string) => c.json({ Code: 'InvalidParameter', Msg: msg }, 400);

async function body(c: Context, required: boolean): Promise<{ ok: true; value: unknown } | { ok: false; res: Response }> {
  // Read as JSON whatever the Content-Type: `curl -d` labels it a form. Foreign web pages are kept
  // out by the Host and Origin checks of controlGuard, not by the media type.
  const text = await c.req.text();
  if (!text.trim()) return required ? { ok: false, res: bad(c, 'body: a JSON body is required') } : { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, res: bad(c, 'body: not valid JSON') };
  }
}

export function createControlApp(core: EmulatorCore, hosts: ControlHosts = 'any'): Hono {
  const app = new Hono();
  app.use('*', controlGuard(hosts));
  const instanceFaults = () =>
    [...core.store.accounts.values()].flatMap((a) =>
      [...a.Instances.values()].filter((i) => i.FailNextTransition).map((i) => ({ AccessKeyId: a.AccessKeyId, EcsId: i.EcsId, FailNextTransition: true })),
    );
  const clockView = () => ({ Mode: core.clock.mode, Now: new Date(core.clock.now()).toISOString(), ChinaTime: chinaTime(core.clock.now()) });

  app.get('/ui', serveDashboard);

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
          AvailableZoneCode: i.AvailableZoneCode,
          DiskStatus: Object.fromEntries([i.SystemDisk, ...i.DataDisks].map((d) => [d.DiskId, d.Status])),
          FailNextTransition: i.FailNextTransition,
        })),
        Events: [...a.Events.values()].map((e) => ({ Service: e.Service, ...toEventResult(e) })),
        Pending: a.Pending.map((p) => ({ Kind: p.Kind, EcsId: p.EcsId, DiskId: p.DiskId, EventId: p.EventId, DueAt: chinaTime(p.DueAt) })),
      };
    });
    return c.json({ Clock: clockView(), Accounts: accounts, Faults: core.faults.list(), InstanceFaults: instanceFaults() });
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

  app.get('/faults', (c) => c.json({ Faults: core.faults.list(), InstanceFaults: instanceFaults() }));

  app.delete('/faults/instances/:EcsId', (c) => {
    const EcsId = c.req.param('EcsId');
    const found = core.store.findInstanceAnywhere(EcsId);
    if (!found) return c.json({ Code: 'InstanceNotFound', Msg: `instance ${EcsId} not found` }, 404);
    if (!found.instance.FailNextTransition) return c.json({ Code: 'FaultNotFound', Msg: `instance ${EcsId} has no FailNextTransition fault` }, 404);
    found.instance.FailNextTransition = false;
    return c.json({ EcsId, FailNextTransition: false });
  });

  app.delete('/faults/:FaultId', (c) => {
    const parsed = FaultIdParam.safeParse(c.req.param());
    if (!parsed.success) return bad(c, describeIssues(parsed.error.issues));
    const removed = core.faults.remove(parsed.data.FaultId);
    if (!removed) return c.json({ Code: 'FaultNotFound', Msg: `no active fault ${parsed.data.FaultId} (spent, removed or never added)` }, 404);
    return c.json({ Status: 'removed', Fault: removed });
  });

  app.delete('/faults', (c) => {
    core.faults.clear();
    for (const a of core.store.accounts.values()) for (const i of a.Instances.values()) i.FailNextTransition = false;
    return c.json({ Status: 'cleared' });
  });

  app.get('/journal', (c) => {
    const parsed = JournalQuery.safeParse(c.req.query());
    if (!parsed.success) return bad(c, describeIssues(parsed.error.issues));
    return c.json({ Entries: core.journal.list(parsed.data.limit) });
  });
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
    console.error('emulator control: unexpected error', e);
    return c.json({ Code: 'InternalError', Msg: 'internal error of the emulator' }, 500);
  });
  return app;
}
