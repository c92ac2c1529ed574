// Reading a body with a size cap, as both sides of the wire must: the gateway reads upstream
// answers, the emulator reads requests. Past the cap the rest is cancelled, never buffered.

/** The body as text, or `undefined` when it is larger than `maxBytes` (a Content-Length over the cap is refused unread). */
export async function cappedText(body: ReadableStream<Uint8Array> | null, maxBytes: number, contentLength?: string | null): Promise<string | undefined> {
  if (Number(contentLength ?? 0) > maxBytes) {
    await body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
