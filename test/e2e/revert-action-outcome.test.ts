import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as yaml from 'js-yaml';
import { actionsCheckout, runAction } from '../support/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

const BUNDLE = 'dist/revert/index.js';
const dispatch = { repository: { full_name: 'acme/fleet', default_branch: 'main' }, inputs: {} };
const declared = Object.keys((yaml.load(readFileSync('revert-action/action.yml', 'utf8')) as { outputs: object }).outputs).sort();

describe('bundled revert action: a failure after something was pushed says what was pushed', () => {
  let repo: TestRepo;
  let github: FakeGitHub;
  afterEach(async () => {
    repo?.cleanup();
    await github?.close();
  });

  async function fleet() {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: podinfo:6.0.0\n' });
    const bad = repo.commit({ 'apps/podinfo.yaml': 'image: podinfo:6.1.0\n' }, 'Bump podinfo');
    repo.push();
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet' });
    return bad;
  }

  const act = (inputs: Record<string, string>) =>
    runAction(BUNDLE, {
      cwd: actionsCheckout(repo),
      event: dispatch,
      inputs: { token: 'tok', incident: 'INC-9', 'wait-interval': '50ms', 'wait-timeout': '30s', ...inputs },
      env: { GITHUB_API_URL: github.url }
    });

  it('a pushed rollback whose Flux wait is refused (401): the rollback outputs and summary stay, the failure is added', async () => {
    const bad = await fleet();
    github.failNext('GET', /\/statuses$/, 401, 'Bad credentials', 100);
    const run = await act({ commits: bad, deliver: 'push', 'wait-for': 'flux-status' });

    const rollback = git(repo.origin, 'rev-parse', 'main');
    expect(rollback).not.toBe(bad);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^::error::.*401/m);
    expect(run.summary).not.toContain('Nothing was pushed');
    expect(Object.keys(run.outputs).sort()).toEqual(declared);
    expect(run.outputs).toMatchObject({
      operation: 'pushed',
      'commit-sha': rollback,
      'target-branch': 'main',
      reconciled: '',
      'flux-decision': ''
    });
    expect(run.summary).toContain('## Rollback: pushed');
    expect(run.summary).toContain('## Failed after the rollback was delivered');
    expect(run.summary).toContain(`The rollback \`${rollback.slice(0, 12)}\` was pushed to \`main\` before this failure and stays there.`);
  });

  it('a rollback branch pushed before GitHub refused the pull request: branch and commit-sha say where it is', async () => {
    const bad = await fleet();
    github.failNext('POST', /\/pulls$/, 403, 'GitHub Actions is not permitted to create or approve pull requests.');
    const run = await act({ commits: bad });

    const pushed = git(repo.origin, 'rev-parse', 'refs/heads/rollback/inc-9');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(bad);
    expect(github.state.pulls).toHaveLength(0);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^::error::.*Allow GitHub Actions to create and approve pull requests/m);
    expect(run.summary).not.toContain('Nothing was pushed');
    expect(Object.keys(run.outputs).sort()).toEqual(declared);
    expect(run.outputs).toMatchObject({ operation: '', branch: 'rollback/inc-9', 'commit-sha': pushed, 'pull-request-number': '' });
    expect(run.summary).toContain('## Rollback failed');
    expect(run.summary).toContain(
      `The rollback was pushed before this failure, to \`rollback/inc-9\` at \`${pushed.slice(0, 12)}\`, and is still there; no pull request was opened for it.`
    );
    // How to finish: run again, or open the pull request by hand (the compare page, or gh with quoted names).
    expect(run.stdout).toContain(
      `::error::The rollback branch 'rollback/inc-9' was pushed (${pushed}), but the pull request was not created:`
    );
    expect(run.stdout).toContain(
      "To finish, run the rollback again (it keeps the pushed branch and opens the pull request), or open it by hand at https://github.com/acme/fleet/compare/main...rollback/inc-9?expand=1 or with: gh pr create --head 'rollback/inc-9' --base 'main' --fill"
    );
    expect(run.summary).toContain('## Rollback: branch-pushed');
    expect(run.summary).toContain('the pull request into `main` was not created.');
    expect(run.stdout).toMatch(/^::error::/m);
  });

  it('a failure before anything is pushed still writes every output, and says nothing was pushed', async () => {
    const bad = await fleet();
    const run = await act({ commits: bad, 'target-branch': 'no-such-branch', deliver: 'push' });

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("::error::Target branch 'no-such-branch' does not exist on remote 'origin'.");
    expect(Object.keys(run.outputs).sort()).toEqual(declared);
    expect(Object.values(run.outputs).every(value => value === '')).toBe(true);
    expect(run.summary).toContain('## Rollback failed');
    expect(run.summary).toContain('Nothing was pushed.');
  });
});
