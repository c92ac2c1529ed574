import { Hono } from 'hono';
import { EcsError, type EcsApi } from '../openapi/ecs-api';
import type { EcsService, SdkMethodName } from '../openapi/upstream/actions';
import { errorEnvelope } from '../openapi/upstream/envelope';
import { sleep } from './control/faults';
import { createControlApp } from './control/app';
import { createCore, parseAccessKeys, runAction, type EmulatorCore } from './core';
import { EmulatorError } from './errors';
import type { EmulatorClock } from './state/clock';
import type { Durations } from './state/machine';
import type { EmulatorStore } from './store/store';
import type { AccessKey } from './store/types';
import { createWireApp, newRequestId } from './wire/app';

export { DEFAULT_SEED, SEED_IDS, SeedSchema, InstanceSpec, type SeedInput } from './store/seed';
export { TRANSITIONS } from './state/transitions';
export { EmulatorError } from './errors';
export { parseAccessKeys } from './core';
export type { Durations } from './state/machine';
export type { AccessKey } from './store/types';

export interface EmulatorOptions {
  /** Accounts; default `test-ak:test-sk`. Either pairs or the `EMULATOR_ACCESS_KEYS` string form. */
  accessKeys?: AccessKey[] | string;
  /** `manual` starts stopped (advance it); default `wall`. */
  clock?: 'manual' | 'wall';
  /** Transition durations in seconds, per OpType / change_ecs_config / extend_disk. */
  durations?: Durations;
  /** Seed JSON (the POST /_emulator/reset body format); default DEFAULT_SEED. */
  seed?: unknown;
  /** Random source for fault Probability; default Math.random. */
  random?: () => number;
  /** Wall clock for Timestamp / nonce windows; default Date.now. */
  wallNow?: () => number;
  /** How long a Hang fault holds a call nobody aborts; default 300000 ms. */
  hangCapMs?: number;
}

export interface Emulator {
  /** The fetch handler: `/ecs/v1`, `/ebs/v1` and `/_emulator/*`. */
  fetch(request: Request): Promise<Response>;
  app: Hono;
  clock: EmulatorClock;
  store: EmulatorStore;
  core: EmulatorCore;
  /** Moves the emulator clock (same as POST /_emulator/clock/advance). */
  advance(seconds: number): void;
  /** Default seed, or the given seed JSON; also clears faults and the journal (same as POST /_emulator/reset). */
  reset(seed?: unknown): void;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const accessKeys = typeof options.accessKeys === 'string' || options.accessKeys === undefined ? parseAccessKeys(options.accessKeys) : options.accessKeys;
  const core = createCore({
    accessKeys,
    clock: options.clock ?? 'wall',
    durations: options.durations,
    seed: options.seed,
    random: options.random,
    wallNow: options.wallNow,
    hangCapMs: options.hangCapMs,
  });
  const app = new Hono();
  app.route('/_emulator', createControlApp(core));
  app.route('/', createWireApp(core));
  // Any other path is not an upstream endpoint.
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (path === '/_emulator' || path.startsWith('/_emulator/')) return c.json({ Code: 'NotFound', Msg: `no control route ${c.req.method} ${path}` }, 404);
    return c.json(errorEnvelope('InvalidAction', `no API at ${new URL(c.req.url).pathname}; use /ecs/v1 or /ebs/v1`, newRequestId()), 400);
  });
  return {
    fetch: async (request) => app.fetch(request),
    app,
    clock: core.clock,
    store: core.store,
    core,
    advance: (s) => core.clock.advance(s),
    reset: (seed) => {
      core.store.reset(seed);
      core.faults.clear();
      core.journal.clear();
    },
  };
}

/**
 * An EcsApi that calls the emulator's actions directly (no HTTP, no signature), for running the
 * gateway in-process. Emulator refusals become EcsError('business', code, msg, status); wire
 * faults apply too: error → business, Hang → timeout, Malformed → bad_response.
 */
export function createInProcessEcsApi(emulator: Emulator, accessKeyId: string): EcsApi {
  const core = emulator.core;
  if (!core.store.account(accessKeyId)) throw new Error(`unknown access key id ${accessKeyId}`);
  async function call<T>(sdk: SdkMethodName, action: string, typed: unknown, services: EcsService[] = ['ecs']): Promise<{ data: T; requestId: string }> {
    const requestId = newRequestId();
    const note = (Status: number, Code: string, FaultId?: number) =>
      core.journal.record({ Transport: 'in-process', Method: 'CALL', Path: '', Action: action, AccessKeyId: accessKeyId, Status, Code, FaultId });
    const fault = core.faults.match(action);
    if (fault) {
      if (fault.delayMs > 0) await sleep(fault.delayMs);
      if (fault.kind === 'hang') throw (note(0, 'Hang', fault.FaultId), new EcsError('timeout', 'Timeout', 'fault: the call hung', undefined, requestId));
      if (fault.kind === 'malformed') throw (note(200, 'Malformed', fault.FaultId), new EcsError('bad_response', 'BadResponse', 'fault: unreadable answer', 200, requestId));
      if (fault.kind === 'error')
        throw (note(fault.status, fault.code, fault.FaultId), new EcsError('business', fault.code, `fault injected by the emulator (FaultId ${fault.FaultId})`, fault.status, requestId));
    }
    const account = core.store.account(accessKeyId);
    try {
      if (!account) throw new EmulatorError('InvalidAccessKeyId', `the AccessKeyId ${accessKeyId} is not known`);
      for (const [n, service] of services.entries()) {
        try {
          const data = runAction(core, sdk, account, service, { typed }) as T;
          note(200, 'Success', fault?.FaultId);
          return { data, requestId };
        } catch (e) {
          if (!(e instanceof EmulatorError && e.code === 'EventNotFound' && n < services.length - 1)) throw e;
        }
      }
      throw new Error('unreachable');
    } catch (e) {
      if (!(e instanceof EmulatorError)) throw e;
      note(e.status, e.code);
      throw new EcsError('business', e.code, e.message, e.status, requestId);
    }
  }
  return {
    describeRegions: () => call('DescribeRegions', 'DescribeRegions', {}),
    describeTaskEvent: (req) => call('DescribeTaskEvent', 'DescribeEvent', req, ['ecs', 'ebs']),
    describeInstanceList: (req) => call('DescribeInstanceList', 'DescribeInstanceList', req),
    describeInstance: (req) => call('DescribeInstance', 'DescribeInstance', req),
    operateInstance: (req) => call('OperateInstance', 'OperateInstance', req),
    modifyInstanceName: (req) => call('ModifyInstanceName', 'ModifyInstanceName', req),
    describeEcsFamilyInfo: (req) => call('DescribeEcsFamilyInfo', 'DescribeEcsFamilyInfo', req),
    changeInstanceConfigure: (req) => call('ChangeInstanceConfigure', 'ChangeInstanceConfigure', req),
    extendDisk: (req) => call('ExtendDisk', 'ExtendDisk', req, ['ebs']),
  };
}
