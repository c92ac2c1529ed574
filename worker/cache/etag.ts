import { encodeBase64Url } from 'hono/utils/encode';

/** A strong entity tag for a body: the quoted SHA-256 of its bytes, base64url without padding. */
export async function strongEtag(bodyText: string): Promise<string> {
  // hono/utils/crypto's sha256 gives hex only; the tag is the shorter base64url of the raw digest.
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(bodyText));
  return `"${encodeBase64Url(digest).replace(/=+$/, '')}"`;
}

/**
 * Whether an If-None-Match header matches the current tag (RFC 9110 13.1.2: weak comparison,
 * so `W/"x"` matches `"x"`; `*` matches any current representation).
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const trimmed = header.trim();
  if (trimmed === '*') return true;
  const opaque = stripWeak(etag);
  return (trimmed.match(/(?:W\/)?"[^"]*"/g) ?? []).some((candidate) => stripWeak(candidate) === opaque);
}

function stripWeak(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}
