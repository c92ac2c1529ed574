import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Two projects: everything that can run in workerd does (the worker, the emulator core, the
// gateway end to end); test/node holds what needs Node itself (spawned processes, the file system).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              // Test-only values; tests that need other configuration build the app themselves.
              bindings: { CDS_API_HOST: 'upstream.test', CDS_API_SCHEMA: 'https', CDS_TIMEOUT_MS: '2000' },
            },
          }),
        ],
        test: {
          name: 'workers',
          include: ['test/**/*.test.ts'],
          // test/package/examples run in a temporary project against the packed tarball (npm run test:package).
          exclude: ['test/node/**', 'test/browser/**', 'test/package/**'],
          // `npm run bench` only (vitest bench --project workers); never part of `npm test`.
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
        },
      },
      {
        test: { name: 'node', include: ['test/node/**/*.test.ts'], environment: 'node', testTimeout: 60_000, benchmark: { include: [] } },
      },
    ],
  },
});
