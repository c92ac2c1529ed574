import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnGroup, stopGroup, waitFor, type Spawned } from '../node/helpers';

// GET /docs in a real (headless) Chromium against `npm start`, with no network but loopback:
// the page must render, run its try-it form and never reach beyond the gateway's own origin.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Keep Chromium itself quiet too (no update, sync or field-trial traffic), so "offline" is real.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const SCREENSHOT = '/tmp/docs-page.png';
// The fourteen REST operations (one per SDK method).
const OPERATIONS = [
  'DescribeRegions', 'DescribeEcsFamilyInfo', 'DescribeImages', 'DescribeInstanceList', 'DescribeInstance',
  'DescribeInstanceStatus', 'CreateInstance', 'ModifyInstanceName', 'OperateInstance', 'ChangeInstanceConfigure',
  'ModifyInstancePassword', 'DeleteInstance', 'ExtendDisk', 'DescribeTaskEvent',
];

let stack: Spawned | undefined;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;
let page: Page;
let origin: string;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}; npm run test:browser needs it. Install it with ` +
        '`apt-get update && apt-get install -y chromium` (Debian), or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    );
  const [emuPort, gwPort] = [await freePort(), await freePort()];
  origin = `http://127.0.0.1:${gwPort}`;
  // Its own process group, so teardown reaches npm, the emulator, wrangler and workerd alike.
  stack = spawnGroup('npm', ['start'], { EMULATOR_PORT: String(emuPort), GATEWAY_PORT: String(gwPort) });
  await waitFor(`${origin}/healthz`, stack, 90_000);

  userDataDir = mkdtempSync(join(tmpdir(), 'docs-page-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  // Context-wide, so a request from any page, worker or popup is seen as well.
  context.on('request', (r) => requests.push(r.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  await page.goto(`${origin}/docs`);
  await page.locator('section.op').first().waitFor().catch(async (e: Error) => {
    // Say why: the page's own message (e.g. "Could not load /openapi.json") and the stack's output.
    throw new Error(`/docs did not render: ${await page.locator('#content').textContent()}\n${e.message}\n${stack!.output()}`);
  });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await stopGroup(stack, 'SIGTERM', 10_000);
});

/** Opens an operation's try-it form, sends it with `token` and returns the shown answer. */
async function tryIt(operationId: string, token: string): Promise<{ status: number; headers: string; body: unknown }> {
  const op = page.locator(`section#${operationId}`);
  const form = op.locator('details.try');
  if ((await form.getAttribute('open')) === null) await form.locator('summary').click();
  await page.locator('#token').fill(token);
  const out = form.locator('pre');
  await out.evaluate((el) => (el.textContent = '')); // so the poll below sees this answer, not the last
  await form.getByRole('button', { name: 'Send' }).click();
  await expect.poll(async () => out.textContent(), { timeout: 15_000 }).toMatch(/^\d{3} /);
  const text = (await out.textContent())!;
  const [head, ...rest] = text.split('\n\n');
  return { status: Number(head!.slice(0, 3)), headers: head!, body: JSON.parse(rest.join('\n\n')) };
}

describe('GET /docs in Chromium', () => {
  it('renders the fourteen operations with operationId and summary from /openapi.json', async () => {
    const doc = (await (await fetch(`${origin}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string; summary: string }>>;
    };
    const ops = Object.values(doc.paths).flatMap((item) => Object.values(item)).filter((op) => OPERATIONS.includes(op.operationId));
    expect(ops.map((op) => op.operationId).sort()).toEqual([...OPERATIONS].sort());
    for (const op of ops) {
      const section = page.locator(`section#${op.operationId}`);
      await expect.poll(() => section.locator('h3').textContent()).toContain(op.summary);
      expect(await section.locator('p.muted code').first().textContent()).toBe(op.operationId);
      expect(await page.locator(`nav a[href="#${op.operationId}"]`).textContent()).toContain(op.operationId);
    }
  });

  it('try-it with the dev token runs DescribeRegions: 200 JSON with CN_Hohhot_B', async () => {
    const answer = await tryIt('DescribeRegions', 'dev-token');
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatch(/^content-type: application\/json/m);
    expect(JSON.stringify(answer.body)).toContain('"AvailableZoneCode":"CN_Hohhot_B"');

    // What a person sees: header, navigation, the operation and its answer.
    await page.mouse.wheel(0, -10_000); // the sticky navigation would otherwise be drawn mid-page
    await page.screenshot({ path: SCREENSHOT, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1700 } });
  });

  it('try-it without a token shows the 401 problem (not the 200 the browser cached)', async () => {
    const answer = await tryIt('DescribeRegions', '');
    expect(answer.status).toBe(401);
    expect(answer.headers).toMatch(/^content-type: application\/problem\+json/m);
    expect(answer.body).toMatchObject({ status: 401, code: 'Unauthorized' });
  });

  it('made no request beyond its own origin and logged no console error', () => {
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    // Chromium logs every 4xx fetch as "Failed to load resource"; the 401 above is deliberate.
    expect(consoleErrors.filter((e) => !/Failed to load resource: .* status of 401/.test(e))).toEqual([]);
  });
});
