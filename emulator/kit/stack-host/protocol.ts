// How the Node side of the kit talks to the shared stack host in workerd (worker.ts): a gateway
// request names its stack in a header; stacks are opened and closed through a control path that
// answers only with the per-runtime secret (workerd's socket is reachable by any local process).

/** Names the stack a gateway request is for; the host removes it before the gateway sees it. */
export const STACK_HEADER = 'X-Offline-Stack';
/** Carries the runtime's secret (binding STACK_HOST_SECRET) on control requests. */
export const SECRET_HEADER = 'X-Stack-Host-Secret';
/** `PUT …/{id}` `{"Vars"}` opens a stack, `DELETE …/{id}` closes it, `GET …/{id}` reports it. */
export const CONTROL_PATH = '/_stack-host/stacks/';

/** What closing a stack freed: its KV keys and its idempotency records. */
export interface FreedState {
  KvKeys: number;
  IdempotencyRecords: number;
}

/** What the host holds for one stack id. */
export interface StackReport {
  Open: boolean;
  KvKeys: number;
  IdempotencyObjects: number;
}
