import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

// Shared by the Node tests that start real processes (npm run emulator, npm start, wrangler dev):
// a free port, a child in its own process group with its output kept, bounded waits, and a stop
// that leaves nothing of the group behind.

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Spawned {
  child: ChildProcess;
  /** Everything the process group wrote to stdout and stderr so far. */
  output(): string;
}

/**
 * Starts a command in its own process group (detached), so npm, tsx, wrangler and workerd can be
 * signalled together; stdout and stderr are collected for failure messages.
 */
export function spawnGroup(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
  let out = '';
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  return { child, output: () => out };
}

/** The project's own wrangler binary (not through npx, so signals reach it directly). */
export function wranglerCommand(args: string[]): [string, string[]] {
  const local = join(process.cwd(), 'node_modules', '.bin', 'wrangler');
  return existsSync(local) ? [local, args] : ['npx', ['wrangler', ...args]];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls url until it answers below 500; fails early when the process exits, or after ms. */
export async function waitFor(url: string, proc: Spawned, ms: number, init?: RequestInit): Promise<Response> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`process exited early (${proc.child.exitCode}):\n${proc.output()}`);
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return res;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} not up within ${ms} ms:\n${proc.output()}`);
    await sleep(250);
  }
}

/** Whether any process of the group led by pid is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Signals the whole group, waits up to graceMs for it to go, then SIGKILLs what is left. */
export async function stopGroup(proc: Spawned | undefined, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
  const pid = proc?.child.pid;
  if (!pid || !groupAlive(pid)) return;
  try {
    process.kill(-pid, signal);
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
  }
}
