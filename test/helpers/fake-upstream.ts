import examples from '../fixtures/upstream-response-examples.json';
import type { FetchLike } from '../../worker/upstream/transport';
import { independentSignature, independentStringToSign } from './independent-signature';

// A fake ECS API for the gateway's tests: it verifies every call's signature with the secret
// (independently of the gateway's signer), records the calls, and answers from the published
// examples unless a test installs its own answer.

export interface RecordedCall {
  method: string;
  host: string;
  path: string;
  action: string;
  /** Decoded query parameters without the common ones. */
  query: Record<string, string>;
  /** All decoded query parameters. */
  params: Record<string, string>;
  /** Parsed JSON body of a POST. */
  body?: unknown;
  contentType?: string;
  signatureValid: boolean;
}

export type Answer = (call: RecordedCall, signal?: AbortSignal) => Response | Promise<Response>;

const COMMON = ['Action', 'AccessKeyId', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version', 'Signature'];
type Examples = Record<string, Record<string, unknown>[]>;
export const EXAMPLES = (examples as unknown as { examples: Examples }).examples;

export function jsonAnswer(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The published example of an action (first variant), as upstream would send it. */
export function exampleOf(action: string, variant = 0): Record<string, unknown> {
  return structuredClone(EXAMPLES[action]![variant]!);
}

export class FakeUpstream {
  readonly calls: RecordedCall[] = [];
  readonly nonces = new Set<string>();
  /** Answers by `path Action` (e.g. `/ebs/v1 DescribeEvent`) or by Action. */
  readonly answers = new Map<string, Answer>();

  constructor(
    readonly accessKeyId: string,
    readonly secretKey: string,
    readonly host = 'upstream.test',
  ) {}

  on(action: string, answer: Answer): this {
    this.answers.set(action, answer);
    return this;
  }

  /** A call that never answers (until the caller's signal aborts it). */
  static hang: Answer = (_call, signal) =>
    new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'))));

  fetch: FetchLike = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const params = Object.fromEntries(url.searchParams);
    // The raw query must encode spaces as %20, never '+', and keep every pair once.
    const rawPairs = url.search.slice(1).split('&');
    const signature = params.Signature ?? '';
    const expected = independentSignature(this.secretKey, independentStringToSign(method, params));
    const signatureValid =
      signature === expected &&
      params.AccessKeyId === this.accessKeyId &&
      params.SignatureMethod === 'HMAC-SHA1' &&
      params.SignatureVersion === '1.0' &&
      params.Version === '2019-08-08' &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(params.Timestamp ?? '') &&
      !this.nonces.has(params.SignatureNonce ?? '') &&
      !url.search.includes('+') &&
      rawPairs.length === Object.keys(params).length;
    this.nonces.add(params.SignatureNonce ?? '');
    const bodyText = typeof init?.body === 'string' ? init.body : undefined;
    const headers = new Headers(init?.headers);
    const call: RecordedCall = {
      method,
      host: url.host,
      path: url.pathname,
      action: params.Action ?? '',
      query: Object.fromEntries(Object.entries(params).filter(([k]) => !COMMON.includes(k))),
      params,
      body: bodyText === undefined ? undefined : JSON.parse(bodyText),
      contentType: headers.get('Content-Type') ?? undefined,
      signatureValid,
    };
    this.calls.push(call);
    if (!signatureValid) return jsonAnswer({ Code: 'SignatureDoesNotMatch', Msg: 'signature mismatch', RequestId: 'req-sig' }, 403);
    const answer = this.answers.get(`${call.path} ${call.action}`) ?? this.answers.get(call.action);
    if (answer) return answer(call, init?.signal ?? undefined);
    return jsonAnswer(this.defaultAnswer(call));
  };

  private defaultAnswer(call: RecordedCall): unknown {
    const example = EXAMPLES[call.action]?.[0];
    if (!example) return { Code: 'InvalidAction', Msg: `unknown action ${call.action}`, RequestId: 'req-x' };
    return { ...structuredClone(example), RequestId: `req-${call.action}` };
  }
}
