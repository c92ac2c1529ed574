// Stands in for `cloudflare:workers` when a worker bundle is evaluated in Node (startup benchmark):
// only the base class the gateway's Durable Object extends.
export class DurableObject {
  constructor(
    readonly ctx: unknown,
    readonly env: unknown,
  ) {}
}
