// What `z.locales` / `z.core.locales` hold in the gateway bundle: English only (see zod-without-locales.mjs).
export { default as en } from 'zod/v4/locales/en.js';
