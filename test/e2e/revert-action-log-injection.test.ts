import { afterEach, describe, expect, it } from '@jest/globals';
import { actionsCheckout, runAction } from '../support/action-runner.js';
import { createRepo, type TestRepo } from '../support/repo.js';

const BUNDLE = 'dist/revert/index.js';
const dispatch = { repository: { full_name: 'acme/fleet', default_branch: 'main' }, inputs: {} };
const FORGED = '\n::set-output name=operation::pushed\n::warning file=x.yaml::forged\n::stop-commands::abc\n';

describe('bundled revert action: raw input values never reach the log as workflow commands', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it.each([
    ['restore-to', { 'restore-paths': 'apps', 'restore-to': `HEAD${FORGED}` }],
    ['target-branch', { commits: 'HEAD', 'target-branch': `main${FORGED}` }],
    ['deliver', { commits: 'HEAD', deliver: `push${FORGED}` }],
    ['commits', { commits: `HEAD${FORGED}` }]
  ])('a %s with line breaks and workflow commands is refused, and shown escaped', async (_name, inputs) => {
    repo = createRepo({ 'apps/a.yaml': 'a: 1\n' });
    const run = await runAction(BUNDLE, {
      cwd: actionsCheckout(repo),
      event: dispatch,
      inputs: { incident: 'INC-1', reason: 'test', deliver: 'push', ...inputs }
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).not.toMatch(/^::(set-output|warning|stop-commands)/m);
    expect(run.stderr).not.toMatch(/^::(set-output|warning|stop-commands)/m);
    expect(run.outputs.operation ?? '').toBe('');
  });
});
