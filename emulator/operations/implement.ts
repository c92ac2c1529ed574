import type { z } from 'zod';
import type { Operation } from '../../openapi/operations';
import type { TransitionRule } from '../state/transitions';
import type { OperationContext } from './context';

/** The event types an operation declares it starts. */
type EventTypesOf<O extends Operation> = O['rest'] extends { events: infer E } ? keyof E & string : never;

/**
 * What the emulator does for one operation (moto's "backend method"): `run` works on the state
 * with the request as its model parsed it and answers the Data; the envelope's success `message`
 * is the upstream's wording. An operation that starts events brings the transitions they run.
 */
export type Behaviour<O extends Operation = Operation> = {
  operation: O;
  message: string;
  run(ctx: OperationContext, req: z.output<O['request']>): unknown;
} & ([EventTypesOf<O>] extends [never] ? { transitions?: undefined } : { transitions: Readonly<Record<EventTypesOf<O>, TransitionRule>> });

type BehaviourInput<O extends Operation> = Omit<Behaviour<O>, 'operation'>;

/** The behaviour of one declared operation. */
export const implement = <O extends Operation>(operation: O, behaviour: BehaviourInput<O>): Behaviour<O> => ({ operation, ...behaviour }) as Behaviour<O>;
