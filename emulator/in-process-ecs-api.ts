import { EcsError, type EcsApi } from '../openapi/ecs-api';
import { UPSTREAM_ACTIONS, type SdkMethodName } from '../openapi/upstream/actions';
import { runAction } from './core';
import { EmulatorError } from './errors';
import { applyFault } from './fault-outcome';
import type { Emulator } from './index';
import { newRequestId } from './wire/app';

/**
 * An EcsApi that calls the emulator's actions directly (no HTTP, no signature), for running the
 * gateway in-process. It stands where SignedEcsClient stands, so it reports failures the same way:
 * refusals become EcsError('business', code, msg, status); faults apply too (error → business,
 * Hang → timeout, Malformed → bad_response). Every call is journaled with Transport 'in-process'.
 */
export function createInProcessEcsApi(emulator: Emulator, accessKeyId: string): EcsApi {
  const core = emulator.core;
  if (!core.store.account(accessKeyId)) throw new Error(`unknown access key id ${accessKeyId}`);

  async function call<T>(sdk: SdkMethodName, typed: unknown): Promise<{ data: T; requestId: string }> {
    const { action, services } = UPSTREAM_ACTIONS[sdk];
    const requestId = newRequestId();
    const journal = (Status: number, Code: string, FaultId?: number) =>
      core.journal.record({ Transport: 'in-process', Method: 'CALL', Path: '', Action: action, AccessKeyId: accessKeyId, Status, Code, FaultId });

    // No client waits on a socket here: a Hang is reported as a timeout at once.
    const outcome = await applyFault(core.faults.match(action));
    if (outcome.kind !== 'proceed') {
      journal(outcome.journal.Status, outcome.journal.Code, outcome.FaultId);
      switch (outcome.kind) {
        case 'aborted':
        case 'hang':
          throw new EcsError('timeout', 'Timeout', 'fault: the call hung', undefined, requestId);
        case 'malformed':
          throw new EcsError('bad_response', 'BadResponse', 'fault: unreadable answer', 200, requestId);
        case 'error':
          throw new EcsError('business', outcome.code, outcome.message, outcome.status, requestId);
      }
    }

    const account = core.store.account(accessKeyId)!;
    // DescribeEvent is looked up on /ecs/v1 first, then /ebs/v1, as the signed client does.
    for (const [n, service] of services.entries()) {
      try {
        const data = runAction(core, sdk, account, service, { typed }) as T;
        journal(200, 'Success', outcome.FaultId);
        return { data, requestId };
      } catch (e) {
        if (!(e instanceof EmulatorError)) throw e;
        if (e.code === 'EventNotFound' && n < services.length - 1) continue;
        journal(e.status, e.code);
        throw new EcsError('business', e.code, e.message, e.status, requestId);
      }
    }
    throw new Error(`${sdk}: no service answered`);
  }

  return {
    describeRegions: () => call('DescribeRegions', {}),
    describeTaskEvent: (req) => call('DescribeTaskEvent', req),
    describeInstanceList: (req) => call('DescribeInstanceList', req),
    describeInstance: (req) => call('DescribeInstance', req),
    operateInstance: (req) => call('OperateInstance', req),
    modifyInstanceName: (req) => call('ModifyInstanceName', req),
    describeEcsFamilyInfo: (req) => call('DescribeEcsFamilyInfo', req),
    changeInstanceConfigure: (req) => call('ChangeInstanceConfigure', req),
    extendDisk: (req) => call('ExtendDisk', req),
    createInstance: (req) => call('CreateInstance', req),
    deleteInstance: (req) => call('DeleteInstance', req),
    modifyInstancePassword: (req) => call('ModifyInstancePassword', req),
    describeInstanceStatus: (req) => call('DescribeInstanceStatus', req),
    describeImages: (req) => call('DescribeImages', req),
  };
}
