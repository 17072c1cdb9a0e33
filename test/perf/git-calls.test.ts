import { afterEach, describe, expect, it } from '@jest/globals';
import { Git } from '../../src/git/git.js';
import { checkWithGit } from '../../src/safety-check/check.js';
import { memoryLogger } from '../support/engine.js';
import { claim, createFleetRepo, crd } from '../support/fleet.js';
import { createRepo, ISOLATED_GIT_ENV, recordGitCommands, type TestRepo } from '../support/repo.js';

// How many git processes the work takes: what the behaviour tests leave out, as the answers do
// not depend on it.
describe('git calls', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('resolves several revisions with one git call', async () => {
    repo = createRepo();
    const first = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Add a');
    const second = repo.commit({ 'a.yaml': 'a: 2\n' }, 'Change a');
    const git = await Git.create(repo.work);
    const calls = recordGitCommands(git);
    expect(await git.tryResolveCommits(['HEAD^', 'HEAD'])).toEqual([first, second]);
    expect(calls).toHaveLength(1);
  });

  it('lists the change of a safety check once: the listings started while the configuration is read are the ones used', async () => {
    repo = createFleetRepo();
    repo.commit({ 'infrastructure/redis/pvc.yaml': claim('redis-data', '8Gi') }, 'Add a claim');
    repo.push();
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.commit(
      { 'infrastructure/crds/widgets.yaml': crd('widgets'), 'infrastructure/redis/pvc.yaml': claim('redis-data', '16Gi') },
      'Widgets and more redis'
    );
    const head = repo.git('rev-parse', 'HEAD');
    repo.git('push', '-q', 'origin', 'pr');
    const git = await Git.create(repo.clone('checkout', '--depth=1', '--branch=main'), ISOLATED_GIT_ENV);
    const calls = recordGitCommands(git);
    const options = {
      base,
      head,
      paths: [],
      exclude: [],
      failOn: 'error' as const,
      acknowledged: false,
      configPath: '.github/rollback-safety.yml'
    };
    const result = await checkWithGit(git, 'origin', options, memoryLogger());
    expect(result.verdict.findings.map(f => f.rule)).toEqual(['pvc-expand', 'crd-create']);
    expect(
      calls
        .map(args => args[0])
        .filter(c => c === 'diff' || c === 'ls-tree')
        .sort()
    ).toEqual(['diff', 'ls-tree']);
  });
});
