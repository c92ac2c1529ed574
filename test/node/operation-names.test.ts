import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../openapi/operations';

// An operation is declared once: its name belongs in its declaration, its emulator behaviour and
// at most one shared table. A name spread over more files is a list kept by hand somewhere.
const ROOT = join(import.meta.dirname, '../..');
const PRODUCT = ['worker', 'emulator', 'openapi'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.m?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const texts = new Map(PRODUCT.flatMap(sources).map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));
/** Request fields of the operations: DeleteDisk's `DeleteSnapshot` flag is spelled like an operation; reading it (`req.DeleteSnapshot`) does not name that operation. */
const FIELDS = new Set(OPERATIONS.flatMap((op) => Object.keys((op.request as { shape?: object }).shape ?? {})));

describe('operation names in product code', () => {
  it.each(OPERATIONS.map((op) => op.operationId))('%s is named in at most three product files', (operationId) => {
    const camel = operationId.charAt(0).toLowerCase() + operationId.slice(1);
    const naming = new RegExp(`\\b(${operationId}|${camel})\\b`);
    const fieldRead = new RegExp(`\\.${operationId}\\b`, 'g');
    const named = (text: string) => naming.test(FIELDS.has(operationId) ? text.replace(fieldRead, '') : text);
    const files = [...texts].filter(([, text]) => named(text)).map(([file]) => file);
    expect(files.length, files.join(', ')).toBeLessThanOrEqual(3);
  });
});
