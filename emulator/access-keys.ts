import type { AccessKey } from './store/types';

/** The one account used when none is configured. */
export const DEFAULT_ACCESS_KEY: AccessKey = { AccessKeyId: 'test-ak', SecretKey: 'test-sk' };

/** Reads the key list `ak:sk,ak2:sk2` (`EMULATOR_ACCESS_KEYS`, or createEmulator's string form). */
export function parseAccessKeys(spec: string | undefined): AccessKey[] {
  if (!spec || !spec.trim()) return [{ ...DEFAULT_ACCESS_KEY }];
  return spec.split(',').map((pair, n) => {
    const at = pair.indexOf(':');
    const AccessKeyId = pair.slice(0, at).trim();
    const SecretKey = pair.slice(at + 1).trim();
    // The pair is not echoed: it holds a secret key.
    if (at <= 0 || !AccessKeyId || !SecretKey) throw new Error(`expected ak:sk pairs separated by commas; entry ${n + 1} is not one`);
    return { AccessKeyId, SecretKey };
  });
}
