import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { zodForWorkers } from './zod-for-workers';

// The gateway (worker/index.ts) as one minified ES module, as Workers runs it. wrangler's `[build]`
// runs this file before `wrangler dev` and `wrangler deploy`; the kit's Miniflare stacks load the
// same bundle (a consumer project has no wrangler). Every change to how the worker is bundled
// belongs here: same resolution as wrangler's own bundler, plus zod without its locales, JIT and JSON-Schema import.

export const WORKER_ENTRY = fileURLToPath(new URL('../index.ts', import.meta.url));

/**
 * Bundles worker/index.ts (or another worker around the gateway: the kit's stack host) into
 * `outfile`; answers its path, size and the modules in it.
 */
export async function buildWorkerBundle(outfile: string, entry = WORKER_ENTRY): Promise<{ path: string; bytes: number; inputs: string[] }> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    external: ['cloudflare:*', 'node:*'],
    minify: true,
    sourcemap: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [zodForWorkers],
  });
  const output = result.metafile.outputs[Object.keys(result.metafile.outputs).find((o) => o.endsWith('.js'))!]!;
  return { path: outfile, bytes: output.bytes, inputs: Object.keys(output.inputs) };
}

// `tsx worker/build/bundle-worker.ts [outfile]`: what wrangler's `[build]` runs.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWorkerBundle(process.argv[2] ?? 'dist/worker/index.js');
}
