import type { Plugin } from 'esbuild';
import { dirname } from 'node:path';

// zod's entry points re-export modules the gateway never runs on Workers, and @hono/zod-openapi
// keeps every export alive (it extends the whole `z` namespace), so tree shaking cannot drop them:
// - `../locales/index.js`: ~267 KB of messages in 40-odd languages (the gateway writes its own);
// - `./compile.js`: the `z.compile` JIT, which needs `new Function` (refused on Workers: it falls
//   back to the runtime parser anyway);
// - `./from-json-schema.js`: `z.fromJSONSchema`, unused.
// These imports are relative, which wrangler's `[alias]` cannot redirect (bare specifiers only), so
// this esbuild plugin does it, inside zod's own files only: each resolves to a stub with the same
// exports. Any esbuild build of code that imports zod can use it: `plugins: [zodForWorkers]`.

const ZOD_FILE = /[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/]/;
const NAMESPACE = 'zod-for-workers';

const STUBS: Readonly<Record<string, string>> = {
  // English only: zod's default locale.
  '../locales/index.js': `export { default as en } from 'zod/v4/locales/en.js';`,
  // The runtime parser serves every schema; compile() hands a schema back unchanged, as zod does when it cannot compile.
  './compile.js': `
    export const INVALID = Symbol.for('zod.compile.invalid');
    export class ZodCompileAsyncError extends Error { constructor(m = 'z.compile is not in this bundle') { super(m); this.name = 'ZodCompileAsyncError'; } }
    export class ZodCompileUnsupportedError extends Error { constructor(m = 'z.compile is not in this bundle') { super(m); this.name = 'ZodCompileUnsupportedError'; } }
    export function compile(schema, options) { if (options?.strict) throw new ZodCompileUnsupportedError(); return schema; }
    export function compileFn() { throw new ZodCompileUnsupportedError(); }
    export function withParser() { throw new ZodCompileUnsupportedError(); }`,
  './from-json-schema.js': `export function fromJSONSchema() { throw new Error('z.fromJSONSchema is not in this bundle'); }`,
};

export const zodForWorkers: Plugin = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/(locales\/index|compile|from-json-schema)\.js$/ }, (args) =>
      ZOD_FILE.test(args.importer) && STUBS[args.path] !== undefined
        ? { path: args.path, namespace: NAMESPACE, pluginData: { resolveDir: dirname(args.importer) } }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      contents: STUBS[args.path],
      loader: 'js',
      resolveDir: (args.pluginData as { resolveDir: string }).resolveDir,
    }));
  },
};
