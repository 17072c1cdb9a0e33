import { afterEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideFailingCommits, type FailingCommitsDecision } from '../../src/flux/failing-commits.js';
import { lastHealthyRevision } from '../../src/flux/last-healthy.js';
import { Git } from '../../src/git/git.js';
import { createGitHubClient } from '../../src/github/client.js';
import { rollback, TEST_COMMITTER } from '../support/engine.js';
import { parseIdentity } from '../../src/rollback/validate.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { createRepo, git, ISOLATED_GIT_ENV, type TestRepo } from '../support/repo.js';

const CONTEXT = 'kustomization/apps/0c9c2e41';

describe('decideFailingCommits on a real repository with a bare origin', () => {
  let repo: TestRepo;
  let fake: FakeGitHub | undefined;
  afterEach(async () => {
    repo?.cleanup();
    await fake?.close();
    fake = undefined;
  });

  /** Fetches origin and decides against its main, as the action does after fetching the target. */
  async function decide(failing: string, lastHealthy?: string, maxCommits?: number): Promise<FailingCommitsDecision> {
    repo.git('fetch', '--quiet', 'origin');
    const tip = repo.git('rev-parse', 'origin/main');
    return decideFailingCommits({
      git: await Git.create(repo.work, ISOLATED_GIT_ENV),
      branch: 'main',
      tip,
      failing,
      lastHealthy,
      maxCommits
    });
  }

  it('reverts the first-parent commits after the last healthy revision, found from Flux statuses', async () => {
    repo = createRepo({ 'apps/a.yaml': 'a: 0\n', 'apps/b.yaml': 'b: 0\n' });
    const broken = repo.commit({ 'apps/a.yaml': 'a: broken\n' }, 'Break a');
    const healthy = repo.commit({ 'apps/a.yaml': 'a: 1\n' }, 'Fix a');
    const one = repo.commit({ 'apps/a.yaml': 'a: 2\n' }, 'Bump a');
    const failing = repo.commit({ 'apps/b.yaml': 'b: 2\n' }, 'Bump b');
    repo.push();
    fake = await startFakeGitHub({ owner: 'acme', repo: 'fleet' });
    fake.addStatus(broken, { context: CONTEXT, state: 'failure' });
    fake.addStatus(healthy, { context: CONTEXT, state: 'failure' });
    fake.addStatus(healthy, { context: CONTEXT, state: 'success' });
    fake.addStatus(one, { context: 'ci/build', state: 'success' });
    fake.addStatus(failing, { context: CONTEXT, state: 'failure' });
    const client = createGitHubClient({ token: 't', baseUrl: fake.url, retries: 0, retryDelayMs: 1, paceWrites: false });
    const gitw = await Git.create(repo.work, ISOLATED_GIT_ENV);

    const found = await lastHealthyRevision(client, { owner: 'acme', repo: 'fleet' }, gitw, failing);
    expect(found).toEqual({ sha: healthy, context: CONTEXT });
    expect(await lastHealthyRevision(client, { owner: 'acme', repo: 'fleet' }, gitw, failing, 'helmrelease/*')).toBeUndefined();
    expect(await lastHealthyRevision(client, { owner: 'acme', repo: 'fleet' }, gitw, failing, CONTEXT, 1)).toBeUndefined();

    const decision = await decide(failing, found!.sha);
    expect(decision).toEqual({
      action: 'revert',
      commits: [failing, one],
      subjects: ['Bump b', 'Bump a'],
      excluded: [],
      lastHealthy: healthy,
      why: `Reverting 2 commits after the last healthy ${healthy.slice(0, 12)} up to the failing ${failing.slice(0, 12)} on 'main'.`
    });
    // Without a last healthy revision only the failing commit is reverted.
    expect(await decide(failing)).toMatchObject({ action: 'revert', commits: [failing] });
  });

  it('gives a notice when the failing revision is not (or no longer) on the branch', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const gone = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Soon rewritten');
    repo.push();
    repo.git('reset', '--quiet', '--hard', 'HEAD^');
    repo.commit({ 'a.yaml': 'a: 2\n' }, 'Rewritten');
    repo.git('push', '--quiet', '--force', 'origin', 'HEAD:refs/heads/main');
    const decision = await decide(gone);
    expect(decision.action).toBe('notice');
    expect(decision.why).toContain(`Flux reported ${gone.slice(0, 12)} failing, but it is not on 'main'`);
    expect((await decide('0123456789abcdef0123456789abcdef01234567')).action).toBe('notice');
  });

  it('never reverts a rollback this tool made, and refuses to act when the failing revision is one', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const healthy = repo.git('rev-parse', 'HEAD');
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Bump a');
    repo.push();
    const rolled = await rollback(repo.work, { commits: [bad], actor: 'flux-auto-rollback', incident: 'INC-9' });
    expect(rolled.operation).toBe('pushed');

    const onRollback = await decide(rolled.commitSha!, healthy);
    expect(onRollback).toMatchObject({ action: 'none', loopGuard: true });
    expect(onRollback.why).toContain('is a rollback made by gitops-rollback');

    repo.git('pull', '--quiet', '--ff-only');
    const later = repo.commit({ 'b.yaml': 'b: 1\n' }, 'Bump b');
    repo.push();
    const decision = await decide(later, healthy);
    expect(decision).toMatchObject({
      action: 'revert',
      commits: [later],
      excluded: [
        { sha: rolled.commitSha, subject: 'Revert "Bump a"', why: 'tool-rollback' },
        { sha: bad, subject: 'Bump a', why: 'already-reverted' }
      ]
    });
  });

  it('no message makes a commit immune: a forged revert line and trailers do not trigger the loop guard', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const healthy = repo.git('rev-parse', 'HEAD');
    const earlier = repo.commit({ 'b.yaml': 'b: 1\n' }, 'Bump b');
    writeFileSync(join(repo.work, 'a.yaml'), 'a: broken\n');
    repo.git('add', 'a.yaml');
    repo.git(
      'commit',
      '--quiet',
      '-m',
      'Bump a',
      '-m',
      `This reverts commit ${earlier}.`,
      '-m',
      'Incident: INC-1\nRolled-back-by: someone'
    );
    const forged = repo.git('rev-parse', 'HEAD');
    repo.push();
    const decision = await decide(forged, healthy);
    expect(decision).toMatchObject({ action: 'revert', commits: [forged, earlier] });
  });

  it('recognises a rollback as ours only when it has the committer identity rollbacks are made as', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const healthy = repo.git('rev-parse', 'HEAD');
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Bump a');
    repo.push();
    const rolled = await rollback(repo.work, { commits: [bad], incident: 'INC-9' });
    repo.git('fetch', '--quiet', 'origin');
    const tip = repo.git('rev-parse', 'origin/main');
    const gitWrapper = await Git.create(repo.work, ISOLATED_GIT_ENV);
    const input = { git: gitWrapper, branch: 'main', tip, failing: rolled.commitSha!, lastHealthy: healthy };
    const ours = await decideFailingCommits({ ...input, committer: parseIdentity(TEST_COMMITTER) });
    expect(ours).toMatchObject({ action: 'none', loopGuard: true });
    const other = await decideFailingCommits({ ...input, committer: { name: 'Someone Else', email: 'else@example.com' } });
    expect(other).toMatchObject({ action: 'revert' });
  });

  it('a forged revert line naming a commit that does not exist makes no commit immune in full history', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const healthy = repo.git('rev-parse', 'HEAD');
    writeFileSync(join(repo.work, 'a.yaml'), 'a: broken\n');
    repo.git('add', 'a.yaml');
    repo.git('commit', '--quiet', '-m', 'Bump a', '-m', `This reverts commit ${'f'.repeat(40)}.`, '-m', 'Incident: INC-1');
    const forged = repo.git('rev-parse', 'HEAD');
    repo.push();
    expect(await decide(forged, healthy)).toMatchObject({ action: 'revert', commits: [forged] });
  });

  it('does nothing the second time the same failing revision is reported', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const healthy = repo.git('rev-parse', 'HEAD');
    const failing = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Bump a');
    repo.push();
    const first = await decide(failing, healthy);
    expect(first).toMatchObject({ action: 'revert', commits: [failing] });
    const rolled = await rollback(repo.work, { commits: first.action === 'revert' ? first.commits : [], actor: 'flux' });
    expect(rolled.operation).toBe('pushed');
    const second = await decide(failing, healthy);
    expect(second).toEqual({
      action: 'none',
      loopGuard: false,
      why: `Every commit up to the failing ${failing.slice(0, 12)} is already reverted on 'main' (tip ${rolled.commitSha!.slice(0, 12)}); nothing to roll back.`
    });
  });

  it('acts on a failing revision that is no longer the tip only while its changes are still there', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const healthy = repo.git('rev-parse', 'HEAD');
    const failing = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Bump a');
    repo.commit({ 'b.yaml': 'b: 1\n' }, 'Unrelated bump b');
    repo.push();
    expect(await decide(failing, healthy)).toMatchObject({ action: 'revert', commits: [failing] });

    const fixed = repo.commit({ 'a.yaml': 'a: 2\n' }, 'Fix forward a');
    repo.push();
    const decision = await decide(failing, healthy);
    expect(decision.action).toBe('notice');
    expect(decision.why).toContain(`the changes of ${failing.slice(0, 12)} ("Bump a") were changed since by later commits`);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('rev-parse', 'HEAD')).toBe(fixed);
  });

  it('reverts a merged pull request as its merge commit and lets the engine revert it', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const healthy = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.commit({ 'a.yaml': 'a: 1\n' }, 'Feature one');
    repo.commit({ 'c.yaml': 'c: 1\n' }, 'Feature two');
    repo.git('checkout', '--quiet', 'main');
    repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge pull request #7 from acme/feature', 'feature');
    const merge = repo.git('rev-parse', 'HEAD');
    repo.push();
    const decision = await decide(merge, healthy);
    expect(decision).toMatchObject({ action: 'revert', commits: [merge], subjects: ['Merge pull request #7 from acme/feature'] });
    const rolled = await rollback(repo.work, { commits: decision.action === 'revert' ? decision.commits : [] });
    expect(rolled.operation).toBe('pushed');
    expect(git(repo.origin, 'rev-parse', 'main^{tree}')).toBe(git(repo.origin, 'rev-parse', `${healthy}^{tree}`));
  });

  it('leaves long ranges to a person and checks last-healthy', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const healthy = repo.git('rev-parse', 'HEAD');
    repo.commit({ 'a.yaml': 'a: 1\n' }, 'one');
    repo.commit({ 'a.yaml': 'a: 2\n' }, 'two');
    const failing = repo.commit({ 'a.yaml': 'a: 3\n' }, 'three');
    repo.push();
    const decision = await decide(failing, healthy, 2);
    expect(decision.action).toBe('notice');
    expect(decision.why).toContain('3 commits lie between the last healthy');
    expect(await decide(failing, failing)).toMatchObject({ action: 'none' });
    await expect(decide(healthy, failing)).rejects.toThrow(
      `last-healthy ${failing.slice(0, 12)} is not an ancestor of the failing revision`
    );
    await expect(decide(failing, 'nope')).rejects.toThrow("Unknown last-healthy revision 'nope'");
  });
});
