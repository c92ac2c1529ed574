import { describe, expect, it } from 'vitest';
import { createEmulator, parseAccessKeys } from '../../../emulator';
import { EmulatorSettingsSchema, emulatorSettingsFromEnv, readSettings, SettingsError, withFlags } from '../../../emulator/bin/settings';
import { ctl, expectError, call, newEmulator } from '../../helpers/emulator-client';

describe('EMULATOR_* settings (one zod schema)', () => {
  it('defaults: 127.0.0.1:8788, one account test-ak, wall clock, default durations, the default seed', () => {
    expect(emulatorSettingsFromEnv({})).toEqual({
      host: '127.0.0.1',
      port: 8788,
      seedFile: undefined,
      options: { accessKeys: [{ AccessKeyId: 'test-ak', SecretKey: 'test-sk' }], clock: 'wall', durations: {} },
    });
    // An empty variable is unset, as in a shell.
    expect(emulatorSettingsFromEnv({ EMULATOR_PORT: '', EMULATOR_CLOCK: '', EMULATOR_ACCESS_KEYS: '' }).port).toBe(8788);
  });

  it('reads every variable', () => {
    const s = emulatorSettingsFromEnv({
      EMULATOR_HOST: '0.0.0.0',
      EMULATOR_PORT: '0',
      EMULATOR_SEED: 'seed.json',
      EMULATOR_CLOCK: 'manual',
      EMULATOR_ACCESS_KEYS: 'a:x, b:y',
      EMULATOR_DURATIONS: 'restart_ecs=2',
    });
    expect(s).toEqual({
      host: '0.0.0.0',
      port: 0,
      seedFile: 'seed.json',
      options: { accessKeys: [{ AccessKeyId: 'a', SecretKey: 'x' }, { AccessKeyId: 'b', SecretKey: 'y' }], clock: 'manual', durations: { restart_ecs: 2 } },
    });
    expect(emulatorSettingsFromEnv({ EMULATOR_PORT: '65535' }).port).toBe(65535);
  });

  it('names every bad variable in one error, never a secret key', () => {
    const bad = () =>
      emulatorSettingsFromEnv({ EMULATOR_PORT: '65536', EMULATOR_CLOCK: 'fast', EMULATOR_ACCESS_KEYS: 'good:sk,only-s3cret', EMULATOR_DURATIONS: 'reboot=1' });
    expect(bad).toThrow(/EMULATOR_PORT: must be a port number/);
    expect(bad).toThrow(/EMULATOR_CLOCK: /);
    expect(bad).toThrow(/EMULATOR_ACCESS_KEYS: expected ak:sk pairs separated by commas; entry 2 is not one/);
    expect(bad).toThrow(/EMULATOR_DURATIONS: .*reboot=1/);
    expect(bad).not.toThrow(/s3cret/);
    expect(() => emulatorSettingsFromEnv({ EMULATOR_PORT: '80a' })).toThrow(/EMULATOR_PORT/);
    expect(() => emulatorSettingsFromEnv({ EMULATOR_ACCESS_KEYS: ':sk' })).toThrow(/entry 1/);
    expect(() => emulatorSettingsFromEnv({ EMULATOR_ACCESS_KEYS: 'ak:' })).toThrow(/entry 1/);
  });

  it('createEmulator takes the same string form and says which option is wrong', () => {
    expect(parseAccessKeys(' a : x ')).toEqual([{ AccessKeyId: 'a', SecretKey: 'x' }]);
    expect(() => createEmulator({ accessKeys: 'ak-without-secret' })).toThrow(/^createEmulator accessKeys: .*entry 1/);
  });
});

describe('JSON bodies (one reader for the wire and the control API)', () => {
  it('control API: an empty body where one is required is 400, an empty reset body means the default seed', async () => {
    const emu = newEmulator();
    for (const path of ['/faults', '/instances', '/clock/advance']) {
      const r = await ctl(emu, 'POST', path);
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ Code: 'InvalidParameter', Msg: 'body: a JSON body is required' });
    }
    expect((await ctl(emu, 'POST', '/reset')).body).toMatchObject({ Seed: 'default' });
  });

  it('control API: an unknown instance in a FailNextTransition fault is 404 InstanceNotFound', async () => {
    const r = await ctl(newEmulator(), 'POST', '/faults', { EcsId: 'ins-nope', FailNextTransition: true });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ Code: 'InstanceNotFound', Msg: 'instance ins-nope not found' });
  });

  it('wire: an empty POST body is an empty object (MissingParameter names the field), not unreadable JSON', async () => {
    expectError(await call(newEmulator(), 'ModifyInstanceName', { rawBody: '' }), 400, 'MissingParameter', 'EcsId');
  });

  it('Emulator.reset() and POST /_emulator/reset do the same: seed, faults and journal', async () => {
    const emu = newEmulator();
    await ctl(emu, 'POST', '/faults', { Status: 503 });
    await ctl(emu, 'POST', '/instances', {});
    await call(emu, 'DescribeRegions');
    expect((await ctl(emu, 'GET', '/journal')).body.Entries).toHaveLength(1);
    emu.reset();
    expect((await ctl(emu, 'GET', '/faults')).body.Faults).toEqual([]);
    expect((await ctl(emu, 'GET', '/journal')).body.Entries).toEqual([]);
    expect([...emu.store.accounts.values()][0]!.Instances.size).toBe(5);
  });

  it('a bin flag wins over its variable, and an error names both', () => {
    const variables = { port: 'EMULATOR_PORT', clock: 'EMULATOR_CLOCK' };
    const env = withFlags({ EMULATOR_PORT: '9000', EMULATOR_CLOCK: 'manual' }, { port: '9001', help: true }, variables);
    expect(env).toEqual({ EMULATOR_PORT: '9001', EMULATOR_CLOCK: 'manual' });
    const bad = () => readSettings(EmulatorSettingsSchema, withFlags({}, { port: 'x' }, variables), variables);
    expect(bad).toThrow(SettingsError);
    expect(bad).toThrow(/EMULATOR_PORT \(--port\): must be a port number/);
  });
});
