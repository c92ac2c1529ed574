import { bench, describe } from 'vitest';
import { benchGateway, type BenchGateway } from './bench-gateway';
import { presignedUrls } from './presign';

// What the gateway adds to a call: GET /v1/instances (auth, validation, signing, envelope
// parsing, JSON) against the same DescribeInstanceList sent straight to the emulator's wire
// endpoint with a request signed beforehand. Same emulator, same 20 rows (a default page).

const N = 1500; // fixed counts: the baseline needs one pre-signed request per iteration
const WARMUP = 50;
const counts = { time: 0, iterations: N, warmupTime: 0, warmupIterations: WARMUP };

describe('overhead GET /v1/instances, 20 rows', () => {
  let gw: BenchGateway | undefined;
  let urls: string[] = [];
  const fixture = async () => void (gw ??= await benchGateway({ extraInstances: 15 }));

  bench('gateway (auth, validation, signing, envelope, JSON)', () => gw!.get('/v1/instances'), { ...counts, setup: fixture });
  bench(
    'baseline: emulator wire, pre-signed',
    async () => {
      const res = await gw!.emulator.fetch(new Request(urls.pop()!));
      await res.text();
      if (res.status !== 200) throw new Error(`emulator: status ${res.status}`);
    },
    {
      ...counts,
      setup: async (_task, mode) => {
        await fixture();
        urls = await presignedUrls(mode === 'warmup' ? WARMUP : N, { accessKeyId: gw!.accessKeyId, secretKey: gw!.secretKey, action: 'DescribeInstanceList' });
      },
    },
  );
});
