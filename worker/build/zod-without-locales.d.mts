import type { Plugin } from 'esbuild';

/** esbuild plugin: zod's `../locales/index.js` resolves to English only (see zod-without-locales.mjs). */
export declare const zodWithoutLocales: Plugin;
