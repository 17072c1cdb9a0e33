import { afterEach, describe, expect, it } from '@jest/globals';
import { Git } from '../../src/git/git.js';
import { analyzeChange } from '../../src/hazards/index.js';
import { checkWithGit } from '../../src/safety-check/check.js';
import { memoryLogger, rollback } from '../support/engine.js';
import { claim, createFleetRepo, crd, fluxKustomization } from '../support/fleet.js';
import { createRepo, git, ISOLATED_GIT_ENV, recordGitCommands, type TestRepo } from '../support/repo.js';

// How many git processes the work takes: what the behaviour tests leave out, as the answers do
// not depend on it.
describe('git calls', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  /** The names of each `git cat-file --batch` the wrapper starts from now on. */
  const recordBatches = (wrapper: Git): string[][] => {
    const batches: string[][] = [];
    const catFileBatch = wrapper.catFileBatch.bind(wrapper);
    wrapper.catFileBatch = (names, onObject, options) => {
      batches.push([...names]);
      return catFileBatch(names, onObject, options);
    };
    return batches;
  };

  /** A safety check of `base...head` with the default configuration. */
  const checkOptions = (base: string, head: string) => ({
    base,
    head,
    paths: [],
    exclude: [],
    failOn: 'error' as const,
    acknowledged: false,
    configPath: '.github/rollback-safety.yml'
  });

  it('resolves several revisions with one git call', async () => {
    repo = createRepo();
    const first = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Add a');
    const second = repo.commit({ 'a.yaml': 'a: 2\n' }, 'Change a');
    const git = await Git.create(repo.work);
    const calls = recordGitCommands(git);
    expect(await git.tryResolveCommits(['HEAD^', 'HEAD'])).toEqual([first, second]);
    expect(calls).toHaveLength(1);
  });

  it('lists the change of a safety check once, and the base tree at most once', async () => {
    repo = createFleetRepo();
    repo.commit({ 'infrastructure/redis/pvc.yaml': claim('redis-data', '8Gi') }, 'Add a claim');
    repo.push();
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.commit(
      { 'infrastructure/crds/widgets.yaml': crd('widgets'), 'infrastructure/redis/pvc.yaml': claim('redis-data', '16Gi') },
      'Widgets and more redis'
    );
    const head = repo.git('rev-parse', 'HEAD');
    repo.git('push', '-q', 'origin', 'pr');
    const git = await Git.create(repo.clone('checkout', '--depth=1', '--branch=main'), ISOLATED_GIT_ENV);
    const calls = recordGitCommands(git);
    const result = await checkWithGit(git, 'origin', checkOptions(base, head), memoryLogger());
    expect(result.verdict.findings.map(f => f.rule)).toEqual(['pvc-expand', 'crd-create']);
    expect(
      calls
        .map(args => args[0])
        .filter(c => c === 'diff' || c === 'ls-tree')
        .sort()
    ).toEqual(['diff', 'ls-tree']);
  });

  it('checks a pull request whose base branch moved on with one rev-parse: the merge base is known to be a commit', async () => {
    repo = createRepo({ 'apps/a.yaml': claim('a', '1Gi', 'apps') });
    const fork = repo.git('rev-parse', 'HEAD');
    const base = repo.commit({ 'apps/b.yaml': claim('b', '1Gi', 'apps') }, 'Main moves on');
    repo.git('checkout', '-q', '-b', 'pr', fork);
    const head = repo.commit({ 'apps/a.yaml': claim('a', '2Gi', 'apps') }, 'Grow a');
    const git = await Git.create(repo.work, ISOLATED_GIT_ENV);
    const calls = recordGitCommands(git);
    const result = await checkWithGit(git, 'origin', checkOptions(base, head), memoryLogger());
    expect(result.from).toBe(fork);
    expect(result.verdict.findings.map(f => f.rule)).toEqual(['pvc-expand']);
    expect(calls.map(args => args[0]).filter(command => command === 'rev-parse' || command === 'merge-base')).toEqual([
      'rev-parse',
      'merge-base'
    ]);
  });

  it('reads what a moved Flux Kustomization builds in one git process per folder, not one per file', async () => {
    // The same claims in both folders, grown in the new one: the same objects, other files.
    const app = (folder: string, size: string) =>
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`${folder}/claim-${i}.yaml`, claim(`data-${i}`, size, 'db')]));
    repo = createRepo({
      'clusters/prod/flux-system/gotk-sync.yaml': fluxKustomization('flux-system', './clusters/prod'),
      'clusters/prod/db.yaml': fluxKustomization('db', './apps/db'),
      ...app('apps/db', '1Gi'),
      ...app('apps/db-v2', '2Gi')
    });
    const moved = repo.commit({ 'clusters/prod/db.yaml': fluxKustomization('db', './apps/db-v2') }, 'Move db to its new folder');
    const wrapper = await Git.create(repo.work);
    const batches = recordBatches(wrapper);
    const result = await analyzeChange(wrapper, `${moved}~1`, moved);
    expect(result.findings.map(f => `${f.rule} ${f.severity}`)).toEqual(['flux-kustomization-retarget notice']);
    // The change, the context, the Kustomization at each side, and each side's folder (empty
    // batches start no process): 45 batches when each file of the folders was read on its own.
    expect(batches.filter(names => names.length > 0)).toHaveLength(6);
  });

  it("weighs a finding with each revision's tree listed once and each build file read once for both", async () => {
    const build = (...resources: string[]) =>
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${resources.map(r => `  - ${r}\n`).join('')}`;
    const apps = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [
        [`apps/app-${i}/kustomization.yaml`, build('claim.yaml')],
        [`apps/app-${i}/claim.yaml`, claim(`app-${i}`, '1Gi', `app-${i}`)]
      ]).flat()
    );
    repo = createRepo({
      'clusters/prod/flux-system/gotk-sync.yaml': fluxKustomization('flux-system', './clusters/prod'),
      'clusters/prod/apps.yaml': fluxKustomization('apps', './apps/prod'),
      'apps/prod/kustomization.yaml': build(...Array.from({ length: 10 }, (_, i) => `../app-${i}`)),
      ...apps
    });
    const base = repo.git('rev-parse', 'HEAD');
    const moved = repo.commit(
      {
        'clusters/prod/apps.yaml': fluxKustomization('apps', './apps/production'),
        'apps/prod/kustomization.yaml': null,
        'apps/production/kustomization.yaml': build(...Array.from({ length: 10 }, (_, i) => `../app-${i}`))
      },
      'Rename the folder'
    );
    const wrapper = await Git.create(repo.work);
    const calls = recordGitCommands(wrapper);
    const batches = recordBatches(wrapper);
    const result = await checkWithGit(wrapper, 'origin', checkOptions(base, moved), memoryLogger());
    expect(result.verdict.findings.map(f => `${f.rule} ${f.severity}`)).toEqual(['flux-kustomization-retarget notice']);
    expect(calls.filter(args => args[0] === 'ls-tree')).toHaveLength(2);
    // Once by the search for patches, once for both trees' builds (three times when each tree read its own).
    const buildFile = repo.git('rev-parse', `${base}:apps/app-0/kustomization.yaml`);
    expect(batches.flat().filter(name => name === buildFile)).toHaveLength(2);
  });

  it('finds a moved Flux Kustomization among the deleted files in one read, without listing the change again', async () => {
    const app = (folder: string) =>
      Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`${folder}/claim-${i}.yaml`, claim(`data-${i}`, '1Gi', 'db')]));
    const old = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`clusters/prod/a-old/${i}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`])
    );
    repo = createRepo({
      'clusters/prod/flux-system/gotk-sync.yaml': fluxKustomization('flux-system', './clusters/prod'),
      'clusters/prod/db.yaml': fluxKustomization('db', './apps/db'),
      ...old,
      ...app('apps/db')
    });
    // The Kustomization moves with its folder; 20 files the change deletes come before it.
    const moved = repo.commit(
      {
        ...Object.fromEntries(Object.keys(old).map(path => [path, null])),
        'clusters/prod/db.yaml': null,
        'clusters/prod/z/db.yaml': fluxKustomization('db', './apps/database'),
        ...Object.fromEntries(Object.keys(app('apps/db')).map(path => [path, null])),
        ...app('apps/database')
      },
      'Move db to its new folder'
    );
    const wrapper = await Git.create(repo.work);
    const calls = recordGitCommands(wrapper);
    const batches = recordBatches(wrapper);
    const result = await analyzeChange(wrapper, `${moved}~1`, moved);
    expect(result.findings.filter(f => f.rule === 'flux-kustomization-retarget').map(f => f.severity)).toEqual(['notice']);
    expect(calls.filter(args => args[0] === 'diff')).toHaveLength(1);
    // One git process per file searched made 21 of one name each.
    expect(batches.filter(names => names.length === 1).length).toBeLessThanOrEqual(3);
  });

  /** A history of `below` commits above a bad one, and a depth-1 clone of it. */
  function historyWithBadCommit(below: number): { bad: string; clone: string } {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    // One commit a minute, as the dates decide how far a fetch by date reaches.
    let minute = 0;
    const commit = (files: Record<string, string>, message: string) => {
      process.env.GIT_COMMITTER_DATE = `@${1_700_000_000 + 60 * ++minute} +0000`;
      try {
        return repo.commit(files, message);
      } finally {
        delete process.env.GIT_COMMITTER_DATE;
      }
    };
    for (let i = 0; i < 30; i++) commit({ [`old/${i}.yaml`]: `i: ${i}\n` }, `old ${i}`);
    const bad = commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    for (let i = 0; i < below; i++) commit({ [`new/${i}.yaml`]: `i: ${i}\n` }, `new ${i}`);
    repo.push();
    git(repo.origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
    return { bad, clone: repo.clone('clone', '--depth=1', '--branch=main') };
  }

  it('reverts a recent commit from a depth-1 clone with one fetch of a few commits', async () => {
    const { bad, clone } = historyWithBadCommit(3);
    const wrapper = await Git.create(clone, ISOLATED_GIT_ENV);
    const calls = recordGitCommands(wrapper);
    const result = await rollback(clone, { commits: [bad], dryRun: true }, { git: wrapper });
    expect(result.revertedCommits.map(c => c.sha)).toEqual([bad]);
    expect(calls.filter(args => args[0] === 'fetch')).toEqual([
      ['fetch', '--quiet', '--no-tags', '--depth=10', 'origin', '+refs/heads/main:refs/remotes/origin/main']
    ]);
    expect(git(clone, 'rev-list', '--count', 'origin/main')).toBe('10');
  });

  it('reaches an older commit by its sha and date: three fetches, about as deep as the commit', async () => {
    const { bad, clone } = historyWithBadCommit(20);
    const wrapper = await Git.create(clone, ISOLATED_GIT_ENV);
    const calls = recordGitCommands(wrapper);
    const result = await rollback(clone, { commits: [bad], dryRun: true }, { git: wrapper });
    expect(result.revertedCommits.map(c => c.sha)).toEqual([bad]);
    const fetches = calls.filter(args => args[0] === 'fetch');
    expect(fetches.map(args => args.find(a => a.startsWith('--') && a !== '--quiet' && a !== '--no-tags'))).toEqual([
      '--depth=10',
      '--depth=2',
      expect.stringMatching(/^--shallow-since=@\d+$/)
    ]);
    expect(fetches[1].slice(-1)).toEqual([bad]);
    // The 20 commits above the bad one, the bad one and its parent: what `git fetch --depth=22` brings.
    expect(git(clone, 'rev-list', '--count', 'origin/main')).toBe('22');
  });
});
