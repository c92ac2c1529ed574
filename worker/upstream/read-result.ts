import { upstreamBadResponse } from '../../openapi/errors/ecs-errors';
import type { OperationDeclaration } from '../../openapi/operations';
import type { UpstreamEnvelope } from './envelope';

/**
 * The Data of a success envelope, checked with the operation's result model; fields the model
 * does not know are dropped, so answers are what the document says. A mutation's answer that does
 * not fit is 502 UpstreamBadResponse naming the paths (never the values, which may be anything):
 * its ids go into headers, URLs and stored replays. A read's answer whose lists and objects are
 * readable but whose fields drifted is passed on as it came (the contract-drift check logs where);
 * one whose lists or objects are not is 502 too.
 */
export function readResult(op: OperationDeclaration, env: UpstreamEnvelope): unknown {
  const { paging, dataMayBeWrapped, action } = op.upstream;
  let data = env.data;
  if (dataMayBeWrapped && Array.isArray(data) && data.length === 1) data = data[0];
  if (paging) data = withPaging(env.body, data, paging.list);
  const parsed = op.result.safeParse(data);
  if (parsed.success) return parsed.data;
  const mutation = op.rest.kind === 'sync' || op.rest.kind === 'accepted';
  // A list that is no list, or an object that is none, leaves nothing to read; a field that drifted does.
  const unreadable = parsed.error.issues.some((i) => i.code === 'invalid_type' && ['array', 'object', 'record'].includes(String((i as { expected?: unknown }).expected)));
  if (!mutation && !unreadable) return data;
  const problems = [...new Set(parsed.error.issues.map((i) => `${pathOf(i.path)} ${reasonOf(i, data)}`))].slice(0, 5);
  throw upstreamBadResponse(action, `the ECS API answered success but ${problems.join('; ')}`);
}

const pathOf = (path: readonly PropertyKey[]) => 'Data' + path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');

function reasonOf(issue: { code: string; path: readonly PropertyKey[]; message: string }, data: unknown): string {
  let v = data;
  for (const k of issue.path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  if (v === undefined || v === null || v === '') return 'is missing';
  return issue.code === 'custom' ? issue.message : 'is not what the document says';
}

/**
 * Paged lists carry PageNumber / PageSize / TotalCount next to Data; without paging parameters
 * they may be absent (all rows: page 1, as large as the list).
 */
function withPaging(body: Record<string, unknown>, data: unknown, list: string): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  const rows = Array.isArray(record[list]) ? (record[list] as unknown[]).length : 0;
  const int = (key: string, fallback: number) => {
    const v = Number(body[key] ?? record[key]);
    return Number.isInteger(v) ? v : fallback;
  };
  return { ...record, PageNumber: int('PageNumber', 1), PageSize: int('PageSize', rows), TotalCount: int('TotalCount', rows) };
}
