import { env } from 'cloudflare:test';
import { Hono } from 'hono';
import { EcsError } from '../../openapi/ecs-api';
import { gatewaySettings } from '../../worker/config';
import type { Env, GatewayEnv } from '../../worker/env';

/** The bindings of wrangler.toml as the worker sees them. */
export const testEnv = env as unknown as Env;

/** A clock tests move by hand (epoch ms). */
export class TestClock {
  constructor(public ms = Date.UTC(2026, 10, 27, 12, 0, 0)) {}
  now = (): number => this.ms;
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

/** A unique string per call, so tests never share KV keys or Durable Objects. */
let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * A minimal stand-in for the gateway's middleware chain: request id, the caller (X-Test-Caller)
 * and account (X-Test-Account) ids auth would set, and an error mapping for EcsError.
 */
export function baseApp(): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', crypto.randomUUID());
    c.set('callerId', c.req.header('X-Test-Caller') ?? 'caller-a');
    c.set('accountId', c.req.header('X-Test-Account') ?? 'account-a');
    c.set('tokenScope', 'write');
    c.set('settings', gatewaySettings({ ...testEnv, CDS_SECRET_ID: 'ak-edge', CDS_SECRET_KEY: 'sk-edge', GATEWAY_TOKENS: 'edge-token:write' }));
    await next();
  });
  app.onError((err, c) => {
    if (err instanceof EcsError) {
      return c.json({ code: err.code, kind: err.kind }, err.kind === 'timeout' ? 504 : 502);
    }
    return c.json({ code: 'InternalError', message: String(err) }, 500);
  });
  return app;
}

/** A promise with its resolve exposed, to hold an upstream call open. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
