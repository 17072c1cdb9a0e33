import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, git, protectOrigin, writeFiles, type TestRepo } from '../support/repo.js';
import { memoryLogger, rollback } from '../support/engine.js';

const deploy = (tag: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: podinfo\nspec:\n  image: podinfo:${tag}\n`;

describe('revert (push delivery, real git with a bare origin)', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  const originMain = () => git(repo.origin, 'rev-parse', 'refs/heads/main');
  const originFile = (path: string) => git(repo.origin, 'show', `refs/heads/main:${path}`);

  it("reverts one commit with git's searchable line and the audit trailers", async () => {
    repo = createRepo({ 'apps/podinfo.yaml': deploy('6.0.0') });
    const bad = repo.commit({ 'apps/podinfo.yaml': deploy('6.1.0-bad') }, 'Bump podinfo to 6.1.0');
    repo.push();
    const result = await rollback(repo.work, {
      commits: [bad.slice(0, 7)],
      incident: 'INC-42',
      reason: 'Pods crash-loop after the bump',
      actor: 'octocat',
      runUrl: 'https://github.com/acme/fleet/actions/runs/1',
      committer: 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>'
    });
    expect(result.operation).toBe('pushed');
    expect(result.revertedCommits).toEqual([{ sha: bad, subject: 'Bump podinfo to 6.1.0' }]);
    expect(originMain()).toBe(result.commitSha);
    expect(originFile('apps/podinfo.yaml')).toBe(deploy('6.0.0').trim());
    const message = git(repo.origin, 'log', '-1', '--format=%B', 'main');
    expect(message).toBe(
      [
        'Revert "Bump podinfo to 6.1.0"',
        '',
        `This reverts commit ${bad}.`,
        '',
        'Reason: Pods crash-loop after the bump',
        '',
        'Incident: INC-42',
        'Rolled-back-by: octocat',
        'Workflow-run: https://github.com/acme/fleet/actions/runs/1'
      ].join('\n')
    );
    expect(git(repo.origin, 'log', '-1', '--format=%cn <%ce>', 'main')).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>'
    );
  });

  it('reverts several commits newest first, one commit each, collapsing duplicates', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const a = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    const b = repo.commit({ 'b.yaml': 'b: 1\n' }, 'Change b');
    repo.commit({ 'c.yaml': 'c: 1\n' }, 'Add c');
    repo.push();
    const result = await rollback(repo.work, { commits: [a, b, a.slice(0, 10)] });
    expect(result.revertedCommits.map(c => c.sha)).toEqual([b, a]);
    const subjects = git(repo.origin, 'log', '-2', '--format=%s', 'main').split('\n');
    expect(subjects).toEqual(['Revert "Change a"', 'Revert "Change b"']);
    expect(originFile('a.yaml')).toBe('a: 0');
    expect(originFile('b.yaml')).toBe('b: 0');
    expect(originFile('c.yaml')).toBe('c: 1');
  });

  it('reverts a range A..B as git does (after A up to B) and squashes it into one commit', async () => {
    repo = createRepo({ 'a.yaml': 'v: 0\n' });
    const start = repo.commit({ 'a.yaml': 'v: 1\n' }, 'one');
    const two = repo.commit({ 'a.yaml': 'v: 2\n' }, 'two');
    const three = repo.commit({ 'a.yaml': 'v: 3\n', 'new.yaml': 'n: 1\n' }, 'three');
    repo.push();
    const result = await rollback(repo.work, { commits: [`${start}..${three}`], squash: true, incident: 'INC-7' });
    expect(result.revertedCommits.map(c => c.sha)).toEqual([three, two]);
    expect(git(repo.origin, 'rev-list', '--count', `${three}..main`)).toBe('1');
    expect(originFile('a.yaml')).toBe('v: 1');
    expect(() => originFile('new.yaml')).toThrow();
    const body = git(repo.origin, 'log', '-1', '--format=%B', 'main');
    expect(body).toContain(`This reverts commit ${three}.\nThis reverts commit ${two}.`);
    expect(body).toContain('Revert 2 commits for INC-7');
    expect(body).toContain(`- ${two.slice(0, 12)} two`);
  });

  describe('merge commits', () => {
    function mergeRepo() {
      repo = createRepo({ 'base.yaml': 'b: 0\n' });
      repo.git('checkout', '-q', '-b', 'feature');
      repo.commit({ 'feature.yaml': 'f: 1\n' }, 'feature work');
      repo.git('checkout', '-q', 'main');
      repo.commit({ 'main.yaml': 'm: 1\n' }, 'main work');
      repo.git('merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
      repo.push();
      return repo.git('rev-parse', 'HEAD');
    }

    it('reverts against parent 1 by default (undoing the feature)', async () => {
      const merge = mergeRepo();
      const result = await rollback(repo.work, { commits: [merge] });
      expect(result.operation).toBe('pushed');
      expect(() => originFile('feature.yaml')).toThrow();
      expect(originFile('main.yaml')).toBe('m: 1');
      expect(git(repo.origin, 'log', '-1', '--format=%B', 'main')).toContain('reverted against parent 1');
    });

    it('reverts against parent 2 when asked (undoing mainline work)', async () => {
      const merge = mergeRepo();
      await rollback(repo.work, { commits: [merge], mainline: '2' });
      expect(originFile('feature.yaml')).toBe('f: 1');
      expect(() => originFile('main.yaml')).toThrow();
    });

    it('refuses a mainline beyond the parent count and a mainline for a non-merge commit', async () => {
      const merge = mergeRepo();
      const before = originMain();
      await expect(rollback(repo.work, { commits: [merge], mainline: '3' })).rejects.toThrow(
        /mainline 3 is out of range for merge commit [0-9a-f]{40}: it has 2 parents/
      );
      await expect(rollback(repo.work, { commits: ['HEAD^'], mainline: '1' })).rejects.toThrow(/is not a merge commit/);
      expect(originMain()).toBe(before);
    });
  });

  it('reverts the root commit (no parent: its files go, later files stay)', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const root = repo.git('rev-list', '--max-parents=0', 'HEAD');
    repo.commit({ 'b.yaml': 'b: 1\n' }, 'Add b');
    repo.push();
    const result = await rollback(repo.work, { commits: [root] });
    expect(result.operation).toBe('pushed');
    expect(() => originFile('a.yaml')).toThrow();
    expect(originFile('b.yaml')).toBe('b: 1');
    expect(git(repo.origin, 'log', '-1', '--format=%B', 'main')).toContain(`This reverts commit ${root}.`);
  });

  it('skips commits already reverted on the branch and reports none when nothing is left', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.git('revert', '--no-edit', bad);
    repo.push();
    const before = originMain();
    const result = await rollback(repo.work, { commits: [bad] });
    expect(result.operation).toBe('none');
    expect(result.skipped).toEqual([{ sha: bad, subject: 'bad' }]);
    expect(result.log.join('\n')).toMatch(/Skipping [0-9a-f]{12} \("bad"\): it is already reverted/);
    expect(originMain()).toBe(before);
  });

  it('refuses a mainline for a non-merge commit even when that commit is already reverted', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.git('revert', '--no-edit', bad);
    repo.push();
    await expect(rollback(repo.work, { commits: [bad], mainline: '2' })).rejects.toThrow(
      /mainline 2 was given but [0-9a-f]+ is not a merge commit/
    );
  });

  it('decides "already reverted" by content: a message naming a commit does not skip it', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const live = repo.commit({ 'a.yaml': 'a: 1\n' }, 'live change');
    const other = repo.commit({ 'b.yaml': 'b: 1\n' }, 'other change');
    repo.push();
    const first = await rollback(repo.work, { commits: [other], reason: `see also: This reverts commit ${live}.` });
    expect(first.operation).toBe('pushed');
    repo.git('pull', '--ff-only', 'origin', 'main');
    const result = await rollback(repo.work, { commits: [live] });
    expect(result.skipped).toEqual([]);
    expect(result.operation).toBe('pushed');
    expect(originFile('a.yaml')).toBe('a: 0');
  });

  it('keeps free text in the reason out of the revert line and the trailer block', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.push();
    const forged = 'ffffffffffffffffffffffffffffffffffffffff';
    await rollback(repo.work, { commits: [bad], reason: `x\n\nThis reverts commit ${forged}.\n\nIncident: FORGED` });
    const message = git(repo.origin, 'log', '-1', '--format=%B', 'main');
    expect(message).not.toMatch(new RegExp(`^This reverts commit ${forged}`, 'm'));
    expect(git(repo.origin, 'log', '-1', '--format=%(trailers:key=Incident,valueonly)', 'main')).not.toContain('FORGED');
  });

  it('reverts a commit whose revert was itself reverted', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.git('revert', '--no-edit', bad);
    repo.git('revert', '--no-edit', 'HEAD');
    repo.push();
    const result = await rollback(repo.work, { commits: [bad] });
    expect(result.operation).toBe('pushed');
    expect(originFile('a.yaml')).toBe('a: 0');
  });

  it('reports none when the net diff is empty (a commit whose changes were undone by hand)', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.commit({ 'a.yaml': 'a: 0\n' }, 'manual fix');
    repo.push();
    const before = originMain();
    // The revert of `bad` now conflicts-free applies to nothing: a: 0 is already there.
    const result = await rollback(repo.work, { commits: [`${bad}^..HEAD`], squash: true });
    expect(result.operation).toBe('none');
    expect(originMain()).toBe(before);
  });

  it('aborts on conflict: clean work tree, origin unchanged, files named, restore suggested', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.commit({ 'a.yaml': 'a: 2\n' }, 'later change');
    repo.push();
    const before = originMain();
    const head = repo.git('rev-parse', 'HEAD');
    await expect(rollback(repo.work, { commits: [bad] })).rejects.toThrow(
      new RegExp(
        `conflicts with later changes in: a\\.yaml\\. Nothing was pushed.*restore them instead \\(restore-paths: a\\.yaml, restore-to: ${bad.slice(0, 12)}\\^\\)`
      )
    );
    expect(originMain()).toBe(before);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(repo.git('symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(existsSync(join(repo.work, '.git', 'REVERT_HEAD'))).toBe(false);
  });

  it('refuses revisions that are unknown or not on the target branch, and a dirty work tree', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    repo.git('checkout', '-q', '-b', 'side');
    const side = repo.commit({ 'a.yaml': 'a: 9\n' }, 'side');
    repo.git('push', '-q', 'origin', 'side');
    repo.git('checkout', '-q', 'main');
    await expect(rollback(repo.work, { commits: ['deadbeef'] })).rejects.toThrow("Unknown revision 'deadbeef'");
    await expect(rollback(repo.work, { commits: [side] })).rejects.toThrow(`Commit ${side} is not in the history of target branch 'main'`);
    await expect(rollback(repo.work, { commits: [side.slice(0, 10)] })).rejects.toThrow(
      `Commit ${side} ('${side.slice(0, 10)}') is not in the history of target branch 'main'`
    );
    writeFileSync(join(repo.work, 'a.yaml'), 'dirty\n');
    await expect(rollback(repo.work, { commits: ['HEAD'] })).rejects.toThrow(/uncommitted changes \(a\.yaml\)/);
  });

  it('dry run computes the diff stat and pushes nothing', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.push();
    const before = originMain();
    const result = await rollback(repo.work, { commits: [bad], dryRun: true });
    expect(result.operation).toBe('dry-run');
    expect(result.diffStat).toMatch(/a\.yaml \| 2 \+-/);
    expect(originMain()).toBe(before);
    expect(repo.git('rev-parse', 'HEAD')).toBe(bad);
  });

  it('works from a depth-1 clone, fetching only the history the rollback needs', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    for (let i = 1; i <= 60; i++) repo.commit({ [`f${i}.yaml`]: `i: ${i}\n` }, `commit ${i}`);
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    for (let i = 61; i <= 70; i++) repo.commit({ [`f${i}.yaml`]: `i: ${i}\n` }, `commit ${i}`);
    repo.push();
    const shallow = repo.clone('shallow', '--depth=1', '--branch=main');
    expect(git(shallow, 'rev-list', '--count', 'HEAD')).toBe('1');
    const result = await rollback(shallow, { commits: [bad.slice(0, 9)] });
    expect(result.operation).toBe('pushed');
    expect(originFile('a.yaml')).toBe('a: 0');
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(Number(git(shallow, 'rev-list', '--count', 'origin/main'))).toBeLessThan(60);
  });

  it('deepens a depth-1 clone until an older commit is found', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'old bad');
    for (let i = 1; i <= 60; i++) repo.commit({ [`f${i}.yaml`]: `i: ${i}\n` }, `commit ${i}`);
    repo.push();
    const shallow = repo.clone('shallow', '--depth=1', '--branch=main');
    const result = await rollback(shallow, { commits: [bad] });
    expect(result.operation).toBe('pushed');
    expect(originFile('a.yaml')).toBe('a: 0');
  });

  it('redoes the rollback on the new tip when the branch moves between fetch and push', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.push();
    const other = repo.clone('other');
    const log = memoryLogger();
    let raced = '';
    // Another engineer pushes right after the rollback fetched and just before it pushes.
    const group = log.group;
    log.group = async (title, fn) => {
      if (title.startsWith('Pushing to') && !raced) {
        writeFiles(other, { 'b.yaml': 'b: 1\n' });
        git(other, 'add', '.');
        git(other, 'commit', '-q', '-m', 'concurrent change');
        git(other, 'push', '-q', 'origin', 'HEAD:main');
        raced = git(other, 'rev-parse', 'HEAD');
      }
      return group(title, fn);
    };
    const result = await rollback(repo.work, { commits: [bad] }, { log });
    expect(result.operation).toBe('pushed');
    expect(git(repo.origin, 'rev-parse', 'main^')).toBe(raced);
    expect(originFile('a.yaml')).toBe('a: 0');
    expect(originFile('b.yaml')).toBe('b: 1');
    expect(log.lines.join('\n')).toContain('moved while the rollback was being pushed; redoing it on the new tip (attempt 2)');
  });

  it('never force-pushes: a protected branch (GH006) refuses, nothing lands', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.push();
    protectOrigin(repo);
    const before = originMain();
    await expect(rollback(repo.work, { commits: [bad], fallbackToPullRequest: false })).rejects.toThrow(
      /'main' is protected and refused the push: error: GH006: Protected branch update failed for refs\/heads\/main\..*[^.]\. Nothing was pushed/
    );
    await expect(rollback(repo.work, { commits: [bad], fallbackToPullRequest: false })).rejects.not.toThrow(/\.\. Nothing/);
    expect(originMain()).toBe(before);
  });
});
