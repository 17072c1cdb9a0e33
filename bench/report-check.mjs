#!/usr/bin/env node
// Checks the rollback report against `git log --grep` on a real repository: every commit whose
// message says Revert or This reverts is listed with what the report made of it (a rollback, the
// revert of a rollback, a drill, or not counted), so the ones not counted can be read by hand;
// then every revert-button pull request; then what the report found that the grep did not.
// Usage: node bench/report-check.mjs <git dir or work tree> [--branch B] [--cli dist/cli/index.js]
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './shared.mjs';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    branch: { type: 'string' },
    cli: { type: 'string', default: join(ROOT, 'dist', 'cli', 'index.js') },
    help: { type: 'boolean', short: 'h' }
  }
});
if (opts.help || positionals.length !== 1) {
  console.log('usage: node bench/report-check.mjs <git dir or work tree> [--branch B] [--cli dist/cli/index.js]');
  process.exit(opts.help ? 0 : 2);
}
const repo = resolve(positionals[0]);
const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
const branch = opts.branch ?? git('symbolic-ref', '--short', 'HEAD').trim();
const report = JSON.parse(
  execFileSync(process.execPath, [resolve(opts.cli), 'report', '--no-fetch', '--branch', branch, '--format', 'json'], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 30
  })
);

const role = new Map();
for (const r of report.rollbacks) for (const sha of r.commits) role.set(sha, `rollback ${r.sha.slice(0, 10)} ${r.kind}`);
for (const a of report.reapplies) for (const sha of a.commits) role.set(sha, `revert of rollback ${a.sha.slice(0, 10)}`);
for (const d of report.drills) role.set(d.sha, 'drill');
const short = sha => sha.slice(0, 10);
const list = (...args) =>
  git('log', '-z', '--format=%H%x00%s', ...args, branch)
    .split('\0')
    .filter(Boolean)
    .reduce((acc, field, i, all) => (i % 2 ? acc : [...acc, { sha: field, subject: all[i + 1] ?? '' }]), []);

const grepped = list('--grep=Revert\\|This reverts');
const counted = grepped.filter(c => role.has(c.sha));
console.log(`git log --grep='Revert\\|This reverts': ${grepped.length} commits; ${counted.length} are part of what the report counts.\n`);
console.log('Not counted (read these by hand):');
for (const c of grepped.filter(c => !role.has(c.sha))) console.log(`  ${short(c.sha)} ${c.subject.slice(0, 110)}`);

const revertPulls = list('-E', '--grep=^Merge pull request #[0-9]+ from [^ /]+/revert-[0-9]+-');
console.log(
  `\nRevert-button pull requests merged with a merge commit: ${revertPulls.length}; found: ${revertPulls.filter(c => role.has(c.sha)).length}.`
);
for (const c of revertPulls.filter(c => !role.has(c.sha))) console.log(`  MISSING ${short(c.sha)} ${c.subject}`);

const inGrep = new Set(grepped.map(c => c.sha));
const extra = report.rollbacks.filter(r => !r.commits.some(sha => inGrep.has(sha)));
console.log(`\nRollbacks the grep does not show: ${extra.length} (by kind: ${JSON.stringify(count(extra.map(r => r.kind)))}).`);
for (const r of extra.filter(r => r.kind !== 'manual')) console.log(`  ${short(r.sha)} ${r.kind} ${r.subject.slice(0, 100)}`);

const unfound = report.rollbacks.flatMap(r =>
  r.reverted
    .filter(t => !t.found)
    .map(t => `${short(r.sha)} -> ${t.sha ? short(t.sha) : t.pullRequest ? `#${t.pullRequest}` : JSON.stringify(t.subject)}`)
);
console.log(`\nReverted changes named but not in the history: ${unfound.length}`);
for (const line of unfound) console.log(`  ${line}`);
console.log(`\nSummary: ${JSON.stringify(report.summary)}`);

function count(values) {
  return values.reduce((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
}
