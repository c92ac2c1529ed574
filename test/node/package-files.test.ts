import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numberedTypeNames } from '../package/hey-api-names';
import { brokenLinks, relativeLinks } from '../package/readme-links';

// The checks npm run test:package makes, here on their own: the README's links against what
// `npm pack` would ship (its file list, without building), and the hey-api name check.

describe('the package', () => {
  it('ships every file the README links (package.json "files")', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
    const shipped = new Set(packed!.files.map((f) => f.path));
    const readme = readFileSync('README.md', 'utf8');
    expect(relativeLinks(readme)).toEqual(expect.arrayContaining(['docs/architecture.md', 'emulator/README.md', 'test/package/examples/test_any_language.py']));
    expect(brokenLinks(readme, (path) => shipped.has(path))).toEqual([]);
  }, 30_000);

  it('readme links: relative files only, anchors dropped', () => {
    const md = '[a](docs/a.md) [b](worker/README.md#bundle) ![c](docs/c.png) [d](https://x.dev/y) [e](#local) [f](mailto:x@y)';
    expect(relativeLinks(md)).toEqual(['docs/a.md', 'worker/README.md', 'docs/c.png']);
    expect(brokenLinks(md, (p) => p !== 'docs/c.png')).toEqual(['docs/c.png']);
  });

  it("hey-api's renamed types are the ones ending in a digit", () => {
    expect(numberedTypeNames('export type CreateInstanceData = {};\nexport type CreateInstanceData2 = {};\nexport type Ec2Info = {};\n')).toEqual(['CreateInstanceData2']);
  });
});
