import { DurableObject } from 'cloudflare:workers';
import { parseAccessKeys } from '../access-keys';
import { parseDurations } from '../bin/settings';
import { createEmulator, type Emulator } from '../index';
import { exportState, restoreState, stateProblem, type EmulatorStateDoc, type WorldStore } from '../store/world-state';
import type { EmulatorWorkerEnv } from './env';

/** The header the Worker names the session with when it forwards a request to its Durable Object. */
export const FORWARDED_SESSION = 'X-Emulator-Session';

/** A session's state in its Durable Object's storage (SQLite-backed; one key). */
export class DurableObjectWorldStore implements WorldStore {
  constructor(private readonly storage: DurableObjectStorage) {}
  async load(): Promise<EmulatorStateDoc | undefined> {
    const text = await this.storage.get<string>('state');
    return text === undefined ? undefined : (JSON.parse(text) as EmulatorStateDoc);
  }
  async save(state: EmulatorStateDoc): Promise<void> {
    await this.storage.put('state', JSON.stringify(state));
  }
}

/**
 * One session (an access key id) = one world, in its own Durable Object. The emulator core is the
 * same as on Node and in-process; the world is loaded from storage on the first call and saved after
 * each call that changed it. Transitions settle lazily on the next call, so no alarm is needed.
 */
export class EmulatorSession extends DurableObject<EmulatorWorkerEnv> {
  private emulator: Emulator | undefined;
  private savedText: string | undefined;
  private readonly worlds = new DurableObjectWorldStore(this.ctx.storage);

  private async open(accessKeyId: string): Promise<Emulator> {
    if (this.emulator) return this.emulator;
    const key = parseAccessKeys(this.env.EMULATOR_ACCESS_KEYS).find((k) => k.AccessKeyId === accessKeyId);
    if (!key) throw new Error(`session ${accessKeyId} is not a configured access key`);
    const emulator = createEmulator({
      accessKeys: [key],
      clock: this.env.EMULATOR_CLOCK === 'manual' ? 'manual' : 'wall',
      durations: parseDurations(this.env.EMULATOR_DURATIONS),
    });
    const stored = await this.worlds.load();
    // A state the emulator cannot read (an older format) is not loaded: the session starts from the seed.
    if (stored && !stateProblem(emulator.core, stored)) restoreState(emulator.core, stored);
    this.savedText = stored ? JSON.stringify(stored) : undefined;
    this.emulator = emulator;
    return emulator;
  }

  override async fetch(request: Request): Promise<Response> {
    const accessKeyId = request.headers.get(FORWARDED_SESSION) ?? '';
    const emulator = await this.ctx.blockConcurrencyWhile(() => this.open(accessKeyId));
    const response = await emulator.fetch(request);
    await this.persist(emulator);
    return response;
  }

  /** Saves the state when it differs from what storage holds (a read-only call writes nothing). */
  private async persist(emulator: Emulator): Promise<void> {
    const state = exportState(emulator.core);
    const text = JSON.stringify(state);
    if (text === this.savedText) return;
    this.savedText = text;
    await this.worlds.save(state);
  }
}
