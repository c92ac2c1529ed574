/** The emulator Worker's bindings (emulator/wrangler.toml; secrets with `wrangler secret put`). */
export interface EmulatorWorkerEnv {
  SESSIONS: DurableObjectNamespace;
  /** `ak:sk,ak2:sk2`: one session per access key id (a secret). */
  EMULATOR_ACCESS_KEYS?: string;
  /** Bearer token of /_emulator/* (a secret); unset: the control API is off (404). */
  EMULATOR_CONTROL_TOKEN?: string;
  /** `wall` (default) or `manual`. */
  EMULATOR_CLOCK?: string;
  /** Transition seconds, e.g. `restart_ecs=2,extend_disk=1`. */
  EMULATOR_DURATIONS?: string;
}
