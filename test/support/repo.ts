import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ExecOptions, Git, GitResult } from '../../src/git/git.js';

/**
 * Keeps this machine's git configuration out of a test: no system or global config (so no
 * user.name/user.email from them), no prompts, C locale. What the code under test may get.
 */
export const ISOLATED_GIT_ENV: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C'
};

/**
 * The identity of the history tests write themselves (commits developers made). Only for those
 * fixture commands: the code under test gets no identity from its environment, as on a runner.
 */
export const FIXTURE_IDENTITY: Record<string, string> = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com'
};

/** Environment of the fixture commands run by {@link git}: reproducible commits, isolated config. */
export const GIT_ENV: Record<string, string> = { ...FIXTURE_IDENTITY, ...ISOLATED_GIT_ENV };

/** Runs the real git binary synchronously and returns trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim();
}

/**
 * Records the arguments of every command `wrapper` (a `Git` of src/git) runs from now on, still
 * running them. For a wrapper made for one test.
 */
export function recordGitCommands(wrapper: Git): string[][] {
  const calls: string[][] = [];
  // Every command goes through the wrapper's `exec`, which is src/git's own: reached here by name.
  const door = wrapper as unknown as { exec(args: string[], options?: ExecOptions): Promise<GitResult> };
  const exec = door.exec.bind(wrapper);
  door.exec = (args, options) => {
    calls.push(args);
    return exec(args, options);
  };
  return calls;
}

/** A scratch repository: a bare `origin` and a work tree cloned from it, on branch `main`. */
export interface TestRepo {
  root: string;
  origin: string;
  work: string;
  /** Writes files (path -> content; null deletes) and commits them; returns the new sha. */
  commit(files: Record<string, string | null>, message: string): string;
  git(...args: string[]): string;
  push(): void;
  /** Clones origin again into a new folder, with extra clone arguments (e.g. --depth=1). */
  clone(name: string, ...args: string[]): string;
  cleanup(): void;
}

/** Creates a bare origin with one initial commit on `main` and a clone of it. */
export function createRepo(initial: Record<string, string> = { 'README.md': 'fleet\n' }): TestRepo {
  const root = mkdtempSync(join(tmpdir(), 'gitops-rollback-'));
  const origin = join(root, 'origin.git');
  const work = join(root, 'work');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  git(root, 'init', '--quiet', '--initial-branch=main', work);
  git(work, 'remote', 'add', 'origin', origin);
  const repo: TestRepo = {
    root,
    origin,
    work,
    commit(files, message) {
      writeFiles(work, files);
      git(work, 'add', '--all');
      git(work, 'commit', '--quiet', '--allow-empty', '-m', message);
      return git(work, 'rev-parse', 'HEAD');
    },
    git: (...args) => git(work, ...args),
    push() {
      git(work, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
    },
    clone(name, ...args) {
      const dir = join(root, name);
      git(root, 'clone', '--quiet', ...args, `file://${origin}`, dir);
      return dir;
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    }
  };
  repo.commit(initial, 'Initial commit');
  repo.push();
  git(work, 'branch', '--quiet', '--set-upstream-to=origin/main', 'main');
  return repo;
}

/** Writes (or with null, deletes) files below `dir`, creating folders as needed. */
export function writeFiles(dir: string, files: Record<string, string | null>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    if (content === null) {
      if (existsSync(full)) unlinkSync(full);
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Makes origin answer pushes to main the way GitHub does for a protected branch. */
export function protectOrigin(repo: TestRepo): void {
  const hook = join(repo.origin, 'hooks', 'pre-receive');
  writeFileSync(
    hook,
    [
      '#!/bin/sh',
      'while read old new ref; do',
      '  if [ "$ref" = refs/heads/main ]; then',
      '    echo "error: GH006: Protected branch update failed for refs/heads/main." >&2',
      '    echo "error: Changes must be made through a pull request." >&2',
      '    exit 1',
      '  fi',
      'done',
      'exit 0',
      ''
    ].join('\n')
  );
  chmodSync(hook, 0o755);
}
