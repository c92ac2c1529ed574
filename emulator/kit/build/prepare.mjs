// npm's `prepare` script: builds dist/ (npm run build) where the package is made from this source
// tree: `npm pack`/`npm publish`, and an install from git (`npm install git+https://…` or
// `git+file://…`), for which npm clones the repository, installs its dev dependencies, runs
// `prepare` and packs the result. A plain `npm ci` in the repository skips it: development runs
// from source, and the tests that need dist/ build it themselves.
import { execFileSync } from 'node:child_process';

if (process.env.npm_command === 'ci') {
  console.log('prepare: skipped under npm ci (run `npm run build` for dist/)');
} else {
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
