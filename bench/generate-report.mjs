// Generates a Flux repository history with rollbacks of every shape, through `git fast-import`:
// apps under kubernetes/apps/<namespace>/<app>/ with a Flux Kustomization each, squash-merged
// and merge-committed pull requests, and about one rollback in a hundred commits (git revert,
// runs of reverts, GitHub's revert button merged or squashed, this project's reverts and
// restores, reverts by hand, drills, reverts of rollbacks). Returns what a correct report finds.
// Deterministic for a given seed.
import { spawn } from 'node:child_process';
import { GITHUB_COMMITTER as GITHUB, mulberry32, PEOPLE as ALL_PEOPLE } from './shared.mjs';

/** Bumped whenever the generated history changes, so cached origins are rebuilt. */
export const REPORT_GENERATOR_VERSION = 1;

const NAMESPACES = ['default', 'media', 'monitoring', 'network', 'database', 'security', 'system', 'home', 'ai', 'storage'];
const APPS = [
  'api',
  'worker',
  'frontend',
  'cache',
  'exporter',
  'gateway',
  'indexer',
  'scheduler',
  'proxy',
  'sync',
  'auth',
  'search',
  'router',
  'broker',
  'store',
  'web',
  'agent',
  'relay',
  'vault',
  'mailer'
];
const PEOPLE = ALL_PEOPLE.slice(0, 6);
const RENOVATE = 'renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>';
const BOT = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

const helmRelease = app => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${app.name}
spec:
  interval: 30m
  chart:
    spec:
      chart: app-template
      version: 3.5.1
  values:
    controllers:
      ${app.name}:
        containers:
          app:
            image:
              repository: ghcr.io/acme/${app.name}
              tag: ${app.version.join('.')}
            resources:
              requests:
                cpu: ${app.cpu}m
`;
const fluxKustomization = app => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${app.name}
  namespace: flux-system
spec:
  path: ./kubernetes/apps/${app.ns}/${app.name}/app
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
  interval: 1h
`;

/**
 * Writes the history into the empty bare repository `gitDir` on `refs/heads/main`; returns the
 * rollbacks a report must find (landing sha, kind, what each undid) and the drills.
 */
export async function generateReportHistory(gitDir, { commits, seed }) {
  const rand = mulberry32(seed);
  const pick = list => list[Math.floor(rand() * list.length)];
  const apps = NAMESPACES.flatMap(ns => APPS.map((a, i) => ({ ns, name: `${ns}-${a}`, version: [1, i % 7, 0], cpu: 100 + (i % 4) * 50 })));
  const dir = app => `kubernetes/apps/${app.ns}/${app.name}`;
  const fi = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: gitDir, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve, reject) => {
    fi.on('error', reject);
    fi.on('close', code => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`))));
  });
  const replies = [];
  let pending = '';
  fi.stdout.on('data', b => {
    pending += b.toString();
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      replies.shift()?.(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
    }
  });
  let buffer = '';
  const write = async text => {
    buffer += text;
    if (buffer.length < 1 << 20) return;
    await flush();
  };
  const flush = async () => {
    const chunk = buffer;
    buffer = '';
    if (!fi.stdin.write(chunk)) await new Promise(r => fi.stdin.once('drain', r));
  };
  /** The sha of a mark: fast-import prints it once the commit is written. */
  const shaOf = async mark => {
    const reply = new Promise(r => replies.push(r));
    buffer += `get-mark :${mark}\n`;
    await flush();
    return reply;
  };
  const data = text => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let time = Date.UTC(2024, 0, 1, 8) / 1000;
  let mark = 0;
  let tip = 0;
  let pull = 1;
  /** One commit on `ref` (main by default); returns its mark. */
  const commit = async ({
    author,
    committer = author,
    message,
    files,
    from = tip,
    merge,
    ref = 'refs/heads/main',
    advance = 300 + Math.floor(rand() * 5400)
  }) => {
    time += advance;
    mark++;
    let text = `commit ${ref}\nmark :${mark}\nauthor ${author} ${time} +0000\ncommitter ${committer} ${time} +0000\n${data(message)}`;
    if (from) text += `from :${from}\n`;
    if (merge) text += `merge :${merge}\n`;
    for (const [path, content] of files) text += content === null ? `D ${path}\n` : `M 100644 inline ${path}\n${data(content)}`;
    await write(text + '\n');
    if (ref === 'refs/heads/main') tip = mark;
    return mark;
  };
  const hr = app => [`${dir(app)}/app/helmrelease.yaml`, helmRelease(app)];
  const bump = app => {
    const before = [...app.version];
    app.version = rand() < 0.2 ? [app.version[0], app.version[1] + 1, 0] : [app.version[0], app.version[1], app.version[2] + 1];
    return `fix(container): update image ghcr.io/acme/${app.name} ( ${before.join('.')} → ${app.version.join('.')} )`;
  };

  await commit({
    author: PEOPLE[0],
    message: 'Lay out the fleet\n',
    files: [
      [
        'kubernetes/flux/cluster/ks.yaml',
        fluxKustomization({ ns: '', name: 'cluster-apps' }).replace(/path: .*/, 'path: ./kubernetes/apps')
      ],
      ...apps.flatMap(app => [hr(app), [`${dir(app)}/ks.yaml`, fluxKustomization(app)]])
    ]
  });

  const expected = [];
  const drills = [];
  /** A change worth rolling back, squash-merged or merge-committed. */
  const change = async app => {
    const title = bump(app);
    const number = pull++;
    const parent = tip;
    if (rand() < 0.7) {
      const m = await commit({ author: RENOVATE, committer: GITHUB, message: `${title} (#${number})\n`, files: [hr(app)] });
      return { mark: m, parent, number, title, subject: `${title} (#${number})` };
    }
    const side = await commit({
      author: RENOVATE,
      committer: RENOVATE,
      message: `${title}\n`,
      files: [hr(app)],
      ref: `refs/heads/pr-${number}`,
      advance: 60
    });
    const m = await commit({
      author: PEOPLE[1],
      committer: GITHUB,
      message: `Merge pull request #${number} from acme/renovate/${app.name}\n\n${title}\n`,
      files: [hr(app)],
      merge: side
    });
    return { mark: m, parent, side, number, title, subject: title, merged: true };
  };
  /** git's message for reverting `bad` (a merge is reverted against its first parent). */
  const revertLines = async bad =>
    `This reverts commit ${await shaOf(bad.mark)}${bad.merged ? `, reversing\nchanges made to ${await shaOf(bad.parent)}` : ''}.\n`;
  const found = async (m, kind, reverted, extra = {}) => expected.push({ sha: await shaOf(m), kind, reverted, ...extra });

  for (let i = 1; mark < commits;) {
    const app = pick(apps);
    if (rand() > 0.012 || mark > commits - 12) {
      await change(app);
      i += 1;
      continue;
    }
    // A rollback of a change made just before it.
    const before = [...app.version];
    const bad = await change(app);
    const badSha = await shaOf(bad.mark);
    const back = () => {
      app.version = [...before];
      return [hr(app)];
    };
    const shape = pick([
      'git-revert',
      'git-revert',
      'run',
      'revert-pr-merge',
      'revert-pr-squash',
      'revert-pr-title',
      'gitops-rollback',
      'restore',
      'manual',
      'drill',
      'reapply'
    ]);
    i += bad.merged ? 2 : 1;
    if (shape === 'git-revert') {
      const m = await commit({ author: pick(PEOPLE), message: `Revert "${bad.subject}"\n\n${await revertLines(bad)}`, files: back() });
      await found(m, 'git-revert', [badSha]);
    } else if (shape === 'run') {
      const other = pick(apps.filter(a => a !== app));
      const otherBefore = [...other.version];
      const second = await change(other);
      const person = pick(PEOPLE);
      other.version = otherBefore;
      await commit({
        author: person,
        message: `Revert "${second.subject}"\n\n${await revertLines(second)}`,
        files: [hr(other)],
        advance: 600
      });
      const m = await commit({
        author: person,
        message: `Revert "${bad.subject}"\n\n${await revertLines(bad)}`,
        files: back(),
        advance: 2
      });
      await found(m, 'git-revert', [await shaOf(second.mark), badSha]);
      i += second.merged ? 3 : 2;
    } else if (shape === 'revert-pr-merge') {
      const number = pull++;
      const side = await commit({
        author: pick(PEOPLE),
        message: `Revert "${bad.subject}"\n\n${await revertLines(bad)}`,
        files: back(),
        ref: `refs/heads/revert-${bad.number}`,
        advance: 600
      });
      const m = await commit({
        author: PEOPLE[2],
        committer: GITHUB,
        message: `Merge pull request #${number} from acme/revert-${bad.number}-renovate/${app.name}\n\nRevert "${bad.title}"\n`,
        files: [hr(app)],
        merge: side
      });
      await found(m, 'revert-pr', [badSha]);
      i += 1;
    } else if (shape === 'revert-pr-squash' || shape === 'revert-pr-title') {
      const number = pull++;
      const body = shape === 'revert-pr-squash' ? `\nReverts acme/fleet#${bad.number}\n` : '';
      const m = await commit({
        author: pick(PEOPLE),
        committer: GITHUB,
        message: `Revert "${bad.title}" (#${number})\n${body}`,
        files: back()
      });
      await found(m, 'revert-pr', [badSha]);
    } else if (shape === 'gitops-rollback') {
      const m = await commit({
        author: BOT,
        message: `Revert "${bad.subject}"\n\n${await revertLines(bad)}\nReason: crash loop after the update\n\nIncident: INC-${1000 + i}\nRolled-back-by: ${pick(PEOPLE).split(' <')[0]}\nWorkflow-run: https://github.com/acme/fleet/actions/runs/${10_000 + i}\n`,
        files: back()
      });
      await found(m, 'gitops-rollback', [badSha]);
    } else if (shape === 'restore') {
      const good = await shaOf(bad.parent);
      const m = await commit({
        author: BOT,
        message: `Restore ${dir(app)} to ${good.slice(0, 12)}\n\nRestored to commit ${good}.\n\nRestored paths:\n- ${dir(app)}\n\nRestored-to: ${good}\nIncident: INC-${1000 + i}\n`,
        files: back()
      });
      // The path history of a merged change runs through the pull request's own commit.
      await found(m, 'restore', [bad.merged ? await shaOf(bad.side) : badSha]);
    } else if (shape === 'manual') {
      const m = await commit({ author: pick(PEOPLE), message: `fix(${app.name}): revert to ${before.join('.')}\n`, files: back() });
      await found(m, 'manual', []);
    } else if (shape === 'drill') {
      const d = await commit({
        author: BOT,
        message:
          'Rollback drill: apply drills/bad-image.patch\n\nKnown-bad change, applied on purpose by a rollback drill; the drill reverts it.\n',
        files: [[`${dir(app)}/app/helmrelease.yaml`, helmRelease({ ...app, version: [0, 0, 0] })]]
      });
      const drillSha = await shaOf(d);
      const m = await commit({
        author: BOT,
        message: `Revert "Rollback drill: apply drills/bad-image.patch"\n\nThis reverts commit ${drillSha}.\n\nIncident: drill-${drillSha.slice(0, 12)}\nDrill-time-to-detect: 41.8s\n`,
        files: [hr(app)],
        advance: 240
      });
      drills.push({ sha: await shaOf(m), drillCommit: drillSha });
      i += 2;
      continue;
    } else {
      // Rolled back, then brought back by a revert of the rollback.
      const badVersion = [...app.version];
      const first = await commit({ author: pick(PEOPLE), message: `Revert "${bad.subject}"\n\n${await revertLines(bad)}`, files: back() });
      await found(first, 'git-revert', [badSha], { reapplied: true });
      app.version = badVersion;
      await commit({
        author: pick(PEOPLE),
        message: `Revert "Revert "${bad.subject}""\n\nThis reverts commit ${await shaOf(first)}.\n`,
        files: [hr(app)]
      });
      i += 1;
    }
    i += 1;
  }
  await write('done\n');
  fi.stdin.end(buffer);
  await exited;
  return { expected, drills, commits: mark, apps: apps.length };
}
