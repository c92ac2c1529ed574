import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnGroup, stopGroup, waitFor, type Spawned } from '../helpers/process-group';
import { independentlySigned } from '../helpers/independent-signature';

// The emulator Worker's own config: it deploys (dry run) and `npm run emulator:worker` serves the
// wire API and the token-guarded control API under wrangler dev.

const run = promisify(execFile);
const dirs: string[] = [];
let dev: Spawned | undefined;
afterAll(async () => {
  await stopGroup(dev);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), name));
  dirs.push(d);
  return d;
};

describe('emulator/wrangler.toml', () => {
  it('npx wrangler deploy --dry-run succeeds and bundles the Worker', async () => {
    const out = tmp('emulator-dry-run-');
    const { stdout } = await run('npx', ['wrangler', 'deploy', '-c', 'emulator/wrangler.toml', '--dry-run', '--outdir', out], { env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
    expect(stdout).toContain('env.SESSIONS (EmulatorSession)');
    expect(readdirSync(out)).toContain('index.js');
  });

  it('npm run emulator:worker -- --port N serves /ecs/v1 per session and /_emulator/* behind the token', async () => {
    const [port, inspector] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${port}`;
    dev = spawnGroup('npm', [
      'run', 'emulator:worker', '--',
      '--port', String(port), '--ip', '127.0.0.1', '--inspector-port', String(inspector), '--show-interactive-dev-session=false',
      '--persist-to', tmp('emulator-worker-state-'),
      '--var', 'EMULATOR_ACCESS_KEYS:team-ak:team-sk', '--var', 'EMULATOR_CONTROL_TOKEN:tok',
    ]);
    await waitFor(`${base}/_emulator/health`, dev, 90_000, { headers: { authorization: 'Bearer tok' } });
    const signed = independentlySigned({ method: 'GET', action: 'DescribeRegions', accessKeyId: 'team-ak', secretKey: 'team-sk' });
    const r = await fetch(`${base}/ecs/v1?${signed.query}`);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { Code: string }).Code).toBe('Success');
    expect((await fetch(`${base}/_emulator/state`)).status).toBe(401);
    const journal = await fetch(`${base}/_emulator/journal?Action=DescribeRegions`, { headers: { authorization: 'Bearer tok' } });
    expect(((await journal.json()) as { Count: number }).Count).toBe(1);
  }, 120_000);
});
