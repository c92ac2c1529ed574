/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import readme from '../../README.md?raw';
import wranglerToml from '../../wrangler.toml?raw';
import committed from '../../openapi/openapi.json';
import { dashboardPage } from '../../emulator/control/dashboard-page';
import { SEED_IDS } from '../../emulator';
import { MAX_RETRIES } from '../../worker/upstream/transport';
import { emulatorStack } from '../helpers/emulator-stack';

// The README says what the code does: its examples are checked against the gateway and the
// document, and each shell block runs on its own in a fresh terminal.

const shellBlocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README', () => {
  it('the error example is the answer the gateway sends (all but its requestId)', async () => {
    const example = /Every error is `application\/problem\+json`[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    const documented = JSON.parse(example!) as Record<string, unknown>;
    const stack = emulatorStack({ virtualTime: true });
    const res = await stack.gateway('/v1/instances/operate', { method: 'POST', body: JSON.stringify({ EcsIds: [SEED_IDS.demandGpuSsd], OpType: 'restart_ecs' }) });
    const real = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(documented.status);
    expect({ ...documented, requestId: undefined }).toEqual({ ...real, requestId: undefined });
    // "More to try" sends this very request.
    expect(readme).toContain(`-d '{"EcsIds":["${SEED_IDS.demandGpuSsd}"],"OpType":"restart_ecs"}'   # 409 InvalidInstanceStatus`);
  });

  it('lists Prefer: wait on exactly the routes that answer 202', () => {
    const listed = /<!-- prefer-routes -->(.*?)<!-- \/prefer-routes -->/.exec(readme)?.[1]?.split(', ').map((r) => r.replaceAll('`', ''));
    const accepting = Object.entries(committed.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { responses: Record<string, unknown> }>).filter(([, op]) => '202' in op.responses).map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(listed).toEqual(accepting.sort());
  });

  it('every shell block defines the $G and $T it uses', () => {
    expect(shellBlocks.length).toBeGreaterThan(5);
    for (const block of shellBlocks) {
      for (const name of ['G', 'T']) {
        if (new RegExp(`\\$${name}\\b`).test(block)) expect(block, `a block uses $${name} without defining it:\n${block}`).toMatch(new RegExp(`(^|\\s)${name}=`));
      }
    }
  });

  it('names the build command wrangler.toml runs, and keeps secrets off the command line', () => {
    const command = /^\[build\]\ncommand = "([^"]+)"/m.exec(wranglerToml)?.[1];
    expect(command).toBeDefined();
    expect(readme).toContain(`\`${command}\``);
    expect(readme).not.toMatch(/--var\s+(CDS_SECRET|GATEWAY_TOKENS)/);
    expect(readme).toContain('.dev.vars');
  });

  it('says how many times a fault must strike to get past the gateway GET retries (README and dashboard)', () => {
    expect(MAX_RETRIES).toBe(2); // "twice" below
    const times = `Times: ${MAX_RETRIES + 1}`;
    expect(readme).toMatch(/retries an upstream GET twice/);
    expect(readme).toContain(times);
    const page = dashboardPage({ nonce: 'n', actions: ['DescribeInstance'], errorCodes: [] });
    expect(page).toContain('retries an upstream GET twice');
    expect(page).toContain(`<b>${times}</b>`);
  });
});
