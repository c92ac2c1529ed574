import { UPSTREAM_ERRORS, type UpstreamErrorCode } from '../openapi/upstream/error-codes';

/** A refusal the upstream would answer: an UPSTREAM_ERRORS code, its HTTP status and a message. */
export class EmulatorError extends Error {
  override readonly name = 'EmulatorError';
  readonly status: number;
  constructor(
    readonly code: UpstreamErrorCode,
    message: string,
  ) {
    super(message);
    this.status = UPSTREAM_ERRORS[code];
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
