import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../../emulator';
import { call, ctl, expectError, newEmulator, operate, send } from '../../helpers/emulator-client';

const vncUrl = (emu: ReturnType<typeof newEmulator>, EcsId: string) => call(emu, 'DescribeInstanceVncUrl', { params: { EcsId } });

describe('DescribeInstanceVncUrl', () => {
  it("links a running instance to the emulator's console page, which names it, its status and says it is emulated", async () => {
    const emu = newEmulator();
    const r = await vncUrl(emu, SEED_IDS.demandCpuSsd);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ Code: 'Success', Msg: '获取远程连接地址成功！' });
    const url = new URL(r.body.Data.InstanceVncUrl);
    expect(url.origin).toBe(emu.store.consoleOrigin);
    expect(url.pathname).toBe(`/_emulator/vnc/${SEED_IDS.demandCpuSsd}`);

    const page = await send(emu, url.pathname, 'GET');
    expect(page.status).toBe(200);
    expect(page.text).toContain('web-01');
    expect(page.text).toContain('running');
    expect(page.text).toContain('emulated');
  });

  it('refuses shut-down and building instances with InvalidInstanceStatus (409), answers again once running', async () => {
    const emu = newEmulator();
    expect((await operate(emu, [SEED_IDS.demandCpuSsd], 'shutdown_ecs')).status).toBe(200);
    emu.advance(120);
    expectError(await vncUrl(emu, SEED_IDS.demandCpuSsd), 409, 'InvalidInstanceStatus', 'shutdown');
    // The page still shows the status as it is now.
    expect((await send(emu, `/_emulator/vnc/${SEED_IDS.demandCpuSsd}`, 'GET')).text).toContain('shutdown');

    const created = await ctl(emu, 'POST', '/instances', { Status: 'building' });
    expectError(await vncUrl(emu, created.body.EcsIds[0]), 409, 'InvalidInstanceStatus', 'building');

    expect((await operate(emu, [SEED_IDS.demandCpuSsd], 'start_up_ecs')).status).toBe(200);
    emu.advance(120);
    expect((await vncUrl(emu, SEED_IDS.demandCpuSsd)).status).toBe(200);
  });

  it('an unknown instance: InstanceNotFound on the wire and on the page; the page escapes the name', async () => {
    const emu = newEmulator();
    expectError(await vncUrl(emu, 'ins-nope'), 404, 'InstanceNotFound');
    expect((await send(emu, '/_emulator/vnc/ins-nope', 'GET')).status).toBe(404);
    const created = await ctl(emu, 'POST', '/instances', { EcsName: '<b>x</b>' });
    const page = await send(emu, `/_emulator/vnc/${created.body.EcsIds[0]}`, 'GET');
    expect(page.text).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(page.text).not.toContain('<b>x</b>');
  });
});
