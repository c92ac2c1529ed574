import { jsonAnswer } from '../http/json-newline';
import { healthzRoute } from '../../openapi/rest';
import { readSettings } from '../config';
import type { GatewayApp } from './respond';
import { docsPage, docsTryToken } from './docs-page';
import { registerProblemPages } from './problems-page';

/** /healthz, /openapi.json, /docs and /problems: no authentication, no upstream call. */
export function registerMetaRoutes(app: GatewayApp, document: () => unknown): void {
  app.openapi(healthzRoute, (c) => jsonAnswer(c, { status: 'ok' as const, configured: readSettings(c.env).ok }, 200));
  // Readable from any origin, so editors and client generators can load it from a running gateway.
  app.get('/openapi.json', (c) => jsonAnswer(c, document(), 200, { 'Access-Control-Allow-Origin': '*' }));
  app.get('/docs', (c) => {
    // The page's only script is inline; it talks to this origin alone.
    c.header('Content-Security-Policy', "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'");
    return c.html(docsPage(docsTryToken(c.env.GATEWAY_TOKENS)));
  });
  registerProblemPages(app);
}
