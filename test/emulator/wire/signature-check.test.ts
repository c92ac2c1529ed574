import { describe, expect, it } from 'vitest';
import { independentSignature, independentStringToSign, independentlySigned, rfc3986Encode } from '../../helpers/independent-signature';
import { AK, SK, call, ctl, expectError, newEmulator, send } from '../../helpers/emulator-client';

describe('signature enforcement (docs/upstream-protocol.md)', () => {
  it('accepts a correctly signed call', async () => {
    const r = await call(newEmulator(), 'DescribeRegions');
    expect(r.status).toBe(200);
    expect(r.body.Code).toBe('Success');
  });

  it('bad signature → 403 SignatureDoesNotMatch with the string-to-sign the emulator computed', async () => {
    const emu = newEmulator();
    const signed = independentlySigned({ method: 'GET', action: 'DescribeRegions', accessKeyId: AK, secretKey: 'wrong-secret' });
    const r = await send(emu, `/ecs/v1?${signed.query}`, 'GET');
    expectError(r, 403, 'SignatureDoesNotMatch');
    // Same string as the client computed: the difference is the key, which the message never shows.
    expect(r.body.Msg).toContain(signed.stringToSign);
    expect(r.body.Msg).not.toContain(SK);
  });

  it('a tampered parameter breaks the signature, and the shown string-to-sign reveals the difference', async () => {
    const emu = newEmulator();
    const signed = independentlySigned({ method: 'GET', action: 'DescribeInstance', accessKeyId: AK, secretKey: SK, params: { EcsId: 'ins-demand-cpu-ssd' } });
    const r = await send(emu, `/ecs/v1?${signed.query.replace('ins-demand-cpu-ssd', 'ins-demand-gpu-ssd')}`, 'GET');
    expectError(r, 403, 'SignatureDoesNotMatch', 'EcsId%3Dins-demand-gpu-ssd');
  });

  it('the method is part of the signature (GET signature sent as POST)', async () => {
    const emu = newEmulator();
    const signed = independentlySigned({ method: 'GET', action: 'OperateInstance', accessKeyId: AK, secretKey: SK });
    const r = await send(emu, `/ecs/v1?${signed.query}`, 'POST', JSON.stringify({ EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' }));
    expectError(r, 403, 'SignatureDoesNotMatch', 'POST&%2F&');
  });

  it('the POST body is not signed', async () => {
    const emu = newEmulator();
    const r = await call(emu, 'ModifyInstanceName', { body: { EcsId: 'ins-demand-cpu-ssd', Name: 'renamed' } });
    expect(r.status).toBe(200);
    expect(r.body.Data).toEqual({ EcsId: 'ins-demand-cpu-ssd', Name: 'renamed' });
  });

  it('encodes values per RFC 3986 (space, *, unicode) exactly as the client', async () => {
    const emu = newEmulator();
    const r = await call(emu, 'DescribeInstanceList', { params: { SearchInfo: 'web 01*名' } });
    expect(r.status).toBe(200);
    expect(r.body.TotalCount).toBe(0);
    // The signature helper used by the client matches the published worked example encoding.
    expect(rfc3986Encode('a b*~')).toBe('a%20b%2A~');
  });

  it('unknown AccessKeyId → 403 InvalidAccessKeyId', async () => {
    const r = await call(newEmulator(), 'DescribeRegions', { ak: 'nobody', sk: 'x' });
    expectError(r, 403, 'InvalidAccessKeyId', 'nobody');
  });

  it('Timestamp more than 15 minutes off wall-clock time → 403 RequestExpired (both directions)', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'DescribeRegions', { now: new Date(Date.now() - 16 * 60_000) }), 403, 'RequestExpired');
    expectError(await call(emu, 'DescribeRegions', { now: new Date(Date.now() + 16 * 60_000) }), 403, 'RequestExpired');
    expect((await call(emu, 'DescribeRegions', { now: new Date(Date.now() - 14 * 60_000) })).status).toBe(200);
  });

  it('uses wall-clock time for Timestamp, not the manual emulator clock', async () => {
    const emu = newEmulator();
    await ctl(emu, 'POST', '/clock/advance', { Seconds: 3600 });
    expect((await call(emu, 'DescribeRegions')).status).toBe(200);
  });

  it('injected wall clock decides expiry', async () => {
    const fixed = Date.parse('2026-01-02T03:04:05Z');
    const emu = newEmulator({ wallNow: () => fixed });
    expect((await call(emu, 'DescribeRegions', { now: new Date(fixed + 60_000) })).status).toBe(200);
    expectError(await call(emu, 'DescribeRegions', { now: new Date(fixed + 15 * 60_000 + 1000) }), 403, 'RequestExpired');
  });

  it('malformed Timestamp → 400 InvalidParameter naming Timestamp', async () => {
    const emu = newEmulator();
    const params: Record<string, string> = {
      Action: 'DescribeRegions', AccessKeyId: AK, SignatureMethod: 'HMAC-SHA1', SignatureNonce: crypto.randomUUID(),
      SignatureVersion: '1.0', Timestamp: '2026-01-02 03:04:05', Version: '2019-08-08',
    };
    const sig = independentSignature(SK, independentStringToSign('GET', params));
    const q = new URLSearchParams({ ...params, Signature: sig }).toString();
    expectError(await send(emu, `/ecs/v1?${q}`, 'GET'), 400, 'InvalidParameter', 'Timestamp');
  });

  it('replayed SignatureNonce → 403 SignatureNonceUsed; a fresh nonce works', async () => {
    const emu = newEmulator();
    const nonce = crypto.randomUUID();
    expect((await call(emu, 'DescribeRegions', { nonce })).status).toBe(200);
    expectError(await call(emu, 'DescribeRegions', { nonce }), 403, 'SignatureNonceUsed', nonce);
    expect((await call(emu, 'DescribeRegions')).status).toBe(200);
  });

  it('a bad-signature request does not burn its nonce', async () => {
    const emu = newEmulator();
    const nonce = crypto.randomUUID();
    expectError(await call(emu, 'DescribeRegions', { nonce, sk: 'bad' }), 403, 'SignatureDoesNotMatch');
    expect((await call(emu, 'DescribeRegions', { nonce })).status).toBe(200);
  });

  it('missing common parameter → 400 MissingParameter naming it', async () => {
    const emu = newEmulator();
    const signed = independentlySigned({ method: 'GET', action: 'DescribeRegions', accessKeyId: AK, secretKey: SK });
    for (const drop of ['SignatureNonce', 'Timestamp', 'Signature', 'Version', 'AccessKeyId', 'Action']) {
      const q = new URLSearchParams(signed.params);
      q.delete(drop);
      expectError(await send(emu, `/ecs/v1?${q}`, 'GET'), 400, 'MissingParameter', drop);
    }
  });

  it('wrong SignatureMethod → 400 InvalidParameter', async () => {
    const emu = newEmulator();
    const signed = independentlySigned({ method: 'GET', action: 'DescribeRegions', accessKeyId: AK, secretKey: SK });
    const q = new URLSearchParams({ ...signed.params, SignatureMethod: 'HMAC-SHA256' });
    expectError(await send(emu, `/ecs/v1?${q}`, 'GET'), 400, 'InvalidParameter', 'SignatureMethod');
  });

  it('unknown Action → 400 InvalidAction', async () => {
    expectError(await call(newEmulator(), 'RunInstances'), 400, 'InvalidAction', 'RunInstances');
  });

  it('action on the wrong path → 400 InvalidAction (ExtendDisk on /ecs/v1, DescribeRegions on /ebs/v1)', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'ExtendDisk', { body: { DiskId: 'disk-demand-cpu-ssd-data', ExtendedSize: 104 } }), 400, 'InvalidAction', '/ebs/v1');
    expectError(await call(emu, 'DescribeRegions', { service: 'ebs' }), 400, 'InvalidAction', '/ecs/v1');
  });

  it('action with the wrong method → 400 InvalidAction', async () => {
    const emu = newEmulator();
    expectError(await call(emu, 'DescribeRegions', { method: 'POST', body: {} }), 400, 'InvalidAction', 'GET');
    expectError(await call(emu, 'OperateInstance', { method: 'GET' }), 400, 'InvalidAction', 'POST');
  });

  it('an unknown path → 400 InvalidAction', async () => {
    const emu = newEmulator();
    const signed = independentlySigned({ method: 'GET', action: 'DescribeRegions', accessKeyId: AK, secretKey: SK });
    expectError(await send(emu, `/vpc/v1?${signed.query}`, 'GET'), 400, 'InvalidAction');
  });
});

describe('official Go SDK signing variant', () => {
  it('accepts a space signed as + (url.QueryEscape), as the Go SDK does', async () => {
    const emu = newEmulator();
    expect((await call(emu, 'ModifyInstanceName', { body: { EcsId: 'ins-demand-cpu-ssd', Name: 'web 01' } })).status).toBe(200);
    const params: Record<string, string> = {
      Action: 'DescribeInstanceList', AccessKeyId: AK, SignatureMethod: 'HMAC-SHA1', SignatureNonce: crypto.randomUUID(),
      SignatureVersion: '1.0', Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), Version: '2019-08-08', SearchInfo: 'web 01',
    };
    const goCanonical = Object.keys(params).sort().map((k) => `${rfc3986Encode(k)}=${rfc3986Encode(params[k]!).replaceAll('%20', '+')}`).join('&');
    const sig = independentSignature(SK, `GET&%2F&${rfc3986Encode(goCanonical)}`);
    const q = new URLSearchParams({ ...params, Signature: sig }).toString(); // url.Values.Encode: space as +
    const r = await send(emu, `/ecs/v1?${q}`, 'GET');
    expect(r.status, r.text).toBe(200);
    expect(r.body.Data.EcsList.map((e: { EcsId: string }) => e.EcsId)).toEqual(['ins-demand-cpu-ssd']);
    // A wrong secret still fails in both variants.
    const bad = independentSignature('nope', `GET&%2F&${rfc3986Encode(goCanonical)}`);
    const q2 = new URLSearchParams({ ...params, SignatureNonce: crypto.randomUUID(), Signature: bad }).toString();
    expectError(await send(emu, `/ecs/v1?${q2}`, 'GET'), 403, 'SignatureDoesNotMatch');
  });
});
