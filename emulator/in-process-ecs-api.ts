import type { EcsApi } from '../openapi/ecs-api';
import { upstreamBadResponse, upstreamRefusal, upstreamTimeout } from '../openapi/errors/ecs-errors';
import { UPSTREAM_ACTIONS, type SdkMethodName } from '../openapi/upstream/actions';
import { instancesNamed } from './actions/named-instances';
import { runAction } from './actions/run-action';
import { idsNamed } from './control/journal';
import { EmulatorError } from './errors';
import { applyFault, successNote, type FaultOutcome } from './fault-outcome';
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
    const entry = core.journal.begin({ Transport: 'in-process', Method: 'CALL', Path: '', Action: action, AccessKeyId: accessKeyId, Ids: idsNamed(typed) });
    const journal = (Status: number, Code: string, fault: { FaultId?: number; EcsId?: string; Applied?: true } = {}) => entry.end({ Status, Code, ...fault });
    /** Throws the failure a fault that struck stands for (before the action, or after it was applied). */
    const failWith = (outcome: Exclude<FaultOutcome, { kind: 'proceed' }>): never => {
      const { Status, Code, ...mark } = outcome.journal;
      journal(Status, Code, { FaultId: outcome.FaultId, ...mark });
      switch (outcome.kind) {
        // No client waits on a socket here: a Hang is reported as a timeout at once.
        case 'aborted':
        case 'hang':
          throw upstreamTimeout(action, 'fault: the call hung', requestId);
        case 'malformed':
          throw upstreamBadResponse(action, 'fault: unreadable answer', 200, requestId);
        case 'error':
          throw upstreamRefusal(outcome.code, outcome.message, outcome.status, requestId);
      }
    };

    const account = core.store.account(accessKeyId)!;
    const named = instancesNamed(sdk, account, { typed });
    const before = await applyFault(core.faults.match(action, 'before', named));
    if (before.kind !== 'proceed') return failWith(before);

    // DescribeEvent is looked up on /ecs/v1 first, then /ebs/v1, as the signed client does.
    for (const [n, service] of services.entries()) {
      let data: T;
      try {
        data = runAction(core, sdk, account, service, { typed }) as T;
      } catch (e) {
        if (!(e instanceof EmulatorError)) throw e;
        if (e.code === 'EventNotFound' && n < services.length - 1) continue;
        journal(e.status, e.code);
        throw upstreamRefusal(e.code, e.message, e.status, requestId);
      }
      // The action is applied: an after-phase fault can now only take the answer away (or delay it).
      const after = await applyFault(core.faults.match(action, 'after', named));
      if (after.kind !== 'proceed') return failWith(after);
      const { Status, Code, ...struck } = successNote(before, after);
      journal(Status, Code, struck);
      return { data, requestId };
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
