import { bench, describe } from 'vitest';
import { benchGateway, type BenchGateway } from './bench-gateway';

// The edge cache's reason to exist: a KV hit against the full upstream round trip it saves
// (`Cache-Control: no-cache` forces the miss: sign, call the emulator, parse, write KV).
// With +20 ms the emulator models a real network; without it the difference is pure work.
// Naming: the bench whose name starts with "baseline" is what the others are compared with.

const PATHS: [string, string][] = [
  ['GET /v1/regions', '/v1/regions'],
  ['GET /v1/families', '/v1/families?AvailableZoneCode=CN_Hohhot_B&BillingMethod=0'],
];

for (const delayMs of [0, 20]) {
  for (const [label, path] of PATHS) {
    describe(`cache ${label}, upstream +${delayMs} ms`, () => {
      let gw: BenchGateway | undefined;
      // One gateway per group (lazily, in workerd's request context); the first call fills KV.
      const setup = async () => {
        if (!gw) {
          gw = await benchGateway({ delayMs });
          await gw.get(path);
        }
      };
      // 1 s per bench steadies the means on a busy machine; a slow miss gets a fixed 100
      // samples so its p99 means something without taking 1 s × 40 ms.
      const steady = { time: 1000 };
      const slow = delayMs > 0 ? { time: 0, iterations: 100, warmupIterations: 3, warmupTime: 0 } : {};
      bench('HIT (KV)', () => gw!.get(path, { xCache: 'HIT' }), { setup, ...steady });
      bench('baseline: MISS (no-cache)', () => gw!.get(path, { headers: { 'Cache-Control': 'no-cache' }, xCache: 'MISS' }), { setup, ...steady, ...slow });
    });
  }
}
