import { fileURLToPath } from 'node:url';

// zod's entry points re-export every locale (`export * as locales from "../locales/index.js"`
// in v4/classic/external.js and v4/core/index.js): ~267 KB of messages in 40-odd languages the
// gateway never shows (it writes its own). A relative import cannot be redirected by wrangler's
// `[alias]` (bare specifiers only), so this esbuild plugin does it: inside zod's own files, that
// one import resolves to a module exporting only `en` (zod's default locale). Any esbuild build
// of code that imports zod can use it: `plugins: [zodWithoutLocales]`.

const ONLY_EN = fileURLToPath(new URL('./zod-locales-en.mjs', import.meta.url));
const ZOD_FILE = /[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/]/;

/** @type {import('esbuild').Plugin} */
export const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (ZOD_FILE.test(args.importer) ? { path: ONLY_EN } : undefined));
  },
};
