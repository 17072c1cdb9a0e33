// Builds one ncc bundle per entry point into dist/<name>/index.js (ESM, with its package.json).
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const entries = {
  revert: 'src/actions/revert/index.ts',
  'safety-check': 'src/actions/safety-check/index.ts',
  report: 'src/actions/report/index.ts',
  action: 'src/actions/index.ts',
  cli: 'src/cli/index.ts'
};

for (const [name, entry] of Object.entries(entries)) {
  if (!existsSync(entry)) continue;
  const out = `dist/${name}`;
  rmSync(out, { recursive: true, force: true });
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--minify', '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });
  console.log(`bundled ${entry} -> ${out}/index.js`);
}
