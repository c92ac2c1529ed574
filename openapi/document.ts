import { OpenAPIHono } from '@hono/zod-openapi';
type OpenAPIRegistry = OpenAPIHono['openAPIRegistry'];
import type { RouteConfig } from '@hono/zod-openapi';
import { OPERATIONS } from './operations';
import * as rest from './rest';
import { withSharedComponents } from './shared-components';

// The document's fixed parts. The paths come from the routes registered on an app (the worker's,
// or the bare one below, which generate.ts uses so that Node never imports worker code).

export const DOCUMENT_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'ECS Edge Gateway',
    version: '1.0.0',
    summary: 'REST + OpenAPI 3.1 for Capital Online (CDS) elastic cloud servers.',
    description:
      'A Cloudflare Worker in front of the Capital Online ECS API. It validates input, signs each call ' +
      '(SignatureVersion 1.0, HMAC-SHA1), maps the upstream envelopes to plain JSON and every error to ' +
      '`application/problem+json` (RFC 9457). Asynchronous operations answer 202 with `Location: /v1/events/{EventId}`. ' +
      'Every answer carries `X-Request-Id`; `X-Upstream-Request-Id` carries the ECS RequestId when there is one. ' +
      'Authenticate with `Authorization: Bearer <token>`: a `read` token may call GET routes, a `write` token everything.',
    contact: { name: 'ECS Edge Gateway maintainers', url: 'https://github.com/capitalonline/openapi' },
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [
    { url: 'http://127.0.0.1:8787', description: 'Local gateway (`npm start`).' },
  ],
  security: rest.bearerSecurity,
  tags: [
    { name: rest.TAG.regions, description: 'Regions and availability zones (cached at the edge).' },
    { name: rest.TAG.families, description: 'Instance families and specs (cached at the edge).' },
    { name: rest.TAG.images, description: 'Operating system images to create instances from (the list cached at the edge), and the account\'s private images: make one from an instance, copy it to other zones, delete it.' },
    { name: rest.TAG.instances, description: 'Elastic cloud server instances: create, list, inspect, status, rename, power operations, spec changes, password, delete.' },
    { name: rest.TAG.disks, description: 'Cloud disks (EBS): create, attach, detach, extend, delete, quota.' },
    { name: rest.TAG.snapshots, description: 'Disk snapshots and snapshot chains: back up a disk, roll it back, copy it to another zone, make an image of it.' },
    { name: rest.TAG.prices, description: 'Price quotes for would-be orders (nothing is ordered).' },
    { name: rest.TAG.account, description: "The account's billing subjects and balance." },
    { name: rest.TAG.events, description: 'Asynchronous events started by operations.' },
    { name: rest.TAG.meta, description: 'Health of the gateway itself.' },
  ],
};

/** Components that no route references by itself. */
export function registerDocumentComponents(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', rest.BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'A gateway token from GATEWAY_TOKENS (scope `read`: GET only; `write`: everything).',
  });
}

/** Every route of the document: one per operation, then the gateway's own. */
export const DOCUMENTED_ROUTES: readonly RouteConfig[] = [...OPERATIONS.map(rest.routeOf), rest.healthzRoute];

/** The routes that change something upstream (sync and accepted operations): they take an Idempotency-Key. */
export const MUTATING_ROUTES: readonly RouteConfig[] = OPERATIONS.filter((op) => op.rest.kind === 'sync' || op.rest.kind === 'accepted').map(rest.routeOf);

type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

/** Shared parts as components (shared-components.ts); stable key order: the fixed top-level order, paths and component names sorted. */
export function normalizeDocument(generated: OpenApiDocument): OpenApiDocument {
  const doc = withSharedComponents(JSON.parse(JSON.stringify(generated))) as OpenApiDocument;
  const sortKeys = <T extends Record<string, unknown>>(o: T | undefined): T | undefined =>
    o && (Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]])) as T);
  const components = doc.components && Object.fromEntries(Object.keys(doc.components).sort().map((k) => [k, sortKeys((doc.components as Record<string, Record<string, unknown>>)[k])]));
  const { openapi, info, servers, security, tags, paths, ...rest } = doc;
  return JSON.parse(JSON.stringify({ openapi, info, servers, security, tags, paths: sortKeys(paths), ...rest, components }));
}

/** The document of an app whose routes are registered (the worker serves exactly this). */
export function documentOf(app: OpenAPIHono<any, any, any>): OpenApiDocument {
  // Only the tags some route carries: a resource with no operation yet is not listed.
  const used = new Set(DOCUMENTED_ROUTES.flatMap((r) => r.tags ?? []));
  return normalizeDocument(app.getOpenAPI31Document({ ...DOCUMENT_CONFIG, tags: DOCUMENT_CONFIG.tags.filter((t) => used.has(t.name)) }));
}

/** The document from the route definitions alone (used by `npm run openapi`). */
export function buildOpenApiDocument(): OpenApiDocument {
  const app = new OpenAPIHono();
  registerDocumentComponents(app.openAPIRegistry);
  for (const route of DOCUMENTED_ROUTES) app.openAPIRegistry.registerPath(route);
  return documentOf(app);
}
