#!/usr/bin/env node
// Report benchmark: how long `gitops-rollback report` (the bundled CLI) takes over a large
// history, next to `git log --grep` over the same history, from a depth-1 clone (the report
// fetches the whole history) and from a full one. On the generated history it also checks the
// findings against what the generator made. See bench/README.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateReportHistory, REPORT_GENERATOR_VERSION } from './generate-report.mjs';
import { NODE24, RESULTS, ROOT, WORK } from './shared.mjs';

/** A report over 20,000 commits from a depth-1 clone "in a few seconds". */
const TARGET_DEPTH1_MS = 5000;
const GREP = ['log', '--grep=Revert\\|This reverts', '--format=%H%x00%B'];

const { values: opts } = parseArgs({
  options: {
    commits: { type: 'string', default: '20000' },
    samples: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    repo: { type: 'string' },
    branch: { type: 'string', default: 'main' },
    cli: { type: 'string', default: join(ROOT, 'dist', 'cli', 'index.js') },
    node: { type: 'string', default: NODE24 },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false }
  }
});
if (opts.help) {
  console.log(
    'usage: node bench/report.mjs [--commits 20000] [--samples 5] [--seed 42] [--cli dist/cli/index.js] [--node node24] [--out FILE]\n' +
      '       node bench/report.mjs --repo <git dir of a real repository> [--branch main]   (times only; nothing is written to it)'
  );
  process.exit(0);
}
const samples = Number(opts.samples);
// The origin serves partial-clone filters, as GitHub does (read by upload-pack, on this machine).
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LC_ALL: 'C',
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'uploadpack.allowFilter',
  GIT_CONFIG_VALUE_0: 'true'
};
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 }).trim();
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function origin() {
  if (opts.repo) return { dir: resolve(opts.repo), truth: undefined };
  const dir = join(WORK, 'cache', `report-v${REPORT_GENERATOR_VERSION}-seed${opts.seed}-commits${opts.commits}`);
  const truthFile = join(dir, 'truth.json');
  if (!existsSync(truthFile)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', 'origin.git');
    console.log(`Generating ${opts.commits} commits ...`);
    const truth = await generateReportHistory(join(dir, 'origin.git'), { commits: Number(opts.commits), seed: Number(opts.seed) });
    git(join(dir, 'origin.git'), 'repack', '-a', '-d', '-b', '--quiet');
    git(join(dir, 'origin.git'), 'commit-graph', 'write', '--reachable');
    writeFileSync(truthFile, JSON.stringify(truth));
  }
  return { dir: join(dir, 'origin.git'), truth: JSON.parse(execFileSync('cat', [truthFile], { encoding: 'utf8' })) };
}

/** Runs `args` in `cwd`, timed; returns ms and stdout. */
function timed(command, args, cwd) {
  const start = performance.now();
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

/** What the report found against what the generator made: the mismatches, as text. */
function check(report, truth) {
  const problems = [];
  const bySha = new Map(report.rollbacks.map(r => [r.sha, r]));
  for (const e of truth.expected) {
    const r = bySha.get(e.sha);
    if (!r) problems.push(`missing ${e.kind} ${e.sha.slice(0, 10)}`);
    else if (r.kind !== e.kind) problems.push(`${e.sha.slice(0, 10)}: kind ${r.kind}, expected ${e.kind}`);
    else if (JSON.stringify(r.reverted.filter(t => t.found).map(t => t.sha)) !== JSON.stringify(e.reverted))
      problems.push(
        `${e.sha.slice(0, 10)}: undid ${r.reverted.map(t => t.sha?.slice(0, 10)).join(',')}, expected ${e.reverted.map(s => s.slice(0, 10)).join(',')}`
      );
    else if (e.reapplied && !r.reappliedBy) problems.push(`${e.sha.slice(0, 10)}: not marked as brought back`);
  }
  if (report.rollbacks.length !== truth.expected.length)
    problems.push(`${report.rollbacks.length} rollbacks, expected ${truth.expected.length}`);
  if (JSON.stringify(report.drills.map(d => d.sha).sort()) !== JSON.stringify(truth.drills.map(d => d.sha).sort()))
    problems.push('drills differ');
  return problems;
}

const { dir: originDir, truth } = await origin();
const commitCount = Number(git(originDir, 'rev-list', '--count', opts.branch));
console.log(
  `History: ${commitCount} commits on ${opts.branch}${truth ? `, ${truth.expected.length} rollbacks and ${truth.drills.length} drills made by the generator` : ''}.`
);
const run = mkdtempSync(join(WORK, 'report-'));
const DEPTH1 = 'report, depth-1 clone';
const FETCH_GREP = 'git fetch --unshallow + git log --grep, depth-1 clone';
const FETCH_NO_BLOBS_GREP = 'git fetch --unshallow --filter=blob:none + git log --grep';
const FULL = 'report, full clone';
const GREP_FULL = 'git log --grep, full clone';
const variants = { [DEPTH1]: [], [FETCH_GREP]: [], [FETCH_NO_BLOBS_GREP]: [], [FULL]: [], [GREP_FULL]: [] };
const unshallow = [
  'fetch',
  '--quiet',
  '--no-tags',
  '--unshallow',
  'origin',
  `+refs/heads/${opts.branch}:refs/remotes/origin/${opts.branch}`
];
// A full clone to read in place; a repository that cannot be cloned (objects missing) is read as it is.
let full = join(run, 'full');
let cloneable = true;
try {
  git(run, 'clone', '--quiet', '--no-local', '--branch', opts.branch, `file://${originDir}`, full);
} catch {
  if (!opts.repo) throw new Error('could not clone the generated origin');
  console.log('The repository cannot be cloned (objects missing): timing the full-clone variants in place only.');
  cloneable = false;
  full = originDir;
}
let findings;
try {
  for (let s = 0; s < samples; s++) {
    const clones = cloneable ? [0, 1, 2].map(n => join(run, `shallow-${s}-${n}`)) : [];
    for (const dir of clones) git(run, 'clone', '--quiet', '--depth=1', '--branch', opts.branch, `file://${originDir}`, dir);
    const order = [DEPTH1, FETCH_GREP, FETCH_NO_BLOBS_GREP, FULL, GREP_FULL].filter(v => cloneable || v === FULL || v === GREP_FULL);
    for (let k = 0; k < order.length; k++) {
      const v = order[(k + s) % order.length];
      if (v === DEPTH1) {
        const r = timed(opts.node, [opts.cli, 'report', '--branch', opts.branch, '--format', 'json'], clones[0]);
        variants[v].push(r.ms);
        findings = JSON.parse(r.stdout);
      } else if (v === FETCH_GREP || v === FETCH_NO_BLOBS_GREP) {
        const dir = v === FETCH_GREP ? clones[1] : clones[2];
        const a = timed('git', v === FETCH_GREP ? unshallow : [...unshallow.slice(0, 4), '--filter=blob:none', ...unshallow.slice(4)], dir);
        const b = timed('git', [...GREP, `origin/${opts.branch}`], dir);
        variants[v].push(a.ms + b.ms);
      } else if (v === FULL) {
        const r = timed(opts.node, [opts.cli, 'report', '--no-fetch', '--branch', opts.branch, '--format', 'json'], full);
        variants[v].push(r.ms);
        findings ??= JSON.parse(r.stdout);
      } else variants[v].push(timed('git', [...GREP, opts.branch], full).ms);
    }
    for (const dir of clones) rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(run, { recursive: true, force: true });
}

const medians = Object.fromEntries(
  Object.entries(variants)
    .filter(([, v]) => v.length)
    .map(([k, v]) => [k, Math.round(median(v))])
);
const problems = truth ? check(findings, truth) : [];
const result = {
  date: new Date().toISOString(),
  environment: {
    node: execFileSync(opts.node, ['--version'], { encoding: 'utf8' }).trim(),
    git: git(ROOT, '--version'),
    cpus: cpus().length,
    loadAverage1m: loadavg()[0]
  },
  params: { commits: commitCount, samples, seed: Number(opts.seed), repo: opts.repo ? 'given' : 'generated' },
  findings: {
    rollbacks: findings.summary.rollbacks,
    byKind: findings.summary.byKind,
    drills: findings.drills.length,
    reapplies: findings.reapplies.length
  },
  check: truth
    ? problems.length
      ? problems
      : 'every generated rollback found, of its kind, tied to what it undid'
    : 'not checked (a real repository: see bench/report-check.mjs)',
  mediansMs: medians,
  ratios: {
    depth1: cloneable ? +(medians[DEPTH1] / medians[FETCH_GREP]).toFixed(2) : undefined,
    depth1NoBlobs: cloneable ? +(medians[DEPTH1] / medians[FETCH_NO_BLOBS_GREP]).toFixed(2) : undefined,
    full: +(medians[FULL] / medians[GREP_FULL]).toFixed(2)
  },
  target: { depth1Ms: TARGET_DEPTH1_MS, result: !cloneable ? 'not measured' : medians[DEPTH1] <= TARGET_DEPTH1_MS ? 'PASS' : 'MISS' },
  samplesMs: variants
};
for (const [k, v] of Object.entries(medians)) console.log(`${k.padEnd(56)} ${String(v).padStart(6)} ms`);
console.log(
  `ratio report / git, depth-1: ${result.ratios.depth1}x (against the fetch without file contents: ${result.ratios.depth1NoBlobs}x); full clone: ${result.ratios.full}x`
);
console.log(`report from a depth-1 clone under ${TARGET_DEPTH1_MS} ms: ${result.target.result}`);
console.log(`findings: ${JSON.stringify(result.findings)}`);
console.log(`check: ${Array.isArray(result.check) ? `FAIL\n  ${result.check.join('\n  ')}` : result.check}`);
const out = opts.out ?? (opts.repo ? join(WORK, 'report-repo.json') : join(RESULTS, 'report.json'));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${out}`);
process.exitCode = Array.isArray(result.check) ? 1 : 0;
