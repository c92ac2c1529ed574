import type { StoredResponse } from './idempotency-record';

/** Headers kept with a stored answer; everything else (request ids, dates) belongs to one exchange. */
const STORED_HEADERS = ['Content-Type', 'Location', 'Retry-After', 'X-Upstream-Request-Id'];

/** 4xx answers that say "try again later" rather than "this request is wrong": never stored. */
const RETRYABLE_4XX = new Set([408, 425, 429]);

/**
 * Whether an answer is final for its key and is replayed from now on: 2xx and 4xx (the request
 * was done, or refused for a reason that will not change for the same body). 5xx answers (502
 * upstream failure, 504 timeout, 500) are worth a retry, so the key is released instead; see
 * README.md for what that means after a 504.
 */
export function isFinalAnswer(status: number): boolean {
  if (status >= 200 && status < 300) return true;
  return status >= 400 && status < 500 && !RETRYABLE_4XX.has(status);
}

export async function toStoredResponse(res: Response): Promise<StoredResponse> {
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: res.status, headers, body: await res.clone().text() };
}
