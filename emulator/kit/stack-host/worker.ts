import type { OpenAPIHono } from '@hono/zod-openapi';
import { createGatewayApp } from '../../../worker/app';
import type { Env, GatewayEnv } from '../../../worker/env';
import { IdempotencyStore as GatewayIdempotencyStore } from '../../../worker/idempotency/store';
import { CONTROL_PATH, SECRET_HEADER, STACK_HEADER, type FreedState, type StackReport } from './protocol';
import { deletePrefixed, prefixedKv, scopedObjects } from './stack-bindings';

// The kit's one Worker in workerd: many offline stacks, each its own gateway app (its own
// in-memory reference cache) with its own vars, its KV keys under its own prefix and its
// idempotency Durable Objects under its own names. Starting a stack costs an app, not a workerd.

interface HostEnv extends Pick<Env, 'ECS_CACHE' | 'IDEMPOTENCY'> {
  /** Control requests must carry it (SECRET_HEADER); the Node side chose it for this runtime. */
  STACK_HOST_SECRET: string;
}

/** The gateway's store, and a way to clear one object when the stack that used it closes. */
export class IdempotencyStore extends GatewayIdempotencyStore {
  /** Deletes the record and its clean-up alarm; answers whether there was a record. */
  async forget(): Promise<boolean> {
    const had = [...this.ctx.storage.kv.list()].length > 0;
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    return had;
  }
}

interface HostedStack {
  app: OpenAPIHono<GatewayEnv>;
  env: Env;
  /** Scoped Durable Object names the stack has used. */
  objects: Set<string>;
}

const stacks = new Map<string, HostedStack>();
const kvPrefix = (id: string) => `${id}/`;

function openStack(id: string, vars: Record<string, string>, env: HostEnv): void {
  const objects = new Set<string>();
  stacks.set(id, {
    app: createGatewayApp(),
    // Only the stack's own vars and bindings: the host's secret never reaches a gateway.
    env: { ...vars, ECS_CACHE: prefixedKv(env.ECS_CACHE, kvPrefix(id)), IDEMPOTENCY: scopedObjects(env.IDEMPOTENCY, id, objects) },
    objects,
  });
}

async function closeStack(id: string, env: HostEnv): Promise<FreedState> {
  const stack = stacks.get(id);
  stacks.delete(id);
  const KvKeys = await deletePrefixed(env.ECS_CACHE, kvPrefix(id));
  const ns = env.IDEMPOTENCY as unknown as DurableObjectNamespace<IdempotencyStore>;
  const held = await Promise.all([...(stack?.objects ?? [])].map((name) => ns.get(ns.idFromName(name)).forget()));
  return { KvKeys, IdempotencyRecords: held.filter(Boolean).length };
}

async function report(id: string, env: HostEnv): Promise<StackReport> {
  const listed = await env.ECS_CACHE.list({ prefix: kvPrefix(id) });
  return { Open: stacks.has(id), KvKeys: listed.keys.length, IdempotencyObjects: stacks.get(id)?.objects.size ?? 0 };
}

function isVars(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

async function control(request: Request, id: string, env: HostEnv): Promise<Response> {
  if (request.headers.get(SECRET_HEADER) !== env.STACK_HOST_SECRET) return Response.json({ error: 'not found' }, { status: 404 });
  if (!/^[\w-]{1,64}$/.test(id)) return Response.json({ error: 'a stack id is 1 to 64 letters, digits, - or _' }, { status: 400 });
  switch (request.method) {
    case 'PUT': {
      const body = (await request.json().catch(() => undefined)) as { Vars?: unknown } | undefined;
      if (!isVars(body?.Vars)) return Response.json({ error: 'body must be {"Vars": {name: string}}' }, { status: 400 });
      if (stacks.has(id)) return Response.json({ error: `stack ${id} is already open` }, { status: 409 });
      openStack(id, body.Vars, env);
      return new Response(null, { status: 204 });
    }
    case 'DELETE':
      return Response.json(await closeStack(id, env));
    case 'GET':
      return Response.json(await report(id, env));
    default:
      return Response.json({ error: 'method not allowed' }, { status: 405, headers: { Allow: 'GET, PUT, DELETE' } });
  }
}

export default {
  async fetch(request: Request, env: HostEnv, ctx: ExecutionContext): Promise<Response> {
    const id = request.headers.get(STACK_HEADER);
    if (id === null) {
      const { pathname } = new URL(request.url);
      if (pathname.startsWith(CONTROL_PATH)) return control(request, decodeURIComponent(pathname.slice(CONTROL_PATH.length)), env);
      return Response.json({ error: `no ${STACK_HEADER} header: which offline stack is this request for?` }, { status: 400 });
    }
    const stack = stacks.get(id);
    if (!stack) return Response.json({ error: `offline stack ${id} is closed` }, { status: 410 });
    const headers = new Headers(request.headers);
    headers.delete(STACK_HEADER);
    return stack.app.fetch(new Request(request, { headers }), stack.env, ctx);
  },
} satisfies ExportedHandler<HostEnv>;
