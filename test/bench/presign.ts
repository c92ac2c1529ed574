import { signRequest } from '../../openapi/upstream/signature';

// Wire requests signed ahead of time, so a baseline pays no signing inside the timed region.
// Each one carries its own nonce: the emulator refuses a replayed SignatureNonce.

export interface PresignOptions {
  accessKeyId: string;
  secretKey: string;
  action: string;
  params?: Record<string, string>;
}

/** `n` GET URLs for the emulator's /ecs/v1, each signed once. */
export async function presignedUrls(n: number, o: PresignOptions): Promise<string[]> {
  const urls: string[] = [];
  for (let i = 0; i < n; i++) {
    const signed = await signRequest({ method: 'GET', action: o.action, accessKeyId: o.accessKeyId, secretKey: o.secretKey, params: o.params });
    urls.push(`http://emulator.bench/ecs/v1?${signed.query}`);
  }
  return urls;
}
