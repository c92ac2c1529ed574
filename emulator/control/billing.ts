import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { INSTANCE_STATUS_DISPLAY } from '../../openapi/models';
import type { EmulatorCore } from '../core';
import { EmulatorError, describeIssues } from '../errors';
import { readJsonBody } from '../json-body';
import { chinaTime } from '../state/clock';
import { hourlyCharge, hourlyPrice, isMetered, payingSubject } from '../state/billing';
import { cancelRecycle, destroy, findServer, recover, recycle } from '../state/lifecycle';
import type { AccountState, EventRecord } from '../store/types';
import { SESSION_HEADER, sessionOf } from './session';

// The billing life through the control API: the session's balance (GET/POST /billing) and one
// server's recycle, cancel-recycle, recover and destroy (POST /instances/{EcsId}/<verb>).

const amount = z.number().finite().min(0).max(1e9);
export const BillingSchema = z.union([
  z.object({ Balance: amount }).strict(),
  z.object({ Recharge: amount.positive() }).strict(),
  z.object({ RunOut: z.literal(true) }).strict(),
]);
export type BillingInput = z.input<typeof BillingSchema>;

const fen = (n: number) => Math.round(n * 100) / 100;

/** What `GET /_emulator/billing` answers for one account. */
export function billingView(core: EmulatorCore, account: AccountState) {
  const catalog = core.store.catalog;
  const subject = payingSubject(account);
  return {
    AccessKeyId: account.AccessKeyId,
    Subject: subject?.Name ?? null,
    Balance: subject ? fen(subject.Balance) : null,
    InArrears: account.Billing.InArrears,
    HourlyCharge: fen(hourlyCharge(catalog, account)),
    MeteredUntil: chinaTime(account.Billing.MeteredUntil),
    Instances: [...account.Instances.values()].map((i) => ({
      EcsId: i.EcsId,
      Status: i.Status,
      BillingMethod: i.BillingMethod,
      HourlyPrice: fen(hourlyPrice(catalog, i)),
      Metered: isMetered(i),
    })),
  };
}

export function billingRoutes(core: EmulatorCore): Hono {
  const app = new Hono();
  const account = (c: Context): AccountState => {
    const s = sessionOf(core, c);
    if ('missing' in s) throw new EmulatorError('InvalidParameter', `${SESSION_HEADER}: no session ${s.missing}`);
    const a = core.store.account(s.accessKeyId)!;
    core.machine.settle(a);
    return a;
  };

  app.get('/billing', (c) => c.json(billingView(core, account(c))));
  app.post('/billing', async (c) => {
    const a = account(c);
    const parsed = BillingSchema.safeParse(await readJsonBody(c.req.raw));
    if (!parsed.success) throw new EmulatorError('InvalidParameter', `body: expected {"Balance"}, {"Recharge"} or {"RunOut":true}; ${describeIssues(parsed.error.issues)}`);
    if (!payingSubject(a)) throw new EmulatorError('InvalidParameter', `account ${a.AccessKeyId} has no billing subject (its seed gave AccountSubjects []): nothing to charge`);
    const body = parsed.data;
    const now = core.clock.now();
    if ('Recharge' in body) core.meter.recharge(a, body.Recharge, now);
    else core.meter.setBalance(a, 'Balance' in body ? body.Balance : 0, now);
    return c.json(billingView(core, a));
  });

  /** One server of any account, settled; the recycle bin included. */
  const server = (c: Context) => {
    const EcsId = c.req.param('EcsId')!;
    for (const a of core.store.accounts.values()) {
      core.machine.settle(a);
      const instance = findServer(a, EcsId);
      if (instance) return { account: a, instance };
    }
    throw new EmulatorError('InstanceNotFound', `instance ${EcsId} not found (neither listed nor in a recycle bin)`);
  };
  const answer = (c: Context, s: ReturnType<typeof server>, event: EventRecord) =>
    c.json({ EcsId: s.instance.EcsId, Status: s.instance.Status, StatusDisplay: INSTANCE_STATUS_DISPLAY[s.instance.Status], EventId: event.EventId, EventType: event.EventType });

  app.post('/instances/:EcsId/recycle', (c) => {
    const s = server(c);
    return answer(c, s, recycle(core.machine, s.account, [s.instance]));
  });
  app.post('/instances/:EcsId/cancel-recycle', (c) => {
    const s = server(c);
    return answer(c, s, cancelRecycle(core.machine, s.account, [s.instance]));
  });
  app.post('/instances/:EcsId/recover', (c) => {
    const s = server(c);
    return answer(c, s, recover(core.machine, s.account, s.instance));
  });
  app.post('/instances/:EcsId/destroy', (c) => {
    const s = server(c);
    return answer(c, s, destroy(core.machine, s.account, s.instance));
  });
  return app;
}
