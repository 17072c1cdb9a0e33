import type { FakeGitHub, FakePull } from './fake-github.js';
import { git, GIT_ENV, type TestRepo } from './repo.js';
import { execFileSync } from 'node:child_process';

/** How GitHub's merge button put a pull request on main. */
export type MergeStyle = 'merge' | 'squash' | 'rebase';

/** A pull request merged into main for real, and the fake API's record of it. */
export interface MergedPull {
  pull: FakePull;
  /** The pull request's own commits, oldest first (on its head branch). */
  commits: string[];
  /** `merge_commit_sha` as GitHub records it. */
  mergeCommitSha: string;
  /** The commits it put on main, newest first. */
  onMain: string[];
}

/** GitHub writes the commits of its merge button as this committer. */
const WEB_FLOW = { GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.com' };

function gitAs(env: Record<string, string>, cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_ENV, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim();
}

/**
 * Makes pull request `branch` of `changes` (one commit each, from main's tip), lets main move on
 * with `meanwhile` when given, then merges it into main the way GitHub's button does for `style`,
 * pushes main and the head branch (as GitHub keeps refs/pull/N/head) and records the pull request,
 * merged, in the fake API. Leaves the work tree on main.
 */
export function mergePull(
  repo: TestRepo,
  github: FakeGitHub,
  style: MergeStyle,
  branch: string,
  title: string,
  changes: { files: Record<string, string | null>; message: string }[],
  meanwhile?: Record<string, string | null>
): MergedPull {
  const work = repo.work;
  git(work, 'checkout', '--quiet', '-b', branch, 'main');
  const commits = changes.map(c => repo.commit(c.files, c.message));
  git(work, 'checkout', '--quiet', 'main');
  if (meanwhile) repo.commit(meanwhile, `Meanwhile on main before #${branch}`);
  const number = github.state.pulls.length + 1;
  let onMain: string[];
  if (style === 'merge') {
    gitAs(WEB_FLOW, work, 'merge', '--quiet', '--no-ff', '-m', `Merge pull request #${number} from acme/${branch}\n\n${title}`, branch);
    onMain = [git(work, 'rev-parse', 'HEAD')];
  } else if (style === 'squash') {
    gitAs(WEB_FLOW, work, 'merge', '--quiet', '--squash', branch);
    const body = changes.map(c => `* ${c.message}`).join('\n\n');
    gitAs(WEB_FLOW, work, 'commit', '--quiet', '-m', `${title} (#${number})\n\n${body}`);
    onMain = [git(work, 'rev-parse', 'HEAD')];
  } else {
    // Rebase and merge: each commit replayed on main, author and message kept, GitHub the committer.
    for (const sha of commits) gitAs(WEB_FLOW, work, 'cherry-pick', '--allow-empty', sha);
    onMain = git(work, 'rev-list', `-${commits.length}`, 'HEAD').split('\n');
  }
  repo.push();
  git(work, 'push', '--quiet', 'origin', `${branch}:refs/pull/${number}/head`);
  const mergeCommitSha = onMain[0];
  const pull = github.addPull({ head: branch, title, commits, merged: { mergeCommitSha } });
  if (pull.number !== number) throw new Error(`Expected the fake to number the pull request ${number}, it gave ${pull.number}.`);
  return { pull, commits, mergeCommitSha, onMain };
}
