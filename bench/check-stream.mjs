#!/usr/bin/env node
// A stream of typical pull requests: the last first-parent commits of a real repository that change
// one to ten files, each checked as a pull request (against its first parent) by the bundled CLI,
// next to the runbook's check of the same commit: starting Node plus
// `git diff parent commit | grep -c 'kind: PersistentVolumeClaim\|kind: CustomResourceDefinition'`,
// and the smallest JavaScript check (bench/minimal-check.mjs, bundled in the run).
// See bench/README.md.
// Usage: node bench/check-stream.mjs <git-dir> [--count 300] [--max-files 10] [--rounds 1]
//          [--bundle dist/cli/index.js] [--compare other/cli/index.js] [--node path/to/node24] [--out PATH]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { NODE24, RESULTS, ROOT } from './shared.mjs';

// The target, against Node + grep; and the fair one, against the smallest JavaScript check.
const TARGET = 2.0;
const TARGET_MINIMAL = 2.0;
const PATTERN = 'kind: PersistentVolumeClaim\\|kind: CustomResourceDefinition';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: 'string', default: '300' },
    'max-files': { type: 'string', default: '10' },
    rounds: { type: 'string', default: '1' },
    bundle: { type: 'string', default: join(ROOT, 'dist', 'cli', 'index.js') },
    compare: { type: 'string' },
    node: { type: 'string', default: NODE24 },
    out: { type: 'string' }
  }
});
const [gitDirArg] = positionals;
if (!gitDirArg) {
  console.error(
    'usage: node bench/check-stream.mjs <git-dir> [--count 300] [--max-files 10] [--rounds 1] [--bundle dist/cli/index.js] [--compare PATH] [--node node24] [--out PATH]'
  );
  process.exit(2);
}
const gitDir = resolve(gitDirArg);
const bundle = resolve(opts.bundle);
const compare = opts.compare === undefined ? undefined : resolve(opts.compare);
const node = existsSync(opts.node) ? resolve(opts.node) : process.execPath;
const count = Number(opts.count);
const maxFiles = Number(opts['max-files']);
const rounds = Number(opts.rounds);
const env = { ...process.env, GIT_DIR: gitDir };

const git = (...args) => spawnSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

/** The last `count` first-parent commits that change 1 to `maxFiles` files, with their parent. */
function stream() {
  const listed = git('rev-list', '--first-parent', '--parents', '-n', String(count * 4), 'HEAD');
  if (listed.status !== 0) throw new Error(`Could not list commits of ${gitDir}: ${listed.stderr.trim()}`);
  const picked = [];
  for (const line of listed.stdout.trim().split('\n')) {
    const [commit, parent] = line.split(' ');
    if (!parent) continue;
    const files = git('diff', '--name-only', '--no-renames', parent, commit).stdout.split('\n').filter(Boolean).length;
    if (files >= 1 && files <= maxFiles) picked.push({ commit, parent, files });
    if (picked.length === count) break;
  }
  return picked;
}

const HAS_TIME = existsSync('/usr/bin/time');
const CPU_FILE = join(tmpdir(), `check-stream-${process.pid}.cpu`);

/**
 * Wall time, and CPU time (user + system of the process and the children it waited for, from
 * `/usr/bin/time`): on a shared machine the wall time says more about the neighbours than CPU time does.
 */
function time(cmd, args) {
  const argv = HAS_TIME ? ['/usr/bin/time', ['-f', '%U %S', '-o', CPU_FILE, cmd, ...args]] : [cmd, args];
  const start = performance.now();
  const r = spawnSync(argv[0], argv[1], { cwd: gitDir, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  const cpu = HAS_TIME ? readFileSync(CPU_FILE, 'utf8').trim().split('\n').pop().split(' ').map(Number) : undefined;
  return { ms, cpuMs: cpu ? (cpu[0] + cpu[1]) * 1000 : undefined, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const checkWith = (cli, c) => time(node, [cli, 'check', '--base', c.parent, '--head', c.commit, '--format', 'json', '--fail-on', 'never']);
const MINIMAL = join(tmpdir(), `minimal-check-${process.pid}`);
const variants = {
  check: c => checkWith(bundle, c),
  node: () => time(node, ['-e', '']),
  grep: c => time('sh', ['-c', `git diff ${c.parent} ${c.commit} | grep -c '${PATTERN}'`]),
  minimal: c => time(node, [join(MINIMAL, 'index.mjs'), c.parent, c.commit]),
  ...(compare ? { compare: c => checkWith(compare, c) } : {})
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function main() {
  for (const cli of [bundle, compare]) {
    if (cli !== undefined && !existsSync(cli)) throw new Error(`No bundle at ${cli}. Run npm run bundle, or pass --bundle.`);
  }
  // Bundled as the CLI is, so it loads the way the check does.
  execFileSync('npx', ['ncc', 'build', join(ROOT, 'bench/minimal-check.mjs'), '-o', MINIMAL, '--minify', '--quiet'], {
    cwd: ROOT,
    stdio: 'inherit'
  });
  const commits = stream();
  const loadBefore = loadavg();
  const samples = [];
  const differing = [];
  let failed = 0;
  for (let round_ = 0; round_ < rounds; round_++) {
    for (const [i, c] of commits.entries()) {
      // Rotate the order so no variant always runs on the warmest cache.
      const order = Object.keys(variants);
      for (let k = 0; k < (i + round_) % order.length; k++) order.push(order.shift());
      const r = {};
      for (const name of order) r[name] = variants[name](c);
      if (r.check.status !== 0 || !r.check.stdout.trim().startsWith('{')) failed++;
      if (r.minimal.status !== 0) throw new Error(`The minimal check failed on ${c.commit}: ${r.minimal.stderr.trim()}`);
      // Another build must find the same: a faster one that finds less is no faster build.
      if (r.compare && r.compare.stdout !== r.check.stdout) differing.push(c.commit.slice(0, 12));
      samples.push({
        commit: c.commit.slice(0, 12),
        files: c.files,
        check: r.check.ms,
        node: r.node.ms,
        grep: r.grep.ms,
        minimal: r.minimal.ms,
        ...(r.compare ? { compare: r.compare.ms } : {}),
        cpu: { check: r.check.cpuMs, node: r.node.cpuMs, grep: r.grep.cpuMs, minimal: r.minimal.cpuMs }
      });
      process.stdout.write(`${samples.length}/${commits.length * rounds}\r`);
    }
  }
  const loadAfter = loadavg();
  rmSync(CPU_FILE, { force: true });
  rmSync(MINIMAL, { recursive: true, force: true });
  const med = key => median(samples.map(s => s[key]));
  const baseline = median(samples.map(s => s.node + s.grep));
  const ratio = med('check') / baseline;
  const perCommit = median(samples.map(s => s.check / (s.node + s.grep)));
  const cpu = HAS_TIME
    ? {
        checkMs: round(median(samples.map(s => s.cpu.check))),
        nodeMs: round(median(samples.map(s => s.cpu.node))),
        grepMs: round(median(samples.map(s => s.cpu.grep))),
        baselineMs: round(median(samples.map(s => s.cpu.node + s.cpu.grep)))
      }
    : undefined;
  if (cpu) cpu.ratio = round(cpu.checkMs / cpu.baselineMs, 3);
  const pass = ratio <= TARGET;
  const ratioMinimal = med('check') / med('minimal');
  const passMinimal = ratioMinimal <= TARGET_MINIMAL;
  console.log(
    `\n${commits.length} commits of ${basename(dirname(gitDir)) || gitDir} changing 1-${maxFiles} files, ${rounds} round(s); medians:`
  );
  console.log(`  check (bundled CLI)              ${round(med('check'))} ms`);
  console.log(`  Node start                       ${round(med('node'))} ms`);
  console.log(`  git diff | grep -c               ${round(med('grep'))} ms`);
  console.log(`  Node start + grep (per commit)   ${round(baseline)} ms`);
  console.log(`  ratio check / (Node + grep)      ${round(ratio, 2)}x (target <= ${TARGET}x): ${pass ? 'PASS' : 'MISS'}`);
  console.log(`  median of per-commit ratios      ${round(perCommit, 2)}x`);
  console.log(`  smallest JavaScript check        ${round(med('minimal'))} ms (Node, js-yaml loaded, git diff, the pattern counted)`);
  console.log(
    `  ratio check / smallest JS check  ${round(ratioMinimal, 2)}x (proposed target <= ${TARGET_MINIMAL}x): ${passMinimal ? 'PASS' : 'MISS'}`
  );
  if (compare) {
    const diffs = samples.map(s => s.compare - s.check);
    console.log(
      `  --compare build                  ${round(med('compare'))} ms; per commit, compare - check: median ${round(median(diffs))} ms, faster on ${diffs.filter(d => d < 0).length} of ${diffs.length}`
    );
    if (differing.length)
      console.log(`  --compare build's output differs on ${differing.length} commits: ${differing.slice(0, 5).join(' ')}`);
  }
  if (cpu) console.log(`  CPU time: check ${cpu.checkMs} ms, Node + grep ${cpu.baselineMs} ms: ${round(cpu.ratio, 2)}x`);
  console.log(
    `  load average before / after      ${loadBefore.map(x => round(x, 2)).join(' ')} / ${loadAfter.map(x => round(x, 2)).join(' ')}`
  );
  if (failed) console.log(`  ${failed} checks did not exit with a JSON verdict`);
  if (opts.out !== undefined || count >= 100) {
    const out = resolve(opts.out ?? join(RESULTS, 'check-stream.json'));
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadavgBefore: loadBefore, loadavgAfter: loadAfter },
      node: spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim(),
      repository: basename(dirname(gitDir)),
      head: git('rev-parse', 'HEAD').stdout.trim(),
      commits: commits.length,
      maxFiles,
      rounds,
      medians: {
        checkMs: round(med('check')),
        nodeMs: round(med('node')),
        grepMs: round(med('grep')),
        baselineMs: round(baseline),
        minimalCheckMs: round(med('minimal'))
      },
      ratio: round(ratio, 3),
      ratioToMinimalCheck: round(ratioMinimal, 3),
      targetMinimal: TARGET_MINIMAL,
      passMinimal,
      medianPerCommitRatio: round(perCommit, 3),
      cpu,
      target: TARGET,
      pass,
      failedChecks: failed,
      samples: samples.map(s => ({ ...s, check: round(s.check), node: round(s.node), grep: round(s.grep), minimal: round(s.minimal) }))
    };
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Wrote ${out}`);
  }
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
}
