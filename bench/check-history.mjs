// Checks the last N first-parent commits of a repository as pull requests would be checked (each
// against its first parent) with the CLI bundle, and lists every commit that fails with its rules.
// Usage: node bench/check-history.mjs <git-dir> [N] [--bundle dist/cli/index.js] [--node node]
// <git-dir> may be a bare repository. Nothing is written to it.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    bundle: { type: 'string', default: join(ROOT, 'dist', 'cli', 'index.js') },
    node: { type: 'string', default: process.execPath },
    'fail-on': { type: 'string', default: 'error' }
  }
});
const [gitDir, count = '300'] = positionals;
if (!gitDir || !/^\d+$/.test(count)) {
  console.error('Usage: node bench/check-history.mjs <git-dir> [N] [--bundle dist/cli/index.js] [--node node] [--fail-on error]');
  process.exit(2);
}

const git = (...args) => spawnSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const listed = git('rev-list', '--first-parent', '--parents', '-n', count, 'HEAD');
if (listed.status !== 0) {
  console.error(`Could not list commits of ${gitDir}: ${listed.stderr.trim()}`);
  process.exit(2);
}
const commits = listed.stdout
  .trim()
  .split('\n')
  .map(line => line.split(' '))
  .filter(parts => parts.length >= 2);

let failing = 0;
const bySeverity = {};
const byRule = {};
for (const [commit, parent] of commits) {
  const run = spawnSync(
    values.node,
    [values.bundle, 'check', '--base', parent, '--head', commit, '--format', 'json', '--fail-on', 'never'],
    {
      cwd: gitDir,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, GIT_DIR: resolve(gitDir) }
    }
  );
  let verdict;
  try {
    verdict = JSON.parse(run.stdout);
  } catch {
    console.log(`${commit.slice(0, 9)} could not be checked: ${(run.stderr || run.stdout).trim().split('\n')[0]}`);
    continue;
  }
  for (const f of verdict.findings ?? []) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const rank = ['critical', 'error', 'warning', 'notice'];
  const failOn = rank.indexOf(values['fail-on']);
  const fails = (verdict.findings ?? []).filter(f => rank.indexOf(f.severity) <= failOn);
  if (fails.length === 0) continue;
  failing++;
  const rules = [...new Set(fails.map(f => `${f.rule} (${f.severity}, ${f.direction})`))];
  for (const f of fails) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const subject = git('log', '-1', '--format=%s', commit).stdout.trim();
  console.log(`${commit.slice(0, 9)} ${rules.join(', ')} -- ${subject}`);
}
console.log(`\n${failing} of ${commits.length} commits fail (fail-on ${values['fail-on']}).`);
console.log(`Findings by severity: ${JSON.stringify(bySeverity)}`);
console.log(`Failing findings by rule: ${JSON.stringify(byRule)}`);
