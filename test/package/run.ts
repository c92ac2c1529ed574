import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run test:package`: proves the package from outside the repository. Packs the tarball
// (prepack builds dist/), installs it into a fresh temporary project with nothing else of ours,
// and runs there the examples of test/package/examples: a type check and a vitest suite against
// the package's exports, and a Python (stdlib only) test that drives the two bins over HTTP.

const root = fileURLToPath(new URL('../../', import.meta.url));
const examples = join(root, 'test', 'package', 'examples');
const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const keep = process.argv.includes('--keep');

function run(cmd: string, args: string[], cwd: string): void {
  console.log(`\n$ ${cmd} ${args.join(' ')}   (in ${cwd})`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
}

const work = mkdtempSync(join(tmpdir(), 'ecs-package-test-'));
try {
  run('npm', ['pack', '--pack-destination', work], root);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;

  const project = join(work, 'consumer');
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'ecs-consumer', private: true, type: 'module' }, null, 2));
  for (const file of readdirSync(examples)) copyFileSync(join(examples, file), join(project, file));
  // The tarball and what the consumer's own tests use; the same versions as here (the npm cache has them).
  const tools = ['vitest', 'typescript', '@types/node'].map((name) => `${name}@${ours.devDependencies[name]}`);
  run('npm', ['install', '--no-save', `../${tarball}`, ...tools], project);

  run('npx', ['tsc', '-p', '.'], project);
  run('npx', ['vitest', 'run'], project);
  run('python3', ['-m', 'unittest', '-v', 'test_any_language'], project);
  console.log('\npackage test: the tarball installs into an empty project and its examples pass');
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
