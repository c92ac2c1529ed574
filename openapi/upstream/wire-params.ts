import type { z } from 'zod';
import { fromQueryList, fromQueryNumber } from '../models/query';
import type { UpstreamRow } from '../operations/define';

// A GET action's parameters travel in the query string as text. The signed client writes them
// and the emulator reads them with these two, by the request model's field types, so the rules of
// the wire form live here once: lists comma-joined (or a JSON array string where the action says
// so), numbers in decimal, unset fields left out.

type FieldKind = 'number' | 'list' | 'text';

/** What a request field holds, looking through optional, default and preprocess wrappers. */
function kindOf(schema: z.ZodType): FieldKind {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return kindOf(def.innerType as z.ZodType);
    case 'pipe':
      return kindOf(def.out as z.ZodType);
    case 'number':
      return 'number';
    case 'literal':
      return (def.values as unknown[]).every((v) => typeof v === 'number') ? 'number' : 'text';
    case 'union':
      return (def.options as z.ZodType[]).every((o) => kindOf(o) === 'number') ? 'number' : 'text';
    case 'array':
      return 'list';
    default:
      return 'text';
  }
}

const shapeOf = (request: z.ZodType): Record<string, z.ZodType> => ((request as { shape?: Record<string, z.ZodType> }).shape ?? {});

/** The query parameters of a GET call: unset, empty and empty-list fields are left out. */
export function toWireQuery(row: UpstreamRow, req: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) out[key] = row.jsonQueryLists?.includes(key) ? JSON.stringify(value) : value.join(',');
    } else out[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

/**
 * The request model's input from a GET call's query (the emulator's side). Empty strings are
 * unset (SDKs send unset fields as empty strings), and so is `0` in an optional number field
 * (the Go SDK sends zero values); a list is `a,b`, or a JSON array string where the action takes
 * one (a value that is not JSON is left as text for the model to refuse).
 */
export function fromWireQuery(row: UpstreamRow, request: z.ZodType, query: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shapeOf(request))) {
    const raw = query[key];
    if (raw === undefined || raw === '') continue;
    switch (kindOf(field)) {
      case 'number': {
        const n = fromQueryNumber(raw);
        if (!(n === 0 && field.safeParse(undefined).success)) out[key] = n;
        break;
      }
      case 'list':
        out[key] = row.jsonQueryLists?.includes(key) ? jsonList(raw) : fromQueryList(raw);
        break;
      case 'text':
        out[key] = raw;
    }
  }
  return out;
}

function jsonList(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
