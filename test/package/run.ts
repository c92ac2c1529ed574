import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokenLinks } from './readme-links';
import { numberedTypeNames } from './hey-api-names';

// `npm run test:package`: proves the package from outside the repository, installed each way the
// README offers, into a fresh temporary project with nothing else of ours:
// 1. the tarball (`npm pack`; `prepare` builds dist/): the examples of test/package/examples run
//    there (a type check and a vitest suite against the exports, a Python stdlib test of the bins);
// 2. a git dependency (`npm install git+file://<this repository>#<HEAD>`: npm clones it, installs
//    its dev dependencies and runs `prepare`): `./testing` imports and the bins start;
// in both, every link of the shipped README resolves inside the installed package. Then hey-api
// generates a client from the shipped openapi.json, and no type name may end in a digit
// (`CreateInstanceData2`: a schema name that collides with the generator's own).

const root = fileURLToPath(new URL('../../', import.meta.url));
const examples = join(root, 'test', 'package', 'examples');
const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; devDependencies: Record<string, string> };
const keep = process.argv.includes('--keep');
const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

function run(cmd: string, args: string[], cwd: string): void {
  console.log(`\n$ ${cmd} ${args.join(' ')}   (in ${cwd})`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env });
}

function newProject(dir: string): string {
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ecs-consumer', private: true, type: 'module' }, null, 2));
  return dir;
}

function assertLinksResolve(project: string): void {
  const installed = join(project, 'node_modules', ours.name);
  const broken = brokenLinks(readFileSync(join(installed, 'README.md'), 'utf8'), (path) => existsSync(join(installed, path)));
  if (broken.length) throw new Error(`the shipped README links files the package does not hold: ${broken.join(', ')} (add them to "files" or change the links)`);
  console.log(`\nevery link of the shipped README resolves inside ${installed}`);
}

const work = mkdtempSync(join(tmpdir(), 'ecs-package-test-'));
try {
  // The consumer's own test tools: the same versions as here (the npm cache has them).
  const tools = ['vitest', 'typescript', '@types/node'].map((name) => `${name}@${ours.devDependencies[name]}`);

  // 1. The tarball.
  run('npm', ['pack', '--pack-destination', work], root);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  const fromTarball = newProject(join(work, 'consumer'));
  for (const file of readdirSync(examples)) copyFileSync(join(examples, file), join(fromTarball, file));
  run('npm', ['install', '--no-save', `../${tarball}`, ...tools], fromTarball);
  assertLinksResolve(fromTarball);
  run('npx', ['tsc', '-p', '.'], fromTarball);
  run('npx', ['vitest', 'run'], fromTarball);
  run('python3', ['-m', 'unittest', '-v', 'test_any_language'], fromTarball);

  // 2. A git dependency on this repository, at its last commit.
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  if (execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim()) {
    console.log(`\nnote: uncommitted changes are not in the git dependency (it installs commit ${head.slice(0, 12)})`);
  }
  const fromGit = newProject(join(work, 'consumer-git'));
  const started = performance.now();
  run('npm', ['install', '--no-save', `git+file://${root}#${head}`], fromGit);
  const installS = Math.round((performance.now() - started) / 1000);
  assertLinksResolve(fromGit);
  run('node', ['--input-type=module', '-e', [
    "const testing = await import('ecs-edge-gateway/testing');",
    "if (typeof testing.startOfflineStack !== 'function') throw new Error('ecs-edge-gateway/testing: no startOfflineStack');",
    "const stack = await testing.startOfflineStack({ quiet: true });",
    "const res = await stack.fetch('/v1/regions', { headers: { Authorization: 'Bearer ' + stack.token } });",
    "await stack.dispose();",
    "if (res.status !== 200) throw new Error('GET /v1/regions answered ' + res.status);",
    "console.log('ecs-edge-gateway/testing from git: a stack answered GET /v1/regions 200');",
  ].join('\n')], fromGit);
  run('npx', ['--no-install', 'ecs-emulator', '--help'], fromGit);
  console.log(`\ngit dependency: installed (clone, dev dependencies, prepare) in ${installS} s`);

  // 3. hey-api's client from the shipped document: no renamed (…2) types.
  const heyOut = join(work, 'hey-api');
  run('npx', ['openapi-ts', '-i', join(fromTarball, 'node_modules', ours.name, 'openapi', 'openapi.json'), '-o', heyOut, '--no-log-file', '--silent'], root);
  const renamed = numberedTypeNames(readFileSync(join(heyOut, 'types.gen.ts'), 'utf8'));
  if (renamed.length) throw new Error(`hey-api renamed types that collide with its own names: ${renamed.join(', ')}`);
  console.log('hey-api generated a client with no …2 type names');

  console.log('\npackage test: the tarball and the git dependency install into empty projects and work there');
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
