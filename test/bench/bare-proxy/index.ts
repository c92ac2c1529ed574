import { signRequest } from '../../../openapi/upstream/signature';

// The baseline of the forwarded-read benchmark: the least a signing proxy can do per request:
// sign one DescribeInstance GET (the gateway's signer) and make one fetch, passing its body on.
// No auth, validation, envelope reading, mapping or log line.

interface Env {
  CDS_API_HOST: string;
  CDS_SECRET_ID: string;
  CDS_SECRET_KEY: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const EcsId = new URL(request.url).pathname.split('/').pop() ?? '';
    const signed = await signRequest({ method: 'GET', action: 'DescribeInstance', accessKeyId: env.CDS_SECRET_ID, secretKey: env.CDS_SECRET_KEY, params: { EcsId } });
    const upstream = await fetch(`http://${env.CDS_API_HOST}/ecs/v1?${signed.query}`, { headers: { Accept: 'application/json' } });
    return new Response(upstream.body, { status: upstream.status, headers: { 'Content-Type': 'application/json' } });
  },
};
