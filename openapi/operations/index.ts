import { declared as account } from './account';
import { declared as disks } from './disks';
import { declared as events } from './events';
import { declared as families } from './families';
import { declared as images } from './images';
import { declared as instances } from './instances';
import { declared as prices } from './prices';
import { declared as regions } from './regions';
import { declared as snapshots } from './snapshots';
import type { AcceptedRest, OperationDeclaration } from './define';

// Every operation, from the declaration files (each lists its own in `declared`): no other list
// of operations exists.

const FILES = [regions, families, images, instances, disks, snapshots, prices, account, events] as const;

/** The union of every declaration's type. */
export type Operation = (typeof FILES)[number][number];
export type OperationId = Operation['operationId'];

/** Every declaration, widened to the declaration type: code that works on any operation reads this. */
export const OPERATIONS: readonly OperationDeclaration[] = FILES.flat();

/** The declaration of an operationId. */
export const OPERATION_BY_ID: ReadonlyMap<string, OperationDeclaration> = new Map(OPERATIONS.map((op) => [op.operationId, op]));

/** Upstream Action name, and any alias spelling, → declaration (the event read answers to two spellings). */
export const OPERATION_BY_ACTION: ReadonlyMap<string, OperationDeclaration> = new Map(
  OPERATIONS.flatMap((op) => [op.upstream.action, ...((op.upstream as { actionAliases?: readonly string[] }).actionAliases ?? [])].map((action) => [action, op] as const)),
);

/** The upstream Action names, e.g. for a fault's `Action`. */
export type ActionName = Operation['upstream']['action'];

/** Event types the operations start (each accepted route's `events`). */
export type EventType = Extract<Operation['rest'], AcceptedRest> extends infer R ? (R extends { events: infer E } ? keyof E & string : never) : never;

/** First polling interval (s) of each event type, from the declarations. */
export const FIRST_POLL_S: Readonly<Record<string, number>> = Object.fromEntries(
  OPERATIONS.flatMap((op) => (op.rest.kind === 'accepted' ? Object.entries(op.rest.events) : [])),
);

/** The event types the operations start, in declaration order. */
export const EVENT_TYPES = Object.keys(FIRST_POLL_S) as EventType[];

export type { OperationDeclaration, RestShape, UpstreamRow } from './define';
export { methodNameOf } from './define';
