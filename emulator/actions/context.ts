import type { z } from 'zod';
import type { EcsService } from '../../openapi/upstream/actions';
import { EmulatorError, describeIssues } from '../errors';
import type { EmulatorClock } from '../state/clock';
import type { InstanceStateMachine } from '../state/machine';
import type { EmulatorStore } from '../store/store';
import type { AccountState, InstanceRecord } from '../store/types';

/** Everything an action may touch: one account's state, the shared catalog, the clock. */
export interface ActionContext {
  store: EmulatorStore;
  machine: InstanceStateMachine;
  clock: EmulatorClock;
  account: AccountState;
  /** The service the call came in on (DescribeEvent serves instance events on ecs, disk events on ebs). */
  service: EcsService;
}

/** A GET action's query parameters or a POST action's JSON body, as received. */
export type WireInput = { query: Record<string, string>; body: unknown };

export interface ActionHandler<I, O> {
  /** Turns the wire form into the request model's input (GET: query strings; POST: the body). */
  fromWire(wire: WireInput): unknown;
  /** Validates with the shared request schema; MissingParameter / InvalidParameter naming the field. */
  parse(input: unknown): I;
  run(ctx: ActionContext, input: I): O;
  /** The success message of the envelope (the upstream's wording). */
  message: string;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const missing = r.error.issues.find((i) => i.code === 'invalid_type' && valueAt(input, i.path) === undefined);
  if (missing) throw new EmulatorError('MissingParameter', `${missing.path.map(String).join('.')}: is required`);
  throw new EmulatorError('InvalidParameter', describeIssues(r.error.issues));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Query values: empty strings count as absent (SDKs send unset fields as empty strings). */
export function pickQuery(query: Record<string, string>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (query[k] !== undefined && query[k] !== '') out[k] = query[k];
  return out;
}

export function instanceOrThrow(ctx: ActionContext, ecsId: string): InstanceRecord {
  const i = ctx.account.Instances.get(ecsId);
  if (!i) throw new EmulatorError('InstanceNotFound', `instance ${ecsId} not found`);
  return i;
}

/** All listed instances, or InstanceNotFound naming every missing id. Duplicates are refused. */
export function instancesOrThrow(ctx: ActionContext, ids: readonly string[]): InstanceRecord[] {
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length) throw new EmulatorError('InvalidParameter', `EcsIds: duplicate id ${[...new Set(dup)].join(',')}`);
  const missing = ids.filter((id) => !ctx.account.Instances.has(id));
  if (missing.length) throw new EmulatorError('InstanceNotFound', `instances not found: ${missing.join(',')}`);
  return ids.map((id) => ctx.account.Instances.get(id)!);
}
