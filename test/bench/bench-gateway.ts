import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { createEmulator, type Emulator } from '../../emulator';
import { createGatewayApp, signedEcsClientFromEnv } from '../../worker/app';
import type { Env } from '../../worker/env';
import { testEnv, unique } from '../helpers/middleware-app';
import { ctl } from '../helpers/emulator-client';

// The real gateway app in workerd (KV from wrangler.toml, the signed client) against an emulator
// reached through its in-process fetch handler, so every call is signed and verified. Unlike the
// test harnesses it skips the OpenAPI contract check: that would be timed too.

const TOKEN = 'bench-token';

// The pool ships every console.log of a test isolate to vitest's main process (~1 ms each), which
// workerd in production does not: the per-request log line is built and JSON-encoded as usual,
// only that shipping is left out. Its real cost shows in the wrangler dev throughput (edge.ts).
const quietLog = () => undefined;

export interface BenchGatewayOptions {
  /** Emulator latency fault on every call (models a network round trip). */
  delayMs?: number;
  /** Instances added to the default seed's five. */
  extraInstances?: number;
}

export interface BenchGateway {
  emulator: Emulator;
  accessKeyId: string;
  secretKey: string;
  /** GET through the gateway; the body is read in full; throws unless 200 (and `xCache` when given). */
  get(path: string, o?: { headers?: HeadersInit; xCache?: string }): Promise<void>;
}

export async function benchGateway(o: BenchGatewayOptions = {}): Promise<BenchGateway> {
  // A fresh access key per fixture: its own emulator account, nonces and KV cache keys.
  const accessKeyId = unique('ak-bench');
  const secretKey = 'sk-bench';
  const emulator = createEmulator({ accessKeys: `${accessKeyId}:${secretKey}`, clock: 'manual' });
  if (o.extraInstances) await ctl(emulator, 'POST', '/instances', { Instances: Array.from({ length: o.extraInstances }, () => ({})) });
  if (o.delayMs) await ctl(emulator, 'POST', '/faults', { DelayMs: o.delayMs });
  const env: Env = {
    ...testEnv,
    CDS_API_HOST: 'emulator.bench',
    CDS_API_SCHEMA: 'http',
    CDS_SECRET_ID: accessKeyId,
    CDS_SECRET_KEY: secretKey,
    GATEWAY_TOKENS: `${TOKEN}:read`,
    CDS_TIMEOUT_MS: '10000',
    // The pool simulates the rate-limiting binding as a call to another worker (~0.7 ms here); on
    // Cloudflare it answers from the machine's own counters. edge.ts keeps it (deployed config).
    READ_RATE_LIMITER: undefined,
  };
  const app = createGatewayApp({ ecsApiFactory: (e) => signedEcsClientFromEnv(e, { fetch: (input, init) => emulator.fetch(new Request(input, init)) }) });
  return {
    emulator,
    accessKeyId,
    secretKey,
    async get(path, { headers, xCache } = {}) {
      const h = new Headers(headers);
      h.set('Authorization', `Bearer ${TOKEN}`);
      const ctx = createExecutionContext();
      const log = console.log;
      console.log = quietLog;
      const res = await app.fetch(new Request(`http://gateway.bench${path}`, { headers: h }), env, ctx);
      await res.arrayBuffer();
      await waitOnExecutionContext(ctx); // KV writes of a miss count as part of its cost
      console.log = log;
      if (res.status !== 200) throw new Error(`${path}: status ${res.status}`);
      if (xCache && res.headers.get('X-Cache') !== xCache) throw new Error(`${path}: X-Cache ${res.headers.get('X-Cache')}, expected ${xCache}`);
    },
  };
}
