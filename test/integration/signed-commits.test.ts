import { afterEach, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGitHubClient, type RepoRef } from '../../src/github/client.js';
import { gitDataPort, pullRequestPort, type GitHubConnection } from '../../src/github/connection.js';
import type { RawRequest } from '../../src/rollback/validate.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { rollback } from '../support/engine.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

/** A commit as the rollback leaves it: what a reviewer and Flux see. */
interface Made {
  tree: string;
  message: string;
}

/** Refuses every push to origin, as a branch that requires signed commits refuses git's unsigned ones. */
function refuseAllPushes(repo: TestRepo): void {
  const hook = join(repo.origin, 'hooks', 'pre-receive');
  writeFileSync(
    hook,
    '#!/bin/sh\necho "error: GH006: Protected branch update failed. Commits must have verified signatures." >&2\nexit 1\n'
  );
  chmodSync(hook, 0o755);
}

describe('sign-commits: the rollback commits made through the Git Data API (real git origin, local GitHub API)', () => {
  let repo: TestRepo;
  let github: FakeGitHub;
  /** The fake API this test started, if any: closed after it. */
  let running: FakeGitHub | undefined;
  afterEach(async () => {
    repo?.cleanup();
    await running?.close();
    running = undefined;
  });

  async function connect() {
    const fake = await startFakeGitHub({ owner: 'acme', repo: 'fleet', gitDir: repo.origin });
    github = running = fake;
    const target: RepoRef = { owner: 'acme', repo: 'fleet' };
    const client = createGitHubClient({ token: 't0ken', baseUrl: fake.url, retryDelayMs: 1, paceWrites: false });
    const connection: GitHubConnection = { repo: target, client: async () => client };
    return { fake, gitData: gitDataPort(connection), pullRequests: pullRequestPort(connection, 'https://github.com') };
  }

  /** The commits `base..tip` in `dir`, oldest first. */
  function commits(dir: string, base: string, tip: string): Made[] {
    return git(dir, 'rev-list', '--reverse', `${base}..${tip}`)
      .split('\n')
      .filter(Boolean)
      .map(sha => ({
        tree: git(dir, 'rev-parse', `${sha}^{tree}`),
        message: git(dir, 'cat-file', 'commit', sha).split('\n\n').slice(1).join('\n\n')
      }));
  }

  /** The same rollback made locally only (deliver: none) in a fresh clone: what git push would deliver. */
  async function madeLocally(raw: Partial<RawRequest>, name = 'local'): Promise<Made[]> {
    const dir = repo.clone(name);
    const base = git(dir, 'rev-parse', 'HEAD');
    const result = await rollback(dir, { ...raw, deliver: 'none', signCommits: false });
    return commits(dir, base, result.commitSha!);
  }

  const audit = { incident: 'INC-77', reason: 'pods crash', actor: 'octocat', runUrl: 'https://github.com/acme/fleet/actions/runs/1' };

  it('pushes through the API: the trees and messages git would push, made and signed by GitHub, no git push', async () => {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n', 'apps/redis.yaml': 'image: 7\n' });
    const bad = repo.commit({ 'apps/podinfo.yaml': 'image: 6.1.0\n' }, 'Bump podinfo');
    repo.commit({ 'apps/redis.yaml': 'image: 7.2\n' }, 'Bump redis');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    const expected = await madeLocally({ commits: [bad], ...audit });
    refuseAllPushes(repo);
    const { gitData } = await connect();
    const result = await rollback(repo.work, { commits: [bad], ...audit, signCommits: true }, { gitData });
    expect(result.operation).toBe('pushed');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(result.commitSha);
    expect(commits(repo.origin, before, 'main')).toEqual(expected);
    expect(expected[0].message).toContain(
      'Incident: INC-77\nRolled-back-by: octocat\nWorkflow-run: https://github.com/acme/fleet/actions/runs/1'
    );
    expect(github.apiCommits).toEqual([{ sha: result.commitSha, verified: true }]);
    expect(git(repo.origin, 'log', '-1', '--format=%an <%ae> | %cn <%ce>', 'main')).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com> | GitHub <noreply@github.com>'
    );
    // The revert's file is in origin already: only what origin lacks is uploaded.
    expect(github.requestsTo('POST', /\/git\/blobs$/)).toHaveLength(0);
    expect(github.requestsTo('PATCH', /\/git\/refs\/heads(%2F|\/)main$/)[0].body).toEqual({ sha: result.commitSha, force: false });
    // The checkout has the signed commit, and its remote-tracking branch agrees.
    expect(git(repo.work, 'rev-parse', 'refs/remotes/origin/main')).toBe(result.commitSha);
    expect(result.log).toContainEqual(
      expect.stringMatching(new RegExp(`^info: Commit [0-9a-f]{12} made on the remote as ${result.commitSha} \\(signed\\)\\.$`))
    );
  });

  it('replays nested paths, deletions, renames, executables, symbolic links, folders that became files and back, and a submodule', async () => {
    repo = createRepo({
      'apps/a/deep/x.yaml': 'x: 1\n',
      'apps/old-name.yaml': 'name: old\n',
      'scripts/run.sh': '#!/bin/sh\necho hi\n',
      'conf/settings/one.yaml': 'one: 1\n',
      'gone.yaml': 'gone: false\n',
      lib: 'a file that becomes a folder\n'
    });
    const w = repo.work;
    writeFileSync(join(w, 'apps/a/deep/x.yaml'), 'x: 2\n');
    git(w, 'mv', 'apps/old-name.yaml', 'apps/new-name.yaml');
    chmodSync(join(w, 'scripts/run.sh'), 0o755);
    git(w, 'update-index', '--chmod=+x', 'scripts/run.sh');
    symlinkSync('apps/new-name.yaml', join(w, 'current.yaml'));
    git(w, 'rm', '-q', '-r', 'conf/settings');
    mkdirSync(join(w, 'conf'), { recursive: true });
    writeFileSync(join(w, 'conf/settings'), 'flat: true\n');
    git(w, 'rm', '-q', 'gone.yaml');
    git(w, 'rm', '-q', 'lib');
    mkdirSync(join(w, 'lib'));
    writeFileSync(join(w, 'lib/inside.yaml'), 'inside: true\n');
    writeFileSync(join(w, 'fresh.yaml'), 'fresh: true\n');
    git(w, 'add', '--all');
    git(w, 'update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/lib`);
    git(w, 'commit', '-q', '-m', 'Reshape everything');
    const bad = git(w, 'rev-parse', 'HEAD');
    repo.push();
    // A later commit on top, so the revert is a real merge and not a reset to the parent.
    repo.commit({ 'later.yaml': 'later: 1\n' }, 'Later change');
    repo.push();
    const tip = git(repo.origin, 'rev-parse', 'main');
    const expected = await madeLocally({ commits: [bad], ...audit });
    const { gitData } = await connect();
    const result = await rollback(repo.work, { commits: [bad], ...audit, signCommits: true, allowUnsafe: true }, { gitData });
    expect(result.operation).toBe('pushed');
    expect(commits(repo.origin, tip, 'main')).toEqual(expected);
    // Reverted: the tree is the one before the bad commit, plus the later change.
    expect(git(repo.origin, 'diff', '--name-only', `${bad}^`, 'main')).toBe('later.yaml');
    expect(git(repo.origin, 'ls-tree', '-r', 'main', 'scripts/run.sh').split(' ')[0]).toBe('100644');
    expect(git(repo.origin, 'show', 'main:conf/settings/one.yaml')).toBe('one: 1');
    expect(git(repo.origin, 'show', 'main:lib')).toBe('a file that becomes a folder');
  });

  it('makes one API commit per rollback commit, each parented on the one before, with the trees git made', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const one = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    const two = repo.commit({ 'b.yaml': 'b: 1\n', 'c/new.yaml': 'c: 1\n' }, 'Change b, add c');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    const expected = await madeLocally({ commits: [one, two], ...audit });
    expect(expected).toHaveLength(2);
    const { gitData } = await connect();
    const result = await rollback(repo.work, { commits: [one, two], ...audit, signCommits: true }, { gitData });
    expect(commits(repo.origin, before, 'main')).toEqual(expected);
    expect(github.apiCommits.map(c => c.sha)).toEqual(git(repo.origin, 'rev-list', '--reverse', `${before}..main`).split('\n'));
    expect(git(repo.origin, 'rev-parse', 'main^')).toBe(github.apiCommits[0].sha);
    expect(result.commitSha).toBe(github.apiCommits[1].sha);
  });

  it('squashes several reverts into one signed commit with the tree git made', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const one = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    const two = repo.commit({ 'b.yaml': 'b: 1\n' }, 'Change b');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    const raw = { commits: [one, two], squash: true, ...audit };
    const expected = await madeLocally(raw);
    expect(expected).toHaveLength(1);
    const { gitData } = await connect();
    const result = await rollback(repo.work, { ...raw, signCommits: true }, { gitData });
    expect(commits(repo.origin, before, 'main')).toEqual(expected);
    expect(github.apiCommits).toEqual([{ sha: result.commitSha, verified: true }]);
  });

  it('warns, and still delivers, when GitHub does not sign the commits (a personal access token)', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    repo.push();
    const { gitData } = await connect();
    github.signApiCommits(false);
    const result = await rollback(repo.work, { commits: [bad], ...audit, signCommits: true }, { gitData });
    expect(result.operation).toBe('pushed');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(result.commitSha);
    expect(result.log).toContain(
      `warning: GitHub did not sign ${result.commitSha!.slice(0, 12)} (unsigned). GitHub signs commits made through its API with GITHUB_TOKEN or a GitHub App token; a personal access token gets unsigned commits, which a branch that requires signed commits refuses.`
    );
  });

  it('restores paths through the API; the restored revision is in origin, so nothing is uploaded', async () => {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n' });
    const good = git(repo.work, 'rev-parse', 'HEAD');
    repo.commit({ 'apps/podinfo.yaml': 'image: 6.1.0\n', 'apps/extra.yaml': 'extra: 1\n' }, 'Bump podinfo, add extra');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    const raw = { restorePaths: ['apps'], restoreTo: good, ...audit };
    const expected = await madeLocally(raw);
    const { gitData } = await connect();
    const result = await rollback(repo.work, { ...raw, signCommits: true }, { gitData });
    expect(result.operation).toBe('pushed');
    expect(commits(repo.origin, before, 'main')).toEqual(expected);
    expect(git(repo.origin, 'show', 'main:apps/podinfo.yaml')).toBe('image: 6.0.0');
    expect(git(repo.origin, 'ls-tree', 'main', 'apps/extra.yaml')).toBe('');
    expect(github.requestsTo('POST', /\/git\/blobs$/)).toHaveLength(0);
  });

  it('uploads the merged contents a revert creates, which origin has never seen', async () => {
    repo = createRepo({ 'list.yaml': 'a: 1\nb: 1\nc: 1\nd: 1\ne: 1\nf: 1\n' });
    const bad = repo.commit({ 'list.yaml': 'a: 2\nb: 1\nc: 1\nd: 1\ne: 1\nf: 1\n' }, 'Change a');
    repo.commit({ 'list.yaml': 'a: 2\nb: 1\nc: 1\nd: 1\ne: 1\nf: 2\n' }, 'Change f');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    const expected = await madeLocally({ commits: [bad], ...audit });
    const { gitData } = await connect();
    await rollback(repo.work, { commits: [bad], ...audit, signCommits: true }, { gitData });
    expect(commits(repo.origin, before, 'main')).toEqual(expected);
    expect(git(repo.origin, 'show', 'main:list.yaml')).toBe('a: 1\nb: 1\nc: 1\nd: 1\ne: 1\nf: 2');
    const uploads = github.requestsTo('POST', /\/git\/blobs$/);
    expect(uploads).toHaveLength(1);
    expect(uploads[0].body).toMatchObject({ encoding: 'base64' });
  });

  it('opens the pull request on a branch made through the API, and a re-run after the target moved moves it', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    repo.push();
    refuseAllPushes(repo);
    const { gitData, pullRequests } = await connect();
    const raw = { commits: [bad], ...audit, deliver: 'pull-request', signCommits: true };
    const first = await rollback(repo.work, raw, { gitData, pullRequests });
    expect(first.operation).toBe('created');
    expect(git(repo.origin, 'rev-parse', 'refs/heads/rollback/inc-77')).toBe(first.commitSha);
    expect(github.state.pulls[0].head.ref).toBe('rollback/inc-77');
    expect(github.requestsTo('POST', /\/git\/refs$/)[0].body).toEqual({ ref: 'refs/heads/rollback/inc-77', sha: first.commitSha });
    expect(github.apiCommits).toEqual([{ sha: first.commitSha, verified: true }]);
    // The same rollback again: the identical branch is kept.
    const again = await rollback(repo.work, raw, { gitData, pullRequests });
    expect(again.operation).toBe('updated');
    expect(again.commitSha).toBe(first.commitSha);
    expect(github.apiCommits).toHaveLength(1);
    // main moves: the branch is rebuilt on the new tip; the API commits on it are this tool's own.
    const other = repo.clone('other');
    writeFileSync(join(other, 'b.yaml'), 'b: 1\n');
    git(other, 'commit', '-q', '-am', 'Change b');
    git(repo.origin, 'fetch', '-q', other, 'HEAD:refs/heads/main');
    const third = await rollback(repo.work, raw, { gitData, pullRequests });
    expect(third.operation).toBe('updated');
    expect(third.commitSha).not.toBe(first.commitSha);
    expect(git(repo.origin, 'rev-parse', 'refs/heads/rollback/inc-77')).toBe(third.commitSha);
    expect(git(repo.origin, 'rev-parse', 'refs/heads/rollback/inc-77^')).toBe(git(repo.origin, 'rev-parse', 'main'));
    expect(github.requestsTo('PATCH', /\/git\/refs\//).map(r => r.body)).toEqual([{ sha: third.commitSha, force: true }]);
  });

  it('redoes the rollback on the new tip when the update is not a fast-forward', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    repo.push();
    const { gitData } = await connect();
    github.failNext('PATCH', /\/git\/refs\//, 422, 'Update is not a fast forward');
    const result = await rollback(repo.work, { commits: [bad], ...audit, signCommits: true }, { gitData });
    expect(result.operation).toBe('pushed');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(result.commitSha);
    expect(result.log).toContain("info: 'main' moved while the rollback was being pushed; redoing it on the new tip (attempt 2).");
  });

  it('falls back to a pull request, on a branch made through the API, when protection refuses the update', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    refuseAllPushes(repo);
    const { gitData, pullRequests } = await connect();
    github.protectRef('main', 'Changes must be made through a pull request.');
    const result = await rollback(repo.work, { commits: [bad], ...audit, signCommits: true }, { gitData, pullRequests });
    expect(result.operation).toBe('created');
    expect(result.fellBackToPullRequest).toBe(true);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
    expect(git(repo.origin, 'rev-parse', 'refs/heads/rollback/inc-77')).toBe(result.commitSha);
    // The commit made for the refused update is the one the pull request proposes.
    expect(github.apiCommits).toEqual([{ sha: result.commitSha, verified: true }]);
    expect(result.log).toContain(
      "warning: 'main' is protected and refused the update (Changes must be made through a pull request.); opening a pull request instead."
    );
  });

  it('refuses, changing no branch, when a tree GitHub made differs from the local one', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    const { gitData } = await connect();
    const wrong = 'e'.repeat(40);
    github.failNext('POST', /\/git\/trees$/, 201, { sha: wrong, url: 'x', tree: [], truncated: false });
    await expect(rollback(repo.work, { commits: [bad], ...audit, signCommits: true }, { gitData })).rejects.toThrow(
      new RegExp(
        `^The remote made tree ${wrong} of rollback commit [0-9a-f]{12}, whose tree is [0-9a-f]{40}\\. Nothing was delivered: no branch was changed\\.`
      )
    );
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
    expect(github.requestsTo('POST', /\/git\/commits$/)).toHaveLength(0);
    expect(github.requestsTo('PATCH', /\/git\/refs\//)).toHaveLength(0);
  });

  it('leaves the target as it was when the API fails between two commits', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const one = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    const two = repo.commit({ 'b.yaml': 'b: 1\n' }, 'Change b');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    const { gitData } = await connect();
    github.failAfter('POST', /\/git\/commits$/, 1, 403, 'Resource not accessible by integration');
    await expect(rollback(repo.work, { commits: [one, two], ...audit, signCommits: true }, { gitData })).rejects.toThrow(
      /^Could not write a commit to acme\/fleet: the token is not allowed to do this \(403 Resource not accessible by integration\)\. Grant the workflow job `permissions: contents: write`/
    );
    expect(github.apiCommits).toHaveLength(1);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
    expect(git(repo.origin, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main');
  });

  it('needs the API: sign-commits without it is refused before anything is fetched', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    repo.push();
    await expect(rollback(repo.work, { commits: [bad], signCommits: true })).rejects.toThrow(
      'sign-commits makes the commits through the GitHub API: it needs a token and a repository. Expected them, or no sign-commits.'
    );
    await expect(rollback(repo.work, { commits: [bad], signCommits: true, deliver: 'none' })).rejects.toThrow(
      /^sign-commits was given with deliver: none, which delivers nothing\./
    );
  });
});
