import { defineConfig } from 'vitest/config';

// `npm run test:browser` only: drives /docs in a real Chromium against `npm start`. Kept out of
// vitest.config.mts so that `npm test` needs no browser.
export default defineConfig({
  test: { name: 'browser', include: ['test/browser/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 },
});
