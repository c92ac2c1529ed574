import { describe, expect, it } from 'vitest';
import { canonicalQuery, hmacSha1Base64, stringToSign } from '../../../openapi/upstream/signature';
import { independentSignature, independentStringToSign } from '../../helpers/independent-signature';

// Fixed vectors whose keys differ only in case, '_', '-', '.' and non-ASCII, so only a sort by the
// keys' UTF-8 bytes gets them right (a locale or case-insensitive sort puts `a` before `A`, `_`
// first, `é` next to `e`). The expected strings and signatures were computed outside this repo
// with Python's urllib.parse.quote(safe='-_.~'), sorted(key=str.encode) and hmac/hashlib SHA-1,
// and are checked against both the signer and the independent test signer.

const COMMON = {
  Action: 'DescribeInstanceList',
  AccessKeyId: 'AKID-EXAMPLE',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '9b2f7c1e-0000-4000-8000-000000000001',
  SignatureVersion: '1.0',
  Timestamp: '2026-01-02T03:04:05Z',
  Version: '2019-08-08',
};
const SECRET_KEY = 'SK-EXAMPLE';

const vectors = [
  {
    name: 'keys a_b, aB, A, Ab, a',
    method: 'GET',
    params: { ...COMMON, a_b: '1', aB: '2', A: '3', Ab: '4', a: '5' },
    order: ['A', 'Ab', 'AccessKeyId', 'Action', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version', 'a', 'aB', 'a_b'],
    stringToSign:
      'GET&%2F&A%3D3%26Ab%3D4%26AccessKeyId%3DAKID-EXAMPLE%26Action%3DDescribeInstanceList%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D9b2f7c1e-0000-4000-8000-000000000001%26SignatureVersion%3D1.0%26Timestamp%3D2026-01-02T03%253A04%253A05Z%26Version%3D2019-08-08%26a%3D5%26aB%3D2%26a_b%3D1',
    signature: 'w5x4vGChXDzADh+woVVxWU6UWIE=',
  },
  {
    name: "keys with '_', '-', '.', upper and lower Z, and é; values with space, *, ~, CJK and empty",
    method: 'POST',
    params: { a_b: 'x y', aB: '*', A: '云', Ab: '~', a: '', Z: 'z', _: 'u', 'a-b': 'h', 'a.b': 'd', é: 'e', z: 'last', ...COMMON },
    order: ['A', 'Ab', 'AccessKeyId', 'Action', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version', 'Z', '_', 'a', 'a-b', 'a.b', 'aB', 'a_b', 'z', 'é'],
    stringToSign:
      'POST&%2F&A%3D%25E4%25BA%2591%26Ab%3D~%26AccessKeyId%3DAKID-EXAMPLE%26Action%3DDescribeInstanceList%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D9b2f7c1e-0000-4000-8000-000000000001%26SignatureVersion%3D1.0%26Timestamp%3D2026-01-02T03%253A04%253A05Z%26Version%3D2019-08-08%26Z%3Dz%26_%3Du%26a%3D%26a-b%3Dh%26a.b%3Dd%26aB%3D%252A%26a_b%3Dx%2520y%26z%3Dlast%26%25C3%25A9%3De',
    signature: 'H63FeL/lHabXc3vxAYeTXcsL1ho=',
  },
];

describe('signature: keys sorted by their bytes', () => {
  for (const v of vectors) {
    it(v.name, async () => {
      const keys = canonicalQuery(v.params).split('&').map((pair) => decodeURIComponent(pair.slice(0, pair.indexOf('='))));
      expect(keys).toEqual(v.order);
      expect(stringToSign(v.method, v.params)).toBe(v.stringToSign);
      expect(await hmacSha1Base64(SECRET_KEY, v.stringToSign)).toBe(v.signature);
      // The test signer the fake upstream and the emulator tests rely on agrees too.
      expect(independentStringToSign(v.method, v.params)).toBe(v.stringToSign);
      expect(independentSignature(SECRET_KEY, v.stringToSign)).toBe(v.signature);
    });
  }
});
