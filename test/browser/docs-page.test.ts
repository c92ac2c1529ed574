import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startDevStack, type Browser, type DevStack } from './launch';

// GET /docs in a real (headless) Chromium against `npm start`, with no network but loopback:
// the page must render, run its try-it form and never reach beyond the gateway's own origin.

const SCREENSHOT = '/tmp/docs-page.png';
const PROBLEMS_SCREENSHOT = '/tmp/problems-page.png';
// The fourteen REST operations (one per SDK method).
const OPERATIONS = [
  'DescribeRegions', 'DescribeEcsFamilyInfo', 'DescribeImages', 'DescribeInstanceList', 'DescribeInstance',
  'DescribeInstanceStatus', 'CreateInstance', 'ModifyInstanceName', 'OperateInstance', 'ChangeInstanceConfigure',
  'ModifyInstancePassword', 'DeleteInstance', 'ExtendDisk', 'DescribeTaskEvent',
];

let stack: DevStack | undefined;
let browser: Browser | undefined;
let page: Page;
let origin: string;

beforeAll(async () => {
  stack = await startDevStack();
  origin = stack.gateway;
  browser = await launchChromium();
  page = browser.page;
  await page.goto(`${origin}/docs`);
  await page.locator('section.op').first().waitFor().catch(async (e: Error) => {
    // Say why: the page's own message (e.g. "Could not load /openapi.json") and the stack's output.
    throw new Error(`/docs did not render: ${await page.locator('#content').textContent()}\n${e.message}\n${stack!.process.output()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
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

  it('the token box starts with dev-token (npm start accepts it): try-it answers 200 without typing', async () => {
    expect(await page.locator('#token').inputValue()).toBe('dev-token');
    const op = page.locator('section#DescribeRegions');
    const form = op.locator('details.try');
    await form.locator('summary').click();
    await form.getByRole('button', { name: 'Send' }).click();
    await expect.poll(async () => form.locator('pre').textContent(), { timeout: 15_000 }).toMatch(/^200 /);
    await form.locator('summary').click();
  });

  it('shows the error answers of each operation on one line, linked to the Errors section', async () => {
    for (const operationId of OPERATIONS) {
      const lines = page.locator(`section#${operationId} details.errors > summary`);
      expect(await lines.count(), operationId).toBe(1);
      const text = (await lines.textContent())!;
      expect(text, operationId).toMatch(/^\d{3}(, \d{3})*: see Errors$/);
      for (const status of ['400', '401', '429', '500', '502', '504']) expect(text.split(': ')[0]!.split(', '), operationId).toContain(status);
      // Only the success answers get a line of their own.
      const others = await page.locator(`section#${operationId} > details:not(.try):not(.errors) > summary > b`).allTextContents();
      expect(others.every((code) => /^[23]\d\d$/.test(code)), `${operationId}: ${others}`).toBe(true);
    }
    expect(await page.locator('section#DescribeRegions details.errors a').getAttribute('href')).toBe('#errors');
    expect(await page.locator('#errors').count()).toBe(1);
  });

  it('the Errors section links /problems; a problem type opens the page of its code', async () => {
    expect(await page.locator('#errors + section a[href="/problems"]').count()).toBe(1);
    const problems = await browser!.context.newPage();
    try {
      await problems.goto(`${origin}/problems`);
      const listed = await problems.locator('table a code').allTextContents();
      expect(listed).toEqual(expect.arrayContaining(['ValidationFailed', 'Unauthorized', 'InstanceNotFound', 'InvalidInstanceStatus']));
      // The type of a real problem, resolved against the URL that answered it, as a browser does.
      const res = await fetch(`${origin}/v1/instances/ins-demand-gpu-ssd`, { headers: { Authorization: 'Bearer wrong' } });
      const { type, code } = (await res.json()) as { type: string; code: string };
      await problems.goto(new URL(type, res.url).href);
      expect(await problems.locator('h1').textContent()).toBe(code);
      await problems.goto(`${origin}/problems/InvalidInstanceStatus`);
      expect(await problems.locator('dd.status').textContent()).toBe('409');
      await problems.setViewportSize({ width: 1000, height: 700 });
      await problems.screenshot({ path: PROBLEMS_SCREENSHOT });
      await problems.goto(`${origin}/problems`);
      await problems.screenshot({ path: PROBLEMS_SCREENSHOT.replace('.png', '-index.png') });
    } finally {
      await problems.close();
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

  it('try-it defaults name what the default seed holds: ids and zones are seed ones, the GETs find them', async () => {
    // The seed as the running emulator holds it (every string of its state), not a second list here.
    const seed = new Set<string>();
    const strings = (v: unknown, key = '', out: (key: string, value: string) => void = (_k, s) => seed.add(s)): void => {
      if (typeof v === 'string') out(key, v);
      else if (Array.isArray(v)) for (const item of v) strings(item, key, out);
      else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) strings(item, k, out);
    };
    strings(await (await fetch(`${stack!.emulator}/_emulator/state`)).json());

    const defaults = await page.locator('section.op').evaluateAll((sections) =>
      sections.map((section) => ({
        operationId: section.id,
        params: [...section.querySelectorAll('details.try label')]
          .filter((label) => label.querySelector('input'))
          .map((label) => [label.querySelector('code')!.textContent!, (label.querySelector('input') as unknown as { value: string }).value] as [string, string]),
        body: (section.querySelector('details.try textarea') as unknown as { value: string } | null)?.value,
      })),
    );
    // Ids and zone codes, wherever they are: parameters and body fields named *Id, *Ids or AvailableZoneCode.
    // Events are not seeded (each comes from a 202), so EventId is the one id no seed can hold.
    const isSeedKey = (key: string) => /(Id|Ids|AvailableZoneCode)$/.test(key) && key !== 'EventId';
    const checked: string[] = [];
    for (const op of defaults.filter((d) => OPERATIONS.includes(d.operationId))) {
      const values: [string, string][] = [];
      for (const [name, value] of op.params) for (const v of value.split(',').filter(Boolean)) values.push([name, v]);
      if (op.body) strings(JSON.parse(op.body), '', (key, value) => values.push([key, value]));
      for (const [key, value] of values.filter(([key]) => isSeedKey(key))) {
        expect(seed.has(value), `${op.operationId}: ${key} "${value}" is not in the default seed`).toBe(true);
        checked.push(value);
      }
    }
    // Every operation naming an instance, disk, image, VPC, subnet or zone had one to check.
    expect(checked.length).toBeGreaterThanOrEqual(12);

    for (const operationId of ['DescribeInstance', 'DescribeInstanceStatus', 'DescribeEcsFamilyInfo']) {
      const answer = await tryIt(operationId, 'dev-token');
      expect(answer.status, `${operationId} with its defaults: ${JSON.stringify(answer.body)}`).toBe(200);
    }
  });

  it('made no request beyond its own origin and logged no console error', () => {
    const { requests, consoleErrors } = browser!;
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    // Chromium logs every 4xx fetch as "Failed to load resource"; the 401 above is deliberate.
    expect(consoleErrors.filter((e) => !/Failed to load resource: .* status of 401/.test(e))).toEqual([]);
  });
});
