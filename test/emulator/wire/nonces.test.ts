import { describe, expect, it } from 'vitest';
import { NonceCache } from '../../../emulator/wire/nonces';

describe('NonceCache (15-minute replay window)', () => {
  const WINDOW = 15 * 60_000;

  it('refuses a nonce seen within the window, per access key', () => {
    const cache = new NonceCache(WINDOW);
    expect(cache.claim('ak', 'n1', 0)).toBe(true);
    expect(cache.claim('ak', 'n1', WINDOW - 1)).toBe(false);
    expect(cache.claim('other-ak', 'n1', 1)).toBe(true);
  });

  it('accepts the nonce again once the window has passed', () => {
    const cache = new NonceCache(WINDOW);
    expect(cache.claim('ak', 'n1', 0)).toBe(true);
    expect(cache.claim('ak', 'n1', WINDOW)).toBe(true);
    expect(cache.claim('ak', 'n1', WINDOW + 1)).toBe(false);
  });

  it('forgets expired nonces, so memory stays bounded by the window', () => {
    const cache = new NonceCache(1000);
    for (let t = 0; t < 50_000; t++) cache.claim('ak', `n${t}`, t);
    // Only the nonces of the last 1000 ms are still remembered.
    expect(cache.size).toBe(1000);
    expect(cache.claim('ak', 'n49999', 50_000)).toBe(false);
    expect(cache.claim('ak', 'n48999', 50_000)).toBe(true);
  });
});
