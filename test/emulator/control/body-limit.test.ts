import { describe, expect, it } from 'vitest';
import { EMULATOR_MAX_BODY_BYTES as MAX_CONTROL_BODY_BYTES } from '../../../emulator/json-body';
import { ctl, newEmulator } from '../../helpers/emulator-client';

// Control API bodies are capped at 1 MiB: larger ones get 413 {"Code","Msg"} and are not read whole.

const MB2 = 2 * 1024 * 1024;

/** A body of `total` bytes produced chunk by chunk; `pulled()` tells how much was read. */
function countedStream(total: number, chunk = 64 * 1024) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(ctl) {
      if (sent >= total) return ctl.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      ctl.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
  return { stream, pulled: () => sent };
}

describe('control API body limit', () => {
  it('a 2 MB body with Content-Length → 413 PayloadTooLarge envelope', async () => {
    const emu = newEmulator();
    const res = await ctl(emu, 'POST', '/clock/advance', ' '.repeat(MB2));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ Code: 'PayloadTooLarge', Msg: `body: at most ${MAX_CONTROL_BODY_BYTES} bytes` });
  });

  it('a streamed 2 MB body without Content-Length → 413, read no further than the cap', async () => {
    const emu = newEmulator();
    const { stream, pulled } = countedStream(MB2);
    const res = await emu.fetch(new Request('http://127.0.0.1/_emulator/reset', { method: 'POST', body: stream, duplex: 'half' } as RequestInit));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { Code: string }).Code).toBe('PayloadTooLarge');
    expect(pulled()).toBeLessThan(MAX_CONTROL_BODY_BYTES + 256 * 1024);
    // Nothing was applied.
    expect((await ctl(emu, 'GET', '/health')).status).toBe(200);
  });

  it('a body just under the cap is read and applied', async () => {
    const emu = newEmulator();
    const body = JSON.stringify({ Seconds: 60 }).padEnd(MAX_CONTROL_BODY_BYTES, ' ');
    const res = await ctl(emu, 'POST', '/clock/advance', body);
    expect(res.status, res.text).toBe(200);
  });
});
