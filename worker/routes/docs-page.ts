import { parseTokenList } from '../auth/tokens';

// The interactive reference served at /docs: one self-contained HTML page (no CDN, no external
// asset) that loads /openapi.json and renders operations, parameters, schemas and a try-it form.

/**
 * The token the try-it box starts with: only the public development token `dev-token` (what
 * `npm start`, `ecs-gateway-dev` and the kit configure), and only when the gateway accepts it. A
 * real token is never written into a page anyone can load without authenticating.
 */
export const DEV_TOKEN = 'dev-token';
export function docsTryToken(gatewayTokens: string | undefined): string | undefined {
  try {
    return parseTokenList(gatewayTokens ?? '').some((t) => t.token === DEV_TOKEN) ? DEV_TOKEN : undefined;
  } catch {
    return undefined; // an invalid GATEWAY_TOKENS: the API answers NotConfigured, the page just starts empty
  }
}

/** The /docs page; `tryToken` (only ever DEV_TOKEN) fills the token box. */
export function docsPage(tryToken: string | undefined): string {
  const tokenInput = tryToken === DEV_TOKEN
    ? `<input id="token" type="text" value="${DEV_TOKEN}" autocomplete="off" title="The development token this gateway accepts">`
    : '<input id="token" type="password" placeholder="a token of GATEWAY_TOKENS" autocomplete="off">';
  return DOCS_PAGE.replace('<input id="token">', tokenInput);
}

const DOCS_PAGE = /* html */ `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ECS Edge Gateway — API reference</title>
<style>
  :root { --fg:#1d2330; --muted:#5b6475; --line:#dde2ea; --bg:#f7f8fa; --get:#1f7a4d; --post:#1b5fb4; --patch:#9a5b00; }
  * { box-sizing: border-box; }
  body { margin:0; font:14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:var(--bg); }
  header { padding:16px 24px; background:#fff; border-bottom:1px solid var(--line); display:flex; gap:16px; align-items:center; flex-wrap:wrap; }
  header h1 { font-size:18px; margin:0; flex:1; }
  header input { width:280px; padding:6px 8px; border:1px solid var(--line); border-radius:4px; font:inherit; }
  main { display:flex; }
  nav { width:280px; flex:none; padding:16px; position:sticky; top:0; align-self:flex-start; max-height:100vh; overflow:auto; }
  nav a { display:block; color:var(--fg); text-decoration:none; padding:2px 0; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
  nav .method { min-width:46px; font-size:11px; }
  nav h3 { font-size:12px; text-transform:uppercase; color:var(--muted); margin:12px 0 4px; }
  #content { flex:1; padding:16px 24px; min-width:0; }
  section.op { background:#fff; border:1px solid var(--line); border-radius:6px; margin:0 0 16px; padding:12px 16px; }
  section.op h3 { margin:4px 0 8px; }
  .method { display:inline-block; min-width:56px; text-align:center; color:#fff; border-radius:3px; padding:1px 6px; font-weight:600; font-size:12px; }
  .get { background:var(--get); } .post { background:var(--post); } .patch { background:var(--patch); }
  code, pre, textarea { font:12px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
  pre { background:var(--bg); border:1px solid var(--line); padding:8px; overflow:auto; max-height:360px; }
  table { border-collapse:collapse; width:100%; margin:6px 0; }
  td, th { border-top:1px solid var(--line); padding:4px 6px; text-align:left; vertical-align:top; }
  .muted { color:var(--muted); }
  details { margin:6px 0; }
  .try input, .try textarea { width:100%; padding:4px 6px; border:1px solid var(--line); border-radius:4px; }
  .try textarea { min-height:120px; }
  button { padding:6px 14px; border:0; border-radius:4px; background:var(--post); color:#fff; font:inherit; cursor:pointer; }
  .schema { margin-left:14px; }
  /* Phones and narrow windows: the navigation goes above the content instead of squeezing it. */
  @media (max-width: 760px) { main { display:block; } nav { position:static; width:auto; max-height:none; } #content { padding:8px 12px; } }
</style>
</head>
<body>
<header>
  <h1 id="title">ECS Edge Gateway</h1>
  <a href="#errors">Errors</a> <a href="/problems">Problem codes</a>
  <label>Bearer token <input id="token"></label>
</header>
<main><nav id="nav"></nav><div id="content"><p class="muted">Loading /openapi.json…</p></div></main>
<script>
(() => {
  const $ = (tag, attrs = {}, ...kids) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) k === 'class' ? (el.className = v) : el.setAttribute(k, v);
    for (const kid of kids.flat()) if (kid != null) el.append(kid.nodeType ? kid : document.createTextNode(String(kid)));
    return el;
  };
  const tokenInput = document.getElementById('token');
  // A token typed in this tab wins over the one the page starts with.
  tokenInput.value = sessionStorage.getItem('gatewayToken') || tokenInput.value;
  tokenInput.addEventListener('input', () => sessionStorage.setItem('gatewayToken', tokenInput.value));
  let doc;
  const deref = (s) => { while (s && s.$ref) s = doc.components.schemas[s.$ref.split('/').pop()]; return s || {}; };
  // allOf (the waited 200: the event and the 202's fields) is shown as one object of all its parts.
  const resolve = (schema) => {
    const s = deref(schema);
    if (!s.allOf) return s;
    const parts = s.allOf.map(resolve);
    return { type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties || {})), required: [...new Set(parts.flatMap((p) => p.required || []))] };
  };
  // Descriptions mark code with backticks (markdown); show it as <code>, still as text nodes only.
  const md = (text) => String(text || '').split('\\x60').map((part, i) => (i % 2 ? $('code', {}, part) : part));
  const refName = (s) => (s && s.$ref ? s.$ref.split('/').pop() : '');
  const typeOf = (s) => {
    if (s.$ref) return refName(s);
    if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map(typeOf).join(' | ');
    if (s.allOf) return s.allOf.map(typeOf).join(' & ');
    if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(' | ');
    if (s.type === 'array') return typeOf(s.items || {}) + '[]';
    return s.type || 'any';
  };
  const rules = (s) => ['minimum', 'exclusiveMinimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'multipleOf', 'default']
    .filter((k) => s[k] !== undefined).map((k) => k + ' ' + JSON.stringify(s[k])).join(', ');
  const schemaView = (schema, depth = 0, seen = []) => {
    const s = resolve(schema);
    const name = refName(schema);
    if (s.type !== 'object' || depth > 4 || (name && seen.includes(name))) return $('span', { class: 'muted' }, typeOf(schema), s.description ? [' — ', md(s.description)] : '');
    const req = new Set(s.required || []);
    const rows = Object.entries(s.properties || {}).map(([k, v]) => {
      const inner = resolve(v.type === 'array' ? v.items || {} : v);
      const nested = inner.type === 'object' ? $('details', {}, $('summary', {}, 'fields'), $('div', { class: 'schema' }, schemaView(v.type === 'array' ? v.items : v, depth + 1, [...seen, name]))) : null;
      return $('tr', {}, $('td', {}, $('code', {}, k), req.has(k) ? ' *' : ''), $('td', {}, $('code', {}, typeOf(v))),
        $('td', {}, md(v.description || inner.description), rules(v) ? $('div', { class: 'muted' }, rules(v)) : null, nested));
    });
    return $('table', {}, $('tr', {}, $('th', {}, 'field'), $('th', {}, 'type'), $('th', {}, 'description')), rows);
  };
  const example = (schema, depth = 0) => {
    const s = resolve(schema);
    if (s.example !== undefined) return s.example;
    if (s.examples) return s.examples[0];
    if (s.default !== undefined) return s.default;
    if (s.enum) return s.enum[0];
    if (s.anyOf) return example(s.anyOf[0], depth + 1);
    if (s.type === 'object' && depth < 5) return Object.fromEntries(Object.entries(s.properties || {}).filter(([k]) => (s.required || []).includes(k)).map(([k, v]) => [k, example(v, depth + 1)]));
    if (s.type === 'array') return [example(s.items || {}, depth + 1)];
    return s.type === 'integer' || s.type === 'number' ? 1 : '';
  };
  const tryIt = (method, path, op) => {
    const params = op.parameters || [];
    // Required parameters start from the document's example (ids of the default emulator seed, so
    // a try against npm start finds them); optional ones start empty, so they filter nothing.
    const exampleText = (p) => { const e = p.example !== undefined ? p.example : resolve(p.schema).example; return e === undefined ? '' : [].concat(e).join(','); };
    const inputs = params.map((p) => [p, Object.assign($('input', { placeholder: p.in + (p.required ? ', required' : '') }), { value: p.required ? exampleText(p) : '' })]);
    const bodySchema = op.requestBody && op.requestBody.content['application/json'].schema;
    const body = bodySchema ? $('textarea', {}, JSON.stringify(example(bodySchema), null, 2)) : null;
    const out = $('pre', {}, 'Send to see the answer.');
    const send = async () => {
      let url = path; const query = new URLSearchParams(); const headers = {};
      for (const [p, input] of inputs) {
        // Without this the literal {EcsId} would be sent as the id.
        if (!input.value && p.in === 'path') { out.textContent = p.name + ' is required.'; return; }
        if (!input.value) continue;
        if (p.in === 'path') url = url.replace('{' + p.name + '}', encodeURIComponent(input.value));
        else if (p.in === 'query') query.set(p.name, input.value);
        else if (p.in === 'header') headers[p.name] = input.value;
      }
      if (tokenInput.value && !(op.security && op.security.length === 0)) headers.Authorization = 'Bearer ' + tokenInput.value;
      if (body) headers['Content-Type'] = 'application/json';
      out.textContent = '…';
      try {
        // no-store: GET answers carry Cache-Control max-age, and the browser cache ignores the token,
        // so a call with another token (or none) would be shown the cached 200.
        const res = await fetch(url + (query.size ? '?' + query : ''), { method: method.toUpperCase(), headers, body: body ? body.value : undefined, cache: 'no-store' });
        const text = await res.text();
        let pretty = text; try { pretty = JSON.stringify(JSON.parse(text), null, 2); } catch {}
        out.textContent = res.status + ' ' + res.statusText + '\\n' + [...res.headers].map(([k, v]) => k + ': ' + v).join('\\n') + '\\n\\n' + pretty;
      } catch (e) { out.textContent = String(e); }
    };
    return $('details', { class: 'try' }, $('summary', {}, 'Try it'),
      inputs.map(([p, input]) => $('label', {}, $('code', {}, p.name), input)),
      body ? $('label', {}, 'Body (application/json)', body) : null,
      $('p', {}, Object.assign($('button', { type: 'button' }, 'Send'), { onclick: send })), out);
  };
  const render = () => {
    document.getElementById('title').textContent = doc.info.title + ' ' + doc.info.version;
    const nav = document.getElementById('nav'); const content = document.getElementById('content');
    content.replaceChildren($('p', {}, md(doc.info.description)));
    const byTag = {};
    for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) (byTag[(op.tags || ['Other'])[0]] ??= []).push([method, path, op]);
    for (const tag of doc.tags.map((t) => t.name).filter((t) => byTag[t])) {
      nav.append($('h3', {}, tag));
      content.append($('h2', {}, tag));
      for (const [method, path, op] of byTag[tag]) {
        nav.append($('a', { href: '#' + op.operationId }, $('span', { class: 'method ' + method }, method.toUpperCase()), ' ', op.operationId));
        const params = (op.parameters || []).map((p) => $('tr', {}, $('td', {}, $('code', {}, p.name), p.required ? ' *' : ''), $('td', {}, p.in), $('td', {}, $('code', {}, typeOf(p.schema || {}))), $('td', {}, md(p.description || resolve(p.schema).description), rules(p.schema || {}) ? $('div', { class: 'muted' }, rules(p.schema)) : null)));
        const entries = Object.entries(op.responses);
        const isProblem = (r) => Boolean(r.content && r.content['application/problem+json']);
        const responses = entries.filter(([, r]) => !isProblem(r)).map(([code, r]) => {
          const media = r.content && Object.keys(r.content)[0];
          return $('details', {}, $('summary', {}, $('b', {}, code), ' ', md(r.description), media ? $('span', { class: 'muted' }, ' (' + media + ')') : ''), media ? schemaView(r.content[media].schema) : null);
        });
        // The error answers (all problem+json, mostly shared by every operation) on one line; its codes inside.
        const errors = entries.filter(([, r]) => isProblem(r));
        if (errors.length) responses.push($('details', { class: 'errors' },
          $('summary', {}, $('b', {}, errors.map(([code]) => code).join(', ')), ': see ', $('a', { href: '#errors' }, 'Errors')),
          $('table', {}, errors.map(([code, r]) => $('tr', {}, $('td', {}, $('b', {}, code)), $('td', {}, md(r.description)))))));
        content.append($('section', { class: 'op', id: op.operationId },
          $('h3', {}, $('span', { class: 'method ' + method }, method.toUpperCase()), ' ', $('code', {}, path), ' — ', op.summary),
          $('p', {}, md(op.description)), $('p', { class: 'muted' }, 'operationId ', $('code', {}, op.operationId), op.security && op.security.length === 0 ? ' · no authentication' : ' · bearer token'),
          params.length ? $('table', {}, $('tr', {}, $('th', {}, 'parameter'), $('th', {}, 'in'), $('th', {}, 'type'), $('th', {}, 'description')), params) : null,
          op.requestBody ? $('div', {}, $('h4', {}, 'Request body'), schemaView(op.requestBody.content['application/json'].schema)) : null,
          $('h4', {}, 'Responses'), responses, tryIt(method, path, op)));
      }
    }
    nav.append($('h3', {}, 'Errors'), $('a', { href: '#errors' }, 'Problem details'), $('a', { href: '/problems' }, 'Every problem code'));
    content.append($('h2', { id: 'errors' }, 'Errors'), $('section', { class: 'op' },
      $('p', {}, 'Every error is ', $('code', {}, 'application/problem+json'), ' (RFC 9457) with a ', $('code', {}, 'code'),
        '; its ', $('code', {}, 'type'), ' is ', $('code', {}, '/problems/<code>'), ', the page of that code on this gateway (status, title, when it happens, what to do). ',
        $('a', { href: '/problems' }, 'All problem codes'), '.'),
      schemaView({ $ref: '#/components/schemas/Problem' })));
    nav.append($('h3', {}, 'Schemas'));
    content.append($('h2', { id: 'schemas' }, 'Schemas'));
    for (const name of Object.keys(doc.components.schemas)) {
      nav.append($('a', { href: '#schema-' + name }, name));
      content.append($('section', { class: 'op', id: 'schema-' + name }, $('h3', {}, name), schemaView({ $ref: '#/components/schemas/' + name })));
    }
  };
  // Shared answers, headers and header parameters are kept once under components: write them out in place.
  const inline = (v) => {
    if (Array.isArray(v)) return v.map(inline);
    if (!v || typeof v !== 'object') return v;
    const parts = typeof v.$ref === 'string' ? v.$ref.split('/') : [];
    if (parts.length === 4 && ['responses', 'headers', 'parameters'].includes(parts[2])) return inline(doc.components[parts[2]][parts[3]]);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, inline(x)]));
  };
  fetch('/openapi.json').then((r) => r.json()).then((d) => { doc = d; doc.paths = inline(doc.paths); render(); })
    .catch((e) => { document.getElementById('content').textContent = 'Could not load /openapi.json: ' + e; });
})();
</script>
</body>
</html>
`;
