import { describe, expect, it } from '@jest/globals';
import { dump } from 'js-yaml';
import { RulesAhead } from '../../src/hazards/ahead.js';
import { hazards } from '../../src/hazards/hazards.js';
import { entriesRulesRead } from '../../src/hazards/registry.js';
import type { Direction } from '../../src/hazards/types.js';
import { readManifestFile } from '../../src/manifests/manifest-file.js';
import { ownerLookup, readContextFile, revisionContextFromFiles } from '../../src/manifests/revision-context.js';
import type { FluxKustomization, Resource } from '../../src/manifests/types.js';

type Obj = Record<string, unknown>;
type Files = { path: string; before?: Obj[]; after?: Obj[] }[];

const pvc = (name: string, size: string, extra: Obj = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'apps', ...extra },
  spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: size } } }
});
const crd = (versions: string[], storage: string): Obj => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { kind: 'Widget', plural: 'widgets' },
    versions: versions.map(name => ({
      name,
      served: true,
      storage: name === storage,
      schema: { openAPIV3Schema: { type: 'object', properties: { size: { type: 'string', description: `size in ${name}` } } } }
    }))
  }
});
const FORCE = { annotations: { 'kustomize.toolkit.fluxcd.io/force': 'enabled' } };
const SSA = { labels: { 'kustomize.toolkit.fluxcd.io/ssa': 'IfNotPresent' } };
const cm = (name: string): Obj => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'apps' }, data: { a: name } });

/** The objects of `files` at one revision, read as the checked files are (fresh objects each call). */
function side(files: Files, which: 'before' | 'after'): Resource[][] {
  return files.map(f => {
    const docs = f[which];
    if (!docs) return [];
    return readManifestFile(f.path, docs.map(d => `---\n${dump(d)}`).join(''), { keep: entriesRulesRead }).resources;
  });
}

/**
 * The findings of `hazards` in both directions (or `directions`), with or without the pairs of
 * each file checked ahead.
 */
function findings(files: Files, ahead: boolean, directions: Direction[] = ['forward', 'rollback']): string[] {
  const [before, after] = [side(files, 'before'), side(files, 'after')];
  const checked = new RulesAhead();
  if (ahead) before.forEach((b, i) => checked.check(b, after[i], directions));
  const [b, a] = [{ resources: before.flat() }, { resources: after.flat() }];
  const found = [
    ...(directions.includes('forward') ? hazards(b, a, { direction: 'forward', ahead: checked }) : []),
    ...(directions.includes('rollback') ? hazards(a, b, { direction: 'rollback', ahead: checked }) : [])
  ];
  return found.map(f => `${f.rule} ${f.severity} ${f.direction} ${f.file}:${f.line} ${f.message}`);
}

describe('RulesAhead', () => {
  const cases: [string, Files][] = [
    [
      'changes within files',
      [
        { path: 'a.yaml', before: [cm('x'), pvc('data', '10Gi')], after: [cm('y'), pvc('data', '20Gi')] },
        { path: 'crds.yaml', before: [crd(['v1', 'v2'], 'v1')], after: [crd(['v2'], 'v2')] }
      ]
    ],
    [
      'unchanged objects and deletions',
      [
        { path: 'a.yaml', before: [pvc('same', '1Gi'), pvc('gone', '1Gi')], after: [pvc('same', '1Gi')] },
        { path: 'b.yaml', after: [pvc('new', '1Gi', { annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' } })] }
      ]
    ],
    // The pair made ahead (within b.yaml) is not the pair hazards makes: a.yaml's copy comes first.
    [
      'a key in several files',
      [
        { path: 'a.yaml', before: [pvc('data', '10Gi')] },
        { path: 'b.yaml', before: [pvc('data', '30Gi')], after: [pvc('data', '20Gi')] }
      ]
    ],
    // The modifiers read the annotations of objects whose documents were released after the rules ran.
    [
      'hits changed by annotations',
      [
        { path: 'a.yaml', before: [pvc('data', '10Gi', FORCE)], after: [pvc('data', '20Gi', FORCE)] },
        { path: 'b.yaml', before: [pvc('logs', '10Gi', SSA)], after: [pvc('logs', '20Gi', SSA)] }
      ]
    ],
    [
      'several objects of one key in a file',
      [{ path: 'a.yaml', before: [pvc('data', '10Gi'), pvc('data', '5Gi')], after: [pvc('data', '20Gi'), pvc('data', '1Gi')] }]
    ]
  ];

  it.each(cases)('finds what hazards finds alone: %s', (_, files) => {
    const alone = findings(files, false);
    expect(alone.length).toBeGreaterThan(0);
    expect(findings(files, true)).toEqual(alone);
    expect(findings(files, true, ['forward'])).toEqual(findings(files, false, ['forward']));
  });

  it('modifies hits by the annotations and labels of objects checked ahead', () => {
    const found = findings(cases[3][1], true);
    expect(found.filter(f => f.includes('Force is on'))).toHaveLength(1);
    expect(found.filter(f => f.includes('Not applied because it carries kustomize.toolkit.fluxcd.io/ssa: IfNotPresent'))).toHaveLength(1);
  });

  it('outcomes of one direction are not used for the other', () => {
    const files: Files = [{ path: 'a.yaml', before: [pvc('data', '10Gi')], after: [pvc('data', '20Gi')] }];
    const [before, after] = [side(files, 'before')[0], side(files, 'after')[0]];
    const ahead = new RulesAhead();
    ahead.check(before, after, ['forward']);
    expect(hazards({ resources: after }, { resources: before }, { direction: 'rollback', ahead }).map(f => f.rule)).toEqual(['pvc-expand']);
  });
});

describe('ownerLookup', () => {
  const k = (name: string, path: string): FluxKustomization => ({
    name,
    path,
    prune: true,
    force: false,
    sourcedHere: true,
    file: 'ks.yaml',
    line: 1
  });
  // The definition: the longest `spec.path` covering the file, the first of equal ones.
  const scan = (ks: FluxKustomization[], file: string): FluxKustomization | undefined => {
    let best: FluxKustomization | undefined;
    for (const x of ks) {
      const covers = x.path === '' || file === x.path || file.startsWith(`${x.path}/`);
      if (covers && (!best || x.path.length > best.path.length)) best = x;
    }
    return best;
  };

  it.each<[string, FluxKustomization[]]>([
    ['nested paths', [k('apps', 'apps'), k('prod', 'apps/prod'), k('other', 'apps/production')]],
    ['a root Kustomization and duplicates', [k('root', ''), k('first', 'apps/prod'), k('second', 'apps/prod')]],
    ['none', []]
  ])('finds what a scan finds: %s', (_, ks) => {
    const owner = ownerLookup(ks);
    for (const file of [
      'apps/prod/db/pvc.yaml',
      'apps/prod',
      'apps/production/x.yaml',
      'apps/prodx.yaml',
      'apps/x.yaml',
      'infra/x.yaml',
      '/abs.yaml',
      'top.yaml'
    ]) {
      expect(owner(file)?.name).toBe(scan(ks, file)?.name);
    }
  });
});

describe('readContextFile', () => {
  const ks =
    'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  path: ./apps\n  prune: true\n';

  it('reads files with the same bytes under each path', () => {
    const bytes = Buffer.from(ks);
    expect(readContextFile('clusters/prod/apps.yaml', bytes).fluxKustomizations.map(x => x.file)).toEqual(['clusters/prod/apps.yaml']);
    expect(readContextFile('clusters/dev/apps.yaml', bytes).fluxKustomizations.map(x => x.file)).toEqual(['clusters/dev/apps.yaml']);
    const context = revisionContextFromFiles([
      ['clusters/prod/apps.yaml', bytes],
      ['clusters/dev/apps.yaml', bytes]
    ]);
    expect(context.fluxKustomizations.map(x => x.file)).toEqual(['clusters/prod/apps.yaml', 'clusters/dev/apps.yaml']);
  });
});
