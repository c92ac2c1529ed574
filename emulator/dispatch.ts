import type { OperationDeclaration as Operation } from '../openapi/operations';
import type { EcsService } from '../openapi/upstream/actions';
import { fromWireQuery } from '../openapi/upstream/wire-params';
import { idsNamed, type JournalCall } from './control/journal';
import type { EmulatorCore } from './core';
import { EmulatorError } from './errors';
import { applyFault, successNote, type FaultOutcome, type JournalNote } from './fault-outcome';
import { parseWith } from './operations/context';
import { BEHAVIOURS } from './operations';
import { findDiskIn } from './store/store';
import type { AccountState } from './store/types';

// One call of one operation, whichever transport brought it (moto's dispatch): before-phase
// fault → validate → settle → run → after-phase fault → journal. The wire app renders the
// outcome as HTTP and an envelope, the in-process EcsApi as a result or an EcsError.

/**
 * A call's input as a transport has it: `wire`, query and body as received; `typed`, the request
 * model's input; `unreadable`, the error a body that could not be read gave.
 */
export type CallInput = { wire: { query: Record<string, string>; body: unknown } } | { typed: unknown } | { unreadable: unknown };

export interface Call {
  op: Operation;
  account: AccountState;
  service: EcsService;
  input: CallInput;
  /** The call's journal entry, begun when it arrived (pending until this dispatch ends it). */
  entry: JournalCall;
  signal?: AbortSignal;
}

export type CallOutcome =
  | { kind: 'success'; data: unknown; message: string }
  | { kind: 'refused'; error: EmulatorError }
  | { kind: 'fault'; fault: Exclude<FaultOutcome, { kind: 'proceed' }> };

/**
 * The request model's input of a call. A GET's parameters come from the query and, as real
 * clients also send them (the CSI driver's EBS client), from a JSON body; a POST's from its body.
 */
export function requestOf(op: Operation, input: CallInput): unknown {
  if ('unreadable' in input) throw input.unreadable;
  if ('typed' in input) return input.typed;
  const { query, body } = input.wire;
  if (op.upstream.method === 'POST') return withAliases(op, body);
  const fromBody = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
  return { ...fromWireQuery(op.upstream, op.request, withAliases(op, query) as Record<string, string>), ...(withAliases(op, fromBody) as object) };
}

/** A parameter sent by another name the upstream takes (the row's paramAliases) is read as its field, unless the field is sent too. */
function withAliases(op: Operation, params: unknown): unknown {
  const aliases = op.upstream.paramAliases;
  if (!aliases || !params || typeof params !== 'object' || Array.isArray(params)) return params;
  const out: Record<string, unknown> = { ...params };
  for (const [alias, field] of Object.entries(aliases)) {
    if (!(alias in out)) continue;
    if (out[field] === undefined || out[field] === '') out[field] = out[alias];
    delete out[alias];
  }
  return out;
}

/**
 * The resources a call names, which per-instance faults match: the values of its declared id
 * fields, plus the instance owning a named disk. Read before the input is validated (faults come
 * first), so input that cannot be read names none.
 */
export function namedIds(op: Operation, account: AccountState, request: unknown): string[] {
  if (!request || typeof request !== 'object') return [];
  const fields = request as Record<string, unknown>;
  const named = (op.ids ?? []).flatMap((f) => [fields[f]].flat()).filter((v): v is string => typeof v === 'string');
  const owners = named.flatMap((id) => findDiskIn(account, id)?.instance.EcsId ?? []);
  return [...named, ...owners];
}

export async function dispatch(core: EmulatorCore, call: Call): Promise<CallOutcome> {
  const { op, account } = call;
  const journal = (note: JournalNote & { FaultId?: number }) => call.entry.end(note);
  // A hung call stays pending in the journal until its transport lets it go.
  const struck = (fault: Exclude<FaultOutcome, { kind: 'proceed' }>): CallOutcome => {
    if (fault.kind !== 'hang') journal({ ...fault.journal, FaultId: fault.FaultId });
    return { kind: 'fault', fault };
  };
  const behaviour = BEHAVIOURS.get(op.operationId)!;
  let request: unknown;
  let unreadable: unknown;
  try {
    request = requestOf(op, call.input);
  } catch (e) {
    unreadable = e;
  }
  const named = namedIds(op, account, request);
  call.entry.name(idsNamed(request));
  const before = await applyFault(core.faults.match(op.upstream.action, 'before', named), call.signal);
  if (before.kind !== 'proceed') return struck(before);
  let data: unknown;
  try {
    if (unreadable) throw unreadable;
    const req = parseWith(op.request, request);
    core.machine.settle(account);
    data = behaviour.run({ store: core.store, machine: core.machine, clock: core.clock, account, service: call.service }, req as never);
  } catch (e) {
    if (!(e instanceof EmulatorError)) throw e;
    journal({ Status: e.status, Code: e.code });
    return { kind: 'refused', error: e };
  }
  // The action is applied: an after-phase fault can now only take the answer away (or delay it).
  const after = await applyFault(core.faults.match(op.upstream.action, 'after', named), call.signal);
  if (after.kind !== 'proceed') return struck(after);
  journal(successNote(before, after));
  return { kind: 'success', data, message: behaviour.message };
}
