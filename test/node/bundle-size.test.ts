import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../openapi/operations';
import { wranglerCommand } from '../helpers/process-group';

// The deployable worker as `wrangler deploy --dry-run --outdir` writes it (the [build] step
// included), and zod's locales other than English left out. Budget: 100 KiB gzip for the first
// fourteen operations, and 1 KiB for each operation declared since (a declaration, its models and
// its route; measured ~0.3–0.7 KiB), never more than 150 KiB for the whole public API. Measured
// with 41 operations: 109.9 KiB gzip.

const operations = OPERATIONS.length;
const MAX_GZIP_BYTES = Math.min(150, 100 + Math.max(0, operations - 14)) * 1024;
let dir = '';
let bundle = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-bundle-'));
  const [cmd, args] = wranglerCommand(['deploy', '--dry-run', '--outdir', dir]);
  await promisify(execFile)(cmd, args, { env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, timeout: 120_000 });
  bundle = await readFile(join(dir, 'index.js'), 'utf8');
}, 130_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('worker bundle', () => {
  it(`is at most ${MAX_GZIP_BYTES / 1024} KiB gzip with ${operations} operations`, () => {
    const gzip = gzipSync(bundle).byteLength;
    console.log(`worker bundle: ${(bundle.length / 1024).toFixed(1)} KiB, gzip ${(gzip / 1024).toFixed(1)} KiB`);
    expect(gzip).toBeLessThanOrEqual(MAX_GZIP_BYTES);
  });

  it('holds zod\'s English messages only', () => {
    // Phrases of zod's en and de locales.
    expect(bundle).toContain('Invalid input');
    expect(bundle).not.toContain('Kreditkartennummer');
  });

  it('leaves out zod\'s z.compile JIT and z.fromJSONSchema (stubbed by worker/build/zod-for-workers.ts)', () => {
    // Phrases of zod's core/compile.js and classic/from-json-schema.js.
    expect(bundle).not.toContain('z.compile does not support');
    expect(bundle).not.toContain('External $ref is not supported');
  });
});
