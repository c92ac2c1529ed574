import { defineConfig } from 'vitest/config';

// `npm run test:browser` only: drives /docs and /_emulator/ui in a real Chromium against `npm start`.
// Kept out of vitest.config.mts so that `npm test` needs no browser. One file at a time: each starts
// its own stack (emulator, wrangler, workerd), and two at once crowd a small CI machine.
export default defineConfig({
  test: { name: 'browser', include: ['test/browser/**/*.test.ts'], environment: 'node', fileParallelism: false, testTimeout: 60_000, hookTimeout: 120_000 },
});
