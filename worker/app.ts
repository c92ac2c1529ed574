import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { EcsApi } from '../openapi/ecs-api';
import { documentOf, registerDocumentComponents } from '../openapi/document';
import { MAX_BODY_BYTES } from '../openapi/models';
import { bearerAuth } from './auth/bearer-auth';
import { gatewaySettings } from './config';
import type { Env, GatewayEnv } from './env';
import { concretePathsWin } from './http/concrete-paths';
import { notFoundHandler, onError, onMethodNotAllowed } from './http/errors';
import { jsonNewline } from './http/json-newline';
import { problem } from './http/problem';
import { requestId } from './http/request-id';
import { validationHook } from './http/validation';
import { registerDiskRoutes } from './routes/disks';
import { registerEventRoutes } from './routes/events';
import { registerFamilyRoutes } from './routes/families';
import { registerImageRoutes } from './routes/images';
import { registerInstanceRoutes } from './routes/instances';
import { registerMetaRoutes } from './routes/meta';
import { registerRegionRoutes } from './routes/regions';
import { SignedEcsClient } from './upstream/signed-ecs-client';
import type { SignedEcsClientOptions } from './upstream/signed-ecs-client';

export interface GatewayAppOptions {
  /** Builds the EcsApi the routes use; default: SignedEcsClient from CDS_* settings. Tests inject a stand-in. */
  ecsApiFactory?: (env: Env) => EcsApi;
}

/** The default EcsApi: the real wire protocol, signed with the configured credentials. */
export function signedEcsClientFromEnv(env: Env, extra: Pick<SignedEcsClientOptions, 'fetch' | 'backoffMs'> = {}): EcsApi {
  const settings = gatewaySettings(env);
  return new SignedEcsClient({ ...extra, ...settings.upstream, accessKeyId: settings.accessKeyId, secretKey: settings.secretKey });
}

/**
 * The gateway: request id → (API routes: settings + auth → body limit → EcsApi → idempotency on
 * mutating routes) → validation → handler. Errors of every layer end as problem+json.
 */
export function createGatewayApp(options: GatewayAppOptions = {}): OpenAPIHono<GatewayEnv> {
  const ecsApiFactory = options.ecsApiFactory ?? ((env: Env) => signedEcsClientFromEnv(env));
  const app = new OpenAPIHono<GatewayEnv>({ defaultHook: validationHook });
  registerDocumentComponents(app.openAPIRegistry);

  app.use('*', requestId());
  app.use('*', jsonNewline());
  app.use('*', methodNotAllowed({ app, onMethodNotAllowed }));
  app.use('/v1/*', bearerAuth());
  app.use('/v1/*', concretePathsWin(() => app.routes));
  // The largest valid body is a few KB; refuse more before anything reads or hashes it.
  app.use('/v1/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => problem(c, 'PayloadTooLarge', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`) }));
  app.use('/v1/*', async (c, next) => {
    c.set('ecs', ecsApiFactory(c.env));
    await next();
  });

  registerRegionRoutes(app);
  registerFamilyRoutes(app);
  registerImageRoutes(app);
  registerInstanceRoutes(app);
  registerEventRoutes(app);
  registerDiskRoutes(app);

  let document: ReturnType<typeof documentOf> | undefined;
  registerMetaRoutes(app, () => (document ??= documentOf(app)));

  app.onError(onError);
  app.notFound(notFoundHandler);
  return app;
}
