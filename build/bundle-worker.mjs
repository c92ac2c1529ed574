import { build } from 'esbuild';
import { zodWithoutLocales } from './zod-without-locales.mjs';

// Bundles the gateway (worker/index.ts) into dist/worker/index.js for wrangler (`[build]` in
// wrangler.toml runs this before `wrangler dev` and `wrangler deploy`). Same target as
// wrangler's own bundler (ESM, workerd conditions), plus zodWithoutLocales.

const outfile = process.argv[2] ?? 'dist/worker/index.js';

await build({
  entryPoints: ['worker/index.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2024',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['browser', 'module', 'main'],
  external: ['cloudflare:*', 'node:*'],
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [zodWithoutLocales],
});
