import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Two projects: everything that can run in workerd does (the worker, the emulator core, the
// gateway end to end); test/node holds what needs Node itself (spawned processes, the file system).
export default defineConfig({
  test: {
    // The gateway's one log line per request would drown the output (its own test spies on it).
    onConsoleLog: (log: string) => !log.startsWith('{"msg":"request"'),
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            // The sources, not wrangler.toml's built bundle (dist/), so tests need no build step.
            main: './worker/index.ts',
            miniflare: {
              // Test-only values; tests that need other configuration build the app themselves. No
              // no-cache throttle and wide rate limits: the tests of those rules set their own.
              bindings: { CDS_API_HOST: 'upstream.test', CDS_API_SCHEMA: 'https', CDS_TIMEOUT_MS: '2000', NO_CACHE_REFRESH_INTERVAL_S: '0' },
              ratelimits: {
                READ_RATE_LIMITER: { namespace_id: '1001', simple: { limit: 1_000_000, period: 60 } },
                WRITE_RATE_LIMITER: { namespace_id: '1002', simple: { limit: 1_000_000, period: 60 } },
                // A tiny limit for the rate-limit tests (a real binding, simulated by the pool).
                TEST_RATE_LIMITER_3: { namespace_id: '1003', simple: { limit: 3, period: 60 } },
              },
            },
          }),
        ],
        test: {
          name: 'workers',
          include: ['test/**/*.test.ts'],
          // test/package/examples run in a temporary project against the packed tarball (npm run test:package).
          exclude: ['test/node/**', 'test/browser/**', 'test/package/**', 'test/emulator-worker/**'],
          // `npm run bench` only (vitest bench --project workers); never part of `npm test`.
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
        },
      },
      {
        // The emulator as a Worker (emulator/wrangler.toml): one Durable Object per session.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './emulator/wrangler.toml' },
            main: './emulator/worker/index.ts',
            miniflare: {
              bindings: { EMULATOR_ACCESS_KEYS: 'alpha-ak:alpha-sk,beta-ak:beta-sk', EMULATOR_CONTROL_TOKEN: 'control-secret', EMULATOR_CLOCK: 'manual' },
            },
          }),
        ],
        test: { name: 'emulator-worker', include: ['test/emulator-worker/**/*.test.ts'], benchmark: { include: [] } },
      },
      {
        test: { name: 'node', include: ['test/node/**/*.test.ts'], environment: 'node', testTimeout: 60_000, benchmark: { include: [] } },
      },
    ],
  },
});
