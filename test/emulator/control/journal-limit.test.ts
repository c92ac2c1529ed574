import { describe, expect, it } from 'vitest';
import { call, ctl, newEmulator } from '../../helpers/emulator-client';

// GET /_emulator/journal?limit=N: the newest N calls (the dashboard's tail), oldest first like the full list.

describe('GET /_emulator/journal?limit=', () => {
  it('answers the newest N entries, oldest first; without limit every entry', async () => {
    const emu = newEmulator();
    for (let i = 0; i < 5; i++) await call(emu, 'DescribeRegions');
    const all = (await ctl(emu, 'GET', '/journal')).body.Entries.map((e: { Seq: number }) => e.Seq);
    expect(all).toEqual([1, 2, 3, 4, 5]);
    const tail = await ctl(emu, 'GET', '/journal?limit=2');
    expect(tail.status).toBe(200);
    expect(tail.body.Entries.map((e: { Seq: number }) => e.Seq)).toEqual([4, 5]);
    expect((await ctl(emu, 'GET', '/journal?limit=1000')).body.Entries).toHaveLength(5);
  });

  it('a limit that is not a whole number in 1..1000 → 400 InvalidParameter naming limit', async () => {
    const emu = newEmulator();
    await call(emu, 'DescribeRegions');
    for (const limit of ['0', '-1', '1001', 'ten', '2.5', '', ' 3']) {
      const r = await ctl(emu, 'GET', `/journal?limit=${encodeURIComponent(limit)}`);
      expect(r.status, limit).toBe(400);
      expect(r.body.Code).toBe('InvalidParameter');
      expect(r.body.Msg).toContain('limit');
    }
  });
});
