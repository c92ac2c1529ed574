import { build } from 'esbuild';
import { generateDtsBundle } from 'dts-bundle-generator';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildWorkerBundle } from '../../../worker/build/bundle-worker';
import { buildStackHostBundle } from '../stack-host/bundle';

// `npm run build` (also run by `prepare`: `npm pack` and installs from git): dist/ as the package ships it.
// - dist/worker/index.js: the gateway worker bundle the dev commands run on Miniflare;
// - dist/worker/stack-host.js: the gateway for many offline stacks in one workerd (startOfflineStack);
// - dist/{emulator,client,testing}.js + .d.ts: the `exports`; dist/bin/*.js: the `bin`.
// Sources import without file extensions (moduleResolution Bundler), which Node's ESM loader does
// not resolve: esbuild bundles each entry point (shared code in dist/chunks/), dependencies stay
// imports; dts-bundle-generator writes one self-contained declaration file per entry point.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = `${root}dist`;

export const LIBRARY_ENTRIES = {
  emulator: 'emulator/index.ts',
  client: 'emulator/kit/client.ts',
  testing: 'emulator/kit/offline-stack.ts',
} as const;
export const BIN_ENTRIES = {
  'bin/ecs-emulator': 'emulator/bin/ecs-emulator.ts',
  'bin/ecs-gateway-dev': 'emulator/bin/ecs-gateway-dev.ts',
} as const;

/**
 * The models take `z` from @hono/zod-openapi, the emulator from zod: the same namespace (the former
 * re-exports the latter), but two imports of one name in one bundled file are a duplicate identifier.
 */
function oneZodImport(dts: string): string {
  const viaHono = "import { z } from '@hono/zod-openapi';\n";
  return dts.includes(viaHono) && dts.includes("import { z } from 'zod';\n") ? dts.replace(viaHono, '') : dts;
}

const started = performance.now();
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const worker = await buildWorkerBundle(`${dist}/worker/index.js`);
await buildStackHostBundle(`${dist}/worker/stack-host.js`);

await build({
  entryPoints: Object.entries({ ...LIBRARY_ENTRIES, ...BIN_ENTRIES }).map(([out, src]) => ({ in: `${root}${src}`, out })),
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
for (const out of Object.keys(BIN_ENTRIES)) chmodSync(`${dist}/${out}.js`, 0o755);

const names = Object.keys(LIBRARY_ENTRIES) as (keyof typeof LIBRARY_ENTRIES)[];
const declarations = generateDtsBundle(
  names.map((name) => ({ filePath: `${root}${LIBRARY_ENTRIES[name]}`, output: { noBanner: true, exportReferencedTypes: false } })),
  { preferredConfigPath: `${root}tsconfig.json` },
);
names.forEach((name, i) => writeFileSync(`${dist}/${name}.d.ts`, oneZodImport(declarations[i]!)));

console.log(`built dist/ in ${Math.round(performance.now() - started)} ms (worker bundle ${(worker.bytes / 1024).toFixed(0)} KiB)`);
