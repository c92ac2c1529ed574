import { bench, describe } from 'vitest';
import { signRequest, stringToSign } from '../../openapi/upstream/signature';

// signRequest canonicalises the query, imports the HMAC key and signs, on every call. The
// other benches take it apart: canonicalisation alone, importKey + HMAC without it, and the
// baseline HMAC with a key imported once (what importing per client instead of per call saves).

const encoder = new TextEncoder();
const SECRET = 'sk-bench-0123456789abcdef';
const PARAMS = { AvailableZoneCode: 'CN_Hohhot_B', VpcId: 'vpc-0a1b2c3d', SearchInfo: 'web 01', PageNumber: '1', PageSize: '20' };
const commonParams = () => ({ ...PARAMS, Action: 'DescribeInstanceList', AccessKeyId: 'ak-bench', SignatureMethod: 'HMAC-SHA1', SignatureNonce: crypto.randomUUID(), SignatureVersion: '1.0', Timestamp: '2026-11-27T12:00:00Z', Version: '2019-08-08' });
const data = encoder.encode(stringToSign('GET', commonParams()));
const importKey = () => crypto.subtle.importKey('raw', encoder.encode(SECRET), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
let key: CryptoKey | undefined;
let sink: unknown; // results are kept so no call can be optimised away

describe('signing DescribeInstanceList', () => {
  bench('signRequest (all of it)', async () => {
    sink = await signRequest({ method: 'GET', action: 'DescribeInstanceList', accessKeyId: 'ak-bench', secretKey: SECRET, params: PARAMS });
  });
  bench('stringToSign only', () => {
    sink = stringToSign('GET', commonParams());
  });
  bench('importKey + HMAC', async () => {
    sink = await crypto.subtle.sign('HMAC', await importKey(), data);
  });
  bench(
    'baseline: HMAC, key imported once',
    async () => {
      sink = await crypto.subtle.sign('HMAC', key!, data);
    },
    { setup: async () => void (key ??= await importKey()) },
  );
});
void sink;
