import { encodeBase64 } from 'hono/utils/encode';
import { API_VERSION, SIGNATURE_METHOD, SIGNATURE_VERSION } from './actions';

// CDS OpenAPI signature, version 1.0 (HMAC-SHA1 over a percent-encoded canonical query).
// Web Crypto only, so the same code runs in workerd, Node and browsers.

const encoder = new TextEncoder();

/** RFC 3986 percent-encoding of the UTF-8 form: unreserved characters stay, every other byte is %XY. */
export function percentEncode(value: string): string {
  // encodeURIComponent leaves ! ' ( ) * unencoded; RFC 3986 wants them encoded.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Sorted (byte order of the keys' UTF-8 form), encoded `k=v` pairs joined by `&`, without `Signature`. */
export function canonicalQuery(params: Record<string, string>): string {
  // Each key is encoded to UTF-8 once, not on every comparison of the sort.
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .map((k) => ({ k, bytes: encoder.encode(k) }))
    .sort((a, b) => compareBytes(a.bytes, b.bytes))
    .map(({ k }) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
}

export function stringToSign(method: string, params: Record<string, string>): string {
  return stringToSignOf(method, canonicalQuery(params));
}

/** `METHOD&%2F&` + the percent-encoded canonical query. */
export function stringToSignOf(method: string, canonical: string): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

/** base64(HMAC-SHA1(key = secret key, data)). */
export async function hmacSha1Base64(secretKey: string, data: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  return encodeBase64(await crypto.subtle.sign('HMAC', key, encoder.encode(data)));
}

/** `YYYY-MM-DDTHH:mm:ssZ` in UTC. */
export function signatureTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface SignRequestInput {
  method: 'GET' | 'POST';
  action: string;
  accessKeyId: string;
  secretKey: string;
  /** The action's own query parameters (not the body of a POST). */
  params?: Record<string, string>;
  nonce?: string;
  now?: Date;
}

export interface SignedRequest {
  /** All query parameters including `Signature`. */
  params: Record<string, string>;
  /** The encoded query string, ready to follow `?`. */
  query: string;
  stringToSign: string;
}

/** Adds the common parameters and the signature to an action's query parameters. */
export async function signRequest(input: SignRequestInput): Promise<SignedRequest> {
  const params: Record<string, string> = {
    ...input.params,
    Action: input.action,
    AccessKeyId: input.accessKeyId,
    SignatureMethod: SIGNATURE_METHOD,
    SignatureNonce: input.nonce ?? crypto.randomUUID(),
    SignatureVersion: SIGNATURE_VERSION,
    Timestamp: signatureTimestamp(input.now ?? new Date()),
    Version: API_VERSION,
  };
  const canonical = canonicalQuery(params);
  const sts = stringToSignOf(input.method, canonical);
  const signature = await hmacSha1Base64(input.secretKey, sts);
  return { params: { ...params, Signature: signature }, query: `${canonical}&Signature=${percentEncode(signature)}`, stringToSign: sts };
}

function compareBytes(x: Uint8Array, y: Uint8Array): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
