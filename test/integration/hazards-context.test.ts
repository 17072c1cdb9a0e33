import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ExecOptions, Git, type GitResult } from '../../src/git/git.js';
import { analyzeChange, type AnalyzeOptions } from '../../src/hazards/index.js';
import { readManifestFile } from '../../src/manifests/manifest-file.js';
import { streamFiles } from '../../src/manifests/blob-stream.js';
import { ContextReader, readRevisionContexts } from '../../src/manifests/flux-context.js';
import { listChange, type ChangeFilter } from '../../src/manifests/read-change.js';
import type { RevisionContext } from '../../src/manifests/types.js';
import { fluxKustomization as ks } from '../support/fleet.js';
import { createRepo, type TestRepo } from '../support/repo.js';

// The engine no longer searches the whole tree of both revisions: it searches the unchanged files
// once and takes the changed ones as they stream past, and a small change with nothing to report
// skips the search. These tests hold both to the whole-tree search of both revisions.

const pvc = (name: string, opts: { size?: string; cls?: string; ns?: string } = {}) => `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
  namespace: ${opts.ns ?? 'db'}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ${opts.cls ?? 'fast'}
  resources:
    requests:
      storage: ${opts.size ?? '10Gi'}
`;

const release = (values: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: redis
  namespace: infra
spec:
  values:
    ${values}
`;

const deployment = (name: string, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: web
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    spec:
      containers:
      - name: app
        image: ${image}
`;

const fleet: Record<string, string> = {
  'clusters/prod/apps.yaml': ks('apps', './apps/prod') + ks('legacy', './apps/legacy', { prune: false }),
  'clusters/prod/forced.yaml': ks('forced', './apps/forced', { force: true }),
  'apps/prod/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [db.yaml, web.yaml]\npatches:\n- path: patches/redis.yaml\n',
  'apps/prod/patches/redis.yaml': release('replicas: 3'),
  'apps/prod/db.yaml': pvc('db-data'),
  'apps/prod/web.yaml': deployment('web', 'web:1.0.0'),
  'apps/legacy/pvc.yaml': pvc('legacy-data'),
  'apps/forced/pvc.yaml': pvc('forced-data'),
  'apps/other/Kustomization': 'resources: [a.yaml]\npatches:\n- path: a-patch.yaml\n',
  'apps/other/a-patch.yaml': release('replicas: 5'),
  'infrastructure/redis.yaml': release('replicas: 1'),
  // Binary: whichever search finds it, its Kustomization must not count.
  'clusters/prod/binary.yaml': '\u0000' + ks('ghost', './apps/prod', { prune: false }),
  // Mentions the Flux group without being a Flux Kustomization.
  'apps/prod/settings.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: web\n  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n'
};

/** Changes, each from the fleet above; `null` deletes a file. */
const changes: [string, Record<string, string | null>][] = [
  ['a one-file image bump (nothing to report)', { 'apps/prod/web.yaml': deployment('web', 'web:1.1.0') }],
  ['a PVC deleted under prune: false', { 'apps/legacy/pvc.yaml': null }],
  ['a PVC deleted under prune: true', { 'apps/prod/db.yaml': null }],
  ['a claim class changed under spec.force: true', { 'apps/forced/pvc.yaml': pvc('forced-data', { cls: 'slow' }) }],
  ['a claim class changed without force', { 'apps/prod/db.yaml': pvc('db-data', { cls: 'slow' }) }],
  ['a patch file edited', { 'apps/prod/patches/redis.yaml': release('replicas: 4') }],
  [
    'a patch file deleted with its reference',
    { 'apps/prod/patches/redis.yaml': null, 'apps/prod/kustomization.yaml': 'resources: [db.yaml, web.yaml]\n' }
  ],
  ['a patch file deleted, its reference kept', { 'apps/prod/patches/redis.yaml': null }],
  ['a patch named by a Kustomization file (no extension) deleted', { 'apps/other/a-patch.yaml': null }],
  [
    'a file becoming a patch',
    {
      'infrastructure/redis.yaml': null,
      'apps/prod/kustomization.yaml': fleet['apps/prod/kustomization.yaml'].replace(
        '- path: patches/redis.yaml',
        '- path: patches/redis.yaml\n- path: ../../infrastructure/redis.yaml'
      )
    }
  ],
  ['a build file without extension changed', { 'apps/other/Kustomization': 'resources: [a.yaml]\n' }],
  [
    'the Flux Kustomization switching prune off while a claim goes',
    {
      'clusters/prod/apps.yaml': ks('apps', './apps/prod', { prune: false }) + ks('legacy', './apps/legacy', { prune: false }),
      'apps/prod/db.yaml': null
    }
  ],
  ['a claim moved to a folder of another Kustomization', { 'apps/prod/db.yaml': null, 'apps/legacy/db.yaml': pvc('db-data') }],
  [
    'the same claim name in two folders, one grown',
    { 'apps/legacy/copy.yaml': pvc('db-data', { size: '20Gi' }), 'apps/prod/db.yaml': pvc('db-data', { size: '20Gi' }) }
  ],
  ['an unreadable file next to a deletion', { 'apps/prod/db.yaml': null, 'apps/prod/broken.yaml': 'a: [\n' }]
];

const summary = (findings: { rule: string; severity: string; direction: string; file: string; line: number; message: string }[]) =>
  findings.map(f => `${f.rule} ${f.severity} ${f.direction} ${f.file}:${f.line} ${f.message}`);

describe('the Flux context of a change', () => {
  let repo: TestRepo;
  let git: Git;
  let base: string;
  const heads = new Map<string, string>();

  beforeAll(async () => {
    repo = createRepo(fleet);
    git = await Git.create(repo.work);
    base = repo.git('rev-parse', 'HEAD');
    for (const [name, files] of changes) {
      repo.git('reset', '--quiet', '--hard', base);
      heads.set(name, repo.commit(files, name));
    }
  });
  afterAll(() => repo.cleanup());

  /** Runs the engine and records which git commands it ran. */
  async function analyze(head: string, options: ChangeFilter & AnalyzeOptions = {}) {
    const commands: string[] = [];
    // Every command goes through the wrapper's private `exec`: reached here by name, as recordGitCommands does.
    const door = git as unknown as { exec(args: string[], options?: ExecOptions): Promise<GitResult> };
    const exec = door.exec.bind(git);
    const batch = git.catFileBatch.bind(git);
    door.exec = (args, opts) => {
      commands.push(args[0]);
      return exec(args, opts);
    };
    git.catFileBatch = (names, onObject, opts) => {
      // Asked for nothing, it runs no git.
      if (names.length > 0) commands.push('cat-file --batch');
      return batch(names, onObject, opts);
    };
    try {
      return { result: await analyzeChange(git, base, head, options), commands };
    } finally {
      door.exec = exec;
      git.catFileBatch = batch;
    }
  }

  const directionSets: AnalyzeOptions['directions'][] = [undefined, ['forward'], ['rollback']];

  it.each(changes.map(([name]) => name))('%s: the same findings as with the whole-tree context of both revisions', async name => {
    const head = heads.get(name)!;
    const context = await readRevisionContexts(git, base, head);
    for (const directions of directionSets) {
      const expected = await analyzeChange(git, base, head, { directions, context });
      const { result } = await analyze(head, { directions });
      expect(summary(result.findings)).toEqual(summary(expected.findings));
      expect(result.filesChecked).toBe(expected.filesChecked);
    }
  });

  it.each(changes.map(([name]) => name))('%s: the context built from the streamed files equals the whole-tree one', async name => {
    const head = heads.get(name)!;
    const expected = comparable(await readRevisionContexts(git, base, head));
    for (const filter of [{}, { exclude: ['clusters/**'] }, { paths: ['apps/prod/'] }]) {
      // Files handed over as bytes only (searched), and with the objects read from them.
      const ways = [
        [false, undefined],
        [true, undefined],
        [true, 0]
      ] as const;
      for (const [withObjects, maxReadBytes] of ways) {
        const listing = await listChange(git, base, head, filter);
        const reader = new ContextReader(listing);
        // The unchanged files read and searched here, or (no bytes allowed) found by git grep.
        const others = reader.readOthers(git, base, { maxReadBytes });
        await streamFiles(git, listing.checked, file => {
          if (!withObjects) return reader.add(file);
          const read = (side: 'before' | 'after') => (file[side] === undefined ? undefined : readManifestFile(file.path, file[side]!));
          reader.add(file, { before: read('before'), after: read('after') });
        });
        expect(comparable(reader.contexts(await others))).toEqual(expected);
      }
    }
  });

  it('the revert guard does not search the tree for a one-file change that cannot be affected', async () => {
    const { result, commands } = await analyze(heads.get('a one-file image bump (nothing to report)')!, { directions: ['forward'] });
    expect(result.findings).toEqual([]);
    expect(commands).not.toContain('grep');
    expect(commands).not.toContain('ls-tree');
  });

  it.each([
    ['a PVC deleted under prune: false', 'pvc-delete notice forward apps/legacy/pvc.yaml:2'],
    ['a claim class changed under spec.force: true', 'pvc-immutable-change critical forward apps/forced/pvc.yaml:2']
  ])('%s: the context is searched and changes the severity', async (name, expected) => {
    const { result, commands } = await analyze(heads.get(name)!, { directions: ['forward'] });
    expect(summary(result.findings).map(s => s.split(' ').slice(0, 4).join(' '))).toEqual([expected]);
    expect(commands).toContain('ls-tree');
  });

  it('a large change searches for its context while git reads its files, with the same findings', async () => {
    repo.git('reset', '--quiet', '--hard', base);
    const many: Record<string, string> = { 'apps/legacy/pvc.yaml': pvc('legacy-data', { size: '20Gi' }) };
    for (let i = 0; i < 60; i++)
      many[`apps/prod/many/cm-${i}.yaml`] =
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: web\ndata:\n  a: "${i}"\n`;
    const head = repo.commit(many, 'many');
    const context = await readRevisionContexts(git, base, head);
    const expected = await analyzeChange(git, base, head, { context });
    const { result, commands } = await analyze(head);
    expect(summary(result.findings)).toEqual(summary(expected.findings));
    expect(result.findings.map(f => f.rule)).toEqual(['pvc-expand']);
    expect(commands).toContain('ls-tree');
    expect(commands).not.toContain('grep');
  });
});

function comparable(c: { before: RevisionContext; after: RevisionContext }) {
  const side = (r: RevisionContext) => ({ fluxKustomizations: r.fluxKustomizations, patchFiles: [...r.patchFiles].sort() });
  return { before: side(c.before), after: side(c.after) };
}
