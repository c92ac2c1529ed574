import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { freePort, spawnGroup, stopGroup, waitFor, type Spawned } from '../helpers/process-group';

// Shared by the browser tests: `npm start` on free ports, and a headless Chromium that records
// every request it makes (so a test can prove it stayed on loopback) and every console error.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Keep Chromium itself quiet too (no update, sync or field-trial traffic), so "offline" is real.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface DevStack {
  /** http://127.0.0.1:<gateway port> */
  gateway: string;
  /** http://127.0.0.1:<emulator port> */
  emulator: string;
  process: Spawned;
  stop(): Promise<void>;
}

/** `npm start` (emulator + gateway under wrangler dev) on free ports; resolves once the gateway answers. */
export async function startDevStack(env: NodeJS.ProcessEnv = {}): Promise<DevStack> {
  const [emuPort, gwPort] = [await freePort(), await freePort()];
  const gateway = `http://127.0.0.1:${gwPort}`;
  // Its own process group, so teardown reaches npm, the emulator, wrangler and workerd alike.
  const proc = spawnGroup('npm', ['start'], { ...env, EMULATOR_PORT: String(emuPort), GATEWAY_PORT: String(gwPort) });
  await waitFor(`${gateway}/healthz`, proc, 90_000);
  return { gateway, emulator: `http://127.0.0.1:${emuPort}`, process: proc, stop: () => stopGroup(proc, 'SIGTERM', 10_000) };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** URL of every request made by any page, worker or popup of the context. */
  requests: string[];
  /** Console errors and uncaught exceptions of the page. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** Headless Chromium, 1280×900, a throw-away profile. Fails with install advice when Chromium is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}; npm run test:browser needs it. Install it with ` +
        '`apt-get update && apt-get install -y chromium` (Debian), or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    );
  const userDataDir = mkdtempSync(join(tmpdir(), 'browser-test-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  // Context-wide, so a request from any page, worker or popup is seen as well.
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  return {
    context,
    page,
    requests,
    consoleErrors,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
