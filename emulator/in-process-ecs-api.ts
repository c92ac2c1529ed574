import { ecsApiOf, type EcsApi } from '../openapi/ecs-api';
import { upstreamBadResponse, upstreamRefusal, upstreamTimeout } from '../openapi/errors/ecs-errors';
import type { EmulatorCore } from './core';
import { dispatch } from './dispatch';
import { newRequestId } from './wire/app';

/**
 * An EcsApi that calls the emulator's operations directly (no HTTP, no signature), for running
 * the gateway in-process. It stands where SignedEcsClient stands and builds its failures with the
 * same factories, so a fault gets the same code over both: refusals and error faults keep their
 * code, Hang is UpstreamTimeout, Malformed is UpstreamBadResponse. Every call goes through the one
 * dispatch and is journaled with Transport 'in-process'.
 */
export function createInProcessEcsApi(emulator: { core: EmulatorCore }, accessKeyId: string): EcsApi {
  const core = emulator.core;
  if (!core.store.account(accessKeyId)) throw new Error(`unknown access key id ${accessKeyId}`);
  return ecsApiOf(async (op, typed) => {
    const { action, services } = op.upstream;
    const requestId = newRequestId();
    const account = core.store.account(accessKeyId)!;
    // An action served by several services (DescribeEvent) is asked on each in turn while not found, as the signed client does.
    for (const [n, service] of services.entries()) {
      const entry = core.journal.begin({ Transport: 'in-process', Method: 'CALL', Path: '', Action: action, AccessKeyId: accessKeyId });
      const outcome = await dispatch(core, { op, account, service, input: { typed }, entry });
      switch (outcome.kind) {
        case 'success':
          return { data: outcome.data, requestId };
        case 'refused':
          if (/NotFound$/.test(outcome.error.code) && n < services.length - 1) continue;
          throw upstreamRefusal(outcome.error.code, outcome.error.message, outcome.error.status, requestId);
        case 'fault': {
          const fault = outcome.fault;
          switch (fault.kind) {
            // No client waits on a socket here: a Hang is reported as a timeout at once.
            case 'aborted':
            case 'hang':
              entry.end({ ...fault.journal, FaultId: fault.FaultId });
              throw upstreamTimeout(action, 'fault: the call hung', requestId);
            case 'malformed':
              throw upstreamBadResponse(action, 'fault: unreadable answer', 200, requestId);
            case 'error':
              throw upstreamRefusal(fault.code, fault.message, fault.status, requestId);
          }
        }
      }
    }
    throw new Error(`${op.operationId}: no service answered`);
  });
}
