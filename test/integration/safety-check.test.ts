import { afterEach, describe, expect, it } from '@jest/globals';
import { Git } from '../../src/git/git.js';
import { checkWithGit, type SafetyCheckOptions } from '../../src/safety-check/check.js';
import { memoryLogger } from '../support/engine.js';
import { claim, createFleetRepo, crd } from '../support/fleet.js';
import { ISOLATED_GIT_ENV, type TestRepo } from '../support/repo.js';

describe('safety check on a real Flux repository, from a depth-1 clone', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  /** main gets an unrelated claim deletion after the PR branched; the PR adds a CRD and grows a claim. */
  function pullRequest(config?: string) {
    repo = createFleetRepo();
    repo.commit(
      {
        'infrastructure/redis/pvc.yaml': claim('redis-data', '8Gi'),
        'infrastructure/redis/old.yaml': claim('old', '1Gi'),
        ...(config ? { '.github/rollback-safety.yml': config } : {})
      },
      'Add claims'
    );
    repo.push();
    const branchPoint = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'pr');
    repo.commit(
      { 'infrastructure/crds/widgets.yaml': crd('widgets'), 'infrastructure/redis/pvc.yaml': claim('redis-data', '16Gi') },
      'Widgets and more redis'
    );
    const head = repo.git('rev-parse', 'HEAD');
    repo.git('push', '-q', 'origin', 'pr');
    repo.git('checkout', '-q', 'main');
    repo.commit({ 'infrastructure/redis/old.yaml': null }, 'Drop the old claim on main');
    repo.push();
    const base = repo.git('rev-parse', 'HEAD');
    return { base, head, branchPoint, checkout: repo.clone('checkout', '--depth=1', '--branch=main') };
  }

  const options = (base: string, head: string, extra: Partial<SafetyCheckOptions> = {}): SafetyCheckOptions => ({
    base,
    head,
    paths: [],
    exclude: [],
    failOn: 'error',
    acknowledged: false,
    configPath: '.github/rollback-safety.yml',
    ...extra
  });

  it("reports the PR's own hazards in both directions, measured from the merge base, not base changes", async () => {
    const { base, head, branchPoint, checkout } = pullRequest();
    const git = await Git.create(checkout, ISOLATED_GIT_ENV);
    const result = await checkWithGit(git, 'origin', options(base, head), memoryLogger());
    expect(result.from).toBe(branchPoint);
    expect(result.verdict.findings.map(f => [f.rule, f.severity, f.direction, f.file, f.line])).toEqual([
      ['pvc-expand', 'error', 'rollback', 'infrastructure/redis/pvc.yaml', 1],
      ['crd-create', 'warning', 'rollback', 'infrastructure/crds/widgets.yaml', 1]
    ]);
    expect(result.verdict.fails).toBe(true);
    expect(result.verdict.findings.some(f => f.name === 'old')).toBe(false);
  });

  it('applies the configuration read at the base revision: severities, allow-list', async () => {
    const config =
      'rules:\n  pvc-expand: warning\nallow:\n  - kind: CustomResourceDefinition\n    name: "*.example.com"\n    reason: owned by the platform team\n';
    const { base, head, checkout } = pullRequest(config);
    const git = await Git.create(checkout, ISOLATED_GIT_ENV);
    const result = await checkWithGit(git, 'origin', options(base, head), memoryLogger());
    expect(result.verdict.findings.map(f => [f.rule, f.severity])).toEqual([['pvc-expand', 'warning']]);
    expect(result.verdict.allowed.map(f => f.rule)).toEqual(['crd-create']);
    expect(result.verdict.fails).toBe(false);
    const strict = await checkWithGit(git, 'origin', options(base, head, { failOn: 'warning' }), memoryLogger());
    expect(strict.verdict.fails).toBe(true);
  });

  it('passes an acknowledged PR while still calling it unsafe', async () => {
    const { base, head, checkout } = pullRequest();
    const git = await Git.create(checkout, ISOLATED_GIT_ENV);
    const result = await checkWithGit(git, 'origin', options(base, head, { acknowledged: true }), memoryLogger());
    expect(result.verdict).toMatchObject({ unsafe: true, acknowledged: true, fails: false });
  });

  it('names the bad key of an invalid configuration', async () => {
    const { base, head, checkout } = pullRequest('rules:\n  pvc-expnd: warning\n');
    const git = await Git.create(checkout, ISOLATED_GIT_ENV);
    await expect(checkWithGit(git, 'origin', options(base, head), memoryLogger())).rejects.toThrow(
      /Invalid config \.github\/rollback-safety\.yml: rules\.pvc-expnd is not a rule\. Expected one of: crd-delete/
    );
  });
});
