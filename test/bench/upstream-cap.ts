import { SignedEcsClient } from '../../worker/upstream/signed-ecs-client';

// Node only (run with --expose-gc): memory while the gateway's signed client reads a 60 MB
// upstream answer under the default 8 MiB cap, beside the baseline of reading the same stream
// whole (`Response.text()`, what an uncapped read does). The stream is made on demand in 64 KiB
// chunks, so the answer itself never exists as one string.
// Usage: node --expose-gc --import tsx test/bench/upstream-cap.ts

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const MiB = 1024 * 1024;
const TOTAL = 60 * MiB;

function hugeResponse(): Response {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= TOTAL) return c.close();
        sent += chunk.byteLength;
        c.enqueue(chunk.slice());
      },
    }, { highWaterMark: 0 }),
    { headers: { 'Content-Type': 'application/json' } },
  );
}

/** Peak of heap + array buffers above the settled start while `work` runs, in MiB. */
async function peakMiB(work: () => Promise<unknown>): Promise<number> {
  gc!();
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const start = used();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, used())), 1);
  await work();
  peak = Math.max(peak, used());
  clearInterval(timer);
  return (peak - start) / MiB;
}

const client = new SignedEcsClient({ schema: 'https', host: 'upstream.bench', timeoutMs: 60_000, accessKeyId: 'ak', secretKey: 'sk', fetch: async () => hugeResponse() });
const capped = await peakMiB(() => client.describeInstance({ EcsId: 'ins-1' }).catch((e: Error) => e.message));
const whole = await peakMiB(() => hugeResponse().text());
console.log('| read of a 60 MB upstream answer | peak heap + buffers |');
console.log('|---|---|');
console.log(`| baseline: Response.text() (uncapped) | ${whole.toFixed(1)} MiB |`);
console.log(`| SignedEcsClient, 8 MiB cap → 502 | ${capped.toFixed(1)} MiB |`);
