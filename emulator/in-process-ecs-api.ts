import type { EcsApi } from '../openapi/ecs-api';
import { upstreamBadResponse, upstreamRefusal, upstreamTimeout } from '../openapi/errors/ecs-errors';
import { UPSTREAM_ACTIONS, type SdkMethodName } from '../openapi/upstream/actions';
import { runAction } from './actions/run-action';
import { EmulatorError } from './errors';
import { applyFault } from './fault-outcome';
import type { Emulator } from './index';
import { newRequestId } from './wire/app';

/**
 * An EcsApi that calls the emulator's actions directly (no HTTP, no signature), for running the
 * gateway in-process. It stands where SignedEcsClient stands and builds its failures with the same
 * factories, so a fault gets the same code over both: refusals and error faults keep their code,
 * Hang is UpstreamTimeout, Malformed is UpstreamBadResponse. Every call is journaled with Transport 'in-process'.
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
          throw upstreamTimeout(action, 'fault: the call hung', requestId);
        case 'malformed':
          throw upstreamBadResponse(action, 'fault: unreadable answer', 200, requestId);
        case 'error':
          throw upstreamRefusal(outcome.code, outcome.message, outcome.status, requestId);
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
        throw upstreamRefusal(e.code, e.message, e.status, requestId);
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
