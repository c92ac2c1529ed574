import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { INSTANCE_STATUS_DISPLAY } from '../../openapi/models';
import { resetCore, type EmulatorCore } from '../core';
import { isClientAbort, logClientAbort } from '../client-abort';
import { EmulatorError, describeIssues } from '../errors';
import { readJsonBody } from '../json-body';
import { chinaTime } from '../state/clock';
import { toEventResult } from '../state/events';
import { cloudDisks, toEbsDisk } from '../store/disks';
import { toInstanceData } from '../store/views';
import { CallFaultSchema, InstanceFaultSchema } from './faults';
import { billingRoutes, billingView } from './billing';
import { serveDashboard } from './dashboard';
import { controlGuard, type ControlHosts } from './guard';
import { JOURNAL_CAP } from './journal';
import { namedSession } from './session';
import { snapshotRoutes } from './snapshots';
import { applyStock, StockSchema } from './stock';
import { serveVncPage } from './vnc-page';

// Control API (no signature; loopback only, see guard.ts). Bad input answers 400 {"Code","Msg"}:
// the helpers below throw EmulatorError, which onError turns into that shape.

const AdvanceSchema = z.object({ Seconds: z.number().min(0).max(10 * 365 * 86_400) }).strict();
/** Path and query numbers: plain decimal digits (no sign, exponent or spaces), then a range. */
const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^[0-9]{1,9}$/, 'expected a whole number').transform(Number).pipe(z.number().min(min).max(max));
const FaultIdParam = z.object({ FaultId: wholeNumber(1, 999_999_999) });
/** `Since`: epoch ms, or a date-time with its offset (ISO 8601), on the emulator clock. */
const SinceParam = z.union([
  z.string().regex(/^[0-9]{1,15}$/).transform(Number),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);
const JournalQuery = z
  .object({
    limit: wholeNumber(1, JOURNAL_CAP).optional(),
    Action: z.string().min(1).max(64).optional(),
    Id: z.string().min(1).max(128).optional(),
    Status: wholeNumber(0, 599).optional(),
    Code: z.string().min(1).max(64).optional(),
    Since: SinceParam.optional(),
    Pending: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  })
  .strict();
const CreateSchema = z.union([z.object({ Instances: z.array(z.unknown()).min(1).max(100) }).strict(), z.record(z.string(), z.unknown())]);

/**
 * The JSON body, whatever its Content-Type: foreign web pages are kept out by the Host and Origin
 * checks of controlGuard, not by the media type. `schema`: the body must be there and match it.
 */
async function jsonBody(c: Context): Promise<unknown>;
async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>>;
async function jsonBody(c: Context, schema?: z.ZodType): Promise<unknown> {
  const value = await readJsonBody(c.req.raw);
  if (!schema) return value;
  if (value === undefined) throw new EmulatorError('InvalidParameter', 'body: a JSON body is required');
  return parseOrThrow(schema, value);
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new EmulatorError('InvalidParameter', describeIssues(parsed.error.issues));
  return parsed.data;
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
  app.route('/', snapshotRoutes(core));
  app.route('/', billingRoutes(core));

  app.get('/health', (c) => c.json({ Status: 'ok', Clock: clockView(), Accounts: [...core.store.accounts.keys()] }));

  app.post('/reset', async (c) => {
    const seed = await jsonBody(c);
    resetCore(core, seed);
    return c.json({ Status: 'reset', Seed: seed === undefined ? 'default' : 'custom', Instances: [...core.store.accounts.values()].reduce((n, a) => n + a.Instances.size, 0) });
  });

  app.get('/state', (c) => {
    const only = namedSession(c);
    const accounts = [...core.store.accounts.values()].filter((a) => only === undefined || a.AccessKeyId === only).map((a) => {
      core.machine.settle(a);
      return {
        AccessKeyId: a.AccessKeyId,
        CustomerId: a.CustomerId,
        Instances: [...a.Instances.values()].map((i) => ({
          ...toInstanceData(core.store.catalog, i, core.clock.now()),
          AvailableZoneCode: i.AvailableZoneCode,
          DiskStatus: Object.fromEntries([i.SystemDisk, ...i.DataDisks].map((d) => [d.DiskId, d.Status])),
          FailNextTransition: i.FailNextTransition,
        })),
        Events: [...a.Events.values()].map((e) => ({ Service: e.Service, ...toEventResult(e, core.machine.display) })),
        Pending: a.Pending.map((p) => ({ Kind: p.Kind, EcsId: p.EcsId, DiskId: p.DiskId, EventId: p.EventId, DueAt: chinaTime(p.DueAt) })),
        Vpcs: structuredClone(a.Vpcs),
        PrivateImages: a.PrivateImages.map((i) => i.ImageId),
        KeptDisks: a.KeptDisks.map((d) => ({ DiskId: d.DiskId, Name: d.Name, Size: d.Size, DiskFeature: d.DiskFeature, Status: d.Status, AvailableZoneCode: d.AvailableZoneCode })),
        // Every cloud disk, attached or not, as DescribeDiskList shows it.
        Disks: cloudDisks(a).map((l) => {
          const d = toEbsDisk(core.store.catalog, l);
          return { DiskId: d.DiskId, DiskName: d.DiskName, Size: d.Size, Property: d.Property, Status: d.Status, StatusDisplay: d.StatusDisplay, EcsId: d.EcsId, AvailableZoneCode: d.AvailableZoneCode };
        }),
        // The account's own images: being made (creating) or usable (running).
        Images: a.PrivateImages.map((i) => ({ ImageId: i.ImageId, ImageName: i.ImageName, AvailableZoneCode: i.AvailableZoneCode, Status: i.Making ? 'creating' : 'running', OsType: i.OsType, OsVersion: i.OsVersion })),
        DiskSnapshots: a.DiskSnapshots.map((s) => ({ SnapshotId: s.SnapshotId, SnapshotName: s.SnapshotName, DiskId: s.DiskId, ChainId: s.ChainId, Status: s.Status, AvailableZoneCode: s.AvailableZoneCode, ReservedTime: s.ReservedTime })),
        RecycleBin: [...a.RecycleBin.values()].map((i) => ({
          EcsId: i.EcsId, EcsName: i.EcsName, Status: i.Status, StatusDisplay: INSTANCE_STATUS_DISPLAY[i.Status], PriorStatus: i.PriorStatus ?? null,
          BillingMethod: i.BillingMethod, AvailableZoneCode: i.AvailableZoneCode,
        })),
        Billing: billingView(core, a),
      };
    });
    return c.json({ Clock: clockView(), Accounts: accounts, Faults: core.faults.list(), InstanceFaults: instanceFaults() });
  });

  app.post('/instances', async (c) => {
    const body = await jsonBody(c, CreateSchema);
    const specs = 'Instances' in body && Array.isArray(body.Instances) ? body.Instances : [body];
    const created = core.store.createInstances(specs);
    return c.json(
      {
        EcsIds: created.map((i) => i.EcsId),
        Instances: created.map((i) => {
          const owner = core.store.findInstanceAnywhere(i.EcsId)!.account;
          return { AccessKeyId: owner.AccessKeyId, ...toInstanceData(core.store.catalog, i, core.clock.now()) };
        }),
      },
      201,
    );
  });

  app.get('/vnc/:EcsId', (c) => serveVncPage(core, c));
  app.post('/stock', async (c) => c.json(applyStock(core.store.catalog, await jsonBody(c, StockSchema))));
  app.get('/stock', (c) => c.json({ SoldOut: [...core.store.catalog.SoldOut] }));

  app.post('/faults', async (c) => {
    const body = await jsonBody(c, z.unknown());
    if (body && typeof body === 'object' && 'FailNextTransition' in body) {
      const { EcsId } = parseOrThrow(InstanceFaultSchema, body);
      const found = core.store.findInstanceAnywhere(EcsId);
      if (!found) throw new EmulatorError('InstanceNotFound', `instance ${EcsId} not found`);
      found.instance.FailNextTransition = true;
      return c.json({ EcsId, FailNextTransition: true }, 201);
    }
    const fault = parseOrThrow(CallFaultSchema, body);
    // A call fault may aim at an instance, or at a disk, snapshot, chain or private image like one.
    const known = (id: string) =>
      core.store.findInstanceAnywhere(id) ||
      [...core.store.accounts.values()].some(
        (acc) =>
          cloudDisks(acc).some((l) => l.disk.DiskId === id) ||
          acc.DiskSnapshots.some((x) => x.SnapshotId === id || x.ChainId === id) ||
          acc.PrivateImages.some((i) => i.ImageId === id),
      );
    if (fault.EcsId !== undefined && !known(fault.EcsId)) throw new EmulatorError('InstanceNotFound', `instance, disk, snapshot or image ${fault.EcsId} not found`);
    return c.json(core.faults.add(fault), 201);
  });

  app.get('/faults', (c) => c.json({ Faults: core.faults.list(), InstanceFaults: instanceFaults() }));

  app.delete('/faults/instances/:EcsId', (c) => {
    const EcsId = c.req.param('EcsId');
    const found = core.store.findInstanceAnywhere(EcsId);
    if (!found) throw new EmulatorError('InstanceNotFound', `instance ${EcsId} not found`);
    if (!found.instance.FailNextTransition) return c.json({ Code: 'FaultNotFound', Msg: `instance ${EcsId} has no FailNextTransition fault` }, 404);
    found.instance.FailNextTransition = false;
    return c.json({ EcsId, FailNextTransition: false });
  });

  app.delete('/faults/:FaultId', (c) => {
    const { FaultId } = parseOrThrow(FaultIdParam, c.req.param());
    const removed = core.faults.remove(FaultId);
    if (!removed) return c.json({ Code: 'FaultNotFound', Msg: `no active fault ${FaultId} (spent, removed or never added)` }, 404);
    return c.json({ Status: 'removed', Fault: removed });
  });

  app.delete('/faults', (c) => {
    core.faults.clear();
    for (const a of core.store.accounts.values()) for (const i of a.Instances.values()) i.FailNextTransition = false;
    return c.json({ Status: 'cleared' });
  });

  app.get('/journal', (c) => {
    const { limit, Since, ...filter } = parseOrThrow(JournalQuery, c.req.query());
    const entries = core.journal.list(limit, { ...filter, SinceMs: Since, AccessKeyId: namedSession(c) });
    return c.json({ Entries: entries, Count: entries.length });
  });
  app.delete('/journal', (c) => (core.journal.clear(), c.json({ Status: 'cleared' })));

  app.post('/clock/advance', async (c) => {
    const { Seconds } = await jsonBody(c, AdvanceSchema);
    core.clock.advance(Seconds);
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
