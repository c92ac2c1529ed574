import { sha256 } from 'hono/utils/crypto';
import { timingSafeEqual } from 'hono/utils/buffer';
/** `read` may call GET routes, `write` everything. */
export type TokenScope = 'read' | 'write';

// GATEWAY_TOKENS = `token:scope,...`. Parsed (and hashed) once per isolate per value; a lookup
// hashes the presented token with SHA-256 and compares digests in constant time against every
// entry, so neither the token length nor the position of a mismatch shows in the timing.

interface TokenEntry {
  digest: string;
  scope: TokenScope;
}

let cached: { source: string; entries: Promise<TokenEntry[]> } | undefined;

/** SHA-256 of a token, hex (null only where Web Crypto is missing, never in Workers or Node). */
const digestOf = async (token: string) => (await sha256(token))!;

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

function gatewayTokens(source: string): Promise<TokenEntry[]> {
  if (cached?.source !== source) {
    cached = { source, entries: Promise.all(parseTokenList(source).map(async ({ token, scope }) => ({ digest: await digestOf(token), scope }))) };
  }
  return cached.entries;
}

/**
 * The presented token's digest (hashed once per request: it also names the caller) and its scope,
 * undefined for an unknown token. Every entry is compared, match or not.
 */
export async function findToken(source: string, presented: string): Promise<{ digest: string; scope: TokenScope | undefined }> {
  const [entries, digest] = await Promise.all([gatewayTokens(source), digestOf(presented)]);
  let scope: TokenScope | undefined;
  for (const entry of entries) if ((await timingSafeEqual(entry.digest, digest)) && !scope) scope = entry.scope;
  return { digest, scope };
}

/** A stable, non-secret id of a secret (the first 128 bits of its SHA-256, hex). */
export async function publicIdOf(secret: string): Promise<string> {
  return (await digestOf(secret)).slice(0, 32);
}

let account: { secretId: string; id: Promise<string> } | undefined;

/** The non-secret id of the upstream account (publicIdOf the access key id), computed once per value. */
export function accountIdOf(secretId: string): Promise<string> {
  if (account?.secretId !== secretId) account = { secretId, id: publicIdOf(secretId) };
  return account.id;
}
