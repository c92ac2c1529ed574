/** Longest accepted Idempotency-Key (over 255 → 400). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** 1–255 printable ASCII characters (0x20–0x7E), e.g. a UUID. */
export function isValidIdempotencyKey(key: string): boolean {
  return key.length >= 1 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH && /^[\x20-\x7E]+$/.test(key);
}

/**
 * Name of the Durable Object holding one caller's key. JSON keeps the two parts unambiguous
 * whatever characters they contain; the version allows a format change without collisions.
 */
export function storeObjectName(callerId: string, key: string): string {
  return JSON.stringify(['idem-v1', callerId, key]);
}
