import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, sleep, spawnGroup, stopGroup, waitFor, type Spawned } from '../helpers/process-group';

// The emulator over real HTTP: a control body over 1 MiB is refused with 413, and a client that
// disconnects mid-upload costs one short log line, never a stack trace.

let proc: Spawned;
let port = 0;

beforeAll(async () => {
  port = await freePort();
  proc = spawnGroup('npm', ['run', 'emulator'], { EMULATOR_PORT: String(port), EMULATOR_CLOCK: 'manual' });
  await waitFor(`http://127.0.0.1:${port}/_emulator/health`, proc, 30_000);
}, 40_000);

afterAll(() => stopGroup(proc));

/** Sends the head and part of a body announced as 100 000 bytes, then drops the connection. */
function abortedUpload(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"Seconds":`);
      setTimeout(() => (socket.destroy(), resolve()), 200);
    });
    socket.on('error', reject);
  });
}

describe('emulator server: body limits and aborted uploads', () => {
  it('a 2 MB control body → 413 {"Code":"PayloadTooLarge"}', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/_emulator/clock/advance`, {
      method: 'POST',
      body: ' '.repeat(2 * 1024 * 1024),
      headers: { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ Code: 'PayloadTooLarge' });
  });

  it('an upload aborted mid-body logs one short line per request and no stack trace', async () => {
    const before = proc.output().length;
    await abortedUpload('/_emulator/clock/advance');
    await abortedUpload('/_emulator/reset');
    await sleep(1000);
    const log = proc.output().slice(before);
    const lines = log.split('\n').filter((l) => l.trim());
    expect(lines.filter((l) => l.includes('client went away')), log).toHaveLength(2);
    expect(log).not.toMatch(/^\s+at /m);
    expect(log).not.toContain('unexpected error');
    expect(lines.length, log).toBe(2);
    // The server still answers.
    expect((await fetch(`http://127.0.0.1:${port}/_emulator/health`)).status).toBe(200);
  });
});
