import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { Git, GitError } from '../../src/git/git.js';
import { createRepo, type TestRepo } from '../support/repo.js';

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

  it('reads commit messages and reports git failures with git\'s explanation', async () => {
    repo = createRepo();
    const sha = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Add a\n\nBody line');
    const git = await Git.create(repo.work);
    const [info] = await git.commitInfo([sha]);
    expect(info.subject).toBe('Add a');
    expect(info.body).toContain('Body line');
    expect(info.parents).toHaveLength(1);
    await expect(git.exec(['cat-file', '-p', 'deadbeef'])).rejects.toBeInstanceOf(GitError);
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

