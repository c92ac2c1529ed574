import { cappedText } from '../openapi/upstream/capped-text';
import { EmulatorError } from './errors';

/** Control and wire bodies are a seed, a fault or one request: a few KB. Larger ones are refused unread. */
export const EMULATOR_MAX_BODY_BYTES = 1024 * 1024;

/**
 * A request body read as JSON whatever its Content-Type (`curl -d` labels JSON a form; the
 * upstream SDK does not always set one). `undefined` for an empty body; InvalidParameter
 * "body: not valid JSON" otherwise; PayloadTooLarge past `maxBytes`, without buffering the rest.
 * Used by the wire API and the control API alike.
 */
export async function readJsonBody(req: Request, maxBytes = EMULATOR_MAX_BODY_BYTES): Promise<unknown> {
  const text = await cappedText(req.body, maxBytes, req.headers.get('content-length'));
  if (text === undefined) throw new EmulatorError('PayloadTooLarge', `body: at most ${maxBytes} bytes`);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new EmulatorError('InvalidParameter', 'body: not valid JSON');
  }
}
