import * as account from './account';
import * as disks from './disks';
import * as events from './events';
import * as families from './families';
import * as images from './images';
import * as instances from './instances';
import * as prices from './prices';
import * as regions from './regions';
import * as snapshots from './snapshots';
import type { AcceptedRest, OperationDeclaration } from './define';

// Every operation, read from the declaration files: nothing else lists them. A declaration file
// holds one resource's operations; anything else it exports (shared schemas) is not an operation.

type Exported = (typeof regions)[keyof typeof regions] | (typeof families)[keyof typeof families] | (typeof images)[keyof typeof images] |
  (typeof instances)[keyof typeof instances] | (typeof disks)[keyof typeof disks] | (typeof snapshots)[keyof typeof snapshots] |
  (typeof prices)[keyof typeof prices] | (typeof account)[keyof typeof account] | (typeof events)[keyof typeof events];

/** The union of every declaration's type. */
export type Operation = Extract<Exported, OperationDeclaration<string, any, any, any>>;
export type OperationId = Operation['operationId'];

const isDeclaration = (value: unknown): value is Operation =>
  typeof value === 'object' && value !== null && 'operationId' in value && 'upstream' in value && 'rest' in value;

export const OPERATIONS: readonly Operation[] = [regions, families, images, instances, disks, snapshots, prices, account, events].flatMap((file) => Object.values(file).filter(isDeclaration));

/** The declaration of an operationId. */
export const OPERATION_BY_ID: ReadonlyMap<string, Operation> = new Map(OPERATIONS.map((op) => [op.operationId, op]));

/** Upstream Action name, and any alias spelling, → declaration (DescribeEvent → DescribeTaskEvent). */
export const OPERATION_BY_ACTION: ReadonlyMap<string, Operation> = new Map(
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
