import { describe, expect, it } from '@jest/globals';
import { readManifestFile, MAX_FILE_BYTES, ownBytes } from '../../src/manifests/manifest-file.js';
import { scanDocuments, splitDocuments } from '../../src/manifests/documents.js';
import { keyLine, mappingEntries, topLevelEntries } from '../../src/manifests/block-scan.js';
import { apiGroup, isClusterScoped, resourceKey } from '../../src/manifests/identity.js';
import { isKustomizeBuildFile, patchFilesOf } from '../../src/manifests/kustomize-build.js';
import { posix } from 'node:path';
import { ownerOf, revisionContextFromFiles } from '../../src/manifests/revision-context.js';
import { parseYaml } from '../../src/manifests/safe-yaml.js';
import { ManifestDocument } from '../../src/manifests/manifest-document.js';
import { globMatcher } from '../../src/manifests/globs.js';

const ids = (path: string, text: string | Uint8Array) =>
  readManifestFile(path, text).resources.map(r => `${r.line} ${r.group}|${r.kind}|${r.namespace ?? ''}|${r.name}`);

const cm = (name: string, ns = 'apps') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\ndata:\n  a: "1"\n`;

describe('readManifestFile', () => {
  it.each<[string, string, string[]]>([
    ['single document', cm('one'), ['1 |ConfigMap|apps|one']],
    ['leading --- and comments', `# yaml-language-server: $schema=x\n---\n# about\n${cm('one')}`, ['4 |ConfigMap|apps|one']],
    [
      'multi-document with empty documents',
      `---\n${cm('a')}---\n---\n# nothing\n---\n${cm('b')}...\n`,
      ['2 |ConfigMap|apps|a', '13 |ConfigMap|apps|b']
    ],
    [
      'group from apiVersion',
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n  namespace: data\n',
      ['1 apps|StatefulSet|data|db']
    ],
    [
      'cluster-scoped kinds ignore namespace',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: data\n  namespace: ignored\n',
      ['1 |Namespace||data']
    ],
    ['quoted names and trailing comments', 'apiVersion: "v1"\nkind: ConfigMap # a map\nmetadata:\n  name: \'x\'\n', ['1 |ConfigMap||x']],
    [
      'flow-style document falls back to a full parse',
      '{apiVersion: v1, kind: ConfigMap, metadata: {name: flow, namespace: n}}\n',
      ['1 |ConfigMap|n|flow']
    ],
    [
      'kind List with items',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: b\n',
      ['4 |ConfigMap||a', '7 |Secret||b']
    ],
    ['kind List without an items array is not a list', 'apiVersion: v1\nkind: List\nmetadata:\n  name: l\nitems: nope\n', ['1 |List||l']],
    [
      'kustomize build file by apiVersion',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nmetadata:\n  name: x\nresources: [a.yaml]\n',
      []
    ],
    ['kustomize Component', 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n', []],
    [
      'Flux Kustomization is an object',
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  path: ./apps\n',
      ['1 kustomize.toolkit.fluxcd.io|Kustomization|flux-system|apps']
    ],
    ['JSON6902 op list', '- op: replace\n  path: /spec/replicas\n  value: 3\n', []],
    ['JSON6902 as JSON', '[{"op": "remove", "path": "/spec/x"}]\n', []],
    ['document without metadata.name', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: x-\n', []],
    [
      'Flux substitutions are plain strings',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-${CLUSTER}\ndata:\n  region: ${REGION}\n',
      ['1 |ConfigMap||cfg-${CLUSTER}']
    ],
    [
      'CRLF line endings',
      'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\n---\r\napiVersion: v1\r\nkind: Secret\r\nmetadata:\r\n  name: s\r\n',
      ['1 |ConfigMap||crlf', '6 |Secret||s']
    ]
  ])('%s', (_name, text, expected) => {
    expect(ids('apps/x.yaml', text)).toEqual(expected);
  });

  it('reads a document that starts with a directive (%YAML) before its --- marker', () => {
    const claim =
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: db\nspec:\n  accessModes: [ReadWriteOnce]\n';
    const file = readManifestFile('pvc.yaml', `%YAML 1.2\n---\n${claim}`);
    expect(file.unreadable).toBeUndefined();
    expect(ids('pvc.yaml', `%YAML 1.2\n---\n${claim}`)).toEqual(['3 |PersistentVolumeClaim|db|data']);
    // After a document end marker, the next document may have directives of its own.
    expect(ids('pvc.yaml', `${cm('a')}...\n%YAML 1.2\n# the claim\n---\n${claim}`)).toEqual([
      '1 |ConfigMap|apps|a',
      '12 |PersistentVolumeClaim|db|data'
    ]);
  });

  it('treats kustomization.yaml files and patches as non-objects', () => {
    expect(ids('apps/kustomization.yaml', cm('a'))).toEqual([]);
    expect(readManifestFile('apps/patch.yaml', cm('a'), { isPatch: true }).resources).toEqual([]);
  });

  it('reads SOPS-encrypted Secrets: identity readable, marked encrypted', () => {
    const text =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: apps\ndata:\n  password: ENC[AES256_GCM,data:abc=,type:str]\nsops:\n  version: 3.8.1\n  age: []\n';
    const [r] = readManifestFile('apps/secret.sops.yaml', text).resources;
    expect([r.kind, r.namespace, r.name, r.encrypted]).toEqual(['Secret', 'apps', 'creds', true]);
  });

  it.each<[string, string | Uint8Array, string, number]>([
    [
      'Helm template',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\ndata: {}\n{{- end }}\n',
      'Helm template',
      1
    ],
    ['invalid YAML', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n', '', 1],
    ['duplicate keys', '---\napiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata:\n  name: x\n', 'duplicated', 1],
    ['deep nesting', `kind: Deep\na: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'maxDepth', 1],
    ['binary content', new Uint8Array([0x61, 0x3a, 0x00, 0x01, 0x02]), 'binary', 1],
    ['non-UTF-8 content', new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), 'UTF-8', 1]
  ])('%s yields unreadable, never an exception', (_name, content, reason, line) => {
    const file = readManifestFile('x.yaml', content);
    expect(file.resources).toEqual([]);
    expect(file.unreadable?.reason).toContain(reason);
    expect(file.unreadable?.line).toBeGreaterThanOrEqual(line);
  });

  it('marks Helm templates as notice and other failures as warning', () => {
    expect(readManifestFile('t.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.x }}\n').unreadable?.severity).toBe(
      'notice'
    );
    expect(readManifestFile('t.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: [b\n').unreadable?.severity).toBe('warning');
    expect(readManifestFile('t.yaml', 'kind: PersistentVolumeClaim\nspec: [b\n').unreadable?.severity).toBe('warning');
  });

  it("leaves a document whose top level has none of an object's keys (a workflow, a values file) unparsed: no objects, nothing unreadable", () => {
    const workflow = 'name: ci\non:\n  push:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: [npm test\n';
    expect(readManifestFile('.github/workflows/ci.yaml', workflow)).toEqual({ path: '.github/workflows/ci.yaml', resources: [] });
    expect(readManifestFile('values.yaml', 'persistence:\n  enabled: true\n  size: 10Gi\n')).toEqual({
      path: 'values.yaml',
      resources: []
    });
    // `{{` in a workflow is an expression, not a Helm template.
    const expressions = `${workflow.replace('[npm test', 'echo ${{ github.sha }}')}      - run: {{ broken\n`;
    expect(readManifestFile('.github/workflows/ci.yaml', expressions)).toEqual({ path: '.github/workflows/ci.yaml', resources: [] });
    // Next to an object, in the same file: the object is read.
    expect(ids('mixed.yaml', `${workflow.replace('[npm', 'npm')}---\n${cm('a')}`)).toEqual(['10 |ConfigMap|apps|a']);
  });

  it('refuses a billion-laughs alias bomb', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\n${levels.join('\n')}\n`;
    const file = readManifestFile('bomb.yaml', text);
    // The header scan reads identity without expanding aliases; a full parse refuses the bomb.
    expect(parseYaml(text)).toMatchObject({ ok: false, reason: expect.stringContaining('aliases') });
    expect(file.unreadable ?? file.resources.length).toBeTruthy();
  });

  it('refuses a narrow but deep alias chain', () => {
    const lines = ['a0: &a0 [x, x]'];
    for (let i = 1; i < 60; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    expect(parseYaml(lines.join('\n'))).toMatchObject({ ok: false });
  });

  it('refuses a file over the size limit without parsing it', () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1024, 'a: b\n');
    const file = readManifestFile('big.yaml', big);
    expect(file.resources).toEqual([]);
    expect(file.unreadable?.reason).toContain('larger than');
  });

  it('reads a 50 MB file as unreadable', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, `${cm('x')}---\n`);
    expect(readManifestFile('huge.yaml', big).unreadable?.severity).toBe('warning');
  });
});

describe('readManifestFile with keep', () => {
  const text = `# leading comment\n---\n${cm('a')}immutable: true\n# between\nbinaryData:\n  b: |\n    x\n\n---\n${cm('b')}`;

  it('keeps metadata and the asked entries verbatim, in bytes of their own', () => {
    const file = Buffer.from(text);
    const [a, b] = readManifestFile('x.yaml', file, {
      keep: (id, keys) => (id.name === 'a' && keys.has('immutable') ? ['binaryData', 'immutable'] : [])
    }).resources;
    expect(a.doc.raw(['binaryData'])).toBe('binaryData:\n  b: |\n    x\n\n');
    expect(a.doc.get(['immutable'])).toBe(true);
    expect(a.doc.get(['metadata', 'namespace'])).toBe('apps');
    expect(a.doc.raw(['data'])).toBeNull();
    expect(a.doc.value()).toEqual({ metadata: { name: 'a', namespace: 'apps' }, immutable: true, binaryData: { b: 'x\n' } });
    expect(b.doc.value()).toEqual({ metadata: { name: 'b', namespace: 'apps' } });
    expect([a.line, b.line]).toEqual([3, 17]);
  });

  it('compares entries by their text, whether a document is ASCII or not', () => {
    const doc = (yaml: string) => readManifestFile('x.yaml', yaml, { keep: () => 'all' }).resources[0].doc;
    const ascii = doc(`${cm('c')}binaryData:\n  b: x\n`);
    const otherData = doc(`${cm('c').replace('a: "1"', 'a: "2"')}binaryData:\n  b: x\n`);
    const accented = doc(`${cm('c').replace('a: "1"', 'a: café ☕')}binaryData:\n  b: x\n`);
    expect(ascii.raw(['binaryData'])).toBe('binaryData:\n  b: x\n');
    expect(ascii.raw(['spec'])).toBeNull();
    expect(accented.raw(['data'])).toBe('data:\n  a: café ☕\n');
    expect(ascii.sameRaw(otherData, ['binaryData'])).toBe(true);
    expect(ascii.sameRaw(otherData, ['data'])).toBe(false);
    expect(ascii.sameRaw(otherData, ['spec'])).toBe(true);
    expect(ascii.sameRaw(doc(cm('c')), ['binaryData'])).toBe(false);
    expect(ascii.sameRaw(accented, ['binaryData'])).toBe(true);
    expect(accented.sameRaw(ascii, ['data'])).toBe(false);
    // Not a plain block layout: no text to give, and never the same, as with raw().
    const flow = readManifestFile('z.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d, namespace: apps}\n').resources[0].doc;
    expect(flow.raw(['metadata'])).toBeUndefined();
    expect(flow.sameRaw(flow, ['metadata'])).toBe(false);
  });

  it('copies a small part of a larger buffer to keep it, and keeps most of one as it is', () => {
    const big = Buffer.alloc(1000, 'a');
    const small = ownBytes(big.subarray(10, 20));
    expect([small.buffer === big.buffer, small.toString()]).toEqual([false, 'a'.repeat(10)]);
    const most = big.subarray(0, 600);
    expect(ownBytes(most)).toBe(most);
  });

  it("keeps a whole document as its own copy with 'all'", () => {
    const whole = readManifestFile('x.yaml', text).resources.map(r => r.doc.value());
    expect(readManifestFile('x.yaml', text, { keep: () => 'all' }).resources.map(r => r.doc.value())).toEqual(whole);
  });
});

describe('splitDocuments', () => {
  it('finds documents and their first lines, skipping ... lines', () => {
    const text = Buffer.from('a: 1\n---\nb: 2\n...\nc: 3\n--- # x\nd: 4\n-- not a marker\n');
    const spans = splitDocuments(text).map(s => [s.line, text.toString('utf8', s.start, s.end)]);
    expect(spans).toEqual([
      [1, 'a: 1\n'],
      [2, '---\nb: 2\n'],
      [5, 'c: 3\n'],
      [6, '--- # x\nd: 4\n-- not a marker\n']
    ]);
  });

  it('ignores a byte order mark', () => {
    expect(splitDocuments(Buffer.from('\ufeff---\na: 1\n'))).toEqual([{ start: 3, end: 12, line: 1 }]);
  });

  it('gives byte offsets and lines in files that are not ASCII', () => {
    const text = Buffer.from('a: é\n---\nb: ü\n...\nc: 1\n');
    expect(splitDocuments(text).map(s => [s.line, text.toString('utf8', s.start, s.end)])).toEqual([
      [1, 'a: é\n'],
      [2, '---\nb: ü\n'],
      [5, 'c: 1\n']
    ]);
  });

  it('notes the column-0 lines of each document', () => {
    const text = 'a: 1\n  b: 2\n# c\n\n\td\n---\ne: |\n  ---\n...\nf: 3\n';
    expect(scanDocuments(text).map(d => d.topLines.map(at => text.slice(at, text.indexOf('\n', at))))).toEqual([
      ['a: 1', '# c', '\td'],
      ['---', 'e: |'],
      ['f: 3']
    ]);
  });
});

describe('block scan', () => {
  it('reads key lines as plain keys with inline values', () => {
    expect(keyLine('name: x # note')).toEqual({ key: 'name', inline: 'x' });
    expect(keyLine('app.kubernetes.io/name:\t "a" \r')).toEqual({ key: 'app.kubernetes.io/name', inline: '"a"' });
    expect(keyLine('spec:  \r')).toEqual({ key: 'spec', inline: '' });
    expect(keyLine('spec:x')).toBeUndefined();
    expect(keyLine('a: b\rc')).toBeUndefined();
    expect(keyLine('"a": b')).toBeUndefined();
  });

  it('reads the top level from its column-0 lines as a full scan does', () => {
    const text = 'apiVersion: v1\n# c\nkind: X\nspec:\n  a:\n    b: 1\n  c: 2\ndata: |\n  x: y\n';
    const starts = [...text.matchAll(/^[^ \n]/gm)].map(m => m.index! + 5);
    expect(topLevelEntries(text, starts, 5)).toEqual(mappingEntries(text, 0, text.length));
    expect(topLevelEntries('a: 1\na: 2\n', [0, 5])).toBeUndefined();
  });

  it('ends each nested entry at the next line indented as far or less, whatever lies deeper', () => {
    const lines = [
      'root:',
      '  a: 1',
      '  b:',
      '    deep: x',
      '      ',
      '    # note',
      '  c: |',
      '    text',
      '',
      '   three: spaces',
      '\tnot: a key line',
      '  d: 4\r',
      '  e: 5'
    ];
    const text = lines.join('\n');
    const at = (line: number) => lines.slice(0, line).join('\n').length + (line > 0 ? 1 : 0);
    const spans = (to: number) => {
      const found = mappingEntries(text, at(1), to);
      return found && [...found.values()].map(e => [e.key, e.start, e.end]);
    };
    // A tab at the start of a line is content, not indentation: it ends the entry before it.
    expect(spans(at(10))).toEqual([
      ['a', at(1), at(2)],
      ['b', at(2), at(6)],
      ['c', at(6), at(10)]
    ]);
    // Past the tab line, which is no key line, the range is no simple block mapping.
    expect(spans(text.length)).toBeUndefined();
    const rest = mappingEntries(text, at(11), text.length);
    expect(rest && [...rest.values()].map(e => [e.key, e.start, e.end])).toEqual([
      ['d', at(11), at(12)],
      ['e', at(12), text.length]
    ]);
    // The range ends an entry, even on a line that is not shallower.
    const cut = mappingEntries(text, at(1), at(8));
    expect(cut && [...cut.values()].map(e => [e.key, e.end])).toEqual([
      ['a', at(2)],
      ['b', at(6)],
      ['c', at(8)]
    ]);
  });
});

describe('identity', () => {
  it.each([
    ['apps/v1', 'apps'],
    ['v1', ''],
    ['apiextensions.k8s.io/v1', 'apiextensions.k8s.io'],
    ['kustomize.toolkit.fluxcd.io/v1', 'kustomize.toolkit.fluxcd.io']
  ])('apiGroup(%p) = %p', (v, g) => expect(apiGroup(v)).toBe(g));

  it('knows cluster-scoped kinds', () => {
    expect(
      ['Namespace', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding'].every(
        isClusterScoped
      )
    ).toBe(true);
    expect(isClusterScoped('PersistentVolumeClaim')).toBe(false);
  });

  it('keys ignore the version', () => {
    const k = (apiVersion: string) =>
      resourceKey({ apiVersion, group: apiGroup(apiVersion), kind: 'HelmRelease', namespace: 'a', name: 'b' });
    expect(k('helm.toolkit.fluxcd.io/v2beta1')).toBe(k('helm.toolkit.fluxcd.io/v2'));
  });
});

describe('kustomize and Flux context', () => {
  it('resolves patch paths relative to the kustomization', () => {
    const build = {
      patches: [{ path: 'patches/size.yaml', target: { kind: 'PersistentVolumeClaim' } }, { patch: '- op: remove\n  path: /x' }],
      patchesStrategicMerge: ['../base/hr.yaml', 'apiVersion: v1\nkind: X\n'],
      patchesJson6902: [{ path: './ops.yaml' }]
    };
    expect(patchFilesOf('apps/prod/kustomization.yaml', build).sort()).toEqual([
      'apps/base/hr.yaml',
      'apps/prod/ops.yaml',
      'apps/prod/patches/size.yaml'
    ]);
  });

  it('finds Flux Kustomizations and the longest matching path', () => {
    const ks = (name: string, path: string, prune: boolean) =>
      `---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${name}\n  namespace: flux-system\nspec:\n  path: ${path}\n  prune: ${prune}\n  sourceRef: {kind: GitRepository, name: flux-system}\n`;
    const ctx = revisionContextFromFiles([
      ['clusters/prod/apps.yaml', ks('apps', './apps/prod', false) + ks('infra', './infrastructure/', true)],
      ['clusters/prod/flux-system/gotk-sync.yaml', ks('flux-system', './clusters/prod', true)],
      ['apps/prod/kustomization.yaml', 'resources: [db.yaml]\npatches:\n- path: size.yaml\n']
    ]);
    expect(ctx.fluxKustomizations.map(k => [k.name, k.path, k.prune, k.line])).toEqual([
      ['apps', 'apps/prod', false, 2],
      ['infra', 'infrastructure', true, 12],
      ['flux-system', 'clusters/prod', true, 2]
    ]);
    expect([...ctx.patchFiles]).toEqual(['apps/prod/size.yaml']);
    expect(ownerOf(ctx.fluxKustomizations, 'apps/prod/db/pvc.yaml')?.name).toBe('apps');
    expect(ownerOf(ctx.fluxKustomizations, 'infrastructure/x.yaml')?.name).toBe('infra');
    expect(ownerOf(ctx.fluxKustomizations, 'apps/production/x.yaml')).toBeUndefined();
  });
});

describe('globMatcher', () => {
  it.each<[string, string, boolean]>([
    ['apps/**', 'apps/a/b.yaml', true],
    ['apps/', 'apps/a.yaml', true],
    ['apps', 'apps/a.yaml', true],
    ['apps', 'apps2/a.yaml', false],
    ['**/*.sops.yaml', 'x/y/s.sops.yaml', true],
    ['**/*.sops.yaml', 's.sops.yaml', true],
    ['*.yaml', 'x/a.yaml', false],
    ['clusters/*/flux-system/**', 'clusters/prod/flux-system/gotk.yaml', true]
  ])('%p matches %p: %p', (glob, path, expected) => expect(globMatcher(glob)(path)).toBe(expected));
});

describe('ManifestDocument lookups read values as the parser does', () => {
  it('reads label and annotation maps as the parser does', () => {
    const keys = [
      'app',
      'app.kubernetes.io/name',
      'kustomize.toolkit.fluxcd.io/prune',
      'helm.sh/resource-policy',
      'True',
      'true',
      'null',
      'y',
      '1',
      '0x10',
      '1e3',
      '_x',
      'a-b_c.d',
      'constructor',
      'toString',
      '__proto__',
      '"q"',
      "'q'",
      'a b'
    ];
    const values = [
      'disabled',
      'Enabled',
      'IfNotPresent',
      'keep',
      'true',
      'False',
      'null',
      '~',
      '10Gi',
      '1',
      '0x10',
      '"x"',
      "'y'",
      './apps',
      'a b',
      'a # c',
      '[a]',
      '{a: 1}',
      '',
      '|\n      text',
      'x\n      more',
      '- a',
      'a: b'
    ];
    let s = 11;
    const rnd = (n: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let i = 0; i < 3000; i++) {
      const lines = Array.from({ length: 1 + rnd(3) }, () => `    ${keys[rnd(keys.length)]}: ${values[rnd(values.length)]}`.trimEnd());
      const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n${lines.join('\n')}\n  namespace: apps\n`;
      const parsed = parseYaml(text);
      const doc = readManifestFile('a.yaml', text).resources[0]?.doc;
      if (!parsed.ok) {
        expect(() => doc?.get(['metadata', 'labels'])).not.toThrow(TypeError);
        continue;
      }
      const expected = (parsed.documents[0].value as { metadata: { labels: unknown } }).metadata.labels;
      expect({ text, labels: doc!.get(['metadata', 'labels']) }).toEqual({ text, labels: expected });
    }
  });

  it('reads a value that goes on over the next lines with the parser', () => {
    const text = 'spec:\n  path: ./apps\n    /more\n  prune: true\n';
    const doc = ManifestDocument.fromBytes(Buffer.from(text), mappingEntries(text, 0, text.length));
    expect(doc.get(['spec', 'path'])).toBe('./apps /more');
    expect(doc.get(['spec', 'prune'])).toBe(true);
  });
});

describe('isKustomizeBuildFile', () => {
  it('answers as the base name of the path does', () => {
    const paths = [
      'kustomization.yaml',
      'kustomization.yml',
      'Kustomization',
      'apps/kustomization.yaml',
      'apps/prod/Kustomization',
      'apps/mykustomization.yaml',
      'apps/Kustomization.yaml',
      'apps/kustomization.yaml.bak',
      'apps/kustomization.yamlx',
      'Kustomizations',
      'a/xKustomization',
      '/kustomization.yml',
      'kustomization',
      'apps/kustomization.YAML',
      'k/ustomization.yaml',
      'a.yaml',
      ''
    ];
    for (const p of paths)
      expect({ p, build: isKustomizeBuildFile(p) }).toEqual({
        p,
        build: ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].includes(posix.basename(p))
      });
  });
});
