import { sha256 } from 'hono/utils/crypto';

/**
 * The request fingerprint an Idempotency-Key is bound to: SHA-256 (hex) of method, path and the
 * canonical body. A JSON body is canonicalised (object keys sorted, insignificant whitespace
 * dropped) so a client that re-serialises the same document in another key order still matches;
 * any other body is taken byte for byte.
 */
export async function requestFingerprint(method: string, path: string, bodyText: string): Promise<string> {
  // null only where Web Crypto is missing, which never holds in Workers or Node.
  return (await sha256(`${method.toUpperCase()}\n${path}\n${canonicalBody(bodyText)}`))!;
}

export function canonicalBody(bodyText: string): string {
  if (bodyText.trim() === '') return '';
  try {
    return canonicalJson(JSON.parse(bodyText));
  } catch {
    return bodyText;
  }
}

/** JSON text with object keys sorted recursively (arrays keep their order: it is meaningful). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
