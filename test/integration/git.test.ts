import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git, GitError } from '../../src/git/git.js';
import { UserError } from '../../src/rollback/types.js';
import { createRepo, recordGitCommands, type TestRepo } from '../support/repo.js';

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

  it('resolves several revisions with one call, and each on its own when one of them does not resolve', async () => {
    repo = createRepo();
    const first = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Add a');
    const second = repo.commit({ 'a.yaml': 'a: 2\n' }, 'Change a');
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    const git = await Git.create(repo.work);
    const calls = recordGitCommands(git);
    expect(await git.tryResolveCommits(['HEAD^', 'HEAD'])).toEqual([first, second]);
    expect(calls).toHaveLength(1);
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

