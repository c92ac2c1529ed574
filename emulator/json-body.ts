import { EmulatorError } from './errors';

/**
 * A request body read as JSON whatever its Content-Type (`curl -d` labels JSON a form; the
 * upstream SDK does not always set one). `undefined` for an empty body; InvalidParameter
 * "body: not valid JSON" otherwise. Used by the wire API and the control API alike.
 */
export async function readJsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new EmulatorError('InvalidParameter', 'body: not valid JSON');
  }
}
