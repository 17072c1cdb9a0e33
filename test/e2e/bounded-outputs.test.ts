import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { actionsCheckout, runAction } from '../support/action-runner.js';
import { claim } from '../support/fleet.js';
import { createRepo, type TestRepo } from '../support/repo.js';

/** Claims in one multi-document file: deleting the file deletes them all, one finding each. */
const CLAIMS = 6000;
const claims = (n: number) => Array.from({ length: n }, (_, i) => claim(`data-${i}`, '1Gi', 'db')).join('---\n');

/** Annotations the step wrote, by kind. */
const annotations = (stdout: string, kind: string) =>
  stdout.split('\n').filter(line => line.startsWith(`::${kind} `) || line.startsWith(`::${kind}::`));

describe('outputs, summary and annotations stay within what GitHub keeps', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  function fleet() {
    repo = createRepo({ 'db/claims.yaml': claims(CLAIMS) });
    repo.push();
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('rm', '-q', 'db/claims.yaml');
    repo.git('commit', '-q', '-m', 'Remove the database claims');
    repo.push();
    return { base, head: repo.git('rev-parse', 'HEAD') };
  }

  it('the safety check: findings cut to a valid JSON array, all in findings-file, summary and annotations capped', async () => {
    const { base, head } = fleet();
    const run = await runAction('dist/safety-check/index.js', {
      cwd: actionsCheckout(repo),
      eventName: 'push',
      inputs: { base, head, comment: 'false' }
    });

    expect(run.exitCode).toBe(1);
    expect(run.outputs.count).toBe(String(CLAIMS));
    expect(run.outputs.findings.length).toBeLessThanOrEqual(100_000);
    const shown = JSON.parse(run.outputs.findings) as { rule: string; name: string }[];
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(CLAIMS);
    const all = JSON.parse(readFileSync(run.outputs['findings-file'], 'utf8')) as unknown[];
    expect(all).toHaveLength(CLAIMS);
    expect(all.slice(0, shown.length)).toEqual(shown);
    expect(run.stdout).toMatch(new RegExp(`^::notice::The findings output holds the first ${shown.length} of ${CLAIMS} entries`, 'm'));

    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(run.summary).toMatch(/_\d+ more not shown: the file the `findings-file` output names lists every finding\._/);
    expect(annotations(run.stdout, 'error')).toHaveLength(10 + 1); // ten findings and the step's failure
    expect(run.stdout).toContain(`${CLAIMS - 10} more findings and notices are not annotated`);
  });

  it('the revert action: a rollback with thousands of hazards keeps its outputs and summary within bounds', async () => {
    repo = createRepo({ 'README.md': 'fleet\n' });
    const added = repo.commit({ 'db/claims.yaml': claims(CLAIMS) }, 'Add the database claims');
    repo.push();
    const run = await runAction('dist/revert/index.js', {
      cwd: actionsCheckout(repo),
      event: { repository: { full_name: 'acme/fleet', default_branch: 'main' }, inputs: {} },
      inputs: { commits: added, 'dry-run': 'true', deliver: 'push', incident: 'INC-7' }
    });

    expect(run.exitCode).toBe(0);
    expect(run.outputs.operation).toBe('dry-run');
    expect(run.outputs.findings.length).toBeLessThanOrEqual(100_000);
    const shown = JSON.parse(run.outputs.findings) as unknown[];
    expect(JSON.parse(readFileSync(run.outputs['findings-file'], 'utf8'))).toHaveLength(CLAIMS);
    expect(shown.length).toBeLessThan(CLAIMS);
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(run.summary).toMatch(/_\d+ more not shown: the findings-file output of the revert action lists them all\._/);
    expect(annotations(run.stdout, 'warning').length).toBeLessThanOrEqual(10);
    expect(run.stdout).toContain(`${CLAIMS - 8} more hazards of this rollback are not logged one by one`);
  });
});
