import type { Context } from 'hono';
import { GATEWAY_PROBLEMS, UPSTREAM_PROBLEMS, type ProblemSpec } from '../../openapi/errors/catalogue';
import type { GatewayEnv } from '../env';
import { businessStatus } from '../http/errors';
import { problem, PROBLEM_TYPE_BASE } from '../http/problem';
import { ERROR_CODE_PATTERN } from '../upstream/checked-values';
import type { GatewayApp } from './respond';

// GET /problems and GET /problems/<code>: what a problem `type` points at. One small HTML page per
// code, written from the error catalogue (status, title, when, what to do), and an index of all
// codes. No authentication, no upstream call, no script.

interface Entry {
  spec: ProblemSpec;
  /** Who decides the code: the gateway itself, or the ECS API (passed on). */
  source: 'gateway' | 'ECS API';
}

/** Every catalogued code with its entries (InternalError has two: the gateway's 500, the upstream's 502). */
export function catalogueEntries(): Map<string, Entry[]> {
  const entries = new Map<string, Entry[]>();
  const add = (code: string, spec: ProblemSpec, source: Entry['source']) => entries.set(code, [...(entries.get(code) ?? []), { spec, source }]);
  for (const [code, spec] of Object.entries(GATEWAY_PROBLEMS)) add(code, spec, 'gateway');
  for (const [code, spec] of Object.entries(UPSTREAM_PROBLEMS)) add(code, spec, 'ECS API');
  return new Map([...entries].sort(([a], [b]) => a.localeCompare(b)));
}

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
/** Catalogue texts mark code with backticks: shown as <code>, everything escaped. */
const prose = (text: string) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const STYLE = `body{margin:0 auto;max-width:860px;padding:16px 24px;font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;background:#f7f8fa}
h1{font-size:22px}h1 code{font-size:20px}a{color:#1b5fb4}code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:#eef1f5;padding:0 3px;border-radius:3px}
section,table{background:#fff;border:1px solid #dde2ea;border-radius:6px}section{padding:4px 16px;margin:0 0 12px}
table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #dde2ea;padding:6px 8px;text-align:left;vertical-align:top}
dt{font-weight:600;margin-top:8px}dd{margin:2px 0 8px}.status{font-weight:600}.muted{color:#5b6475}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body><p class="muted"><a href="${PROBLEM_TYPE_BASE.slice(0, -1)}">All problem codes</a> · <a href="/docs">API reference</a></p>
${body}
</body></html>
`;
}

function entrySection(code: string, { spec, source }: Entry): string {
  return `<section><dl>
<dt>Status</dt><dd class="status">${spec.status}</dd>
<dt>Title</dt><dd>${prose(spec.title)}</dd>
<dt>Decided by</dt><dd>${source === 'gateway' ? 'the gateway' : `the ECS API (its code <code>${code}</code>, passed on)`}</dd>
<dt>When it happens</dt><dd>${prose(spec.when)}</dd>
<dt>What to do</dt><dd>${prose(spec.whatToDo)}</dd>
</dl></section>`;
}

export function problemIndexPage(): string {
  const rows = [...catalogueEntries()].flatMap(([code, entries]) =>
    entries.map(({ spec, source }) => `<tr><td><a href="${PROBLEM_TYPE_BASE}${code}"><code>${code}</code></a></td><td>${spec.status}</td><td>${prose(spec.title)}</td><td>${source}</td></tr>`),
  );
  return page(
    'ECS Edge Gateway — problem codes',
    `<h1>Problem codes</h1>
<p>Every error of the gateway is <code>application/problem+json</code> (RFC 9457). Its <code>type</code> is
<code>${PROBLEM_TYPE_BASE}&lt;code&gt;</code>, relative to the gateway: the page of that code here. An ECS API code not listed is passed on as given.</p>
<table><tr><th>code</th><th>status</th><th>title</th><th>decided by</th></tr>
${rows.join('\n')}
</table>`,
  );
}

export function problemPage(code: string, entries: readonly Entry[]): string {
  return page(`${code} — ECS Edge Gateway problem`, `<h1><code>${code}</code></h1>\n${entries.map((entry) => entrySection(code, entry)).join('\n')}`);
}

/** An identifier-like upstream code the catalogue does not list: the gateway passes it on as given. */
export function uncataloguedPage(code: string): string {
  // The code's shape decides the status when both client statuses map to the same answer.
  const byShape = businessStatus(code, 400) === businessStatus(code, 409) ? businessStatus(code, 400) : undefined;
  const status = byShape
    ? `${byShape} (502 when the ECS API answered a 5xx)`
    : "the ECS API's own status when it is 400, 404, 409 or 422; otherwise 502";
  return page(
    `${code} — ECS Edge Gateway problem`,
    `<h1><code>${code}</code></h1>
<section><dl>
<dt>Status</dt><dd class="status">${status}</dd>
<dt>Decided by</dt><dd>the ECS API: a code this gateway does not catalogue, passed on as given. Its status follows the code's shape
(<code>…NotFound</code> 404, <code>…Status</code> 409, <code>Invalid…</code>/<code>Missing…</code> 400), else the upstream's client status, else 502.</dd>
<dt>What to do</dt><dd>Read the problem's <code>detail</code>: it holds the ECS API's own message.</dd>
</dl></section>`,
  );
}

// No script at all; styles inline.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function registerProblemPages(app: GatewayApp): void {
  const entries = catalogueEntries();
  const html = (c: Context<GatewayEnv>, text: string) => {
    c.header('Content-Security-Policy', CSP);
    return c.html(text);
  };
  app.get('/problems', (c) => html(c, problemIndexPage()));
  app.get('/problems/:code', (c) => {
    const code = c.req.param('code');
    const known = entries.get(code);
    if (known) return html(c, problemPage(code, known));
    if (ERROR_CODE_PATTERN.test(code)) return html(c, uncataloguedPage(code));
    return problem(c, 'NotFound', 'No problem code of this name: the codes are listed at /problems.');
  });
}
