import { EmulatorError } from './errors';

/** Control and wire bodies are a seed, a fault or one request: a few KB. Larger ones are refused unread. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A request body read as JSON whatever its Content-Type (`curl -d` labels JSON a form; the
 * upstream SDK does not always set one). `undefined` for an empty body; InvalidParameter
 * "body: not valid JSON" otherwise; PayloadTooLarge past `maxBytes`, without buffering the rest.
 * Used by the wire API and the control API alike.
 */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const tooLarge = () => new EmulatorError('PayloadTooLarge', `body: at most ${maxBytes} bytes`);
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader!.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) (bytes.set(c, at), (at += c.byteLength));
  const text = new TextDecoder().decode(bytes);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new EmulatorError('InvalidParameter', 'body: not valid JSON');
  }
}
