import { Hono, type Context } from 'hono';
import { UPSTREAM_ACTIONS, actionPaths, servicePath, type EcsService, type PathVersion, type SdkMethodName } from '../../openapi/upstream/actions';
import { errorEnvelope, successEnvelope } from '../../openapi/upstream/envelope';
import type { DescribeImagesResult, DescribeInstanceListResult } from '../../openapi/models';
import { ACTION_HANDLERS } from '../actions';
import { instancesNamed } from '../actions/named-instances';
import { runAction } from '../actions/run-action';
import type { EmulatorCore } from '../core';
import { isClientAbort, logClientAbort } from '../client-abort';
import { EmulatorError } from '../errors';
import { applyFault, successNote, type FaultOutcome } from '../fault-outcome';
import { readJsonBody } from '../json-body';
import { sleep } from '../sleep';
import { authenticate } from './auth';
import { idsNamed } from '../control/journal';

/** Every service path of the action table, e.g. /ecs/v1, /ebs/v1, /ecs/v1.1. */
const ENDPOINTS: readonly { service: EcsService; version: PathVersion }[] = [
  ...new Map(
    Object.values(UPSTREAM_ACTIONS).flatMap((a) => a.services.map((service) => [servicePath(service, a.version), { service, version: a.version as PathVersion }] as const)),
  ).values(),
];

/** Upstream Action name → SDK method (DescribeEvent → DescribeTaskEvent), from UPSTREAM_ACTIONS. */
const SDK_METHOD_OF_ACTION = new Map((Object.keys(UPSTREAM_ACTIONS) as SdkMethodName[]).map((sdk) => [UPSTREAM_ACTIONS[sdk].action as string, sdk]));

/** A RequestId like the upstream's: 32 hex digits. */
export const newRequestId = () => crypto.randomUUID().replaceAll('-', '');

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** The upstream API: `/ecs/v1`, `/ebs/v1` and `/ecs/v1.1`, routed by `Action`, path and method through UPSTREAM_ACTIONS. */
export function createWireApp(core: EmulatorCore): Hono {
  const app = new Hono();
  for (const { service, version } of ENDPOINTS) app.all(servicePath(service, version), (c) => handle(core, c, service, version));
  return app;
}

async function handle(core: EmulatorCore, c: Context, service: EcsService, version: PathVersion): Promise<Response> {
  const requestId = newRequestId();
  const url = new URL(c.req.url);
  const params = Object.fromEntries(url.searchParams);
  const method = c.req.method.toUpperCase();
  const action = params.Action ?? '';
  let accessKeyId = params.AccessKeyId ?? '';
  // Journaled on arrival (Pending while it runs or hangs), completed with its outcome.
  const call = core.journal.begin({ Transport: 'http', Method: method, Path: url.pathname, Action: action, AccessKeyId: accessKeyId, Ids: idsNamed(params) });
  const note = (status: number, code: string, fault: { FaultId?: number; EcsId?: string; Applied?: true } = {}) => call.end({ Status: status, Code: code, ...fault });
  const signal = c.req.raw.signal;
  /** Answers a fault that struck (before the action, or after it was applied). */
  const faultAnswer = async (outcome: Exclude<FaultOutcome, { kind: 'proceed' }>): Promise<Response> => {
    // A hung call holds its connection until the client aborts (or the cap), then is journaled.
    if (outcome.kind === 'hang') await sleep(core.hangCapMs, signal);
    const { Status, Code, ...mark } = outcome.journal;
    note(Status, Code, { FaultId: outcome.FaultId, ...mark });
    switch (outcome.kind) {
      case 'aborted':
        return json(499, {});
      case 'hang':
        return json(504, errorEnvelope('ServiceUnavailable', 'fault: hung call released after the hang cap', requestId));
      case 'malformed':
        return new Response('{"Code":"Success","Msg":"ok","Data":{"EventId": ', { status: 200, headers: { 'content-type': 'application/json' } });
      case 'error':
        return json(outcome.status, errorEnvelope(outcome.code, outcome.message, requestId));
    }
  };
  try {
    const account = await authenticate(core, method, params);
    accessKeyId = account.AccessKeyId;
    const sdk = route(action, service, version, method);
    // The body is read before the faults (a per-instance fault needs the ids it names); a body
    // that cannot be read names no instance and is refused after the before-phase faults, as input is.
    const read = UPSTREAM_ACTIONS[sdk].method === 'POST' ? await readJsonBody(c.req.raw).then((body) => ({ body: body ?? {} }), (error: unknown) => ({ error })) : { body: undefined };
    const input = { wire: { query: params, body: 'body' in read ? read.body : undefined } };
    if ('body' in read) call.name(idsNamed(read.body));
    const named = 'error' in read ? [] : instancesNamed(sdk, account, input);
    const before = await applyFault(core.faults.match(action, 'before', named), signal);
    if (before.kind !== 'proceed') return await faultAnswer(before);
    if ('error' in read) throw read.error;
    const data = runAction(core, sdk, account, service, input);
    // The action is applied: an after-phase fault can now only take the answer away (or delay it).
    const after = await applyFault(core.faults.match(action, 'after', named), signal);
    if (after.kind !== 'proceed') return await faultAnswer(after);
    const { Status, Code, ...struck } = successNote(before, after);
    note(Status, Code, struck);
    return json(200, envelope(sdk, data, requestId));
  } catch (e) {
    if (e instanceof EmulatorError) {
      note(e.status, e.code);
      return json(e.status, errorEnvelope(e.code, e.message, requestId));
    }
    if (isClientAbort(e, c.req.raw)) {
      note(400, 'RequestAborted');
      logClientAbort(c.req.raw);
      return json(400, errorEnvelope('RequestAborted', 'the client went away', requestId));
    }
    note(500, 'InternalError');
    // Never leak a stack trace; the journal shows the call, the console the cause.
    console.error('emulator: unexpected error', e);
    return json(500, errorEnvelope('InternalError', 'internal error of the emulator', requestId));
  }
}

/** Unknown Action, or a known one on the wrong path or with the wrong method: InvalidAction. */
function route(action: string, service: EcsService, version: PathVersion, method: string): SdkMethodName {
  const sdk = SDK_METHOD_OF_ACTION.get(action);
  if (!sdk) throw new EmulatorError('InvalidAction', `unknown Action ${action}`);
  const def = UPSTREAM_ACTIONS[sdk];
  if (!(def.services as readonly EcsService[]).includes(service) || def.version !== version)
    throw new EmulatorError('InvalidAction', `Action ${action} is served on ${actionPaths(def).join(' and ')}, not ${servicePath(service, version)}`);
  if (def.method !== method) throw new EmulatorError('InvalidAction', `Action ${action} takes ${def.method}, not ${method}`);
  return sdk;
}

function envelope(sdk: SdkMethodName, data: unknown, requestId: string): Record<string, unknown> {
  const { lowerCaseEnvelope } = UPSTREAM_ACTIONS[sdk];
  const message = ACTION_HANDLERS[sdk].message;
  if (sdk === 'DescribeInstanceList') {
    const { EcsList, PageNumber, PageSize, TotalCount } = data as DescribeInstanceListResult;
    return successEnvelope({ data: { EcsList }, message, requestId, lowerCase: lowerCaseEnvelope, paging: { PageNumber, PageSize, TotalCount } });
  }
  if (sdk === 'DescribeImages') {
    // Published with paging beside Data; the emulator answers every match on one page.
    const n = (data as DescribeImagesResult).ImageList.length;
    return successEnvelope({ data, message, requestId, lowerCase: lowerCaseEnvelope, paging: { PageNumber: 1, PageSize: n, TotalCount: n } });
  }
  return successEnvelope({ data, message, requestId, lowerCase: lowerCaseEnvelope });
}
