import { Hono, type Context } from 'hono';
import { OPERATION_BY_ACTION, OPERATIONS, type OperationDeclaration as Operation } from '../../openapi/operations';
import { actionPaths, servicePath, type EcsService, type PathVersion } from '../../openapi/upstream/actions';
import { errorEnvelope, successEnvelope } from '../../openapi/upstream/envelope';
import { isClientAbort, logClientAbort } from '../client-abort';
import { idsNamed, type JournalCall } from '../control/journal';
import type { EmulatorCore } from '../core';
import { dispatch, type CallInput, type CallOutcome } from '../dispatch';
import { EmulatorError } from '../errors';
import { readJsonBody } from '../json-body';
import { sleep } from '../sleep';
import { authenticate } from './auth';

/** Every service path the operations are served on, e.g. /ecs/v1, /ebs/v1, /ecs/v1.1. */
const ENDPOINTS: readonly { service: EcsService; version: PathVersion }[] = [
  ...new Map(
    OPERATIONS.flatMap((op) => op.upstream.services.map((service) => [servicePath(service, op.upstream.version), { service, version: op.upstream.version ?? 'v1' }] as const)),
  ).values(),
];

/** A RequestId like the upstream's: 32 hex digits. */
export const newRequestId = () => crypto.randomUUID().replaceAll('-', '');

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** The upstream API: `/ecs/v1`, `/ebs/v1` and `/ecs/v1.1`, routed by `Action`, path and method through the operations' upstream rows. */
export function createWireApp(core: EmulatorCore): Hono {
  const app = new Hono();
  for (const { service, version } of ENDPOINTS) app.all(servicePath(service, version), (c) => handle(core, c, service, version));
  return app;
}

/** The request, or for a GET handed its body apart (Node server), a request carrying that body. */
function bodyCarrier(c: Context): Request {
  const getBody = (c.env as { getBody?: ReadableStream<Uint8Array> } | undefined)?.getBody;
  if (!getBody || c.req.method !== 'GET') return c.req.raw;
  return new Request(c.req.url, { method: 'POST', body: getBody, headers: c.req.raw.headers, duplex: 'half' } as RequestInit);
}

async function handle(core: EmulatorCore, c: Context, service: EcsService, version: PathVersion): Promise<Response> {
  const requestId = newRequestId();
  const url = new URL(c.req.url);
  const params = Object.fromEntries(url.searchParams);
  const method = c.req.method.toUpperCase();
  const action = params.Action ?? '';
  // Journaled on arrival (Pending while it runs or hangs), completed with its outcome.
  const entry = core.journal.begin({ Transport: 'http', Method: method, Path: url.pathname, Action: action, AccessKeyId: params.AccessKeyId ?? '', Ids: idsNamed(params) });
  const refused = (status: number, code: string) => entry.end({ Status: status, Code: code });
  try {
    const account = await authenticate(core, method, params);
    const op = route(action, service, version, method);
    // A POST body that cannot be read is refused after the before-phase faults, as any bad input
    // is; a GET's body only adds parameters, so an unreadable one is left out.
    const input: CallInput = await readJsonBody(bodyCarrier(c)).then(
      (body) => ({ wire: { query: params, body } }),
      (unreadable: unknown) => (op.upstream.method === 'POST' ? { unreadable } : { wire: { query: params, body: undefined } }),
    );
    const outcome = await dispatch(core, { op, account, service, input, entry, signal: c.req.raw.signal });
    return await render(core, op, outcome, requestId, c.req.raw.signal, entry);
  } catch (e) {
    if (e instanceof EmulatorError) {
      refused(e.status, e.code);
      return json(e.status, errorEnvelope(e.code, e.message, requestId));
    }
    if (isClientAbort(e, c.req.raw)) {
      refused(400, 'RequestAborted');
      logClientAbort(c.req.raw);
      return json(400, errorEnvelope('RequestAborted', 'the client went away', requestId));
    }
    refused(500, 'InternalError');
    // Never leak a stack trace; the journal shows the call, the console the cause.
    console.error('emulator: unexpected error', e);
    return json(500, errorEnvelope('InternalError', 'internal error of the emulator', requestId));
  }
}

/** The HTTP answer of a call's outcome. */
async function render(core: EmulatorCore, op: Operation, outcome: CallOutcome, requestId: string, signal: AbortSignal, entry: JournalCall): Promise<Response> {
  switch (outcome.kind) {
    case 'success':
      return json(200, envelope(op, outcome.data, outcome.message, requestId));
    case 'refused':
      return json(outcome.error.status, errorEnvelope(outcome.error.code, outcome.error.message, requestId));
    case 'fault': {
      const fault = outcome.fault;
      switch (fault.kind) {
        case 'aborted':
          return json(499, {});
        case 'hang':
          // A hung call holds its connection until the client aborts (or the cap).
          await sleep(core.hangCapMs, signal);
          entry.end({ ...fault.journal, FaultId: fault.FaultId });
          return json(504, errorEnvelope('ServiceUnavailable', 'fault: hung call released after the hang cap', requestId));
        case 'malformed':
          return new Response('{"Code":"Success","Msg":"ok","Data":{"EventId": ', { status: 200, headers: { 'content-type': 'application/json' } });
        case 'error':
          return json(fault.status, errorEnvelope(fault.code, fault.message, requestId));
      }
    }
  }
}

/** Unknown Action, or a known one on the wrong path or with the wrong method: InvalidAction. */
function route(action: string, service: EcsService, version: PathVersion, method: string): Operation {
  const op = OPERATION_BY_ACTION.get(action);
  if (!op) throw new EmulatorError('InvalidAction', `unknown Action ${action}`);
  const row = op.upstream;
  if (!(row.services as readonly EcsService[]).includes(service) || (row.version ?? 'v1') !== version)
    throw new EmulatorError('InvalidAction', `Action ${action} is served on ${actionPaths(row).join(' and ')}, not ${servicePath(service, version)}`);
  if (row.method !== method) throw new EmulatorError('InvalidAction', `Action ${action} takes ${row.method}, not ${method}`);
  return op;
}

/** The success envelope as the upstream writes this action's: its head variant; paged lists with PageNumber, PageSize, TotalCount next to Data. */
function envelope(op: Operation, data: unknown, message: string, requestId: string): Record<string, unknown> {
  const lowerCase = op.upstream.envelope === 'code';
  const paging = op.upstream.paging;
  if (!paging) return successEnvelope({ data, message, requestId, lowerCase });
  const { PageNumber, PageSize, TotalCount, ...rest } = data as Record<string, unknown>;
  // An action the emulator answers on one page (the images) still carries the paging fields.
  const rows = Array.isArray(rest[paging.list]) ? (rest[paging.list] as unknown[]).length : 0;
  const n = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
  return successEnvelope({ data: rest, message, requestId, lowerCase, paging: { PageNumber: n(PageNumber, 1), PageSize: n(PageSize, rows), TotalCount: n(TotalCount, rows) } });
}
