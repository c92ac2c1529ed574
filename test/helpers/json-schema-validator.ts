// A small JSON Schema (2020-12 subset) validator, enough for the keywords openapi/openapi.json
// uses. It refuses keywords it does not know, so a schema it cannot check fails loudly instead
// of passing silently. Used to check every answer the tests see against the committed document.

export type JsonSchema = Record<string, unknown>;

const ANNOTATIONS = new Set(['description', 'example', 'examples', 'default', 'title', 'deprecated', 'readOnly', 'writeOnly', 'format']);

export class SchemaValidator {
  constructor(private readonly root: { components?: { schemas?: Record<string, JsonSchema> } }) {}

  /** Error messages (empty when valid). */
  validate(schema: JsonSchema, value: unknown, path = '$'): string[] {
    const errors: string[] = [];
    const fail = (msg: string) => errors.push(`${path}: ${msg}`);
    for (const key of Object.keys(schema)) {
      if (ANNOTATIONS.has(key)) continue;
      switch (key) {
        case '$ref': {
          const name = String(schema.$ref).replace('#/components/schemas/', '');
          const target = this.root.components?.schemas?.[name];
          if (!target) fail(`unresolved $ref ${String(schema.$ref)}`);
          else errors.push(...this.validate(target, value, path));
          break;
        }
        case 'type': {
          const types = ([] as unknown[]).concat(schema.type);
          if (!types.some((t) => typeMatches(String(t), value))) fail(`expected ${types.join('|')}, got ${describe(value)}`);
          break;
        }
        case 'properties': {
          if (!isObject(value)) break;
          for (const [k, s] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
            if (k in value) errors.push(...this.validate(s, value[k], `${path}.${k}`));
          }
          break;
        }
        case 'required':
          if (isObject(value)) for (const k of schema.required as string[]) if (!(k in value)) fail(`missing required ${k}`);
          break;
        case 'additionalProperties': {
          if (!isObject(value)) break;
          const known = new Set(Object.keys((schema.properties as object) ?? {}));
          for (const [k, v] of Object.entries(value)) {
            if (known.has(k)) continue;
            if (schema.additionalProperties === false) fail(`unexpected property ${k}`);
            else if (isObject(schema.additionalProperties)) errors.push(...this.validate(schema.additionalProperties as JsonSchema, v, `${path}.${k}`));
          }
          break;
        }
        case 'items':
          if (Array.isArray(value)) value.forEach((v, i) => errors.push(...this.validate(schema.items as JsonSchema, v, `${path}[${i}]`)));
          break;
        case 'enum':
          if (!(schema.enum as unknown[]).some((e) => e === value)) fail(`${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
          break;
        case 'const':
          if (schema.const !== value) fail(`expected ${JSON.stringify(schema.const)}`);
          break;
        case 'anyOf':
        case 'oneOf': {
          const matches = (schema[key] as JsonSchema[]).filter((s) => this.validate(s, value, path).length === 0).length;
          if (key === 'anyOf' ? matches === 0 : matches !== 1) fail(`${key}: ${matches} alternatives match`);
          break;
        }
        case 'allOf':
          for (const s of schema.allOf as JsonSchema[]) errors.push(...this.validate(s, value, path));
          break;
        case 'minimum':
          if (typeof value === 'number' && value < (schema.minimum as number)) fail(`below minimum ${String(schema.minimum)}`);
          break;
        case 'maximum':
          if (typeof value === 'number' && value > (schema.maximum as number)) fail(`above maximum ${String(schema.maximum)}`);
          break;
        case 'exclusiveMinimum':
          if (typeof value === 'number' && value <= (schema.exclusiveMinimum as number)) fail(`not above ${String(schema.exclusiveMinimum)}`);
          break;
        case 'exclusiveMaximum':
          if (typeof value === 'number' && value >= (schema.exclusiveMaximum as number)) fail(`not below ${String(schema.exclusiveMaximum)}`);
          break;
        case 'multipleOf':
          if (typeof value === 'number' && value % (schema.multipleOf as number) !== 0) fail(`not a multiple of ${String(schema.multipleOf)}`);
          break;
        case 'minLength':
          if (typeof value === 'string' && [...value].length < (schema.minLength as number)) fail(`shorter than ${String(schema.minLength)}`);
          break;
        case 'maxLength':
          if (typeof value === 'string' && [...value].length > (schema.maxLength as number)) fail(`longer than ${String(schema.maxLength)}`);
          break;
        case 'pattern':
          if (typeof value === 'string' && !new RegExp(schema.pattern as string, 'u').test(value)) fail(`does not match ${String(schema.pattern)}`);
          break;
        case 'minItems':
          if (Array.isArray(value) && value.length < (schema.minItems as number)) fail(`fewer than ${String(schema.minItems)} items`);
          break;
        case 'maxItems':
          if (Array.isArray(value) && value.length > (schema.maxItems as number)) fail(`more than ${String(schema.maxItems)} items`);
          break;
        default:
          throw new Error(`json-schema check: unsupported keyword "${key}" at ${path}`);
      }
    }
    return errors;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'null':
      return v === null;
    default:
      return typeof v === type;
  }
}

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}
