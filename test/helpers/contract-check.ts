import { resolvedDocument as document } from './resolved-document';
import { SchemaValidator } from './json-schema-validator';
import type { JsonSchema } from './json-schema-validator';

// Checks an answer of the gateway against the committed openapi/openapi.json: the status is
// documented for the operation, the media type matches, required headers are present, and the
// body validates against the response schema. Paths the document does not list are skipped.

interface ResponseObject {
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, { schema: JsonSchema }>;
}
type Operation = { operationId: string; responses: Record<string, ResponseObject> };

const doc = document as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };
const validator = new SchemaValidator(doc);
const templates = Object.keys(doc.paths).map((template) => ({
  template,
  regex: new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$'),
}));

export interface ContractCheck {
  operationId?: string;
  status: number;
  errors: string[];
}

/** Counts of checked answers by `operationId status`, for the report of the contract test. */
export const checkedAnswers = new Map<string, number>();

export async function checkAgainstDocument(req: Request, res: Response): Promise<ContractCheck> {
  const path = new URL(req.url).pathname;
  const match = templates.filter((t) => t.regex.test(path)).sort((a, b) => a.template.split('{').length - b.template.split('{').length)[0];
  const operation = match && doc.paths[match.template]![req.method.toLowerCase()];
  if (!operation) return { status: res.status, errors: [] };
  const errors: string[] = [];
  const response = operation.responses[String(res.status)];
  if (!response) return { operationId: operation.operationId, status: res.status, errors: [`${operation.operationId}: status ${res.status} is not documented`] };
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    if (header.required && !res.headers.has(name)) errors.push(`${operation.operationId} ${res.status}: missing header ${name}`);
  }
  const mediaTypes = Object.keys(response.content ?? {});
  const contentType = (res.headers.get('Content-Type') ?? '').split(';')[0]!.trim();
  if (mediaTypes.length === 0) {
    if ((await res.clone().text()).length > 0) errors.push(`${operation.operationId} ${res.status}: body where none is documented`);
  } else if (!mediaTypes.includes(contentType)) {
    errors.push(`${operation.operationId} ${res.status}: Content-Type ${contentType} not in ${mediaTypes.join(', ')}`);
  } else {
    const body = await res.clone().json();
    errors.push(...validator.validate(response.content![contentType]!.schema, body).map((e) => `${operation.operationId} ${res.status}: ${e}`));
  }
  const key = `${operation.operationId} ${res.status}`;
  checkedAnswers.set(key, (checkedAnswers.get(key) ?? 0) + 1);
  return { operationId: operation.operationId, status: res.status, errors };
}
