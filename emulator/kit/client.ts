import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../../openapi/gateway-api';

// A typed client of the gateway's REST API: openapi-fetch over the types generated from
// openapi/openapi.json, plus the wait that follows every 202 (poll the event until it ends).

export type { components, paths };
export type EventResultData = components['schemas']['EventResultData'];
export type Problem = components['schemas']['Problem'];

export interface GatewayClientOptions {
  /** Where the gateway answers, e.g. `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** A bearer token of GATEWAY_TOKENS (`dev-token` under ecs-gateway-dev). */
  token: string;
  /** Another fetch, e.g. an offline stack's; default the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
}

export interface WaitForEventOptions {
  /** Give up after this long; default 30000 ms. */
  timeoutMs?: number;
  /** Pause between polls; default 200 ms. */
  intervalMs?: number;
}

export interface GatewayClient extends Client<paths> {
  /**
   * Polls `GET /v1/events/{EventId}` until the event is `success` or `failed` and answers it (a
   * failed event is an answer, not an error). Throws on an error answer or after `timeoutMs`.
   * @example
   * const { data } = await client.POST('/v1/instances/operate', { body: { EcsIds: ['ins-demand-cpu-ssd'], OpType: 'restart_ecs' } });
   * const event = await client.waitForEvent(data!.EventId, { timeoutMs: 20_000 });
   */
  waitForEvent(eventId: string, options?: WaitForEventOptions): Promise<EventResultData>;
}

export class GatewayError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = 'GatewayError';
  }
}

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { Authorization: `Bearer ${options.token}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  async function waitForEvent(EventId: string, o: WaitForEventOptions = {}): Promise<EventResultData> {
    const timeoutMs = o.timeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { data, error } = await client.GET('/v1/events/{EventId}', { params: { path: { EventId } } });
      if (error) throw new GatewayError(error as Problem);
      if (data.EventStatus !== 'doing') return data;
      if (Date.now() + (o.intervalMs ?? 200) > deadline) throw new Error(`event ${EventId} still ${data.EventStatus} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, o.intervalMs ?? 200));
    }
  }
  return Object.assign(client, { waitForEvent });
}
