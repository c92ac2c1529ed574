import type { Locator, Page } from 'playwright-core';
import { INSTANCE_TONES } from '../../emulator/control/instance-tones';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startDevStack, type Browser, type DevStack } from './launch';

// GET /_emulator/ui in a real (headless) Chromium against `npm start`, with no network but
// loopback: the page shows the seeded world, follows changes made through the gateway without a
// reload, and a fault added from its form is what the next wire call meets.

const SCREENSHOT = process.env.DASHBOARD_SCREENSHOT ?? '/tmp/emulator-dashboard.png';
const TOKEN = { authorization: 'Bearer dev-token' };
const SEEDED = ['ins-demand-cpu-ssd', 'ins-demand-cpu-local', 'ins-demand-gpu-ssd', 'ins-month-cpu-ssd', 'ins-month-gpu-ssd'];

let stack: DevStack | undefined;
let browser: Browser | undefined;
let page: Page;
let navigations = 0;

const row = (EcsId: string) => page.locator(`#instance-rows tr[data-key="${EcsId}"]`);
const statusOf = (EcsId: string) => row(EcsId).locator('td').first().textContent();

async function gateway(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${stack!.gateway}${path}`, {
    method,
    headers: body === undefined ? TOKEN : { ...TOKEN, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, body: await res.json() };
}
const control = async (path: string) => (await fetch(`${stack!.emulator}/_emulator${path}`)).json() as Promise<any>;

beforeAll(async () => {
  // Short restarts, so the round trip running → restarting → running takes seconds on the wall clock.
  // The billing life's steps take a second or two each, so its walk below runs in seconds of wall clock; disks too.
  stack = await startDevStack({ EMULATOR_DURATIONS: 'restart_ecs=3,delete_ecs=1,cancel_recycle_ecs=2,recover_ecs=2,destroy_ecs=2,create_disk=4,unmount_disk=2' });
  browser = await launchChromium();
  page = browser.page;
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations++;
  });
  await page.goto(`${stack.emulator}/_emulator/ui`);
  await row(SEEDED[0]!).waitFor({ timeout: 10_000 }).catch((e: Error) => {
    throw new Error(`/_emulator/ui did not render: ${e.message}\n${browser!.consoleErrors.join('\n')}\n${stack!.process.output()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('GET /_emulator/ui in Chromium', () => {
  it('shows the seeded instances: status (with its Chinese display), spec, zone, billing and disks', async () => {
    expect(await page.locator('#instance-rows tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')))).toEqual(SEEDED);
    const first = (await row('ins-demand-cpu-ssd').textContent())!;
    for (const part of ['running', '运行中', 'web-01', '4 vCPU · 8 GiB', 'Cpu计算型C4', 'CN_Hohhot_B', '按需计费', 'disk-demand-cpu-ssd-data', 'ssd · 96 GB'])
      expect(first).toContain(part);
    expect(await row('ins-demand-cpu-ssd').locator('.st').first().getAttribute('class')).toContain('ok');
    expect(await statusOf('ins-demand-gpu-ssd')).toContain('已关机');
    expect(await row('ins-demand-gpu-ssd').locator('.st').first().getAttribute('class')).toContain('off');
    expect(await page.locator('#clock-mode').textContent()).toBe('wall');
    expect(await page.locator('#clock-china').textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('follows a restart made through the gateway, without reloading and without losing form input', async () => {
    const before = navigations;
    await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));
    await page.locator('#call-fault-form input[name=DelayMs]').fill('250'); // half-typed input must survive updates

    const op = await gateway('POST', '/v1/instances/operate', { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' });
    expect(op.status, JSON.stringify(op.body)).toBe(202);
    await expect.poll(() => statusOf('ins-demand-cpu-ssd'), { timeout: 5_000 }).toContain('restarting');
    expect(await row('ins-demand-cpu-ssd').locator('.st').first().getAttribute('class')).toContain('busy');
    const event = page.locator(`#event-rows tr[data-key="${op.body.EventId}"]`);
    await expect.poll(() => event.textContent(), { timeout: 5_000 }).toContain('重启云服务器');
    // restart_ecs=3: running again a few seconds later, and the event ends success.
    await expect.poll(() => statusOf('ins-demand-cpu-ssd'), { timeout: 10_000, interval: 250 }).toContain('running');
    await expect.poll(() => event.textContent(), { timeout: 5_000 }).toContain('成功');

    expect(navigations).toBe(before);
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.locator('#call-fault-form input[name=DelayMs]').inputValue()).toBe('250');
    await page.locator('#call-fault-form input[name=DelayMs]').fill('');
  });

  it('shows the cloud disks (status with its colour, size, zone, attached instance), the private images and the disk snapshots', async () => {
    const disk = (id: string) => page.locator(`#disk-rows tr[data-key="${id}"]`);
    const spare = (await disk('disk-spare-hohhot-b').textContent())!;
    for (const part of ['waiting', '待挂载', 'spare-data', '64 GB', 'CN_Hohhot_B', 'detached']) expect(spare).toContain(part);
    const attached = (await disk('disk-demand-cpu-ssd-data').textContent())!;
    for (const part of ['running', '使用中', '96 GB', 'ins-demand-cpu-ssd']) expect(attached).toContain(part);
    expect(await disk('disk-demand-cpu-ssd-data').locator('.st').getAttribute('class')).toContain('ok');
    expect(await disk('disk-spare-hohhot-b').locator('.st').getAttribute('class')).toContain('off');
    // Local disks are not cloud disks.
    expect(await disk('disk-demand-cpu-local-sys').count()).toBe(0);
    const image = page.locator('#image-rows tr').first();
    expect(await image.getAttribute('data-key')).toMatch(/^img-private-web-/);
    for (const part of ['running', 'web-golden', 'CN_Hohhot_B']) expect(await image.textContent()).toContain(part);
    expect(await image.locator('.st').getAttribute('class')).toContain('ok');
    const snapshot = page.locator('#snapshot-rows tr[data-key="s-disk-month-cpu-ssd-sys-seed-01"]');
    for (const part of ['running', 'seed-baseline', 'disk-month-cpu-ssd-sys']) expect(await snapshot.textContent()).toContain(part);

    // A disk created attached through the gateway: building (busy), then running on its instance.
    const made = await gateway('POST', '/v1/disks', { AvailableZoneCode: 'CN_Hohhot_B', DiskFeature: 'SSD', Size: 32, DiskName: 'from-browser', InstanceId: 'ins-demand-cpu-ssd' });
    expect(made.status, JSON.stringify(made.body)).toBe(202);
    const id: string = made.body.DiskIdSet[0];
    await expect.poll(() => disk(id).textContent(), { timeout: 5_000 }).toMatch(/building|mounting/);
    expect(await disk(id).locator('.st').getAttribute('class')).toContain('busy');
    await expect.poll(() => disk(id).textContent(), { timeout: 10_000, interval: 250 }).toContain('使用中');
    expect(await disk(id).textContent()).toContain('ins-demand-cpu-ssd');
    expect(await row('ins-demand-cpu-ssd').textContent()).toContain(id);
    await page.mouse.wheel(0, -10_000);
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-disks.png'), fullPage: true });
    // Detached again: the row says so, and the instance's row no longer lists it.
    expect((await gateway('POST', '/v1/disks/detach', { DiskIds: [id] })).status).toBe(202);
    await expect.poll(() => disk(id).textContent(), { timeout: 10_000, interval: 250 }).toContain('detached');
    expect(await row('ins-demand-cpu-ssd').textContent()).not.toContain(id);
  });

  it('a fault added from the form is met by the next wire call and named in the journal', async () => {
    const form = page.locator('#call-fault-form');
    await form.locator('select[name=Action]').selectOption('DescribeInstance');
    await form.locator('input[name=Status]').fill('503');
    await form.locator('input[name=Code]').fill('ServiceUnavailable');
    await form.getByRole('button', { name: 'Add fault' }).click();
    await expect.poll(() => page.locator('#message').textContent(), { timeout: 5_000 }).toMatch(/^Fault #\d+ added/);
    const faults = (await control('/faults')).Faults;
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({ Action: 'DescribeInstance', Status: 503, Code: 'ServiceUnavailable' });
    const faultId: number = faults[0].FaultId;
    await expect.poll(() => page.locator('#fault-rows').textContent(), { timeout: 5_000 }).toContain('503 ServiceUnavailable');

    // Through the gateway: the upstream 503 becomes a 502 problem; other actions still answer.
    const hit = await gateway('GET', '/v1/instances/ins-demand-cpu-ssd');
    expect(hit.status, JSON.stringify(hit.body)).toBe(502);
    expect((await gateway('GET', '/v1/instances')).status).toBe(200);
    const journal = (await control('/journal')).Entries as { Action: string; Status: number; FaultId?: number }[];
    expect(journal.filter((e) => e.FaultId === faultId).map((e) => [e.Action, e.Status])[0]).toEqual(['DescribeInstance', 503]);
    const faultedRow = page.locator('#journal-rows tr', { hasText: `#${faultId}` }).first();
    await expect.poll(() => faultedRow.textContent(), { timeout: 5_000 }).toContain('ServiceUnavailable');

    // An instance fault from its form shows in the list and on the instance's row.
    await page.locator('#fault-instance').selectOption('ins-month-gpu-ssd');
    await page.locator('#instance-fault-form').getByRole('button', { name: 'Add' }).click();
    await expect.poll(async () => (await control('/faults')).InstanceFaults.map((f: { EcsId: string }) => f.EcsId)).toEqual(['ins-month-gpu-ssd']);
    await expect.poll(() => row('ins-month-gpu-ssd').locator('td').last().textContent(), { timeout: 5_000 }).toContain('fails');

    // × removes them again: the wire call answers, the list is empty.
    await page.locator(`#fault-rows button[data-remove-fault="${faultId}"]`).click();
    await page.locator('#instance-fault-rows button[data-remove-instance-fault="ins-month-gpu-ssd"]').click();
    await expect.poll(async () => (await control('/faults')).Faults.length + (await control('/faults')).InstanceFaults.length).toBe(0);
    await expect.poll(() => page.locator('#faults-empty').isVisible(), { timeout: 5_000 }).toBe(true);
    expect((await gateway('GET', '/v1/instances/ins-demand-cpu-ssd')).status).toBe(200);
  });

  it('an after-phase fault on one instance, added from the form: the action is applied, the caller gets the error', async () => {
    const form = page.locator('#call-fault-form');
    expect(await page.locator('#phase-hint').textContent()).toContain('nothing changes');
    await form.locator('select[name=Action]').selectOption('OperateInstance');
    await form.locator('select[name=EcsId]').selectOption('ins-demand-cpu-ssd');
    await form.locator('select[name=Phase]').selectOption('after');
    expect(await page.locator('#phase-hint').textContent()).toContain('answer is lost');
    await form.locator('input[name=Status]').fill('503');
    await form.locator('input[name=Code]').fill('ServiceUnavailable');
    await form.getByRole('button', { name: 'Add fault' }).click();
    await expect.poll(() => page.locator('#message').textContent(), { timeout: 5_000 }).toMatch(/^Fault #\d+ added: OperateInstance on ins-demand-cpu-ssd, after/);
    const [fault] = (await control('/faults')).Faults;
    expect(fault).toMatchObject({ Action: 'OperateInstance', EcsId: 'ins-demand-cpu-ssd', Phase: 'after', Status: 503 });
    const faultRow = page.locator(`#fault-rows tr[data-key="${fault.FaultId}"]`);
    await expect.poll(() => faultRow.textContent(), { timeout: 5_000 }).toContain('ins-demand-cpu-ssd');
    expect(await faultRow.textContent()).toContain('after');

    // Another instance is not its call: that shutdown answers as usual.
    expect((await gateway('POST', '/v1/instances/operate', { EcsIds: ['ins-demand-cpu-local'], OpType: 'shutdown_ecs' })).status).toBe(202);
    // Its instance: the caller gets the injected error (a 5xx problem), yet the shutdown was applied.
    const hit = await gateway('POST', '/v1/instances/operate', { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'shutdown_ecs' });
    expect(hit.status, JSON.stringify(hit.body)).toBe(502);
    await expect.poll(() => statusOf('ins-demand-cpu-ssd'), { timeout: 5_000 }).toContain('shutting_down');
    const struck = ((await control('/journal')).Entries as { Action: string; FaultId?: number; EcsId?: string; Applied?: boolean; Code: string }[]).filter(
      (e) => e.FaultId === fault.FaultId,
    );
    expect(struck).toEqual([expect.objectContaining({ Action: 'OperateInstance', EcsId: 'ins-demand-cpu-ssd', Applied: true, Code: 'ServiceUnavailable' })]);
    const journalRow = page.locator('#journal-rows tr', { hasText: `#${fault.FaultId}` }).first();
    await expect.poll(() => journalRow.textContent(), { timeout: 5_000 }).toContain('applied');

    // What a person sees: transitions under way, their events, the fault and the journal naming it.
    // From the top, so the sticky header sits where it belongs in the full-page picture.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await faultRow.locator('button').click();
    await expect.poll(async () => (await control('/faults')).Faults).toEqual([]);
    await form.locator('select[name=EcsId]').selectOption('');
    await form.locator('select[name=Phase]').selectOption('before');
  });

  it('a refused fault shows the control API\'s message and adds nothing', async () => {
    const form = page.locator('#call-fault-form');
    await form.locator('select[name=Action]').selectOption('');
    for (const name of ['Status', 'Code', 'DelayMs', 'Times', 'Probability']) await form.locator(`input[name=${name}]`).fill('');
    await form.locator('input[name=Times]').fill('2');
    await form.getByRole('button', { name: 'Add fault' }).click();
    await expect.poll(() => page.locator('#message').textContent(), { timeout: 5_000 }).toContain('at least one of Status, Code, DelayMs, Hang, Malformed');
    expect(await page.locator('#message').getAttribute('class')).toBe('error');
    expect((await control('/faults')).Faults).toEqual([]);
  });

  it('advances the clock and resets to the seed from the header', async () => {
    const read = async () => Date.parse((await page.locator('#clock-china').textContent())!.replace(' ', 'T') + '+08:00');
    const t0 = await read();
    await page.locator('#advance-seconds').fill('7200');
    await page.getByRole('button', { name: 'Advance clock' }).click();
    await expect.poll(read, { timeout: 5_000 }).toBeGreaterThanOrEqual(t0 + 7200_000);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Reset to seed' }).click();
    await expect.poll(() => page.locator('#events-empty').isVisible(), { timeout: 5_000 }).toBe(true);
    expect((await control('/state')).Accounts[0].Events).toEqual([]);
    expect(await page.locator('#instance-rows tr').count()).toBe(SEEDED.length);
  });

  it('shows its session, saves a named snapshot and restores it from the header', async () => {
    await expect.poll(() => page.locator('#session').textContent(), { timeout: 5_000 }).toBe('session test-ak');
    // A wall clock moves on: compare the account's world, not the clock, nor what the billing meter charged meanwhile.
    const world = async () => {
      const { Subjects, Billing, ...rest } = ((await control('/snapshot')) as { Account: Record<string, unknown> }).Account;
      return { ...rest, Subjects: (Subjects as { Balance: number }[]).map((s) => ({ ...s, Balance: 0 })), InArrears: (Billing as { InArrears: boolean }).InArrears };
    };
    const before = await world();
    await page.locator('#snapshot-name').fill('from-the-page');
    await page.getByRole('button', { name: 'Save snapshot' }).click();
    await expect.poll(async () => (await control('/snapshots')).Snapshots.map((s: { Name: string }) => s.Name), { timeout: 5_000 }).toEqual(['from-the-page']);
    const renamed = await gateway('PATCH', '/v1/instances/ins-month-cpu-ssd', { Name: 'changed after the snapshot' });
    expect(renamed.status).toBeLessThan(300);
    await expect.poll(() => page.locator('#snapshot-list option').count(), { timeout: 5_000 }).toBe(1);
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.locator('#message').textContent(), { timeout: 5_000 }).toBe('Snapshot from-the-page restored');
    expect(await world()).toEqual(before);
  });

  it('the billing life from the page: balance, run out and recharge, recycle, cancel, recover from the recycle bin, destroy; every status in its colour', async () => {
    const toneOf = async (where: Locator) => (await where.locator('.st').first().getAttribute('class'))!.replace('st ', '');
    const life = (where: Locator, name: string) => where.getByRole('button', { name, exact: true });
    const bin = (EcsId: string) => page.locator(`#recycle-rows tr[data-key="${EcsId}"]`);
    const seen = new Map<string, string>();
    const note = async (where: Locator, status: string) => {
      await expect.poll(() => where.locator('td').first().textContent(), { timeout: 10_000, interval: 100 }).toContain(status);
      seen.set(status, await toneOf(where));
    };
    await expect.poll(() => page.locator('#billing-summary').textContent(), { timeout: 5_000 }).toMatch(/^¥\d+\.\d\d EMULATOR-TEST · ¥\d+\.\d\d\/h$/);
    expect(await page.locator('#recycle-empty').isVisible()).toBe(true);

    // Run out: the on-demand running servers are recycled; a recharge brings them back.
    await page.getByRole('button', { name: 'Run out' }).click();
    await expect.poll(() => page.locator('#billing-summary').textContent(), { timeout: 5_000 }).toContain('in arrears');
    await note(row('ins-demand-cpu-ssd'), 'recycling');
    expect(await statusOf('ins-month-gpu-ssd')).toContain('running');
    await page.locator('#instances').screenshot({ path: SCREENSHOT.replace(/\.png$/, '-arrears.png') });
    await page.locator('#billing-amount').fill('50');
    await page.getByRole('button', { name: 'Recharge' }).click();
    await expect.poll(() => page.locator('#message').textContent(), { timeout: 5_000 }).toBe('Recharged ¥50.00: balance ¥50.00');
    await note(row('ins-demand-cpu-ssd'), 'cancel_recycling');
    await note(row('ins-demand-cpu-ssd'), 'running');
    expect((await control('/billing')).InArrears).toBe(false);

    // One server recycled from its row, then destroyed: it leaves the instances for the recycle bin as destroy.
    await life(row('ins-demand-cpu-local'), 'Recycle').click();
    await note(row('ins-demand-cpu-local'), 'recycling');
    await life(row('ins-demand-cpu-local'), 'Destroy').click();
    await note(row('ins-demand-cpu-local'), 'destroying');
    await note(bin('ins-demand-cpu-local'), 'destroy');
    expect(await row('ins-demand-cpu-local').count()).toBe(0);

    // Deleted through the gateway: in the recycle bin, recovered from it to the status it had.
    const del = await gateway('POST', '/v1/instances/delete', { EcsIds: ['ins-demand-gpu-ssd'] });
    expect(del.status, JSON.stringify(del.body)).toBe(202);
    await note(bin('ins-demand-gpu-ssd'), 'deleted');
    expect(await bin('ins-demand-gpu-ssd').locator('td').nth(2).textContent()).toBe('shutdown');
    await life(bin('ins-demand-gpu-ssd'), 'Recover').click();
    await note(row('ins-demand-gpu-ssd'), 'recovering');
    await note(row('ins-demand-gpu-ssd'), 'shutdown');
    expect(await bin('ins-demand-gpu-ssd').count()).toBe(0);

    // Set balance.
    await page.locator('#billing-amount').fill('1234.5');
    await page.getByRole('button', { name: 'Set balance' }).click();
    await expect.poll(async () => (await control('/billing')).Balance, { timeout: 5_000 }).toBeGreaterThan(1234);
    expect((await control('/billing')).Balance).toBeLessThanOrEqual(1234.5);

    const tones: Record<string, string> = INSTANCE_TONES;
    for (const [status, tone] of seen) expect([status, tone]).toEqual([status, tones[status]]);
    expect(new Set(seen.values())).toEqual(new Set(['held', 'busy', 'ok', 'gone', 'off']));
    await page.locator('#instances').screenshot({ path: SCREENSHOT.replace(/\.png$/, '-billing-life.png') });
  });

  it('made no request beyond the emulator\'s own origin and logged no console error', () => {
    const { requests, consoleErrors } = browser!;
    expect(requests.length).toBeGreaterThanOrEqual(5);
    expect(requests.filter((url) => new URL(url).origin !== stack!.emulator)).toEqual([]);
    // The refused fault above is a deliberate 400.
    expect(consoleErrors.filter((e) => !/Failed to load resource: .* status of 400/.test(e))).toEqual([]);
  });
});
