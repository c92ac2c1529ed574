import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccountSubject } from '../../../openapi/models';
import { call, ctl, expectModel, newEmulator } from '../../helpers/emulator-client';

const SECOND = { AccessKeyId: 'ak-two', SecretKey: 'sk-two' };

describe('DescribeAccountSubject', () => {
  it('every account has the default subject; a seed sets subjects per access key, other accounts keep the default', async () => {
    const emu = newEmulator({ accessKeys: [{ AccessKeyId: 'test-ak', SecretKey: 'test-sk' }, SECOND] });
    const first = await call(emu, 'DescribeAccountSubject');
    expect(first.status, first.text).toBe(200);
    expect(expectModel(z.array(AccountSubject), first.body.Data)).toEqual([expect.objectContaining({ Name: 'EMULATOR-TEST', Balance: 2500 })]);

    const seeded = { Name: 'RENDER-POC', Balance: 12.5, Income: 500, Duration: 30, BeginTime: '2026-03-01', EndTime: '2026-03-31' };
    expect((await ctl(emu, 'POST', '/reset', { AccountSubjects: { 'ak-two': [seeded] } })).status).toBe(200);
    expect((await call(emu, 'DescribeAccountSubject', { ak: SECOND.AccessKeyId, sk: SECOND.SecretKey })).body.Data).toEqual([seeded]);
    expect((await call(emu, 'DescribeAccountSubject')).body.Data[0].Name).toBe('EMULATOR-TEST');
  });

  it('a seed naming an unknown account or a malformed subject is refused and changes nothing', async () => {
    const emu = newEmulator();
    const unknown = await ctl(emu, 'POST', '/reset', { AccountSubjects: { 'ak-nobody': [] } });
    expect([unknown.status, unknown.body.Code]).toEqual([400, 'InvalidParameter']);
    expect(unknown.body.Msg).toContain('ak-nobody');
    expect((await ctl(emu, 'POST', '/reset', { AccountSubjects: { 'test-ak': [{ Name: 'x' }] } })).status).toBe(400);
    expect((await call(emu, 'DescribeAccountSubject')).body.Data[0].Name).toBe('EMULATOR-TEST');
  });
});
