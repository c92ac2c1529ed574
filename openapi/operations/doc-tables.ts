import type { z } from 'zod';
import { actionPaths } from '../upstream/actions';
import type { OperationDeclaration } from './define';
import { OPERATIONS } from './index';

// The README's REST table and docs/upstream-protocol.md's action table, written from the
// declarations by `npm run openapi` (and checked by `npm run openapi:check`), so they list every
// operation as it is declared.

const fieldsOf = (schema: z.ZodType | undefined): string[] => Object.keys((schema as { shape?: object } | undefined)?.shape ?? {});
const list = (names: string[]) => (names.length ? names.map((n) => `\`${n}\``).join(', ') : '—');

function success(op: OperationDeclaration): string {
  const rest = op.rest;
  const body = list(fieldsOf(rest.response ?? op.result));
  switch (rest.kind) {
    case 'cached':
      return `200 ${body} (KV cached)`;
    case 'accepted':
      return `202 ${body} + Location; \`Prefer: wait\` → 200 with the event (${Object.keys(rest.events).map((e) => `\`${e}\``).join(', ')})`;
    default:
      return `200 ${body}`;
  }
}

/** The REST table: operationId, route, request fields, success. */
export function restTable(ops: readonly OperationDeclaration[] = OPERATIONS): string {
  const rows = ops.map((op) => {
    const rest = op.rest;
    const query = fieldsOf(rest.query);
    const body = 'body' in rest ? fieldsOf(rest.body) : [];
    const request = [query.length ? `query ${list(query)}` : '', body.length ? `body ${list(body)}` : ''].filter(Boolean).join('; ') || '—';
    return `| ${op.operationId} | \`${rest.method.toUpperCase()} ${rest.path}\` | ${request} | ${success(op)} |`;
  });
  return ['| operationId | route | request | success |', '|---|---|---|---|', ...rows].join('\n');
}

function quirks(op: OperationDeclaration): string {
  const u = op.upstream;
  const notes = [
    u.envelope === 'code' ? 'lower-case `code`/`Message`' : '`Code`/`Msg`',
    u.paging ? `paging next to Data (rows in \`${u.paging.list}\`)` : '',
    u.dataMayBeWrapped ? 'Data may come as a one-element array' : '',
    u.jsonQueryLists?.length ? `${list([...u.jsonQueryLists])} as a JSON array string` : '',
    u.services.length > 1 ? 'asked on each path in turn while not found' : '',
    ...Object.entries(u.paramAliases ?? {}).map(([alias, field]) => `\`${field}\` also taken as \`${alias}\``),
  ];
  return notes.filter(Boolean).join('; ');
}

/** The upstream action table: operationId, Action, paths, method, where the parameters go, envelope and quirks. */
export function actionTable(ops: readonly OperationDeclaration[] = OPERATIONS): string {
  const rows = ops.map((op) => {
    const u = op.upstream;
    const params = fieldsOf(op.request);
    const where = params.length ? `${u.method === 'GET' ? 'query' : 'body'} ${list(params)}` : '—';
    return `| ${op.operationId} | ${u.action === op.operationId ? u.action : `**${u.action}**`} | ${actionPaths(u).join(', ')} | ${u.method} | ${where} | ${quirks(op)} |`;
  });
  return ['| operationId | `Action` | path | method | parameters | envelope and quirks |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The routes that take `Prefer: wait` (every accepted operation), as the README lists them inline. */
export const preferRoutes = (ops: readonly OperationDeclaration[] = OPERATIONS): string =>
  ops.filter((op) => op.rest.kind === 'accepted').map((op) => `${op.rest.method.toUpperCase()} ${op.rest.path}`).sort().map((r) => `\`${r}\``).join(', ');

/** `text` with the part between `<!-- name -->` and `<!-- /name -->` replaced by `table`. */
export function withTable(text: string, name: string, table: string, inline = false): string {
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const a = text.indexOf(open);
  const b = text.indexOf(close);
  if (a < 0 || b < a) throw new Error(`no ${open} … ${close} markers`);
  const sep = inline ? '' : '\n';
  return `${text.slice(0, a + open.length)}${sep}${table}${sep}${text.slice(b)}`;
}
