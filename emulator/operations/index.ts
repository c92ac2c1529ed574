import type { OperationId } from '../../openapi/operations';
import { LIFECYCLE_TRANSITIONS } from '../state/lifecycle';
import type { TransitionRule } from '../state/transitions';
import * as account from './account';
import * as disks from './disks';
import * as events from './events';
import * as images from './images';
import type { Behaviour } from './implement';
import * as instances from './instances';
import * as prices from './prices';
import * as reference from './reference';
import * as snapshots from './snapshots';

// Every behaviour, read from the resource folders (each folder's index exports its files). The
// check below fails the build when a declared operation has no behaviour here.

const FOLDERS = [reference, instances, disks, events, account, prices, images, snapshots];

type Values<T> = T[keyof T];
type Exported =
  | Values<typeof reference>
  | Values<typeof instances>
  | Values<typeof disks>
  | Values<typeof events>
  | Values<typeof account>
  | Values<typeof prices>
  | Values<typeof images>
  | Values<typeof snapshots>;
type IdOf<T> = T extends { operation: { operationId: infer Id } } ? Id : never;
type Implemented = IdOf<Exported>;
/** `never` when every operation is implemented; otherwise the build fails naming the missing ones. */
type Missing = Exclude<OperationId, Implemented>;
const everyOperationImplemented: [Missing] extends [never] ? true : { missing: Missing } = true;
void everyOperationImplemented;

const isBehaviour = (value: unknown): value is Behaviour => typeof value === 'object' && value !== null && 'operation' in value && 'run' in value;

/** Behaviour by operationId. */
export const BEHAVIOURS: ReadonlyMap<string, Behaviour> = new Map(
  FOLDERS.flatMap((folder) => Object.values(folder).filter(isBehaviour)).map((b) => [b.operation.operationId, b]),
);

/** The state machine's table: every transition the behaviours bring, by event type, and the billing life's. */
export const TRANSITIONS: Readonly<Record<string, TransitionRule>> = Object.assign({}, ...[...BEHAVIOURS.values()].map((b) => b.transitions ?? {}), LIFECYCLE_TRANSITIONS);

export { implement, type Behaviour } from './implement';
export type { OperationContext } from './context';
