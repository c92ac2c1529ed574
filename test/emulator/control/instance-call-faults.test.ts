import { describe, expect, it } from 'vitest';
import { createInProcessEcsApi, SEED_IDS, type Emulator } from '../../../emulator';
import { EcsError, type EcsApi } from '../../../openapi/ecs-api';
import { AK, call, ctl, newEmulator, status } from '../../helpers/emulator-client';

// Call faults with an EcsId strike only calls whose request names that instance: in EcsId, in
// EcsIds (a list filter included), or through the DiskId of one of its disks. Wire and in-process.

const TARGET = SEED_IDS.demandCpuSsd;
const OTHER = SEED_IDS.demandCpuLocal;
/** A data disk of TARGET and the system disk of OTHER. */
const DISK_OF: Record<string, string> = { [TARGET]: 'disk-demand-cpu-ssd-data', [OTHER]: 'disk-demand-cpu-local-sys' };

/** Each way a request names an instance: the action, how it travels on the wire, and its request naming `id`. */
const NAMINGS: { action: string; sdk: keyof EcsApi; get?: true; service?: 'ebs'; request: (id: string) => Record<string, unknown> }[] = [
  { action: 'DescribeInstance', sdk: 'describeInstance', get: true, request: (id) => ({ EcsId: id }) },
  { action: 'ModifyInstanceName', sdk: 'modifyInstanceName', request: (id) => ({ EcsId: id, Name: 'renamed' }) },
  { action: 'OperateInstance', sdk: 'operateInstance', request: (id) => ({ EcsIds: [id], OpType: 'restart_ecs' }) },
  {
    action: 'ChangeInstanceConfigure',
    sdk: 'changeInstanceConfigure',
    request: (id) => ({ EcsIds: [id], AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 8, Ram: 16 }),
  },
  { action: 'DeleteInstance', sdk: 'deleteInstance', request: (id) => ({ EcsIds: [id] }) },
  { action: 'ModifyInstancePassword', sdk: 'modifyInstancePassword', request: (id) => ({ EcsIds: [id], Password: 'Fault-Test-2026!' }) },
  { action: 'DescribeInstanceStatus', sdk: 'describeInstanceStatus', request: (id) => ({ EcsIds: [id] }) },
  { action: 'DescribeInstanceList', sdk: 'describeInstanceList', get: true, request: (id) => ({ EcsIds: [id] }) },
  { action: 'ExtendDisk', sdk: 'extendDisk', service: 'ebs', request: (id) => ({ DiskId: DISK_OF[id], ExtendedSize: 512 }) },
  { action: 'DescribeEcsAttachDisks', sdk: 'describeEcsAttachDisks', get: true, service: 'ebs', request: (id) => ({ InstanceId: id }) },
];

type Naming = (typeof NAMINGS)[number];
const naming = (action: string): Naming => NAMINGS.find((n) => n.action === action) ?? expect.fail(`no naming for ${action}`);
const FAULT = { Status: 503, Code: 'ServiceUnavailable' };

/** The code a call answered: over the signed wire, or through the in-process EcsApi. */
async function wireCode(emu: Emulator, n: Naming, id: string): Promise<string> {
  const request = n.request(id);
  const params = n.get ? Object.fromEntries(Object.entries(request).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)])) : undefined;
  const r = await call(emu, n.action, { service: n.service, params, body: n.get ? undefined : request });
  return r.body?.Code ?? r.body?.code;
}
async function inProcessCode(emu: Emulator, n: Naming, id: string): Promise<string> {
  const api = createInProcessEcsApi(emu, AK) as unknown as Record<string, (req: unknown) => Promise<unknown>>;
  return api[n.sdk]!(n.request(id)).then(
    () => 'Success',
    (e: unknown) => (e instanceof EcsError ? e.code : String(e)),
  );
}

async function addFault(emu: Emulator, spec: Record<string, unknown>) {
  const r = await ctl(emu, 'POST', '/faults', spec);
  expect(r.status, r.text).toBe(201);
  return r.body as { FaultId: number; EcsId?: string; Hits: number };
}
const lastEntry = (emu: Emulator, action: string) => emu.core.journal.list().filter((e) => e.Action === action).at(-1)!;
const activeFaults = async (emu: Emulator) => (await ctl(emu, 'GET', '/faults')).body.Faults as { FaultId: number; EcsId?: string; Hits: number }[];

for (const [transport, codeOf] of [
  ['wire', wireCode],
  ['in-process', inProcessCode],
] as const) {
  describe(`per-instance call faults (${transport})`, () => {
    for (const n of NAMINGS) {
      it(`${n.action}: strikes a call naming the instance, not one naming another`, async () => {
        const emu = newEmulator();
        const { FaultId } = await addFault(emu, { EcsId: TARGET, ...FAULT });
        expect(await codeOf(emu, n, OTHER)).not.toBe('ServiceUnavailable');
        expect(lastEntry(emu, n.action).FaultId).toBeUndefined();
        expect(await codeOf(emu, n, TARGET)).toBe('ServiceUnavailable');
        expect(lastEntry(emu, n.action)).toMatchObject({ FaultId, EcsId: TARGET, Status: 503, Code: 'ServiceUnavailable' });
        expect(lastEntry(emu, n.action).Applied).toBeUndefined();
      });
    }

    it('a list of ids that includes the instance is struck; Action and EcsId must both match', async () => {
      const emu = newEmulator();
      await addFault(emu, { Action: 'DescribeInstanceStatus', EcsId: TARGET, ...FAULT });
      const status = naming('DescribeInstanceStatus');
      const both: Naming = { ...status, request: () => ({ EcsIds: [OTHER, TARGET] }) };
      expect(await codeOf(emu, both, TARGET)).toBe('ServiceUnavailable');
      // The same instance named by another action: not this fault's call.
      expect(await codeOf(emu, naming('DescribeInstance'), TARGET)).toBe('Success');
    });

    it('after the action: the named instance transitions, the caller gets the fault, the journal says applied', async () => {
      const emu = newEmulator();
      const { FaultId } = await addFault(emu, { Action: 'OperateInstance', EcsId: TARGET, Phase: 'after', ...FAULT });
      const operate = naming('OperateInstance');
      expect(await codeOf(emu, operate, OTHER)).toBe('Success');
      expect(lastEntry(emu, 'OperateInstance').FaultId).toBeUndefined();
      expect(await codeOf(emu, operate, TARGET)).toBe('ServiceUnavailable');
      expect(await status(emu, TARGET)).toBe('restarting');
      expect(lastEntry(emu, 'OperateInstance')).toMatchObject({ FaultId, EcsId: TARGET, Code: 'ServiceUnavailable', Applied: true });
    });

    it('after the action through a disk: ExtendDisk of one of its disks is applied, the answer lost', async () => {
      const emu = newEmulator();
      await addFault(emu, { EcsId: TARGET, Phase: 'after', ...FAULT });
      const extend = naming('ExtendDisk');
      expect(await codeOf(emu, extend, TARGET)).toBe('ServiceUnavailable');
      const disk = emu.core.store.account(AK)!.Instances.get(TARGET)!.DataDisks[0]!;
      expect(disk.Status).toBe('updating');
      emu.advance(60);
      emu.core.machine.settle(emu.core.store.account(AK)!);
      expect(disk.Size).toBe(512);
      expect(disk.Status).toBe('running'); // back to attached (使用中) once extended
      expect(lastEntry(emu, 'ExtendDisk')).toMatchObject({ EcsId: TARGET, Applied: true });
    });

    it('Times counts only the calls it struck: calls naming other instances leave it in place', async () => {
      const emu = newEmulator();
      const describe = naming('DescribeInstance');
      const { FaultId } = await addFault(emu, { EcsId: TARGET, ...FAULT, Times: 1 });
      expect(await codeOf(emu, describe, OTHER)).toBe('Success');
      expect(await activeFaults(emu)).toMatchObject([{ FaultId, EcsId: TARGET, Hits: 0 }]);
      expect(await codeOf(emu, describe, TARGET)).toBe('ServiceUnavailable');
      expect(await codeOf(emu, describe, TARGET)).toBe('Success');
      expect(await activeFaults(emu)).toEqual([]);
    });

    it('Probability is rolled for matching calls only', async () => {
      for (const [roll, expected] of [
        [0.9, 'Success'],
        [0.1, 'ServiceUnavailable'],
      ] as const) {
        let rolls = 0;
        const emu = newEmulator({ random: () => (rolls++, roll) });
        await addFault(emu, { EcsId: TARGET, ...FAULT, Probability: 0.5 });
        expect(await codeOf(emu, naming('DescribeInstance'), OTHER)).toBe('Success');
        expect(rolls).toBe(0);
        expect(await codeOf(emu, naming('DescribeInstance'), TARGET)).toBe(expected);
        expect(rolls).toBe(1);
      }
    });
  });
}

describe('per-instance call faults: the control API', () => {
  it('an unknown EcsId is 404 InstanceNotFound and adds nothing', async () => {
    const emu = newEmulator();
    const r = await ctl(emu, 'POST', '/faults', { EcsId: 'ins-nobody', ...FAULT });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ Code: 'InstanceNotFound' });
    expect(r.body.Msg).toContain('ins-nobody');
    expect(await activeFaults(emu)).toEqual([]);
  });

  it('GET /faults shows the EcsId and Phase; an EcsId of the wrong shape is 400', async () => {
    const emu = newEmulator();
    const added = await addFault(emu, { Action: 'OperateInstance', EcsId: TARGET, Phase: 'after', Hang: true });
    expect(added).toMatchObject({ EcsId: TARGET, Phase: 'after' });
    expect(await activeFaults(emu)).toMatchObject([{ FaultId: added.FaultId, Action: 'OperateInstance', EcsId: TARGET, Phase: 'after' }]);
    const bad = await ctl(emu, 'POST', '/faults', { EcsId: '', ...FAULT });
    expect(bad.status).toBe(400);
    expect(bad.body.Code).toBe('InvalidParameter');
  });

  it('a wire body that is not JSON names no instance: a global fault still comes first, a per-instance one does not strike', async () => {
    const emu = newEmulator();
    await addFault(emu, { EcsId: TARGET, ...FAULT });
    const r = await call(emu, 'OperateInstance', { rawBody: `{"EcsIds":["${TARGET}"]` });
    expect(r.body.Code).toBe('InvalidParameter');
    await addFault(emu, { Action: 'OperateInstance', Status: 500 });
    expect((await call(emu, 'OperateInstance', { rawBody: '{' })).body.Code).toBe('InternalError');
  });
});

describe('call faults aimed at a disk id', () => {
  const SPARE = SEED_IDS.spareDisk; // detached, CN_Hohhot_B
  const describeDisk = (emu: Emulator, DiskId: string) => call(emu, 'DescribeDisk', { service: 'ebs', params: { DiskId } });

  it('strike the calls naming that disk (detached or attached, in DiskId or DiskIds), not calls naming another', async () => {
    const emu = newEmulator();
    const { FaultId } = await addFault(emu, { EcsId: SPARE, ...FAULT });
    expect((await describeDisk(emu, 'disk-demand-cpu-ssd-data')).status).toBe(200);
    expect((await describeDisk(emu, SPARE)).body.Code).toBe('ServiceUnavailable');
    expect(lastEntry(emu, 'DescribeDisk')).toMatchObject({ FaultId, EcsId: SPARE, Status: 503 });
    const attach = await call(emu, 'AttachDisk', { service: 'ebs', body: { DiskIds: [SPARE], InstanceId: TARGET } });
    expect(attach.body.Code).toBe('ServiceUnavailable');
    expect(emu.core.store.account(AK)!.KeptDisks.find((d) => d.DiskId === SPARE)!.Status).toBe('waiting'); // struck before: nothing changed

    const api = createInProcessEcsApi(emu, AK);
    await expect(api.describeDisk({ DiskId: SPARE })).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    // An attached data disk is aimed at the same way.
    await addFault(emu, { Action: 'DetachDisk', EcsId: 'disk-demand-cpu-ssd-data', Status: 500 });
    expect((await call(emu, 'DetachDisk', { service: 'ebs', body: { DiskIds: ['disk-demand-cpu-ssd-data'] } })).body.Code).toBe('InternalError');
  });

  it('a disk that no account holds is 404 and adds nothing', async () => {
    const emu = newEmulator();
    const r = await ctl(emu, 'POST', '/faults', { EcsId: 'disk-nobody', ...FAULT });
    expect([r.status, r.body.Code]).toEqual([404, 'InstanceNotFound']);
    expect(await activeFaults(emu)).toEqual([]);
  });
});
