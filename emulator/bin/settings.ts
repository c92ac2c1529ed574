import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseAccessKeys } from '../access-keys';
import type { Durations } from '../state/machine';
import { TRANSITIONS } from '../operations';
import type { EmulatorOptions } from '../index';

/** The bins listen on loopback unless told otherwise: the control API has no signature. */
export const LOOPBACK_HOST = '127.0.0.1';

/** `EMULATOR_DURATIONS=restart_ecs=2,shutdown_ecs=1`: per-transition seconds. */
export function parseDurations(spec: string | undefined): Durations {
  const out: Durations = {};
  for (const pair of (spec ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, value] = pair.split('=');
    const seconds = Number(value);
    if (!kind || !(kind in TRANSITIONS) || value === undefined || !Number.isFinite(seconds) || seconds < 0)
      throw new Error(`expected kind=seconds pairs (kinds: ${Object.keys(TRANSITIONS).join(', ')}), got "${pair}"`);
    out[kind as keyof Durations] = seconds;
  }
  return out;
}

/** An empty variable counts as unset, as in a shell. */
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);

/** A TCP port given as decimal digits (0: any free port). */
export const portSetting = (fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number (0-65535)')
      .transform(Number)
      .refine((n) => n <= 65535, 'must be a port number (0-65535)')
      .default(fallback),
  );

/** Runs a string parser as a zod transform, so its error is reported under the variable's name. */
const parsedBy = <T>(parse: (s: string | undefined) => T) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .optional()
      .transform((s, ctx) => {
        try {
          return parse(s);
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: (e as Error).message });
          return z.NEVER;
        }
      }),
  );

/** Every EMULATOR_* setting of the emulator's bins and `npm start`, with its default. */
export const EmulatorSettingsSchema = z.object({
  EMULATOR_HOST: z.preprocess(unsetIfEmpty, z.string().regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or IP address').default(LOOPBACK_HOST)),
  EMULATOR_PORT: portSetting(8788),
  /** Path of a seed JSON file (the POST /_emulator/reset body format). */
  EMULATOR_SEED: z.preprocess(unsetIfEmpty, z.string().optional()),
  EMULATOR_ACCESS_KEYS: parsedBy(parseAccessKeys),
  EMULATOR_CLOCK: z.preprocess(unsetIfEmpty, z.enum(['wall', 'manual']).default('wall')),
  EMULATOR_DURATIONS: parsedBy(parseDurations),
  /** Path of the state file: loaded at start, rewritten as the world changes. */
  EMULATOR_STATE_FILE: z.preprocess(unsetIfEmpty, z.string().optional()),
});

export interface EmulatorSettings {
  host: string;
  port: number;
  seedFile?: string;
  /** The state file (EMULATOR_STATE_FILE): loaded at start, written atomically as the world changes. */
  stateFile?: string;
  options: Pick<EmulatorOptions, 'accessKeys' | 'clock' | 'durations'>;
}

/** Command-line flags of a bin, each standing for a variable (`--port` for EMULATOR_PORT…). */
export type FlagVariables = Readonly<Record<string, string>>;

/** The environment with the given flags in place of their variables: a flag wins. */
export function withFlags(env: Record<string, string | undefined>, flags: Record<string, unknown>, variables: FlagVariables): Record<string, string | undefined> {
  const merged = { ...env };
  for (const [flag, variable] of Object.entries(variables)) if (typeof flags[flag] === 'string') merged[variable] = flags[flag] as string;
  return merged;
}

/** Bad settings: the bins exit with code 2 on it, as on an unknown flag. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/**
 * Reads a bin's command line: each flag of `variables` takes a value and stands for its variable
 * (an unknown flag throws a TypeError); `-h`/`--help` asks for the usage text.
 */
export function readCommandLine(args: string[], env: Record<string, string | undefined>, variables: FlagVariables): { help: boolean; env: Record<string, string | undefined> } {
  const options = Object.fromEntries(Object.keys(variables).map((flag) => [flag, { type: 'string' as const }]));
  const { values } = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  return { help: values.help === true, env: withFlags(env, values, variables) };
}

/**
 * Parses env with schema; one Error naming every bad variable (and its flag, when the bin has
 * one), never its value: keys are secret.
 */
export function readSettings<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>, variables: FlagVariables = {}): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const flagOf = new Map(Object.entries(variables).map(([flag, variable]) => [variable, flag]));
  const name = (variable: string) => (flagOf.has(variable) ? `${variable} (--${flagOf.get(variable)})` : variable);
  throw new SettingsError(`bad settings: ${parsed.error.issues.map((i) => `${name(i.path.join('.'))}: ${i.message}`).join('; ')}`);
}

export function toEmulatorSettings(s: z.output<typeof EmulatorSettingsSchema>): EmulatorSettings {
  return {
    host: s.EMULATOR_HOST,
    port: s.EMULATOR_PORT,
    seedFile: s.EMULATOR_SEED,
    stateFile: s.EMULATOR_STATE_FILE,
    options: { accessKeys: s.EMULATOR_ACCESS_KEYS, clock: s.EMULATOR_CLOCK, durations: s.EMULATOR_DURATIONS },
  };
}

export const emulatorSettingsFromEnv = (env: Record<string, string | undefined>): EmulatorSettings => toEmulatorSettings(readSettings(EmulatorSettingsSchema, env));
