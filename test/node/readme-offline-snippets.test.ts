import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README's "Test your code offline" snippets are the code `npm run test:package` runs:
// each ts / python block must appear verbatim in the example it was taken from.

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Test your code offline'), readme.indexOf('\n## ', readme.indexOf('## Test your code offline') + 1));
const blocks = (lang: string) => [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```', 'g'))].map((m) => m[1]!);
const EXAMPLES = { ts: 'test/package/examples/offline-stack.test.ts', python: 'test/package/examples/test_any_language.py' };

describe('README: Test your code offline', () => {
  for (const [lang, file] of Object.entries(EXAMPLES)) {
    it(`every ${lang} snippet is part of ${file}`, () => {
      const example = readFileSync(file, 'utf8');
      expect(blocks(lang).length).toBeGreaterThan(0);
      for (const block of blocks(lang)) expect(example).toContain(block);
    });
  }
});
