import { describe, expect, it } from 'vitest';
import { hmacSha1Base64, percentEncode, signRequest, stringToSign } from '../../../openapi/upstream/signature';
import vectors from '../../fixtures/signature-vectors.json';
import { independentSignature, independentStringToSign, rfc3986Encode } from '../../helpers/independent-signature';

// The Web Crypto signer against an independent implementation (hand-written RFC 3986 encoder,
// SHA-1 and HMAC in plain TypeScript), on generated UTF-8 strings.

/** A small seeded PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOLS = [
  'abcXYZ019',
  '-_.~',
  " !\"#$%&'()*+,/:;<=>?@[\\]^`{|}",
  '\t\n\r',
  '云服务器首都在线呼和浩特宿迁',
  'ñéüßçø',
  '😀🚀👍🏽🇨🇳',
  '\u00a0\u2028\u200d',
];

function randomString(rand: () => number, maxLength = 24): string {
  const length = Math.floor(rand() * maxLength);
  let out = '';
  for (let i = 0; i < length; i++) {
    const pool = [...POOLS[Math.floor(rand() * POOLS.length)]!];
    out += pool[Math.floor(rand() * pool.length)];
  }
  return out;
}

describe('independent implementation agrees with the worked examples', () => {
  for (const v of vectors.vectors) {
    it(v.name, () => {
      const params = v.params as unknown as Record<string, string>;
      expect(independentStringToSign(v.method, params)).toBe(v.stringToSign);
      expect(independentSignature(v.secretKey, v.stringToSign)).toBe(v.signature);
    });
  }
});

describe('signature on generated UTF-8 strings', () => {
  it('percentEncode matches the RFC 3986 byte rules on 2000 strings', () => {
    const rand = prng(1);
    for (let i = 0; i < 2000; i++) {
      const s = randomString(rand);
      expect(percentEncode(s), JSON.stringify(s)).toBe(rfc3986Encode(s));
    }
  });

  it('encodes the tricky characters as the design says', () => {
    expect(percentEncode(' ')).toBe('%20');
    expect(percentEncode('*')).toBe('%2A');
    expect(percentEncode('~')).toBe('~');
    expect(percentEncode("!'()")).toBe('%21%27%28%29');
    expect(percentEncode('😀')).toBe('%F0%9F%98%80');
    expect(percentEncode('云')).toBe('%E4%BA%91');
  });

  it('string-to-sign and HMAC match the independent implementation on 300 random requests', async () => {
    const rand = prng(42);
    for (let i = 0; i < 300; i++) {
      const params: Record<string, string> = {};
      const count = 1 + Math.floor(rand() * 5);
      for (let j = 0; j < count; j++) params[randomString(rand, 8) || `k${j}`] = randomString(rand);
      const method = rand() < 0.5 ? 'GET' : 'POST';
      const secretKey = randomString(rand, 40) || 'k';
      const signed = await signRequest({ method, action: 'DescribeInstanceList', accessKeyId: randomString(rand, 12) || 'ak', secretKey, params, nonce: crypto.randomUUID(), now: new Date(Date.UTC(2026, 0, 1 + (i % 28), i % 24)) });
      const label = JSON.stringify({ params, secretKey });
      expect(signed.stringToSign, label).toBe(independentStringToSign(method, signed.params));
      expect(signed.params.Signature, label).toBe(independentSignature(secretKey, signed.stringToSign));
      expect(await hmacSha1Base64(secretKey, signed.stringToSign)).toBe(signed.params.Signature);
      // The query string carries exactly the signed parameters, RFC 3986 encoded, no '+'.
      const decoded = Object.fromEntries(signed.query.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
      expect(decoded, label).toEqual(signed.params);
      expect(signed.query).not.toContain('+');
    }
  });

  it('sorts keys by byte order, not by locale or UTF-16 units', () => {
    const params = { b: '1', B: '2', a: '3', '😀': '4', 'ｚ': '5', _: '6' };
    expect(stringToSign('GET', params)).toBe(independentStringToSign('GET', params));
  });

  it('long secret keys (over one HMAC block) agree too', async () => {
    const secretKey = '密'.repeat(40);
    const sts = independentStringToSign('GET', { Action: 'DescribeRegions' });
    expect(await hmacSha1Base64(secretKey, sts)).toBe(independentSignature(secretKey, sts));
  });
});
