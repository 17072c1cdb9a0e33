import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git, GitError } from '../../src/git/git.js';
import { UserError } from '../../src/core/index.js';
import { createRepo, ISOLATED_GIT_ENV, type TestRepo } from '../support/repo.js';

describe('Git wrapper', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('resolves revisions to full commit shas and refuses unknown ones', async () => {
    repo = createRepo();
    const sha = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Add a');
    const git = await Git.create(repo.work);
    expect(await git.resolveCommit('HEAD')).toBe(sha);
    expect(await git.resolveCommit(sha.slice(0, 7))).toBe(sha);
    expect(await git.tryResolveCommit('HEAD^')).toBe(repo.git('rev-parse', 'HEAD^'));
    expect(await git.tryResolveCommit('--exec=true')).toBeUndefined();
    await expect(git.resolveCommit('nope')).rejects.toThrow("Unknown revision 'nope'");
    await expect(git.resolveCommit('nope')).rejects.toBeInstanceOf(UserError);
  });

  it('says what to do when the folder is no repository or git cannot be run', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gitops-rollback-plain-'));
    try {
      const outside = await Git.create(folder, { GIT_CEILING_DIRECTORIES: tmpdir() });
      const notARepository = outside.revList(['HEAD']);
      await expect(notARepository).rejects.toBeInstanceOf(UserError);
      await expect(notARepository).rejects.toThrow(`'${folder}' is not in a git repository`);
      const noGit = await Git.create(folder, { PATH: join(folder, 'nothing-here') });
      await expect(noGit.revList(['HEAD'])).rejects.toBeInstanceOf(UserError);
      await expect(noGit.revList(['HEAD'])).rejects.toThrow(/Could not run git .*Expected git 2\.38 or newer on PATH/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  // git trusts only repositories owned by the user running it; a container job often runs as
  // another user than the one that checked out. Only root can hand a folder to another user.
  (process.getuid?.() === 0 ? it : it.skip)('says how to trust a repository owned by another user (container jobs)', async () => {
    repo = createRepo();
    const home = mkdtempSync(join(tmpdir(), 'gitops-rollback-home-'));
    try {
      execFileSync('chown', ['-R', '12345:12345', repo.work]);
      const git = await Git.create(repo.work, { HOME: home, GIT_CONFIG_NOSYSTEM: '1' });
      const refused = git.revList(['HEAD']);
      await expect(refused).rejects.toBeInstanceOf(UserError);
      await expect(refused).rejects.toThrow(
        `git refuses the repository at '${repo.work}': it belongs to another user than the one running this step`
      );
      await expect(git.revList(['HEAD'])).rejects.toThrow(`git config --global --add safe.directory '${repo.work}'`);
    } finally {
      execFileSync('chown', ['-R', `${process.getuid?.()}:${process.getgid?.()}`, repo.work]);
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('resolves several revisions together, and each on its own when one of them does not resolve', async () => {
    repo = createRepo();
    const first = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Add a');
    const second = repo.commit({ 'a.yaml': 'a: 2\n' }, 'Change a');
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    const git = await Git.create(repo.work);
    expect(await git.tryResolveCommits(['HEAD^', 'HEAD'])).toEqual([first, second]);
    expect(await git.tryResolveCommits(['HEAD', 'HEAD'])).toEqual([second, second]);
    // A missing revision, a tree, a range and an option each resolve to nothing, and never hide the other.
    expect(await git.tryResolveCommits(['nope', 'HEAD'])).toEqual([undefined, second]);
    expect(await git.tryResolveCommits(['HEAD', tree])).toEqual([second, undefined]);
    expect(await git.tryResolveCommits(['HEAD^..HEAD', 'HEAD'])).toEqual([undefined, second]);
    expect(await git.tryResolveCommits(['--exec=true', 'HEAD^'])).toEqual([undefined, first]);
  });

  it("reads commit messages and reports git failures with git's explanation", async () => {
    repo = createRepo();
    const sha = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Add a\n\nBody line');
    const git = await Git.create(repo.work);
    const [info] = await git.commitInfo([sha]);
    expect(info.subject).toBe('Add a');
    expect(info.body).toContain('Body line');
    expect(info.parents).toHaveLength(1);
    await expect(git.treeOf('deadbeef')).rejects.toBeInstanceOf(GitError);
  });

  it('merges as objects only: the merged tree, or the paths in conflict', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const base = repo.git('rev-parse', 'HEAD');
    const ours = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    repo.git('checkout', '-q', '-b', 'other', base);
    const theirs = repo.commit({ 'b.yaml': 'b: 1\n' }, 'Change b');
    const clash = repo.commit({ 'a.yaml': 'a: 2\n' }, 'Change a too');
    const git = await Git.create(repo.work);
    const merged = await git.mergeTree(ours, theirs);
    expect(merged).toEqual({ tree: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(await git.sameContent(ours, clash)).toBe(false);
    expect(await git.mergeTree(ours, clash)).toEqual({ conflicts: ['a.yaml'] });
    expect(await git.tryMergeBase([ours, clash])).toBe(base);
    expect(await git.pathExists(base, 'a.yaml')).toBe(true);
    expect(await git.pathExists(base, 'c.yaml')).toBe(false);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('builds trees in a temporary index, leaving the real index and no folder behind', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const source = repo.git('rev-parse', 'HEAD');
    const tip = repo.commit({ 'a.yaml': 'a: 1\n', 'new.yaml': 'n: 1\n' }, 'Change a, add new');
    const git = await Git.create(repo.work);
    // Temporary folders of this test's own, so none made elsewhere meanwhile are counted.
    const temporary = mkdtempSync(join(tmpdir(), 'gitops-rollback-tmp-'));
    const tmpdirBefore = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    try {
      const tree = await git.withTemporaryIndex(async index => {
        await index.readTree(tip);
        await index.restoreStaged(source, ['a.yaml', 'new.yaml']);
        return index.writeTree();
      });
      // A path missing at the source is removed: the tree is the source's.
      expect(tree).toBe(await git.treeOf(source));
      const patch = await git.binaryPatch(tip, source);
      expect(await git.withTemporaryIndex(async index => (await index.readTree(tip), index.tryApplyReverse(patch)))).toBe(true);
      expect(await git.withTemporaryIndex(async index => (await index.readTree(source), index.tryApplyReverse(patch)))).toBe(false);
      expect(readdirSync(temporary)).toEqual([]);
    } finally {
      if (tmpdirBefore === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdirBefore;
      rmSync(temporary, { recursive: true, force: true });
    }
    expect(await git.hasStagedChanges()).toBe(false);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('fetches, lists and pushes refs of a remote', async () => {
    repo = createRepo();
    const tip = repo.git('rev-parse', 'HEAD');
    const clone = repo.clone('clone', '--depth=1', '--branch=main');
    const git = await Git.create(clone, ISOLATED_GIT_ENV);
    expect(await git.lsRemote('origin', 'refs/heads/main')).toBe(tip);
    expect(await git.lsRemote('origin', 'refs/heads/nope')).toBeUndefined();
    expect(await git.tryFetch('origin', ['+refs/heads/nope:refs/remotes/origin/nope'], { depth: 1 })).toBe(false);
    const missing = git.fetch('origin', ['+refs/heads/nope:refs/remotes/origin/nope']);
    await expect(missing).rejects.toBeInstanceOf(GitError);
    await expect(missing).rejects.toThrow(/couldn't find remote ref/);
    await git.fetch('origin', ['+refs/heads/main:refs/remotes/origin/main'], { depth: 'unshallow' });
    expect(await git.isShallow()).toBe(false);
    expect(await git.push('origin', tip, 'refs/heads/copy', { lease: '' })).toMatchObject({ pushed: true });
    const identity = {
      GIT_AUTHOR_NAME: 'Ops',
      GIT_AUTHOR_EMAIL: 'ops@example.com',
      GIT_COMMITTER_NAME: 'Ops',
      GIT_COMMITTER_EMAIL: 'ops@example.com'
    };
    const next = await git.commitTree(await git.treeOf(tip), [tip], 'Next\n', identity);
    // The lease says 'copy' must not exist yet: it does now.
    const refused = await git.push('origin', next, 'refs/heads/copy', { lease: '' });
    expect(refused.pushed).toBe(false);
    expect(refused.stdout).toMatch(/\[rejected\]/);
    expect(await git.tryCommitterIdentity()).toBeUndefined();
    const named = await Git.create(clone, { ...ISOLATED_GIT_ENV, GIT_COMMITTER_NAME: 'Ops', GIT_COMMITTER_EMAIL: 'ops@example.com' });
    expect(await named.tryCommitterIdentity()).toBe('Ops <ops@example.com>');
  });

  it('finds the shallow boundary from the top folder, a subfolder, a linked worktree and through GIT_DIR alike', async () => {
    repo = createRepo({ 'apps/a.yaml': 'a: 0\n' });
    repo.commit({ 'apps/a.yaml': 'a: 1\n' }, 'Change a');
    repo.push();
    const shallow = repo.clone('shallow', '--depth=1', '--branch=main');
    const tip = repo.git('rev-parse', 'HEAD');
    const linked = `${shallow}-linked`;
    execFileSync('git', ['worktree', 'add', '--quiet', '--detach', linked], { cwd: shallow });
    for (const dir of [shallow, `${shallow}/apps`, linked]) {
      const git = await Git.create(dir);
      expect([...(await git.shallowCommits())]).toEqual([tip]);
    }
    // GIT_DIR names another repository than the folder's own `.git`: git must be asked.
    const elsewhere = await Git.create(repo.work, { GIT_DIR: `${shallow}/.git`, GIT_WORK_TREE: shallow });
    expect([...(await elsewhere.shallowCommits())]).toEqual([tip]);
    const full = await Git.create(repo.work);
    expect(await full.isShallow()).toBe(false);
    expect(await full.tryResolveCommit(tip)).toBe(tip);
  });
});
