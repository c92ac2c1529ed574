import { UPSTREAM_ERRORS, type UpstreamErrorCode } from '../openapi/upstream/error-codes';

/** Codes of the emulator's own HTTP layer, beside the upstream's: a body too large to read. */
const EMULATOR_ERRORS = { PayloadTooLarge: 413 } as const;

export type EmulatorErrorCode = UpstreamErrorCode | keyof typeof EMULATOR_ERRORS;

/** A refusal the upstream would answer: an UPSTREAM_ERRORS code, its HTTP status and a message. */
export class EmulatorError extends Error {
  override readonly name = 'EmulatorError';
  readonly status: number;
  constructor(
    readonly code: EmulatorErrorCode,
    message: string,
  ) {
    super(message);
    this.status = code in EMULATOR_ERRORS ? EMULATOR_ERRORS[code as keyof typeof EMULATOR_ERRORS] : UPSTREAM_ERRORS[code as UpstreamErrorCode];
  }
}

export const invalidParameter = (field: string, problem: string) => new EmulatorError('InvalidParameter', `${field}: ${problem}`);

/** `path: message` of the first zod issues, for an InvalidParameter message that names the field. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(body)'}: ${i.message}`)
    .join('; ');
}
