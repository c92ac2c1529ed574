import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnGroup, stopGroup, waitFor, type Spawned } from '../helpers/process-group';

// `npm start` after an early refusal: a 401 answered before the body is read must leave the next
// request alone. (wrangler dev's dev proxy broke it: the next GET hung, the next POST got 503.)
// Each request is bounded, so a hang fails the round instead of the test run.

const ROUNDS = 40;
const PER_REQUEST_MS = 5000;

let proc: Spawned | undefined;
let gw = '';

beforeAll(async () => {
  const [emuPort, gwPort] = [await freePort(), await freePort()];
  gw = `http://127.0.0.1:${gwPort}`;
  proc = spawnGroup('npm', ['start'], { EMULATOR_PORT: String(emuPort), GATEWAY_PORT: String(gwPort), EMULATOR_CLOCK: 'manual' });
  await waitFor(`${gw}/healthz`, proc, 60_000);
}, 70_000);
afterAll(() => stopGroup(proc), 15_000);

/** The status of one bounded request, or how it failed (`timeout`, or the error's name). */
async function statusOf(path: string, init: RequestInit): Promise<number | string> {
  try {
    const res = await fetch(`${gw}${path}`, { ...init, signal: AbortSignal.timeout(PER_REQUEST_MS) });
    await res.arrayBuffer();
    return res.status;
  } catch (e) {
    return (e as Error).name === 'TimeoutError' ? 'timeout' : (e as Error).name;
  }
}

describe('npm start: a refused request, then a normal one', () => {
  it(`answers both promptly, ${ROUNDS} times of ${ROUNDS} (small and 60 KB refused bodies)`, async () => {
    const rounds: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // No token: refused with 401 before the body is read; every other round with a 60 KB body.
      const body = JSON.stringify({ EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs', pad: i % 2 ? 'x'.repeat(60_000) : '' });
      const refused = await statusOf('/v1/instances/operate', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
      const normal =
        i % 2
          ? await statusOf('/v1/instances/ins-demand-cpu-ssd', { headers: { Authorization: 'Bearer dev-token' } })
          : await statusOf('/v1/instances/rename-me', { method: 'PATCH', body: '{"Name":"x"}', headers: { Authorization: 'Bearer dev-token', 'Content-Type': 'application/json' } });
      rounds.push(`${refused}/${normal}`);
    }
    const expected = Array.from({ length: ROUNDS }, (_, i) => (i % 2 ? '401/200' : '401/404'));
    expect(rounds, proc?.output()).toEqual(expected);
  }, ROUNDS * 2 * PER_REQUEST_MS);
});
