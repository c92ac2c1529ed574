import { describe, expect, it } from 'vitest';
import { LOOPBACK_CONTROL_HOSTS, type Emulator } from '../../../emulator';
import { dashboardPage } from '../../../emulator/control/dashboard-page';
import { INSTANCE_TONES } from '../../../emulator/control/instance-tones';
import { INSTANCE_STATUS_DISPLAY } from '../../../openapi/models';
import { OPERATIONS } from '../../../openapi/operations';
import { newEmulator } from '../../helpers/emulator-client';

// GET /_emulator/ui: one self-contained page behind the control API's host guard. What it does in
// a browser is tested in test/browser/emulator-dashboard.test.ts; here, what the server answers.

const loopback = () => newEmulator({ controlHosts: LOOPBACK_CONTROL_HOSTS });
const get = (emu: Emulator, url: string, headers: Record<string, string> = {}) => emu.fetch(new Request(url, { headers }));

describe('GET /_emulator/ui', () => {
  it('answers one HTML page from loopback, offering every Action of the action table', async () => {
    const res = await get(loopback(), 'http://127.0.0.1:8788/_emulator/ui');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    for (const { upstream } of OPERATIONS) expect(html).toContain(`"${upstream.action}"`);
  });

  it('is self-contained: no external script, style, font or image, only nonce\'d inline code', async () => {
    const html = await (await get(loopback(), 'http://127.0.0.1:8788/_emulator/ui')).text();
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
    expect(html.match(/<script\b[^>]*>/g)).toHaveLength(1);
    expect(html.match(/<script\b[^>]*>/)![0]).toMatch(/nonce="[A-Za-z0-9+/=]{20,}"/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers (the CSP would block them)
  });

  it('its CSP allows only its own nonce and origin, and forbids framing (clickjacking of Reset)', async () => {
    const emu = loopback();
    const a = await get(emu, 'http://127.0.0.1:8788/_emulator/ui');
    const b = await get(emu, 'http://127.0.0.1:8788/_emulator/ui');
    const csp = a.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    expect(await a.text()).toContain(`<script nonce="${nonce}">`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(a.headers.get('x-frame-options')).toBe('DENY');
    expect(/script-src 'nonce-([^']+)'/.exec(b.headers.get('content-security-policy')!)![1]).not.toBe(nonce);
  });

  it('is guarded like the control API: a foreign Host or Origin gets 403, not the page', async () => {
    const emu = loopback();
    const rebound = await get(emu, 'http://attacker.example:8788/_emulator/ui');
    expect(rebound.status).toBe(403);
    expect(((await rebound.json()) as { Code: string }).Code).toBe('Forbidden');
    const crossSite = await get(emu, 'http://127.0.0.1:8788/_emulator/ui', { origin: 'https://news.example' });
    expect(crossSite.status).toBe(403);
  });
});

describe('dashboardPage', () => {
  it('embeds its data so that no value can close the script element', () => {
    const html = dashboardPage({ nonce: 'n', actions: ['</script><script>alert(1)</script>'], errorCodes: ['<!--'] });
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('<!--');
    expect(html).toContain('\\u003c/script>');
  });

  it('gives every instance status of the table a colour the page styles', () => {
    const html = dashboardPage({ nonce: 'n', actions: [], errorCodes: [] });
    const tones: Record<string, string> = INSTANCE_TONES;
    for (const status of Object.keys(INSTANCE_STATUS_DISPLAY)) {
      expect(tones[status], status).toBeDefined();
      expect(html, `.st.${tones[status]} for ${status}`).toMatch(new RegExp(`\\.st\\.${tones[status]} \\{`));
    }
    expect(html).toContain(JSON.stringify(INSTANCE_TONES));
  });
});
