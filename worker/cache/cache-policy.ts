import { EcsError } from '../../openapi/ecs-api';
import { STALE_RETENTION_S } from './cache-entry';

/** True when the caller asked to bypass stored copies (`Cache-Control: no-cache` / `max-age=0`, `Pragma: no-cache`). */
export function requestsRefresh(cacheControl: string | undefined, pragma: string | undefined): boolean {
  const directives = (cacheControl ?? '')
    .toLowerCase()
    .split(',')
    .map((d) => d.trim().replace(/\s+/g, ''));
  if (directives.includes('no-cache') || directives.includes('max-age=0')) return true;
  return !cacheControl && /(^|,)\s*no-cache\s*(,|$)/i.test(pragma ?? '');
}

/**
 * What the client may do with the answer. `private`: it is per upstream account behind auth, so
 * shared caches must not keep it. max-age is what is left of the soft TTL (0 once stale);
 * stale-while-revalidate / stale-if-error mirror what the gateway itself does with its copy.
 */
export function responseCacheControl(ageSeconds: number, ttlSeconds: number): string {
  // Whole seconds of age, as an HTTP Age header would count them.
  const age = Math.floor(ageSeconds);
  const ttl = Math.floor(ttlSeconds); // directives take integers
  const maxAge = Math.max(0, ttl - age);
  const staleIfError = Math.max(0, STALE_RETENTION_S - age);
  return `private, max-age=${maxAge}, stale-while-revalidate=${ttl}, stale-if-error=${staleIfError}`;
}

/**
 * Whether an upstream failure may be answered from the last good copy: yes for outages (timeout,
 * unreachable, unreadable, upstream 5xx, throttling), no for a definitive business answer such as
 * revoked credentials or an invalid parameter, which the caller must see.
 */
export function mayServeStaleOn(err: unknown): boolean {
  if (!(err instanceof EcsError)) return true;
  if (err.kind !== 'business') return true;
  return err.httpStatus === undefined || err.httpStatus >= 500 || err.httpStatus === 429;
}
