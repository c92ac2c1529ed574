import { createExecutionContext, env as workerEnv, waitOnExecutionContext } from 'cloudflare:test';
import { createGatewayApp, signedEcsClientFromEnv } from '../../worker/app';
import type { Env } from '../../worker/env';
import { checkAgainstDocument } from './contract-check';
import { FakeUpstream } from './fake-upstream';

// The real gateway (default SignedEcsClient, only its fetch swapped for a fake upstream), with
// test configuration. Each harness gets its own access key id, hence its own KV cache keys.

export const SECRET_KEY = 'sk/Very+Secret=Key&42%';
export const READ_TOKEN = 'read-token-1';
export const WRITE_TOKEN = 'write:token:2'; // a token may hold colons
export const TIMEOUT_MS = 400;

const bindings = workerEnv as unknown as Env;
let counter = 0;

export interface Harness {
  upstream: FakeUpstream;
  env: Env;
  request(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  fetch(req: Request): Promise<Response>;
}

export function harness(overrides: Partial<Env> = {}): Harness {
  counter += 1;
  const accessKeyId = `ak-test-${counter}-${crypto.randomUUID().slice(0, 8)}`;
  const env: Env = {
    ...bindings,
    CDS_API_HOST: 'upstream.test',
    CDS_API_SCHEMA: 'https',
    CDS_SECRET_ID: accessKeyId,
    CDS_SECRET_KEY: SECRET_KEY,
    GATEWAY_TOKENS: `${READ_TOKEN}:read, ${WRITE_TOKEN}:write`,
    CDS_TIMEOUT_MS: String(TIMEOUT_MS),
    ...overrides,
  };
  const upstream = new FakeUpstream(accessKeyId, SECRET_KEY);
  const app = createGatewayApp({ ecsApiFactory: (e, hooks) => signedEcsClientFromEnv(e, { ...hooks, fetch: upstream.fetch, backoffMs: () => 5 }) });
  const fetch = async (req: Request) => {
    const ctx = createExecutionContext();
    const res = await app.fetch(req, env, ctx);
    await waitOnExecutionContext(ctx);
    // Every answer any test sees must match the committed OpenAPI document.
    const check = await checkAgainstDocument(req, res);
    if (check.errors.length) throw new Error(`answer does not match openapi/openapi.json:\n${check.errors.join('\n')}`);
    return res;
  };
  return {
    upstream,
    env,
    fetch,
    request(path, init = {}) {
      const { token = WRITE_TOKEN, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== null && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
      if (typeof rest.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
      return fetch(new Request(`https://gateway.test${path}`, { ...rest, headers }));
    },
  };
}

export const json = (body: unknown) => JSON.stringify(body);
