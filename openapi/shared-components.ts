// The document's repeated parts as components: every route answers the same problem responses
// and carries the same headers and header parameters, so each is written once under
// `components` and referenced (`$ref`) from the paths. Names say what a part is; a variant of the
// same name (another description) gets a letter suffix (B, C, …), never a digit.

type Json = Record<string, unknown>;
type Doc = { paths?: Record<string, Record<string, Json>>; components?: Record<string, Record<string, unknown>> };

const STATUS_NAMES: Record<string, string> = {
  '304': 'NotModified',
  '400': 'BadRequest',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'NotFound',
  '409': 'Conflict',
  '413': 'PayloadTooLarge',
  '415': 'UnsupportedMediaType',
  '422': 'UnprocessableContent',
  '429': 'TooManyRequests',
  '500': 'InternalServerError',
  '502': 'BadGateway',
  '503': 'ServiceUnavailable',
  '504': 'GatewayTimeout',
};

const pascal = (name: string) => name.replace(/(^|[-_\s])([a-z])/gi, (_, __, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');

/** Gives each distinct value (by its JSON) a component name, reusing names for equal values. */
class Pool {
  readonly entries = new Map<string, { name: string; value: unknown }>();
  private readonly used = new Set<string>();
  constructor(private readonly kind: string) {}
  ref(base: string, value: unknown): Json {
    const key = JSON.stringify(value);
    let entry = this.entries.get(key);
    if (!entry) {
      let name = base;
      for (let n = 1; this.used.has(name); n++) name = base + String.fromCharCode(65 + n);
      this.used.add(name);
      entry = { name, value };
      this.entries.set(key, entry);
    }
    return { $ref: `#/components/${this.kind}/${entry.name}` };
  }
  components(): Json {
    return Object.fromEntries([...this.entries.values()].map((e) => [e.name, e.value]));
  }
}

/** The name of a problem response: its status, the one code of a 404, and whether a key replays it. */
function responseName(status: string, response: Json): string {
  const code = status === '404' ? /^`([A-Za-z]+)`/.exec(String(response.description ?? ''))?.[1] : undefined;
  const replayable = Object.hasOwn((response.headers as Json | undefined) ?? {}, 'Idempotent-Replayed');
  return (code ?? STATUS_NAMES[status] ?? `Status${status}`) + (replayable ? 'Replayable' : '');
}

/** The document with its problem responses, response headers and header parameters as components. */
export function withSharedComponents(doc: Doc): Doc {
  const headers = new Pool('headers');
  const parameters = new Pool('parameters');
  const responses = new Pool('responses');
  const hoistHeaders = (response: Json) => {
    const hs = response.headers as Json | undefined;
    if (hs) response.headers = Object.fromEntries(Object.entries(hs).map(([name, h]) => [name, headers.ref(pascal(name), h)]));
  };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item)) {
      const params = op.parameters as Json[] | undefined;
      if (params) op.parameters = params.map((p) => (p.in === 'header' ? parameters.ref(`${pascal(String(p.name))}Header`, p) : p));
      const rs = op.responses as Record<string, Json> | undefined;
      if (!rs) continue;
      for (const [status, response] of Object.entries(rs)) {
        hoistHeaders(response);
        if (Number(status) >= 300) rs[status] = responses.ref(responseName(status, response), response);
      }
    }
  }
  const components = { ...(doc.components ?? {}) };
  if (headers.entries.size) components.headers = headers.components();
  if (parameters.entries.size) components.parameters = { ...(components.parameters ?? {}), ...parameters.components() };
  if (responses.entries.size) components.responses = responses.components();
  return { ...doc, components };
}
