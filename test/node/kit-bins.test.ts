import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnGroup, stopGroup, waitFor, type Spawned } from '../helpers/process-group';

// The package's bins, run from source: flags, the environment, and a taken port in one line.

const procs: Spawned[] = [];
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(procs.map((p) => stopGroup(p, 'SIGKILL')));
  servers.forEach((s) => s.close());
});

function bin(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
  const p = spawnGroup('npx', ['tsx', `emulator/bin/${name}.ts`, ...args], env);
  procs.push(p);
  return p;
}
const exited = (p: Spawned) => new Promise<number | null>((r) => (p.child.exitCode !== null ? r(p.child.exitCode) : p.child.once('exit', (code) => r(code))));

async function takenPort(): Promise<number> {
  const port = await freePort();
  const server = createServer();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  servers.push(server);
  return port;
}

describe('ecs-emulator', () => {
  it('--help lists every flag with its variable', async () => {
    const p = bin('ecs-emulator', ['--help']);
    expect(await exited(p)).toBe(0);
    for (const word of ['--host', '--port', '--access-keys', '--clock', '--seed', '--durations', 'EMULATOR_PORT', 'EMULATOR_SEED']) expect(p.output()).toContain(word);
  }, 30_000);

  it('flags win over the environment', async () => {
    const port = await freePort();
    const p = bin('ecs-emulator', ['--port', String(port), '--clock', 'manual', '--access-keys', 'flag-ak:flag-sk'], { EMULATOR_PORT: '1', EMULATOR_CLOCK: 'wall', EMULATOR_ACCESS_KEYS: 'env-ak:env-sk' });
    const health = (await (await waitFor(`http://127.0.0.1:${port}/_emulator/health`, p, 30_000)).json()) as { Clock: { Mode: string }; Accounts: string[] };
    expect(health).toMatchObject({ Clock: { Mode: 'manual' }, Accounts: ['flag-ak'] });
    expect(p.output()).not.toContain('flag-sk');
  }, 40_000);

  it('a taken port, an unknown flag and a bad seed file are one line each, no stack trace', async () => {
    const port = await takenPort();
    const cases: [string[], RegExp][] = [
      [['--port', String(port)], new RegExp(`^ecs-emulator: port ${port} on 127\\.0\\.0\\.1 is already in use; pick another with --port <n> or EMULATOR_PORT\\n$`)],
      [['--colck', 'manual'], /^ecs-emulator: Unknown option '--colck'.*\(see --help\)\n$/],
      [['--seed', '/no/such/seed.json'], /^ecs-emulator: seed file \/no\/such\/seed\.json: ENOENT\n$/],
    ];
    for (const [args, line] of cases) {
      const p = bin('ecs-emulator', args);
      expect(await exited(p)).not.toBe(0);
      expect(p.output()).toMatch(line);
    }
  }, 60_000);
});

describe('ecs-gateway-dev', () => {
  it('a taken gateway or emulator port is one line naming the flag, and nothing starts', async () => {
    const taken = await takenPort();
    const free = await freePort();
    const gateway = bin('ecs-gateway-dev', ['--port', String(taken), '--emulator-port', String(free)]);
    expect(await exited(gateway)).toBe(1);
    expect(gateway.output()).toBe(`ecs-gateway-dev: port ${taken} on 127.0.0.1 is already in use; pick another with --port <n> or GATEWAY_PORT\n`);
    const emulator = bin('ecs-gateway-dev', [], { GATEWAY_PORT: String(free), EMULATOR_PORT: String(taken) });
    expect(await exited(emulator)).toBe(1);
    expect(emulator.output()).toBe(`ecs-gateway-dev: port ${taken} on 127.0.0.1 is already in use; pick another with --emulator-port <n> or EMULATOR_PORT\n`);
  }, 60_000);
});
