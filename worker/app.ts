import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { EcsApi } from '../openapi/ecs-api';
import { documentOf, registerDocumentComponents } from '../openapi/document';
import { changeInstanceConfigureRoute, extendDiskRoute, modifyInstanceNameRoute, operateInstanceRoute } from '../openapi/rest';
import { bearerAuth } from './auth/bearer-auth';
import { upstreamSettings } from './config';
import type { Env, GatewayEnv } from './env';
import { notFoundHandler, onError } from './http/errors';
import { problem } from './http/problem';
import { requestId } from './http/request-id';
import { utf8Body } from './http/utf8-body';
import { validationHook } from './http/validation';
import { idempotency } from './idempotency/middleware';
import { registerDiskRoutes } from './routes/disks';
import { registerEventRoutes } from './routes/events';
import { registerFamilyRoutes } from './routes/families';
import { registerInstanceRoutes } from './routes/instances';
import { registerMetaRoutes } from './routes/meta';
import { registerRegionRoutes } from './routes/regions';
import { SignedEcsClient } from './upstream/signed-ecs-client';
import type { SignedEcsClientOptions } from './upstream/signed-ecs-client';

export interface GatewayAppOptions {
  /** Builds the EcsApi the routes use; default: SignedEcsClient from CDS_* settings. Tests inject a stand-in. */
  ecsApiFactory?: (env: Env) => EcsApi;
}

export const MAX_BODY_BYTES = 64 * 1024;
/** The routes that change something upstream: they take an Idempotency-Key. */
const MUTATING_ROUTES = [operateInstanceRoute, changeInstanceConfigureRoute, modifyInstanceNameRoute, extendDiskRoute];

/** OpenAPI `/v1/instances/{EcsId}` → Hono `/v1/instances/:EcsId`. */
const honoPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ':$1');

/** The default EcsApi: the real wire protocol, signed with the configured credentials. */
export function signedEcsClientFromEnv(env: Env, extra: Pick<SignedEcsClientOptions, 'fetch' | 'backoffMs'> = {}): EcsApi {
  return new SignedEcsClient({
    ...extra,
    ...upstreamSettings(env),
    accessKeyId: env.CDS_SECRET_ID ?? '',
    secretKey: env.CDS_SECRET_KEY ?? '',
  });
}

/**
 * The gateway: request id → (API routes: auth → EcsApi → idempotency on mutating calls) →
 * validation → handler. Errors of every layer end as problem+json.
 */
export function createGatewayApp(options: GatewayAppOptions = {}): OpenAPIHono<GatewayEnv> {
  const ecsApiFactory = options.ecsApiFactory ?? ((env: Env) => signedEcsClientFromEnv(env));
  const app = new OpenAPIHono<GatewayEnv>({ defaultHook: validationHook });
  registerDocumentComponents(app.openAPIRegistry);

  app.use('*', requestId());
  app.use('/v1/*', bearerAuth());
  // The largest valid body is a few KB; refuse more before anything reads or hashes it.
  app.use('/v1/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => problem(c, { status: 413, code: 'PayloadTooLarge', title: 'Payload too large', detail: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` }) }));
  app.use('/v1/*', utf8Body());
  app.use('/v1/*', async (c, next) => {
    c.set('ecs', ecsApiFactory(c.env));
    await next();
  });
  // Only on the mutating routes themselves: a 404 or 405 must not be stored and replayed.
  const idempotent = idempotency();
  for (const route of MUTATING_ROUTES) app.on(route.method.toUpperCase(), honoPath(route.path), idempotent);

  registerRegionRoutes(app);
  registerFamilyRoutes(app);
  registerInstanceRoutes(app);
  registerEventRoutes(app);
  registerDiskRoutes(app);

  let document: ReturnType<typeof documentOf> | undefined;
  registerMetaRoutes(app, () => (document ??= documentOf(app)));

  app.onError(onError);
  app.notFound(notFoundHandler(() => app.routes));
  return app;
}
