import type { Context } from 'hono';
import { UPSTREAM_ERRORS } from '../../openapi/upstream/error-codes';
import { dashboardPage } from './dashboard-page';
import { ACTION_NAMES } from './faults';

/** A fresh CSP nonce: only the page's own inline style and script may run. */
function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * GET /_emulator/ui. The CSP keeps the page offline and inert to injected markup (only its own
 * nonce'd script; connections to its own origin only), and `frame-ancestors 'none'` keeps a
 * foreign site from framing it and steering clicks onto "Reset" or "Add fault".
 */
export function serveDashboard(c: Context): Response {
  const nonce = newNonce();
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  );
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  return c.html(dashboardPage({ nonce, actions: ACTION_NAMES, errorCodes: Object.keys(UPSTREAM_ERRORS) }));
}
