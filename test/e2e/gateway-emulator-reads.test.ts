import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../emulator';
import type { Emulator } from '../../emulator';
import { createGatewayApp } from '../../worker/app';
import type { Env } from '../../worker/env';
import { contractCheckedFetch, freshEmulator, gatewayWays } from '../helpers/emulator-stack';

// The read actions of the catalogue, the account and an instance's console and metrics, through
// the gateway against the emulator, over the wire and in process.

let emulator: Emulator;
let env: Env;

const ways = gatewayWays(() => emulator);

beforeEach(() => {
  ({ emulator, env } = freshEmulator('reads'));
});

const control = (path: string, body: unknown) =>
  emulator.fetch(new Request(`http://emulator.test/_emulator${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }));

for (const [way, factory] of ways) {
  describe(`gateway ↔ emulator reads, ${way}`, () => {
    const gateway = () => contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);

    it('GET /v1/families/specs shows a sold-out spec; creating it answers 409 SpecSoldOut', async () => {
      expect((await control('/stock', { AvailableZoneCode: 'CN_Suqian_A', EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8, Status: 'SELLOUT' })).status).toBe(200);
      const res = await gateway()('/v1/families/specs?AvailableZoneCode=CN_Suqian_A&EcsFamilyName=Cpu%E8%AE%A1%E7%AE%97%E5%9E%8BC4&Cpu=4', { headers: { 'Cache-Control': 'no-cache' } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { ZoneInstanceTypes: { EcsFamilyName: string; AvailableZone: string; SpecList: { Cpu: number; Ram: number; Status: string }[] }[] };
      expect(body.ZoneInstanceTypes).toEqual([expect.objectContaining({ EcsFamilyName: 'Cpu计算型C4', AvailableZone: '宿迁A', SpecList: [expect.objectContaining({ Cpu: 4, Ram: 8, Status: 'SELLOUT' })] })]);

      const order = {
        AvailableZoneCode: 'CN_Suqian_A', EcsFamilyName: 'Cpu计算型C4', Cpu: 4, Ram: 8, BillingMethod: '0', ImageId: 'img-centos-7-9-cn-suqian-a',
        Password: 'Create-Secret-9!', SystemDisk: { DiskFeature: 'ssd', Size: 48 }, VpcInfo: { VpcId: 'vpc-cn-suqian-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-suqian-a-e100001' },
      };
      const created = await gateway()('/v1/instances', { method: 'POST', body: JSON.stringify(order) });
      expect(created.status).toBe(409);
      expect(((await created.json()) as { code: string }).code).toBe('SpecSoldOut');
    });

    it('GET /v1/instances/{EcsId}/vnc-url links to the console page; a shut-down instance answers 409', async () => {
      const res = await gateway()(`/v1/instances/${SEED_IDS.demandCpuSsd}/vnc-url`);
      expect(res.status).toBe(200);
      const { InstanceVncUrl } = (await res.json()) as { InstanceVncUrl: string };
      const page = await emulator.fetch(new Request(InstanceVncUrl));
      expect(await page.text()).toContain('web-01');

      const shut = await gateway()(`/v1/instances/${SEED_IDS.monthCpuSsd}/vnc-url`);
      expect(emulator.store.findInstanceAnywhere(SEED_IDS.monthCpuSsd)!.instance.Status).toBe('shutdown');
      expect(shut.status).toBe(409);
      expect(((await shut.json()) as { code: string }).code).toBe('InvalidInstanceStatus');
      expect((await gateway()('/v1/instances/ins-nope/vnc-url')).status).toBe(404);
    });

    it('GET /v1/instances/{EcsId}/metrics reads the series the emulator makes up (upstream a POST)', async () => {
      const res = await gateway()(`/v1/instances/${SEED_IDS.demandCpuSsd}/metrics?Indicators=CpuUsage,Load&StartTime=2026-01-02%2010:00:00&EndTime=2026-01-02%2010:05:00`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, { Unit: string; Time: string[]; Value: number[] }>;
      expect(Object.keys(body).sort()).toEqual(['CpuUsage', 'Load15M', 'Load1M', 'Load5M']);
      expect(body.CpuUsage!.Time).toHaveLength(6);
      expect(body.CpuUsage!.Value.every((v) => v > 0)).toBe(true);
      const bad = await gateway()(`/v1/instances/${SEED_IDS.demandCpuSsd}/metrics?Indicators=Fan`);
      expect(bad.status).toBe(400);
    });

    it('POST /v1/prices quotes an order; a bad one is 400; no Idempotency-Key needed', async () => {
      const quote = { AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', SystemDiskInfo: { DiskFeature: 'ssd', Size: 40 } };
      const res = await gateway()('/v1/prices', { method: 'POST', body: JSON.stringify(quote) });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ PriceUnit: '小时', PriceSymbol: '￥', TotalPrice: 0.34 });
      expect(res.headers.get('Idempotent-Replayed')).toBeNull();
      expect((await gateway()('/v1/prices', { method: 'POST', body: JSON.stringify({ ...quote, Cpu: 0 }) })).status).toBe(400);
    });

    it('GET /v1/account/subjects names the list', async () => {
      const res = await gateway()('/v1/account/subjects');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ Subjects: [expect.objectContaining({ Name: 'EMULATOR-TEST', Balance: 2500, Income: 3000 })] });
    });
  });
}
