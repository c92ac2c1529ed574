import { describe, expect, it } from 'vitest';
import { signRequest } from '../../../openapi/upstream/signature';
import { AK, SK, call, ctl, expectError, keysOf, newEmulator, send } from '../../helpers/emulator-client';

// The five lifecycle actions on the wire: their paths and methods, envelopes, the signature check,
// faults and the journal, like the nine before them.

const CREATE = {
  AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', ImageId: 'img-centos-7-9-cn-hohhot-b', Password: 'Wire-Secret-1',
  SystemDisk: { DiskFeature: 'ssd', Size: 48 }, VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' },
};

describe('lifecycle actions on the wire', () => {
  it('POST /ecs/v1 for create, delete, password, status; envelopes Code/Msg + Data + RequestId', async () => {
    const emu = newEmulator();
    const answers = [
      await call(emu, 'CreateInstance', { body: CREATE }),
      await call(emu, 'ModifyInstancePassword', { body: { EcsIds: ['ins-demand-cpu-ssd'], Password: 'p-1' } }),
      await call(emu, 'DescribeInstanceStatus', { body: { EcsIds: ['ins-demand-cpu-ssd'] } }),
      await call(emu, 'DeleteInstance', { body: { EcsIds: ['ins-demand-cpu-local'] } }),
    ];
    for (const r of answers) {
      expect(r.status, r.text).toBe(200);
      expect(keysOf(r.body)).toEqual(['Code', 'Data', 'Msg', 'RequestId']);
      expect(r.body.Code).toBe('Success');
    }
    expect(keysOf(answers[0]!.body.Data)).toEqual(['EcsIdSet', 'EventId']);
  });

  it('DescribeImages only on GET /ecs/v1.1; other actions on v1.1, or it on v1 or with POST, are InvalidAction', async () => {
    const emu = newEmulator();
    expect((await call(emu, 'DescribeImages', { version: 'v1.1' })).status).toBe(200);
    expectError(await call(emu, 'DescribeImages'), 400, 'InvalidAction', '/ecs/v1.1');
    expectError(await call(emu, 'DescribeImages', { version: 'v1.1', method: 'POST', body: {} }), 400, 'InvalidAction', 'GET');
    expectError(await call(emu, 'DescribeRegions', { version: 'v1.1' }), 400, 'InvalidAction', '/ecs/v1');
    expectError(await call(emu, 'CreateInstance', { version: 'v1.1', body: CREATE }), 400, 'InvalidAction');
    expectError(await call(emu, 'DescribeInstanceStatus', { method: 'GET' }), 400, 'InvalidAction', 'POST');
    expectError(await call(emu, 'DeleteInstance', { service: 'ebs', body: { EcsIds: ['ins-demand-cpu-ssd'] } }), 400, 'InvalidAction');
  });

  it('the signature is checked on /ecs/v1.1 as on v1 (ImageIds with quotes and brackets signed too)', async () => {
    const emu = newEmulator();
    const params = { ImageIds: '["img-centos-7-9-cn-hohhot-b"]' };
    const signed = await signRequest({ method: 'GET', action: 'DescribeImages', accessKeyId: AK, secretKey: SK, params });
    const ok = await send(emu, `/ecs/v1.1?${signed.query}`, 'GET');
    expect(ok.body.Data.ImageList).toHaveLength(1);
    const wrong = await signRequest({ method: 'GET', action: 'DescribeImages', accessKeyId: AK, secretKey: 'wrong', params });
    expectError(await send(emu, `/ecs/v1.1?${wrong.query}`, 'GET'), 403, 'SignatureDoesNotMatch');
  });

  it('faults and the journal cover the new actions', async () => {
    const emu = newEmulator();
    expect((await ctl(emu, 'POST', '/faults', { Action: 'CreateInstance', Status: 503, Code: 'ServiceUnavailable', Times: 1 })).status).toBe(201);
    expect((await ctl(emu, 'POST', '/faults', { Action: 'DescribeImages', Status: 500, Code: 'InternalError', Times: 1 })).status).toBe(201);
    expectError(await call(emu, 'CreateInstance', { body: CREATE }), 503, 'ServiceUnavailable');
    expect(emu.store.account('test-ak')!.Instances.size).toBe(5);
    expectError(await call(emu, 'DescribeImages', { version: 'v1.1' }), 500, 'InternalError');
    expect((await call(emu, 'CreateInstance', { body: CREATE })).status).toBe(200);
    const entries = (await ctl(emu, 'GET', '/journal')).body.Entries.map((e: { Action: string; Path: string; Status: number }) => [e.Action, e.Path, e.Status]);
    expect(entries).toEqual([
      ['CreateInstance', '/ecs/v1', 503],
      ['DescribeImages', '/ecs/v1.1', 500],
      ['CreateInstance', '/ecs/v1', 200],
    ]);
  });
});
