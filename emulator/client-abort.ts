// A client that disconnects mid-upload makes the body read fail (Node: `Error: aborted`,
// ECONNRESET). That is the client's doing, not an emulator fault: one short line, no stack trace.

export function isClientAbort(err: unknown, req: Request): boolean {
  const e = err as { code?: string; name?: string; message?: string } | null;
  return req.signal?.aborted === true || e?.code === 'ECONNRESET' || e?.name === 'AbortError' || e?.message === 'aborted';
}

export function logClientAbort(req: Request): void {
  console.warn(`emulator: client went away during ${req.method} ${new URL(req.url).pathname}`);
}
