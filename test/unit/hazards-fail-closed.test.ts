import { describe, expect, it } from '@jest/globals';
import { analyzeFiles } from '../../src/hazards/index.js';

const claim = (size: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: db
spec:
  resources:
    requests:
      storage: ${size}
`;

const summary = (files: Parameters<typeof analyzeFiles>[0], maxFileBytes?: number) =>
  analyzeFiles(files, { maxFileBytes }).findings.map(f => `${f.rule} ${f.severity} ${f.direction} ${f.file}`);

describe('files the reader cannot read whole, given as contents (API)', () => {
  it('fails closed on a file over max-file-bytes that holds a kind the rules look at, naming it', () => {
    const files = [{ path: 'db/pvc.yaml', before: claim('10Gi'), after: claim('20Gi') }];
    expect(summary(files)).toEqual(['pvc-expand error rollback db/pvc.yaml']);
    expect(summary(files, 100)).toEqual(['manifest-unreadable error forward db/pvc.yaml']);
    const [finding] = analyzeFiles(files, { maxFileBytes: 100 }).findings;
    expect(finding.message).toContain('larger than the size limit of 100 bytes (max-file-bytes)');
    expect(finding.message).toContain('a PersistentVolumeClaim named data');
  });

  it("fails closed on a whole document past the parser's alias limit when the file names such a kind", () => {
    const bomb = `{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data}, spec: {a: &a [x, x, x, x, x, x, x, x, x, x], b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a], c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b], d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c], e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d], f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e], g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]}}\n`;
    const findings = analyzeFiles([{ path: 'db/pvc.yaml', before: claim('10Gi'), after: bomb }]).findings;
    expect(findings.map(f => `${f.rule} ${f.severity} ${f.direction}`)).toEqual(['manifest-unreadable error forward']);
    expect(findings[0].message).toContain("the parser's limit of 2000000 nodes once aliases are expanded, which cannot be raised");
  });

  it('keeps broken YAML that names no kind the rules look at a warning, and a Helm template a notice', () => {
    const broken = 'apiVersion: v1\nkind: ClusterRole\nmetadata: {name: x\n';
    const template = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: {{ .Values.name }}\n';
    expect(
      summary([
        { path: 'a.yaml', after: broken },
        { path: 'b.yaml', after: template }
      ])
    ).toEqual(['manifest-unreadable warning forward a.yaml', 'manifest-unreadable notice forward b.yaml']);
  });
});
