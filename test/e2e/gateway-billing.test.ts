import { beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator';
import { createGatewayApp } from '../../worker/app';
import type { Env } from '../../worker/env';
import { contractCheckedFetch, freshEmulator, gatewayWays } from '../helpers/emulator-stack';

// The emulator's billing meter seen through the gateway: GET /v1/account/subjects falls while an
// on-demand server runs, at the hourly price POST /v1/prices quotes, and stops once it is shut down.

const HOUR = 3600;
const ID = 'ins-billed';
let emulator: Emulator;
let env: Env;

const ways = gatewayWays(() => emulator);

beforeEach(async () => {
  ({ emulator, env } = freshEmulator('billing'));
  const ak = env.CDS_SECRET_ID!;
  const seed = {
    Instances: [{ EcsId: ID, EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8 }],
    AccountSubjects: { [ak]: [{ Name: 'BILLED', Balance: 100, Income: 100, Duration: 365, BeginTime: '2026-01-01', EndTime: '2027-01-01' }] },
  };
  const res = await emulator.fetch(new Request('http://emulator.test/_emulator/reset', { method: 'POST', body: JSON.stringify(seed) }));
  expect(res.status).toBe(200);
});

for (const [way, factory] of ways) {
  describe(`gateway ↔ emulator billing, ${way}`, () => {
    const gateway = () => contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
    const balance = async () => {
      const res = await gateway()('/v1/account/subjects');
      expect(res.status).toBe(200);
      return ((await res.json()) as { Subjects: { Balance: number }[] }).Subjects[0]!.Balance;
    };
    /** One hour of the server, as the gateway quotes it (for 100 servers: the quote is rounded to the fen). */
    const hourly = async () => {
      const quote = { AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8, BillingMethod: '0', Number: 100, SystemDiskInfo: { DiskFeature: 'ssd', Size: 48 } };
      const res = await gateway()('/v1/prices', { method: 'POST', body: JSON.stringify(quote) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { TotalPrice: number }).TotalPrice / 100;
    };

    it('the balance falls while the server runs, by its quoted hourly price, and stops falling once it is shut down', async () => {
      const rate = await hourly();
      expect(await balance()).toBe(100);
      emulator.advance(10 * HOUR);
      expect(await balance()).toBe(Math.round((100 - 10 * rate) * 100) / 100);

      const op = await gateway()('/v1/instances/operate', { method: 'POST', body: JSON.stringify({ EcsIds: [ID], OpType: 'shutdown_ecs' }) });
      expect(op.status).toBe(202);
      emulator.advance(8);
      const down = await balance();
      expect(down).toBeLessThan(100 - 10 * rate + 0.01);
      emulator.advance(10 * HOUR);
      expect(await balance()).toBe(down);

      const up = await gateway()('/v1/instances/operate', { method: 'POST', body: JSON.stringify({ EcsIds: [ID], OpType: 'start_up_ecs' }) });
      expect(up.status).toBe(202);
      emulator.advance(8 + HOUR);
      expect(await balance()).toBeLessThan(down);
    });
  });
}
