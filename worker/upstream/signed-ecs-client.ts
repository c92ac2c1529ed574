import { EcsError, ecsApiOf, type EcsApi, type EcsResult } from '../../openapi/ecs-api';
import type { OperationDeclaration as Operation } from '../../openapi/operations';
import { servicePath, type EcsService } from '../../openapi/upstream/actions';
import { signRequest } from '../../openapi/upstream/signature';
import { toWireQuery } from '../../openapi/upstream/wire-params';
import { readEnvelope } from './envelope';
import { readResult } from './read-result';
import { Transport } from './transport';
import type { TransportOptions, UpstreamReply } from './transport';

export interface SignedEcsClientOptions extends TransportOptions {
  accessKeyId: string;
  secretKey: string;
}

export interface SignedEcsClient extends EcsApi {}

/**
 * Every operation over the real wire protocol: its request as the model parses it (defaults set,
 * unknown fields dropped) in a signed query (GET) or a JSON body (POST), its answer's Data checked
 * with its result model. An action served by several services is asked on each in turn while the
 * answer is "not found" (DescribeEvent: /ecs/v1, then /ebs/v1), all within one CDS_TIMEOUT_MS.
 */
export class SignedEcsClient {
  private readonly transport: Transport;

  constructor(private readonly options: SignedEcsClientOptions) {
    this.transport = new Transport(options);
    Object.assign(this, ecsApiOf((op, req) => this.send(op, req)));
  }

  private async send(op: Operation, input: unknown): Promise<EcsResult<unknown>> {
    const parsed = op.request.safeParse(input);
    if (!parsed.success) throw new EcsError('business', 'InvalidParameter', `${op.operationId}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ')}`, 400);
    const req = parsed.data as Record<string, unknown>;
    const [primary, ...fallbacks] = op.upstream.services;
    const deadline = fallbacks.length ? this.transport.newDeadline() : undefined;
    let service: EcsService = primary;
    for (let n = 0; ; n++) {
      try {
        return await this.call(op, req, service, deadline);
      } catch (err) {
        const next = fallbacks[n];
        if (!next || !isNotFound(err)) throw err;
        service = next;
      }
    }
  }

  /**
   * Signs (fresh nonce per attempt) and sends one action, then reads its envelope and Data.
   * A POST past its deadline fails with a timeout whose `late` settles with the real outcome.
   */
  private async call(op: Operation, req: Record<string, unknown>, service: EcsService, deadline?: number): Promise<EcsResult<unknown>> {
    const { action, method, version } = op.upstream;
    const params = method === 'GET' ? toWireQuery(op.upstream, req) : {};
    const result = (reply: UpstreamReply): EcsResult<unknown> => {
      const env = readEnvelope(reply, action);
      return { data: readResult(op, env), requestId: env.requestId };
    };
    let lateReply: Promise<UpstreamReply> | undefined;
    try {
      const reply = await this.transport.send(
        { method, path: servicePath(service, version), body: method === 'POST' ? req : undefined, action },
        async () => (await signRequest({ method, action, accessKeyId: this.options.accessKeyId, secretKey: this.options.secretKey, params })).query,
        deadline,
        (late) => (lateReply = late),
      );
      return result(reply);
    } catch (err) {
      if (lateReply && err instanceof EcsError && err.kind === 'timeout') {
        err.late = lateReply.then(result);
        err.late.catch(() => undefined); // nobody may wait for it (no Idempotency-Key)
      }
      throw err;
    }
  }
}

function isNotFound(err: unknown): boolean {
  return err instanceof EcsError && err.kind === 'business' && (/NotFound$/.test(err.code) || err.httpStatus === 404);
}
