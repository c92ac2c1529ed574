import { describe, expect, it } from 'vitest';
import vectors from '../../fixtures/signature-vectors.json';
import { hmacSha1Base64, stringToSign } from '../../../openapi/upstream/signature';

describe('signature v1.0 worked examples', () => {
  for (const v of vectors.vectors) {
    it(v.name, async () => {
      const params = v.params as unknown as Record<string, string>;
      const sts = stringToSign(v.method, params);
      expect(sts).toBe(v.stringToSign);
      expect(await hmacSha1Base64(v.secretKey, sts)).toBe(v.signature);
    });
  }
});
