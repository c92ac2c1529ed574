import type { z } from 'zod';
import type { EcsService } from '../../openapi/upstream/actions';
import { EmulatorError, describeIssues } from '../errors';
import type { EmulatorClock } from '../state/clock';
import type { InstanceStateMachine } from '../state/machine';
import type { EmulatorStore } from '../store/store';
import type { AccountState, InstanceRecord } from '../store/types';

/** Everything an operation may touch: one account's state, the shared catalog, the clock. */
export interface OperationContext {
  store: EmulatorStore;
  machine: InstanceStateMachine;
  clock: EmulatorClock;
  account: AccountState;
  /** The service the call came in on (DescribeEvent serves instance events on ecs, disk events on ebs). */
  service: EcsService;
}

/** Validates with the shared request model: MissingParameter / InvalidParameter naming the field. */
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

/** The instance, after due transitions settled; InstanceNotFound otherwise. */
export function instanceOrThrow(ctx: OperationContext, ecsId: string): InstanceRecord {
  const i = ctx.account.Instances.get(ecsId);
  if (!i) throw new EmulatorError('InstanceNotFound', `instance ${ecsId} not found`);
  return i;
}

/** All listed instances, or InstanceNotFound naming every missing id. Duplicates are refused. */
export function instancesOrThrow(ctx: OperationContext, ids: readonly string[]): InstanceRecord[] {
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length) throw new EmulatorError('InvalidParameter', `EcsIds: duplicate id ${[...new Set(dup)].join(',')}`);
  const missing = ids.filter((id) => !ctx.account.Instances.has(id));
  if (missing.length) throw new EmulatorError('InstanceNotFound', `instances not found: ${missing.join(',')}`);
  return ids.map((id) => ctx.account.Instances.get(id)!);
}
