import { z } from 'zod';
import { parseAccessKeys } from '../access-keys';
import type { Durations } from '../state/machine';
import { TRANSITIONS } from '../state/transitions';
import type { EmulatorOptions } from '../index';

/** The bins listen on loopback only: the control API has no signature. */
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

/** Every EMULATOR_* setting of `npm run emulator` and `npm start`, with its default. */
export const EmulatorSettingsSchema = z.object({
  EMULATOR_PORT: portSetting(8788),
  EMULATOR_ACCESS_KEYS: parsedBy(parseAccessKeys),
  EMULATOR_CLOCK: z.preprocess(unsetIfEmpty, z.enum(['wall', 'manual']).default('wall')),
  EMULATOR_DURATIONS: parsedBy(parseDurations),
});

export interface EmulatorSettings {
  port: number;
  options: Pick<EmulatorOptions, 'accessKeys' | 'clock' | 'durations'>;
}

/** Parses env with schema; one Error naming every bad variable (never its value: keys are secret). */
export function readSettings<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(`bad settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function toEmulatorSettings(s: z.output<typeof EmulatorSettingsSchema>): EmulatorSettings {
  return { port: s.EMULATOR_PORT, options: { accessKeys: s.EMULATOR_ACCESS_KEYS, clock: s.EMULATOR_CLOCK, durations: s.EMULATOR_DURATIONS } };
}

export const emulatorSettingsFromEnv = (env: Record<string, string | undefined>): EmulatorSettings => toEmulatorSettings(readSettings(EmulatorSettingsSchema, env));
