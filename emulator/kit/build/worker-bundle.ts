import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

// The gateway worker as one minified ES module, as Workers runs it: what the kit's Miniflare
// stacks load (a consumer project has no wrangler to bundle worker/index.ts itself). Every
// change to how the worker is bundled belongs in this one function.

export const WORKER_ENTRY = fileURLToPath(new URL('../../../worker/index.ts', import.meta.url));

/** Bundles worker/index.ts into `<outDir>/index.js`; answers the file's path, size and the modules in it. */
export async function buildWorkerBundle(outDir: string): Promise<{ path: string; bytes: number; inputs: string[] }> {
  const outfile = `${outDir}/index.js`;
  const result = await build({
    entryPoints: [WORKER_ENTRY],
    outfile,
    bundle: true,
    format: 'esm',
    minify: true,
    // The same resolution wrangler uses for Workers.
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    target: 'es2022',
    external: ['cloudflare:*'],
    metafile: true,
    logLevel: 'warning',
  });
  const output = result.metafile.outputs[Object.keys(result.metafile.outputs)[0]!]!;
  return { path: outfile, bytes: output.bytes, inputs: Object.keys(output.inputs) };
}
