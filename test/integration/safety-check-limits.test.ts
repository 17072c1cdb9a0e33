import { afterEach, describe, expect, it } from '@jest/globals';
import { Git } from '../../src/git/git.js';
import { MAX_FILE_BYTES } from '../../src/manifests/manifest-file.js';
import { checkWithGit, type SafetyCheckOptions } from '../../src/safety-check/check.js';
import { memoryLogger } from '../support/engine.js';
import { claim, crd } from '../support/fleet.js';
import { createRepo, ISOLATED_GIT_ENV, type TestRepo } from '../support/repo.js';

/** Comment lines making a file just over the size limit once `content` is added. */
const padding = (content: string) => {
  const line = `# ${'x'.repeat(97)}\n`;
  return line.repeat(Math.ceil((MAX_FILE_BYTES + 1 - content.length) / line.length));
};
const padded = (content: string) => content + padding(content);

/** A CRD whose schema holds aliases that expand to 10^9 nodes. */
const aliasBomb = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: bombs.example.com
spec:
  group: example.com
  names: {kind: Bomb, plural: bombs}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          x-a: &a [x, x, x, x, x, x, x, x, x, x]
          x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
          x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
          x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
          x-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
          x-f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
          x-g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
          x-h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
          x-i: [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
`;

describe('safety check of files it cannot read whole: fails closed', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  const options = (base: string, head: string): SafetyCheckOptions => ({
    base,
    head,
    paths: [],
    exclude: [],
    failOn: 'error',
    acknowledged: false,
    configPath: '.github/rollback-safety.yml'
  });

  /** Checks the change from `before` to `after` (path -> content, null: absent). */
  async function check(before: Record<string, string | null>, after: Record<string, string | null>) {
    repo = createRepo();
    const base = repo.commit(before, 'Base');
    const head = repo.commit(after, 'Change');
    const git = await Git.create(repo.work, ISOLATED_GIT_ENV);
    return checkWithGit(git, 'origin', options(base, head), memoryLogger());
  }

  const rows = (findings: { rule: string; severity: string; direction: string; kind: string; name: string; file: string }[]) =>
    findings.map(f => [f.rule, f.severity, f.direction, f.kind, f.name, f.file]);

  it('fails on a claim grown in a file padded past the size limit, naming the claim and the setting that raises the limit', async () => {
    const pad = padding(claim('data', '10Gi'));
    const result = await check({ 'db/pvc.yaml': claim('data', '10Gi') + pad }, { 'db/pvc.yaml': claim('data', '20Gi') + pad });
    expect(rows(result.verdict.findings)).toEqual([['manifest-unreadable', 'error', 'forward', '', '', 'db/pvc.yaml']]);
    const [finding] = result.verdict.findings;
    expect(finding.message).toContain('a PersistentVolumeClaim named data');
    expect(finding.message).toContain(`size limit of ${MAX_FILE_BYTES} bytes`);
    expect(finding.message).toContain('max-file-bytes');
    expect(finding.message).toContain('acknowledge label');
    expect(result.verdict.fails).toBe(true);
  });

  it('reads such a file whole once max-file-bytes in the configuration allows it', async () => {
    const pad = padding(claim('data', '10Gi'));
    const config = `max-file-bytes: ${2 * MAX_FILE_BYTES}\n`;
    const result = await check(
      { '.github/rollback-safety.yml': config, 'db/pvc.yaml': claim('data', '10Gi') + pad },
      { 'db/pvc.yaml': claim('data', '20Gi') + pad }
    );
    expect(rows(result.verdict.findings)).toEqual([['pvc-expand', 'error', 'rollback', 'PersistentVolumeClaim', 'data', 'db/pvc.yaml']]);
  });

  it('reports each CRD of a deleted bundle over the size limit as deleted, found by a line scan', async () => {
    const bundle = padded(['alpha', 'beta', 'gamma'].map(p => `---\n${crd(p)}`).join(''));
    expect(bundle.length).toBeGreaterThan(MAX_FILE_BYTES);
    const result = await check({ 'crds/bundle.yaml': bundle }, { 'crds/bundle.yaml': null });
    const deletions = result.verdict.findings.filter(f => f.rule === 'crd-delete');
    expect(rows(deletions)).toEqual(
      ['alpha', 'beta', 'gamma'].map(p => [
        'crd-delete',
        'critical',
        'forward',
        'CustomResourceDefinition',
        `${p}.example.com`,
        'crds/bundle.yaml'
      ])
    );
    expect(deletions.map(f => f.line)).toEqual([2, 27, 52]);
    expect(result.verdict.fails).toBe(true);
  });

  it('neither compares nor reports as deleted objects moved into a file over the size limit: the file is the error', async () => {
    const objects = claim('data', '10Gi') + '---\n' + crd('alpha');
    const result = await check({ 'a.yaml': objects }, { 'a.yaml': null, 'b.yaml': padded(objects) });
    expect(rows(result.verdict.findings)).toEqual([['manifest-unreadable', 'error', 'forward', '', '', 'b.yaml']]);
    expect(result.verdict.findings[0].message).toContain(
      'a PersistentVolumeClaim named data, a CustomResourceDefinition named alpha.example.com'
    );
  });

  it('keeps a file over the size limit that names no kind the rules look at a warning', async () => {
    const map = (v: string) =>
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: big\n  labels: {v: "${v}"}\nrules: []\n`;
    const pad = padding(map('1'));
    const result = await check({ 'app/big.yaml': map('1') + pad }, { 'app/big.yaml': map('2') + pad });
    expect(rows(result.verdict.findings)).toEqual([['manifest-unreadable', 'warning', 'forward', '', '', 'app/big.yaml']]);
    expect(result.verdict.findings[0].message).toContain('max-file-bytes');
    expect(result.verdict.fails).toBe(false);
  });

  it("fails on a changed CRD whose aliases expand past the parser's limit, naming the limit", async () => {
    const result = await check({ 'crds/bomb.yaml': crd('bombs') }, { 'crds/bomb.yaml': aliasBomb });
    const forward = result.verdict.findings.filter(f => f.direction === 'forward');
    expect(rows(forward)).toEqual([
      ['manifest-unreadable', 'error', 'forward', 'CustomResourceDefinition', 'bombs.example.com', 'crds/bomb.yaml']
    ]);
    expect(forward[0].message).toContain("the parser's limit of 2000000 nodes once aliases are expanded");
    expect(result.verdict.fails).toBe(true);
  });
});
