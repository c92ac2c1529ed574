import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { EcsApi } from '../openapi/ecs-api';
import { OPERATIONS } from '../openapi/operations';
import { documentOf, registerDocumentComponents } from '../openapi/document';
import { GATEWAY_MAX_BODY_BYTES } from '../openapi/models';
import { bearerAuth } from './auth/bearer-auth';
import { rateLimit } from './auth/rate-limit';
import { ReferenceMemory } from './cache/reference-memory';
import { gatewaySettings } from './config';
import type { Env, GatewayEnv } from './env';
import type { WaitClock } from './events/wait-for-event';
import { concretePathsWin } from './http/concrete-paths';
import { honoPath } from './http/hono-path';
import { contractDrift } from './http/contract-drift';
import { notFoundHandler, onError, onMethodNotAllowed } from './http/errors';
import { problem } from './http/problem';
import { accessLog } from './http/access-log';
import { requestId } from './http/request-id';
import { utf8Body } from './http/utf8-body';
import { validationHook } from './http/validation';
import { registerMetaRoutes } from './routes/meta';
import { registerOperationRoutes } from './routes/operation-routes';
import { SignedEcsClient } from './upstream/signed-ecs-client';
import type { SignedEcsClientOptions } from './upstream/signed-ecs-client';
import type { UpstreamCallRecord } from './upstream/transport';

/** `GET /v1/instances/:EcsId` → its operationId, from the declarations. */
const OPERATION_OF_ROUTE = new Map(OPERATIONS.map((op) => [`${op.rest.method.toUpperCase()} ${honoPath(op.rest.path)}`, op.operationId]));

/** What the gateway gives the EcsApi it builds per request: where to report upstream exchanges. */
export interface EcsApiHooks {
  onUpstreamCall: (call: UpstreamCallRecord) => void;
}

export interface GatewayAppOptions {
  /**
   * Builds the EcsApi the routes use; default: SignedEcsClient from CDS_* settings. Tests inject a
   * stand-in. Pass `hooks` on to signedEcsClientFromEnv so the log line reports upstream calls.
   */
  ecsApiFactory?: (env: Env, hooks: EcsApiHooks) => EcsApi;
  /** Time for `?wait=` and `Prefer: wait` (default: real time); tests pass a virtual clock. */
  waitClock?: WaitClock;
  /** The reference cache's memory beside KV; default a new one, so apps never share cached copies. */
  referenceMemory?: ReferenceMemory;
}

/** The default EcsApi: the real wire protocol, signed with the configured credentials. */
export function signedEcsClientFromEnv(env: Env, extra: Pick<SignedEcsClientOptions, 'fetch' | 'backoffMs' | 'onUpstreamCall' | 'lateAnswerMs'> = {}): EcsApi {
  const settings = gatewaySettings(env);
  return new SignedEcsClient({ ...extra, ...settings.upstream, accessKeyId: settings.accessKeyId, secretKey: settings.secretKey });
}

/**
 * The gateway: request id → (API routes: settings + auth → body limit → EcsApi → idempotency on
 * mutating routes) → validation → handler. Errors of every layer end as problem+json.
 */
export function createGatewayApp(options: GatewayAppOptions = {}): OpenAPIHono<GatewayEnv> {
  const ecsApiFactory = options.ecsApiFactory ?? ((env: Env, hooks: EcsApiHooks) => signedEcsClientFromEnv(env, hooks));
  const referenceMemory = options.referenceMemory ?? new ReferenceMemory();
  const app = new OpenAPIHono<GatewayEnv>({ defaultHook: validationHook });
  registerDocumentComponents(app.openAPIRegistry);

  app.use('*', requestId());
  app.use('*', accessLog((method, route) => OPERATION_OF_ROUTE.get(`${method} ${route}`)));
  app.use('*', methodNotAllowed({ app, onMethodNotAllowed }));
  app.use('/v1/*', bearerAuth());
  app.use('/v1/*', rateLimit());
  app.use('/v1/*', concretePathsWin(() => app.routes));
  // The largest valid body is a few KB; refuse more before anything reads or hashes it.
  app.use('/v1/*', bodyLimit({ maxSize: GATEWAY_MAX_BODY_BYTES, onError: (c) => problem(c, 'PayloadTooLarge', `Request bodies are limited to ${GATEWAY_MAX_BODY_BYTES} bytes.`) }));
  app.use('/v1/*', utf8Body());
  app.use('/v1/*', async (c, next) => {
    c.set('ecs', ecsApiFactory(c.env, { onUpstreamCall: (call) => c.get('upstreamCalls').push(call) }));
    c.set('referenceMemory', referenceMemory);
    await next();
  });
  app.use('/v1/*', contractDrift(app));

  registerOperationRoutes(app, options.waitClock);

  let document: ReturnType<typeof documentOf> | undefined;
  registerMetaRoutes(app, () => (document ??= documentOf(app)));

  app.onError(onError);
  app.notFound(notFoundHandler);
  return app;
}
