import { Hono } from 'hono';
import { errorEnvelope } from '../openapi/upstream/envelope';
import { createControlApp } from './control/app';
import type { ControlHosts } from './control/guard';
import { parseAccessKeys } from './access-keys';
import { createCore, resetCore, type EmulatorCore } from './core';
import type { ClockMode, EmulatorClock } from './state/clock';
import type { Durations } from './state/machine';
import type { EmulatorStore } from './store/store';
import type { AccessKey } from './store/types';
import { createWireApp, newRequestId } from './wire/app';
import { exportWorld, restoreWorld, type WorldSnapshot } from './store/snapshot';

export { DEFAULT_SEED, SEED_IDS, SeedSchema, InstanceSpec, type SeedInput } from './store/seed';
export { TRANSITIONS } from './operations';
export { EmulatorError } from './errors';
export { parseAccessKeys } from './access-keys';
export { LOOPBACK_CONTROL_HOSTS, type ControlHosts } from './control/guard';
export type { Durations } from './state/machine';
export type { AccessKey } from './store/types';
export type { InstanceSpecInput } from './store/seed';
export type { JournalEntry, JournalFilter } from './control/journal';
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type WorldSnapshot } from './store/snapshot';
export { SESSION_HEADER } from './control/session';
export type { CallFault, ActiveFault } from './control/faults';

export interface EmulatorOptions {
  /** Accounts; default `test-ak:test-sk`. Either pairs or the `EMULATOR_ACCESS_KEYS` string form. */
  accessKeys?: AccessKey[] | string;
  /** `manual` starts stopped (advance it); default `wall`. */
  clock?: ClockMode;
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
  /**
   * Host names `/_emulator/*` answers (Host header and any Origin; others get 403). Default
   * `'any'`, for in-process use where nothing listens; the Node server passes LOOPBACK_CONTROL_HOSTS.
   */
  controlHosts?: ControlHosts;
}

export interface Emulator {
  /**
   * The fetch handler: `/ecs/v1`, `/ebs/v1`, `/ecs/v1.1` and `/_emulator/*`. `getBody`: the body of
   * a GET, which a standard Request cannot carry (the Go SDK sends some GETs with a JSON body).
   */
  fetch(request: Request, getBody?: ReadableStream<Uint8Array>): Promise<Response>;
  app: Hono;
  clock: EmulatorClock;
  store: EmulatorStore;
  core: EmulatorCore;
  /** Moves the emulator clock (same as POST /_emulator/clock/advance). */
  advance(seconds: number): void;
  /** Default seed, or the given seed JSON; also clears faults and the journal (same as POST /_emulator/reset). */
  reset(seed?: unknown): void;
  /** The session's whole world as one JSON document (GET /_emulator/snapshot); default the first account. */
  snapshot(accessKeyId?: string): WorldSnapshot;
  /** Restores a snapshot exactly (PUT /_emulator/snapshot); default the first account. */
  restore(snapshot: WorldSnapshot | unknown, accessKeyId?: string): void;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const accessKeys = Array.isArray(options.accessKeys) ? options.accessKeys : accessKeysOf(options.accessKeys);
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
  app.route('/_emulator', createControlApp(core, options.controlHosts));
  app.route('/', createWireApp(core));
  // Any other path is not an upstream endpoint.
  app.notFound((c) => {
    const path = c.req.path;
    if (path === '/_emulator' || path.startsWith('/_emulator/')) return c.json({ Code: 'NotFound', Msg: `no control route ${c.req.method} ${path}` }, 404);
    return c.json(errorEnvelope('InvalidAction', `no API at ${path}; use /ecs/v1, /ebs/v1 or /ecs/v1.1`, newRequestId()), 400);
  });
  return {
    fetch: async (request, getBody) => app.fetch(request, { getBody }),
    app,
    clock: core.clock,
    store: core.store,
    core,
    advance: (s) => core.clock.advance(s),
    reset: (seed) => resetCore(core, seed),
    snapshot: (ak) => exportWorld(core, ak ?? accessKeys[0]!.AccessKeyId),
    restore: (doc, ak) => restoreWorld(core, ak ?? accessKeys[0]!.AccessKeyId, doc),
  };
}

function accessKeysOf(spec: string | undefined): AccessKey[] {
  try {
    return parseAccessKeys(spec);
  } catch (e) {
    throw new Error(`createEmulator accessKeys: ${(e as Error).message}`);
  }
}

export { createInProcessEcsApi } from './in-process-ecs-api';
