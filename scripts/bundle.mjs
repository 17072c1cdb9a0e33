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

// A missing entry is a broken build, not one bundle fewer: every action.yml and the CLI's bin point into dist/.
const missing = Object.entries(entries).filter(([, entry]) => !existsSync(entry));
if (missing.length > 0) {
  for (const [name, entry] of missing) console.error(`Cannot bundle dist/${name}: its entry point ${entry} does not exist.`);
  console.error('Expected every entry in scripts/bundle.mjs to exist; fix the path or remove the entry.');
  process.exit(1);
}

for (const [name, entry] of Object.entries(entries)) {
  const out = `dist/${name}`;
  rmSync(out, { recursive: true, force: true });
  try {
    execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--minify', '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });
  } catch {
    console.error(`Bundling ${entry} into ${out} failed (ncc's output is above).`);
    process.exit(1);
  }
  console.log(`bundled ${entry} -> ${out}/index.js`);
}
