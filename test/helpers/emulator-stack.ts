import { createExecutionContext, env as workerEnv, waitOnExecutionContext } from 'cloudflare:test';
import { expect } from 'vitest';
import { createEmulator, createInProcessEcsApi } from '../../emulator';
import type { Emulator, EmulatorOptions } from '../../emulator';
import { createGatewayApp, signedEcsClientFromEnv } from '../../worker/app';
import type { EcsApi } from '../../openapi/ecs-api';
import type { Env } from '../../worker/env';
import type { WaitClock } from '../../worker/events/wait-for-event';
import { checkAgainstDocument } from './contract-check';

// The gateway over the wire to an emulator (the real SignedEcsClient, its fetch the emulator's
// handler), counting every upstream call by Action. With `virtualTime` the gateway's waiting
// clock is the emulator's manual clock: a sleep moves it, so a 60 s wait takes no real time.

export const TOKEN = 'dev-token';
let counter = 0;

/**
 * The two ways the gateway reaches an emulator, for tests that run through both: over the wire
 * (the real signed client, its fetch the emulator's handler) and in process. `current` is read
 * at each call, so a test file may make a fresh emulator before each test.
 */
export function gatewayWays(current: () => Emulator): [string, (e: Env) => EcsApi][] {
  return [
    ['wire', (e) => signedEcsClientFromEnv(e, { fetch: (input, init) => current().fetch(new Request(input, init)), backoffMs: () => 1 })],
    ['in process', (e) => createInProcessEcsApi(current(), e.CDS_SECRET_ID!)],
  ];
}

/** A fresh emulator (manual clock) under an access key of its own, and the gateway env that reaches it. */
export function freshEmulator(tag: string): { emulator: Emulator; env: Env } {
  counter += 1;
  const ak = `ak-${tag}-${counter}-${crypto.randomUUID().slice(0, 6)}`;
  const emulator = createEmulator({ accessKeys: `${ak}:sk-emu`, clock: 'manual' });
  const env: Env = { ...(workerEnv as unknown as Env), CDS_API_HOST: 'emulator.test', CDS_API_SCHEMA: 'http', CDS_SECRET_ID: ak, CDS_SECRET_KEY: 'sk-emu', GATEWAY_TOKENS: `${TOKEN}:write`, CDS_TIMEOUT_MS: '300' };
  return { emulator, env };
}

export interface EmulatorStack {
  emulator: Emulator;
  /** Upstream calls by Action (each one a Worker subrequest). */
  calls: string[];
  count(action: string): number;
  /** Virtual seconds the gateway slept (virtualTime only). */
  slept(): number;
  gateway(path: string, init?: RequestInit): Promise<Response>;
}

export function emulatorStack(options: { virtualTime: boolean; emulator?: EmulatorOptions; onSleep?: (emulator: Emulator) => Promise<unknown> }): EmulatorStack {
  counter += 1;
  const ak = `ak-wait-${counter}-${crypto.randomUUID().slice(0, 6)}`;
  const emulator = createEmulator({ accessKeys: `${ak}:sk-wait`, clock: options.virtualTime ? 'manual' : 'wall', ...options.emulator });
  const env: Env = {
    ...(workerEnv as unknown as Env),
    CDS_API_HOST: 'emulator.test',
    CDS_API_SCHEMA: 'http',
    CDS_SECRET_ID: ak,
    CDS_SECRET_KEY: 'sk-wait',
    GATEWAY_TOKENS: `${TOKEN}:write`,
    CDS_TIMEOUT_MS: '2000',
  };
  const calls: string[] = [];
  let sleptMs = 0;
  const waitClock: WaitClock | undefined = options.virtualTime
    ? {
        now: () => emulator.clock.now(),
        sleep: async (ms) => {
          sleptMs += ms;
          emulator.advance(ms / 1000);
          await options.onSleep?.(emulator);
        },
      }
    : undefined;
  const app = createGatewayApp({
    waitClock,
    ecsApiFactory: (e) =>
      signedEcsClientFromEnv(e, {
        backoffMs: () => 1,
        fetch: (input, init) => {
          const req = new Request(input, init);
          calls.push(new URL(req.url).searchParams.get('Action') ?? '');
          return emulator.fetch(req);
        },
      }),
  });
  return {
    emulator,
    calls,
    count: (action) => calls.filter((a) => a === action).length,
    slept: () => sleptMs / 1000,
    gateway: contractCheckedFetch(app, env),
  };
}

/**
 * Calls `app` as a client with the write token would (JSON bodies), waits for its background work,
 * and checks every answer against the committed OpenAPI document.
 */
export function contractCheckedFetch(app: { fetch: (req: Request, env: Env, ctx: ExecutionContext) => Response | Promise<Response> }, env: Env) {
  return async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${TOKEN}`);
    if (init.body) headers.set('Content-Type', 'application/json');
    const req = new Request(`http://gateway.test${path}`, { ...init, headers });
    const ctx = createExecutionContext();
    const res = await app.fetch(req, env, ctx);
    await waitOnExecutionContext(ctx);
    const check = await checkAgainstDocument(req, res);
    expect(check.errors).toEqual([]);
    return res;
  };
}

/** Adds a wire fault through the control API. */
export const addFault = (emulator: Emulator, fault: object) =>
  emulator.fetch(new Request('http://emulator.test/_emulator/faults', { method: 'POST', body: JSON.stringify(fault) }));

export const restart = (EcsId: string) => ({ method: 'POST', body: JSON.stringify({ EcsIds: [EcsId], OpType: 'restart_ecs' }) });
