import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Emulator } from '../index';
import { exportState, restoreState, stateProblem, type EmulatorStateDoc } from '../store/world-state';
import { SettingsError } from './settings';

// The Node server's state file (EMULATOR_STATE_FILE / --state-file): every account's world and the
// named snapshots, loaded at start and rewritten atomically (temp file + rename) soon after a call.

/** How long after a call the file is rewritten: a crash loses at most this much. */
export const STATE_WRITE_DELAY_MS = 250;

/** A state file that cannot be loaded: one line, exit code 2, the file left as it is. */
export class StateFileError extends SettingsError {}

/** Loads the file into the emulator when it exists; throws StateFileError (changing nothing) when it is unreadable. */
export function loadStateFile(emulator: Emulator, path: string): void {
  if (!existsSync(path)) return;
  const fail = (why: string) => new StateFileError(`state file ${path}: ${why} (the file was left untouched; fix it, or remove it to start from the seed)`);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw fail(e instanceof SyntaxError ? 'not valid JSON' : ((e as NodeJS.ErrnoException).code ?? String(e)));
  }
  const problem = stateProblem(emulator.core, doc);
  if (problem) throw fail(`incompatible: ${problem}`);
  try {
    restoreState(emulator.core, doc as EmulatorStateDoc);
  } catch (e) {
    throw fail(`incompatible: ${(e as Error).message}`);
  }
}

/**
 * Rewrites the file STATE_WRITE_DELAY_MS after calls (when the state changed), and once more when
 * the process exits. Wraps the emulator's fetch so every call (wire or control) schedules a write.
 */
export function persistState(emulator: Emulator, path: string): { flush(): void } {
  let written: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) (clearTimeout(timer), (timer = undefined));
    const text = `${JSON.stringify(exportState(emulator.core))}\n`;
    if (text === written) return;
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, path);
    written = text;
  };
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      try {
        flush();
      } catch (e) {
        console.error(`ecs-emulator: cannot write the state file ${path}: ${(e as Error).message}`);
      }
    }, STATE_WRITE_DELAY_MS);
    timer.unref?.();
  };
  const inner = emulator.fetch;
  emulator.fetch = async (request) => {
    schedule();
    try {
      return await inner(request);
    } finally {
      schedule();
    }
  };
  flush();
  process.once('exit', () => {
    try {
      flush();
    } catch {
      /* the process is going; the last scheduled write stands */
    }
  });
  return { flush };
}
