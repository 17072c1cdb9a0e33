import { afterEach, describe, expect, it } from '@jest/globals';
import { createRepo, git, type TestRepo } from '../support/repo.js';
import { rollback } from '../support/engine.js';

describe('restore paths to a known-good commit', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());
  const tree = (rev: string, path: string) => git(repo.origin, 'ls-tree', '-r', '--format=%(objectname) %(path)', rev, '--', path);

  it('makes the paths byte-identical to restore-to: added files removed, deleted files back, others untouched', async () => {
    repo = createRepo({
      'apps/podinfo/deploy.yaml': 'image: 6.0.0\n',
      'apps/podinfo/old.yaml': 'kind: ConfigMap\n',
      'apps/other/deploy.yaml': 'image: 1.0.0\n'
    });
    const good = repo.git('rev-parse', 'HEAD');
    const bad = repo.commit(
      { 'apps/podinfo/deploy.yaml': 'image: 6.1.0\n', 'apps/podinfo/old.yaml': null, 'apps/podinfo/new.yaml': 'kind: Secret\n' },
      'Rework podinfo'
    );
    repo.commit({ 'apps/other/deploy.yaml': 'image: 2.0.0\n' }, 'Bump other');
    repo.push();
    const result = await rollback(repo.work, { restorePaths: ['./apps/podinfo/'], restoreTo: `${bad.slice(0, 8)}^`, incident: 'INC-9' });
    expect(result.operation).toBe('pushed');
    expect(result.restoredTo).toBe(good);
    expect(result.revertedCommits).toEqual([{ sha: bad, subject: 'Rework podinfo' }]);
    expect(tree('main', 'apps/podinfo')).toBe(tree(good, 'apps/podinfo'));
    expect(git(repo.origin, 'show', 'main:apps/other/deploy.yaml')).toBe('image: 2.0.0');
    const message = git(repo.origin, 'log', '-1', '--format=%B', 'main');
    expect(message).toContain(`Restore apps/podinfo to ${good.slice(0, 12)}`);
    expect(message).toContain(`Restored to commit ${good}.`);
    expect(message).toContain(`- ${bad.slice(0, 12)} Rework podinfo`);
    expect(message).toMatch(/Incident: INC-9$/);
    expect(git(repo.origin, 'log', '-1', '--format=%(trailers:key=Restored-to,valueonly)', 'main')).toBe(good);
  });

  it('restores a path that exists only at restore-to, and removes one that exists only at the tip', async () => {
    repo = createRepo({ 'keep.yaml': 'k: 1\n', 'gone.yaml': 'g: 1\n' });
    const good = repo.git('rev-parse', 'HEAD');
    repo.commit({ 'gone.yaml': null, 'added.yaml': 'a: 1\n' }, 'churn');
    repo.push();
    await rollback(repo.work, { restorePaths: ['gone.yaml', 'added.yaml'], restoreTo: good });
    expect(git(repo.origin, 'show', 'main:gone.yaml')).toBe('g: 1');
    expect(() => git(repo.origin, 'show', 'main:added.yaml')).toThrow();
  });

  it('refuses a path that exists nowhere and a restore-to outside the branch', async () => {
    repo = createRepo({ 'a.yaml': 'a: 1\n' });
    repo.git('checkout', '-q', '-b', 'side');
    const side = repo.commit({ 'a.yaml': 'a: 2\n' }, 'side');
    repo.git('checkout', '-q', 'main');
    await expect(rollback(repo.work, { restorePaths: ['nope'], restoreTo: 'HEAD' })).rejects.toThrow(
      "Path 'nope' exists neither at restore-to 'HEAD' nor at the tip of 'main'"
    );
    await expect(rollback(repo.work, { restorePaths: ['a.yaml'], restoreTo: side })).rejects.toThrow(
      `restore-to ${side} is not in the history of target branch 'main'`
    );
  });

  it('is none when the paths already match', async () => {
    repo = createRepo({ 'a.yaml': 'a: 1\n' });
    const result = await rollback(repo.work, { restorePaths: ['a.yaml'], restoreTo: 'HEAD' });
    expect(result.operation).toBe('none');
  });
});
