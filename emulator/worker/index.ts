import { errorEnvelope } from '../../openapi/upstream/envelope';
import { timingSafeEqual } from 'hono/utils/buffer';
import { parseAccessKeys } from '../access-keys';
import { SESSION_HEADER } from '../control/session';
import { newRequestId } from '../wire/app';
import type { EmulatorWorkerEnv } from './env';
import { FORWARDED_SESSION } from './session';

export { EmulatorSession } from './session';
export type { EmulatorWorkerEnv } from './env';

// The emulator as a Worker: the same paths as the Node server. Each session (access key id) is its
// own world in its own Durable Object; this front only picks the object and guards /_emulator/*.

const WIRE_PATHS = new Set(['/ecs/v1', '/ecs/v1.1', '/ebs/v1']);

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
const envelope = (status: number, code: string, msg: string) => json(status, errorEnvelope(code, msg, newRequestId()));

function forward(env: EmulatorWorkerEnv, accessKeyId: string, request: Request): Promise<Response> {
  const stub = env.SESSIONS.get(env.SESSIONS.idFromName(accessKeyId));
  const headers = new Headers(request.headers);
  headers.set(FORWARDED_SESSION, accessKeyId);
  return stub.fetch(new Request(request, { headers }));
}

/** `Authorization: Bearer <token>` against EMULATOR_CONTROL_TOKEN, compared in constant time. */
async function controlRefusal(env: EmulatorWorkerEnv, request: Request): Promise<Response | undefined> {
  const token = env.EMULATOR_CONTROL_TOKEN;
  if (!token) return json(404, { Code: 'NotFound', Msg: 'the control API is off (EMULATOR_CONTROL_TOKEN is not set)' });
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (!(await timingSafeEqual(given, token)))
    return json(401, { Code: 'Unauthorized', Msg: 'the control API needs Authorization: Bearer <EMULATOR_CONTROL_TOKEN>' }, { 'www-authenticate': 'Bearer' });
  return undefined;
}

export default {
  async fetch(request: Request, env: EmulatorWorkerEnv): Promise<Response> {
    const url = new URL(request.url);
    let keys;
    try {
      keys = parseAccessKeys(env.EMULATOR_ACCESS_KEYS);
    } catch {
      return json(500, { Code: 'NotConfigured', Msg: 'EMULATOR_ACCESS_KEYS is not a list of ak:sk pairs' });
    }
    if (url.pathname === '/_emulator' || url.pathname.startsWith('/_emulator/')) {
      const refused = await controlRefusal(env, request);
      if (refused) return refused;
      const named = request.headers.get(SESSION_HEADER) || keys[0]!.AccessKeyId;
      if (!keys.some((k) => k.AccessKeyId === named)) return json(400, { Code: 'InvalidParameter', Msg: `${SESSION_HEADER}: no session ${named}` });
      return forward(env, named, request);
    }
    if (WIRE_PATHS.has(url.pathname)) {
      const ak = url.searchParams.get('AccessKeyId');
      if (!ak) return envelope(400, 'MissingParameter', 'missing common parameter(s): AccessKeyId');
      if (!keys.some((k) => k.AccessKeyId === ak)) return envelope(403, 'InvalidAccessKeyId', `the AccessKeyId ${ak} is not known`);
      return forward(env, ak, request);
    }
    return envelope(400, 'InvalidAction', `no API at ${url.pathname}; use /ecs/v1, /ebs/v1 or /ecs/v1.1`);
  },
} satisfies ExportedHandler<EmulatorWorkerEnv>;
