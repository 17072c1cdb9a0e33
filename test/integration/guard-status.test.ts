import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { guardStatus, isDelivered, postGuardStatus } from '../../src/actions/revert/guard-status.js';
import { createGitHubClient } from '../../src/github/client.js';
import type { GitHubConnection } from '../../src/github/connection.js';
import type { Finding } from '../../src/hazards/types.js';
import type { RollbackResult } from '../../src/rollback/run.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { createRepo, type TestRepo } from '../support/repo.js';

const TOKEN = 'ghs_statusToken0042';
const RUN = 'https://github.com/acme/fleet/actions/runs/4242';

function finding(rule: string, severity: Finding['severity']): Finding {
  return {
    rule,
    severity,
    direction: 'forward',
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    namespace: 'apps',
    name: 'data',
    file: 'apps/pvc.yaml',
    line: 1,
    message: 'm'
  };
}

function result(overrides: Partial<RollbackResult> = {}): RollbackResult {
  return {
    operation: 'created',
    targetBranch: 'main',
    commitSha: 'a'.repeat(40),
    revertedCommits: [],
    skipped: [],
    diffStat: '',
    findings: [],
    fellBackToPullRequest: false,
    pullRequest: { number: 7, url: 'https://github.com/acme/fleet/pull/7' },
    ...overrides
  };
}

describe('guardStatus: the commit status a delivered rollback reports', () => {
  it.each<[string, Finding[], 'success' | 'failure', string]>([
    ['no findings', [], 'success', 'The rollback passed the safety check'],
    [
      'findings that do not block',
      [finding('service-type', 'warning'), finding('x', 'notice')],
      'success',
      'The rollback passed the safety check (2 findings, none blocking)'
    ],
    [
      'a critical one let through by allow-unsafe',
      [finding('pvc-delete', 'critical'), finding('x', 'notice')],
      'failure',
      'Delivered with allow-unsafe despite 1 blocking hazard: pvc-delete'
    ],
    [
      'a shrunk claim (blocking though not critical)',
      [finding('pvc-expand', 'error')],
      'failure',
      'Delivered with allow-unsafe despite 1 blocking hazard: pvc-expand'
    ]
  ])('%s', (_name, findings, state, description) => {
    expect(guardStatus(result({ findings }), 'rollback-safety', RUN)).toEqual({
      state,
      context: 'rollback-safety',
      description,
      target_url: RUN
    });
  });

  it('keeps the description within the 140 characters GitHub takes, and leaves out a missing run URL', () => {
    const findings = Array.from({ length: 30 }, (_, i) => finding(`rule-number-${i}`, 'critical'));
    const status = guardStatus(result({ findings }), 'rollback-safety', undefined);
    expect(status.description).toHaveLength(140);
    expect(status.description.endsWith('…')).toBe(true);
    expect(status).not.toHaveProperty('target_url');
  });

  it.each<[RollbackResult['operation'], boolean]>([
    ['pushed', true],
    ['created', true],
    ['updated', true],
    ['committed', false],
    ['dry-run', false],
    ['none', false]
  ])('posts after %s: %p', (operation, delivered) => {
    expect(isDelivered(result({ operation }))).toBe(delivered);
  });
});

describe('postGuardStatus against the fake GitHub API', () => {
  let fake: FakeGitHub;
  let repo: TestRepo;
  let github: GitHubConnection;
  beforeEach(async () => {
    repo = createRepo();
    fake = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: TOKEN, gitDir: repo.origin });
    const client = createGitHubClient({
      token: TOKEN,
      baseUrl: fake.url,
      retryDelayMs: 1,
      paceWrites: false,
      log: { info: () => {}, warning: () => {} }
    });
    github = { repo: { owner: 'acme', repo: 'fleet' }, client: async () => client };
  });
  afterEach(async () => {
    await fake.close();
    repo.cleanup();
  });

  it('posts the status on the rollback commit', async () => {
    const sha = repo.git('rev-parse', 'HEAD');
    const delivered = result({ commitSha: sha });
    expect(await postGuardStatus(github, delivered, guardStatus(delivered, 'rollback-safety', RUN))).toBeUndefined();
    expect(fake.state.statuses.get(sha)).toEqual([
      expect.objectContaining({
        context: 'rollback-safety',
        state: 'success',
        description: 'The rollback passed the safety check',
        target_url: RUN
      })
    ]);
  });

  // Each case arranges the failure and returns the sha the status is posted on.
  it.each<[string, (sha: string) => string, RegExp]>([
    [
      'the token may not post statuses (403)',
      sha => {
        fake.failNext('POST', /\/statuses\//, 403, 'Resource not accessible by integration');
        return sha;
      },
      /403 Resource not accessible by integration\)\. Grant the workflow job `permissions: statuses: write`/
    ],
    ['GitHub knows no such commit (422)', () => '0'.repeat(40), /422 No commit found for SHA: 0{40}/]
  ])('warns, naming the way out, when %s', async (_name, arrange, said) => {
    const delivered = result({ commitSha: arrange(repo.git('rev-parse', 'HEAD')) });
    const warning = await postGuardStatus(github, delivered, guardStatus(delivered, 'rollback-safety', RUN));
    expect(warning).toMatch(
      /^The rollback was delivered, but its commit status 'rollback-safety' was not posted: Could not post the commit status 'rollback-safety' on [0-9a-f]{12} in acme\/fleet: /
    );
    expect(warning).toMatch(said);
    expect(warning).toContain("A branch that requires 'rollback-safety' will not merge pull request #7 until the status is there");
    expect(warning).toContain(`gh api repos/acme/fleet/statuses/${delivered.commitSha} -f state=success -f context='rollback-safety'`);
    expect(warning).not.toContain(TOKEN);
    expect(fake.state.statuses.size).toBe(0);
  });
});
