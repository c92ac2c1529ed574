import { timingSafeEqualBytes } from '../../openapi/upstream/signature';
import type { TokenScope } from '../env';

// GATEWAY_TOKENS = `token:scope,...`. Parsed (and hashed) once per isolate per value; a lookup
// hashes the presented token with SHA-256 and compares digests in constant time against every
// entry, so neither the token length nor the position of a mismatch shows in the timing.

export interface TokenEntry {
  digest: Uint8Array;
  scope: TokenScope;
}

const encoder = new TextEncoder();
let cached: { source: string; entries: Promise<TokenEntry[]> } | undefined;

export async function sha256(value: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(value)));
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(value: string): Promise<string> {
  return hex(await sha256(value));
}

/** Length of the non-secret ids made from a hash (callerId, accountId). */
const ID_LENGTH = 32;

/** Entries with an empty token or a scope other than read / write are ignored. */
export function parseTokenList(source: string): { token: string; scope: TokenScope }[] {
  return source
    .split(',')
    .map((item) => item.trim())
    .map((item) => {
      const at = item.lastIndexOf(':'); // a token may itself hold colons; the scope never does
      // An entry without a colon has no scope: ignore it (never read "write" as token "writ").
      return at <= 0 ? { token: '', scope: '' } : { token: item.slice(0, at).trim(), scope: item.slice(at + 1).trim() };
    })
    .filter((e): e is { token: string; scope: TokenScope } => e.token.length > 0 && (e.scope === 'read' || e.scope === 'write'));
}

export function gatewayTokens(source: string): Promise<TokenEntry[]> {
  if (cached?.source !== source) {
    cached = { source, entries: Promise.all(parseTokenList(source).map(async ({ token, scope }) => ({ digest: await sha256(token), scope }))) };
  }
  return cached.entries;
}

/**
 * The scope of the presented token (undefined when unknown; every entry is compared, match or
 * not) and its id: the first 32 hex digits of its SHA-256, from the same one hash.
 */
export async function identify(source: string, presented: string): Promise<{ scope: TokenScope | undefined; callerId: string }> {
  const [entries, digest] = await Promise.all([gatewayTokens(source), sha256(presented)]);
  let scope: TokenScope | undefined;
  for (const entry of entries) if (timingSafeEqualBytes(entry.digest, digest) && !scope) scope = entry.scope;
  return { scope, callerId: hex(digest).slice(0, ID_LENGTH) };
}

export async function scopeOf(source: string, presented: string): Promise<TokenScope | undefined> {
  return (await identify(source, presented)).scope;
}

let account: { secretId: string; id: Promise<string> } | undefined;

/** The non-secret id of the upstream account (hash of the access key id), computed once per value. */
export function accountIdOf(secretId: string): Promise<string> {
  if (account?.secretId !== secretId) account = { secretId, id: sha256Hex(secretId).then((h) => h.slice(0, ID_LENGTH)) };
  return account.id;
}
