import type { SignRequestInput } from '../../openapi/upstream/signature';

// An implementation of SignatureVersion 1.0 that shares no code with openapi/upstream/signature.ts:
// a percent-encoder written from RFC 3986's byte rules, byte-order sorting, and SHA-1 / HMAC
// written from FIPS 180-4 and RFC 2104 (no Web Crypto), so a bug in either side shows.

const UNRESERVED = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~'.split('').map((ch) => ch.charCodeAt(0)));
const HEX = '0123456789ABCDEF';

export function rfc3986Encode(value: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(value)) {
    out += UNRESERVED.has(byte) ? String.fromCharCode(byte) : '%' + HEX[byte >> 4] + HEX[byte & 15];
  }
  return out;
}

function byteOrder(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

export function independentStringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort(byteOrder)
    .map((k) => rfc3986Encode(k) + '=' + rfc3986Encode(params[k]!))
    .join('&');
  return method + '&' + rfc3986Encode('/') + '&' + rfc3986Encode(canonical);
}

function sha1(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  const padded = new Uint8Array(((message.length + 9 + 63) >> 6) << 6);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  let [h0, h1, h2, h3, h4] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  const rotl = (x: number, n: number) => ((x << n) | (x >>> (32 - n))) >>> 0;
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(block + t * 4);
    for (let t = 16; t < 80; t++) w[t] = rotl(w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!, 1);
    let [a, b, c, d, e] = [h0, h1, h2, h3, h4];
    for (let t = 0; t < 80; t++) {
      const [f, k] =
        t < 20 ? [(b & c) | (~b & d), 0x5a827999] : t < 40 ? [b ^ c ^ d, 0x6ed9eba1] : t < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const temp = (rotl(a, 5) + (f >>> 0) + e + k + w[t]!) >>> 0;
      [e, d, c, b, a] = [d, c, rotl(b, 30), a, temp];
    }
    [h0, h1, h2, h3, h4] = [(h0 + a) >>> 0, (h1 + b) >>> 0, (h2 + c) >>> 0, (h3 + d) >>> 0, (h4 + e) >>> 0];
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => outView.setUint32(i * 4, h));
  return out;
}

export function hmacSha1(key: Uint8Array, data: Uint8Array): Uint8Array {
  let k = key.length > 64 ? sha1(key) : key;
  const block = new Uint8Array(64);
  block.set(k);
  k = block;
  const inner = new Uint8Array(64 + data.length);
  const outer = new Uint8Array(64 + 20);
  for (let i = 0; i < 64; i++) {
    inner[i] = k[i]! ^ 0x36;
    outer[i] = k[i]! ^ 0x5c;
  }
  inner.set(data, 64);
  outer.set(sha1(inner), 64);
  return sha1(outer);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? '=' : B64[(n >> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!);
  }
  return out;
}

export function independentSignature(secretKey: string, stringToSign: string): string {
  const enc = new TextEncoder();
  return base64(hmacSha1(enc.encode(secretKey), enc.encode(stringToSign)));
}

/** The same input as the signer under test takes (a type only: no code is shared). */
export type IndependentSignInput = SignRequestInput;

/** A complete signed query (common parameters, Signature) made with this file's signer only. */
export function independentlySigned(input: IndependentSignInput): { params: Record<string, string>; query: string; stringToSign: string } {
  const params: Record<string, string> = {
    ...input.params,
    Action: input.action,
    AccessKeyId: input.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: input.nonce ?? crypto.randomUUID(),
    SignatureVersion: '1.0',
    Timestamp: (input.now ?? new Date()).toISOString().slice(0, 19) + 'Z',
    Version: '2019-08-08',
  };
  const stringToSign = independentStringToSign(input.method, params);
  const all = { ...params, Signature: independentSignature(input.secretKey, stringToSign) };
  const query = Object.entries(all)
    .map(([k, v]) => rfc3986Encode(k) + '=' + rfc3986Encode(v))
    .join('&');
  return { params: all, query, stringToSign };
}
