import { cappedText } from '../../openapi/upstream/capped-text';
import { EcsError } from '../../openapi/ecs-api';
import { upstreamBadResponse, upstreamTimeout, upstreamUnreachable } from '../../openapi/errors/ecs-errors';
import type { HttpMethod } from '../../openapi/upstream/actions';

// One upstream HTTP exchange, with a deadline. GETs are retried (at most twice, jittered backoff)
// on network errors and 502/503/504 while the deadline allows; POSTs never, because the upstream
// may have acted on a request whose answer was lost. For the same reason a POST that misses the
// deadline is not cancelled: the caller gets its timeout at the deadline, and the exchange keeps
// running for `lateAnswerMs` more so its real outcome can still be recorded (see `onLate`).

export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** Where and how long (schema, host[:port], deadline of one SDK call with all its attempts), plus test hooks. */
/** Where and how the upstream is reached (CDS_API_SCHEMA, CDS_API_HOST, CDS_TIMEOUT_MS, CDS_MAX_RESPONSE_BYTES). */
export interface UpstreamSettings {
  schema: 'http' | 'https';
  host: string;
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface TransportOptions extends Omit<UpstreamSettings, 'maxResponseBytes'> {
  /** The largest answer body read; default MAX_RESPONSE_BYTES (CDS_MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
  /** Injected by tests (a fake upstream, the emulator's fetch handler); the global fetch otherwise. */
  fetch?: FetchLike;
  /** Backoff before retry n (1, 2), in ms; jittered by default. */
  backoffMs?: (retry: number) => number;
  /** Told about every upstream exchange once it ends (the per-request log line collects them). */
  onUpstreamCall?: (call: UpstreamCallRecord) => void;
  /** How long a POST may still answer after its deadline passed; default LATE_ANSWER_MS. */
  lateAnswerMs?: number;
}

/** One upstream exchange as the log line reports it: never a URL, query, body or credential. */
export interface UpstreamCallRecord {
  action: string;
  /** Attempts made (1 + retries). */
  attempts: number;
  /** HTTP status of the last attempt, or how it failed (`timeout`, `unreachable`). */
  status: number | 'timeout' | 'unreachable';
  durationMs: number;
}

/**
 * How long a POST keeps running past its deadline: within the 30 s a Worker may go on after
 * answering (`waitUntil`), and shorter than an Idempotency-Key's lease (CDS_TIMEOUT_MS + 30 s).
 */
export const LATE_ANSWER_MS = 20_000;

/** The largest upstream answer read by default: 8 MiB (a Worker isolate has 128 MB). */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** Receives the exchange of a POST that missed its deadline: it settles with the late reply or the final failure. */
export type LateReplyHandler = (late: Promise<UpstreamReply>) => void;

/** An upstream answer, read whole within the deadline. */
export interface UpstreamReply {
  status: number;
  text: string;
}

export interface TransportRequest {
  method: HttpMethod;
  path: string;
  /** Signed, encoded query string (without `?`). */
  query: string;
  /** JSON body of a POST, sent as is. */
  body?: unknown;
  action: string;
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);
/** Retries of a GET after its first attempt (so a wire fault must strike MAX_RETRIES + 1 times to reach a client). */
export const MAX_RETRIES = 2;

const defaultBackoff = (retry: number) => 100 * 2 ** (retry - 1) * (0.5 + Math.random() / 2);

export class Transport {
  private readonly fetchImpl: FetchLike;
  private readonly backoff: (retry: number) => number;

  constructor(private readonly options: TransportOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.backoff = options.backoffMs ?? defaultBackoff;
  }

  get baseUrl(): string {
    return `${this.options.schema}://${this.options.host}`;
  }

  /** The deadline of one SDK call that starts now; pass it to every send() of that call. */
  newDeadline(): number {
    return Date.now() + this.options.timeoutMs;
  }

  /**
   * Sends the request; `sign` is called for every attempt so each carries a fresh nonce and
   * timestamp (the upstream refuses a reused SignatureNonce). An SDK call that needs more than
   * one request (an event's /ebs/v1 fallback) passes one shared deadline.
   */
  async send(req: Omit<TransportRequest, 'query'>, sign: () => Promise<string>, deadline = this.newDeadline(), onLate?: LateReplyHandler): Promise<UpstreamReply> {
    const started = Date.now();
    let attempts = 0;
    const report = (status: UpstreamCallRecord['status']) =>
      this.options.onUpstreamCall?.({ action: req.action, attempts, status, durationMs: Date.now() - started });
    try {
      const reply = await this.sendWithRetries(req, sign, deadline, () => (attempts += 1), onLate);
      report(reply.status);
      return reply;
    } catch (err) {
      report(err instanceof EcsError && err.kind === 'timeout' ? 'timeout' : 'unreachable');
      throw err;
    }
  }

  private async sendWithRetries(
    req: Omit<TransportRequest, 'query'>,
    sign: () => Promise<string>,
    deadline: number,
    countAttempt: () => void,
    onLate?: LateReplyHandler,
  ): Promise<UpstreamReply> {
    const retries = req.method === 'GET' ? MAX_RETRIES : 0;
    for (let attempt = 0; ; attempt++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw timeoutError(req.action, this.options.timeoutMs);
      const canRetry = attempt < retries;
      countAttempt();
      try {
        const reply = await this.attempt({ ...req, query: await sign() }, remaining, onLate);
        if (canRetry && RETRYABLE_STATUS.has(reply.status) && (await this.waitBeforeRetry(attempt + 1, deadline))) continue;
        return reply;
      } catch (err) {
        if (err instanceof EcsError && err.kind === 'unreachable' && canRetry && (await this.waitBeforeRetry(attempt + 1, deadline))) continue;
        throw err;
      }
    }
  }

  private async attempt(req: TransportRequest, timeoutMs: number, onLate?: LateReplyHandler): Promise<UpstreamReply> {
    const url = `${this.baseUrl}${req.path}?${req.query}`;
    // A POST is never cut at the deadline: the upstream may act on it whatever we do.
    const keepAliveMs = req.method === 'POST' ? (this.options.lateAnswerMs ?? LATE_ANSWER_MS) : 0;
    const signal = AbortSignal.timeout(timeoutMs + keepAliveMs);
    const init: RequestInit = { method: req.method, signal, headers: { Accept: 'application/json' } };
    if (req.method === 'POST') {
      init.body = JSON.stringify(req.body ?? {});
      init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    }
    const exchange = this.exchange(url, init, signal, req.action);
    if (keepAliveMs === 0) return exchange;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), timeoutMs)));
    const first = await Promise.race([exchange.then((reply) => ({ reply }), (error: unknown) => ({ error })), deadline]);
    clearTimeout(timer);
    if (first === 'deadline') {
      exchange.catch(() => undefined); // settled later by whoever takes it; never an unhandled rejection
      onLate?.(exchange);
      throw timeoutError(req.action, this.options.timeoutMs);
    }
    if ('error' in first) throw first.error;
    return first.reply;
  }

  /** Sends and reads one answer under `signal`; every failure becomes the EcsError it stands for. */
  private async exchange(url: string, init: RequestInit, signal: AbortSignal, action: string): Promise<UpstreamReply> {
    try {
      // The body is read under the same signal: an answer that stalls mid-body is a timeout too.
      const res = await this.fetchImpl(url, init);
      const text = await readCapped(res, this.options.maxResponseBytes ?? MAX_RESPONSE_BYTES, action);
      // A fetch stand-in (an in-process upstream) may answer instead of rejecting once aborted.
      if (signal.aborted) throw signal.reason ?? new DOMException('deadline passed', 'TimeoutError');
      return { status: res.status, text };
    } catch (err) {
      if (err instanceof EcsError) throw err;
      // Whatever the fetch implementation rejects with once the deadline passed, it is a timeout.
      const name = (err as { name?: string } | null)?.name;
      if (signal.aborted || name === 'TimeoutError' || name === 'AbortError') throw timeoutError(action, this.options.timeoutMs);
      // The cause is not echoed: a fetch error message may contain the signed URL.
      throw upstreamUnreachable(action, `could not reach the ECS API at ${this.options.host}`);
    }
  }

  /** Sleeps before retry n if the deadline leaves room for it and for an attempt after it. */
  private async waitBeforeRetry(retry: number, deadline: number): Promise<boolean> {
    const delay = this.backoff(retry);
    if (Date.now() + delay >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, delay));
    return true;
  }
}

/** The body as text; 502 UpstreamBadResponse as soon as it is larger than `max` bytes (the rest cancelled, never buffered). */
async function readCapped(res: Response, max: number, action: string): Promise<string> {
  const text = await cappedText(res.body, max, res.headers.get('Content-Length'));
  if (text === undefined) throw upstreamBadResponse(action, `the ECS API answered more than ${max} bytes (CDS_MAX_RESPONSE_BYTES)`, res.status);
  return text;
}

function timeoutError(action: string, timeoutMs: number): EcsError {
  return upstreamTimeout(action, `the ECS API did not answer within ${timeoutMs} ms`);
}
