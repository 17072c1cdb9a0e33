import { afterEach, describe, expect, it } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BATCH_CHUNK, type BatchObject } from '../../src/git/batch-reader.js';
import { Git } from '../../src/git/git.js';
import { analyzeChange } from '../../src/hazards/index.js';
import { MAX_FILE_BYTES } from '../../src/manifests/manifest-file.js';
import { forEachChangedFile, readChangedFiles } from '../../src/manifests/read-change.js';
import { createRepo, type TestRepo } from '../support/repo.js';

const configMap = (name: string, filler: number, value = 'a') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: apps\ndata:\n  value: ${value}\n  filler: ${'x'.repeat(filler)}\n`;

/** A ConfigMap padded to exactly `bytes` bytes. */
function sized(name: string, bytes: number, value = 'a'): string {
  const text = configMap(name, bytes - configMap(name, 0, value).length, value);
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

const pvc = (size: string) =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: apps\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: ${size}\n`;

describe('streaming blob reader', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('reads objects larger than its read chunk, empty ones and missing names, in the order asked', async () => {
    repo = createRepo();
    const big = `# ${'y'.repeat(BATCH_CHUNK + 1000)}\n${pvc('1Gi')}`;
    repo.commit({ 'big.yaml': big, 'empty.yaml': '', 'small.yaml': pvc('2Gi') }, 'Add files');
    const git = await Git.create(repo.work);
    const seen: BatchObject[] = [];
    await git.catFileBatch(['HEAD:big.yaml', 'HEAD:nope.yaml', 'HEAD:empty.yaml', 'HEAD:small.yaml', 'HEAD'], o => seen.push(o));
    expect(seen.map(o => [o.name, o.type, o.size])).toEqual([
      ['HEAD:big.yaml', 'blob', Buffer.byteLength(big)],
      ['HEAD:nope.yaml', 'missing', -1],
      ['HEAD:empty.yaml', 'blob', 0],
      ['HEAD:small.yaml', 'blob', Buffer.byteLength(pvc('2Gi'))],
      ['HEAD', 'commit', expect.any(Number)]
    ]);
    expect(seen[0].content?.toString('utf8')).toBe(big);
    expect(seen[2].content?.length).toBe(0);
    expect(seen[3].content?.toString('utf8')).toBe(pvc('2Gi'));
  });

  it('reads many objects of any size, whatever part of the read window their header lines fall in', async () => {
    repo = createRepo();
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`f${i}.yaml`] = `# ${i}\n${'z'.repeat((i * 7919) % 40_000)}\n`;
    repo.commit(files, 'Add files');
    const git = await Git.create(repo.work);
    const names = Object.keys(files).map(f => `HEAD:${f}`);
    const seen: BatchObject[] = [];
    await git.catFileBatch(names, o => seen.push(o));
    expect(seen.map(o => o.name)).toEqual(names);
    expect(seen.map(o => o.content?.toString('utf8'))).toEqual(Object.values(files));
  });

  it('hands out objects around the chunk size whole, and each stays intact while later ones are read', async () => {
    repo = createRepo();
    const sizes = [10, BATCH_CHUNK - 60, 100, BATCH_CHUNK, 7, BATCH_CHUNK + 1, BATCH_CHUNK - 1, 3, BATCH_CHUNK / 2, BATCH_CHUNK / 2];
    const files = Object.fromEntries(sizes.map((n, i) => [`f${i}.yaml`, String.fromCharCode(97 + i).repeat(n)]));
    repo.commit(files, 'Add files');
    const git = await Git.create(repo.work);
    const names = Object.keys(files).map(f => `HEAD:${f}`);
    const seen: BatchObject[] = [];
    await git.catFileBatch([...names, ...names.slice(0, 3)], o => seen.push(o));
    expect(seen.map(o => o.content?.toString('latin1'))).toEqual([...Object.values(files), ...Object.values(files).slice(0, 3)]);
  });

  it('reports a git that fails with its explanation', async () => {
    repo = createRepo();
    const git = await Git.create(repo.root);
    await expect(git.catFileBatch(['HEAD:a.yaml'], () => undefined)).rejects.toThrow(
      /git cat-file failed \(exit 128\): fatal: not a git repository/
    );
  });

  it('skips contents above maxBytes without reading them into memory, and passes a consumer error on', async () => {
    repo = createRepo();
    repo.commit({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 22\n' }, 'Add files');
    const git = await Git.create(repo.work);
    const seen: BatchObject[] = [];
    await git.catFileBatch(['HEAD:a.yaml', 'HEAD:b.yaml'], o => seen.push(o), { maxBytes: 5 });
    expect(seen.map(o => [o.size, o.content?.toString('utf8')])).toEqual([
      [5, 'a: 1\n'],
      [6, undefined]
    ]);
    await expect(
      git.catFileBatch(['HEAD:a.yaml'], () => {
        throw new Error('consumer failed');
      })
    ).rejects.toThrow('consumer failed');
  });

  it('stops with an error naming the file when git lacks a blob the change lists, instead of reading a deletion', async () => {
    repo = createRepo({ 'apps/pvc.yaml': pvc('10Gi') });
    const base = repo.git('rev-parse', 'HEAD');
    const head = repo.commit({ 'apps/pvc.yaml': pvc('20Gi') }, 'Grow the claim');
    const blob = repo.git('rev-parse', `${head}:apps/pvc.yaml`);
    // A damaged clone: the head's blob is gone (it is a loose object right after the commit).
    rmSync(join(repo.work, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const git = await Git.create(repo.work);
    const expected = `Could not read apps/pvc.yaml at the head revision: git has no blob ${blob}.`;
    await expect(readChangedFiles(git, base, head)).rejects.toThrow(expected);
    await expect(analyzeChange(git, base, head)).rejects.toThrow(expected);
  });

  it('stops with an error naming the file when git lacks the blob of an unchanged Flux Kustomization, instead of checking without it', async () => {
    const kustomization =
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  path: ./apps\n  prune: false\n';
    const claim = (name: string) => pvc('1Gi').replace('name: data', `name: ${name}`);
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`apps/c${i}.yaml`, claim(`c${i}`)]));
    repo = createRepo({ 'clusters/apps.yaml': kustomization, 'apps/a.yaml': claim('a'), ...many });
    const base = repo.git('rev-parse', 'HEAD');
    const git = await Git.create(repo.work);
    // Deleting one claim is found, so the context is searched: the Kustomization's prune: false
    // makes it a notice.
    const small = repo.commit({ 'apps/a.yaml': null }, 'Delete a claim');
    expect((await analyzeChange(git, base, small, { directions: ['forward'] })).findings.map(f => `${f.rule} ${f.severity}`)).toEqual([
      'pvc-delete notice'
    ]);
    // Deleting 61 claims searches the unchanged files while the change is read.
    const large = repo.commit(Object.fromEntries(Object.keys(many).map(path => [path, null])), 'Delete the rest');
    const blob = repo.git('rev-parse', `${base}:clusters/apps.yaml`);
    rmSync(join(repo.work, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const expected = `Could not read clusters/apps.yaml at the base revision: git has no blob ${blob}.`;
    await expect(analyzeChange(git, base, small)).rejects.toThrow(expected);
    await expect(analyzeChange(git, base, large)).rejects.toThrow(expected);
  });

  it('reads a changed file exactly at the size limit and reports one a byte over it as too large', async () => {
    repo = createRepo();
    const base = repo.commit({ 'at-limit.yaml': sized('at', MAX_FILE_BYTES), 'over.yaml': sized('over', MAX_FILE_BYTES + 1) }, 'Base');
    const head = repo.commit(
      { 'at-limit.yaml': sized('at', MAX_FILE_BYTES, 'b'), 'over.yaml': sized('over', MAX_FILE_BYTES + 1, 'b') },
      'Change'
    );
    const git = await Git.create(repo.work);
    const files = await readChangedFiles(git, base, head);
    expect(files.map(f => f.path)).toEqual(['at-limit.yaml', 'over.yaml']);
    expect(files[0].before?.length).toBe(MAX_FILE_BYTES);
    expect(files[0].after?.length).toBe(MAX_FILE_BYTES);
    expect(files[0].tooLarge).toBeUndefined();
    expect(files[1]).toEqual({ path: 'over.yaml', tooLarge: { before: MAX_FILE_BYTES + 1, after: MAX_FILE_BYTES + 1 } });
    const analysis = await analyzeChange(git, base, head);
    expect(analysis.findings.map(f => [f.rule, f.file])).toEqual([['manifest-unreadable', 'over.yaml']]);
  });

  it('leaves out submodules, which have no blob to read, whether added, changed or removed', async () => {
    repo = createRepo();
    const base = repo.commit({ 'apps/pvc.yaml': pvc('1Gi') }, 'Base');
    // A gitlink named like a manifest: a commit id in the tree, not a file.
    const link = (path: string, sha: string) => repo.git('update-index', '--add', '--cacheinfo', `160000,${sha},${path}`);
    link('vendor/chart.yaml', base);
    link('vendor/old.yaml', base);
    repo.git('commit', '--quiet', '-m', 'Add submodules');
    repo.git('rm', '--cached', '--quiet', 'vendor/old.yaml');
    link('vendor/chart.yaml', repo.git('rev-parse', 'HEAD').trim());
    // Committed as staged: `git add --all` would drop the gitlinks, which have no folder here.
    writeFileSync(join(repo.work, 'apps/pvc.yaml'), pvc('2Gi'));
    repo.git('add', 'apps/pvc.yaml');
    repo.git('commit', '--quiet', '-m', 'Change');
    const head = repo.git('rev-parse', 'HEAD').trim();
    // Added from base; changed and removed from the commit that added them.
    const raw = (from: string) =>
      repo
        .git('diff', '--raw', from, head, '--', 'vendor')
        .trim()
        .split('\n')
        .map(l =>
          l
            .split(/\s+/)
            .filter((_, i) => i !== 2 && i !== 3)
            .join(' ')
        );
    expect(raw(base)).toEqual([':000000 160000 A vendor/chart.yaml']);
    expect(raw('HEAD~1')).toEqual([':160000 160000 M vendor/chart.yaml', ':160000 000000 D vendor/old.yaml']);
    const git = await Git.create(repo.work);
    const seen: string[] = [];
    for (const [from, to] of [
      [base, head],
      [repo.git('rev-parse', 'HEAD~1').trim(), head]
    ]) {
      await forEachChangedFile(git, from, to, {}, f => seen.push(`${f.path} ${f.before !== undefined} ${f.after !== undefined}`));
    }
    expect(seen).toEqual(['apps/pvc.yaml true true', 'apps/pvc.yaml true true']);
  });

  it('reads the paths of the change as git prints them: spaces, line feeds, non-ASCII, colons', async () => {
    repo = createRepo();
    const paths = ['apps/with space.yaml', 'apps/line\nfeed.yaml', 'apps/größe.yaml', 'apps/a: b.yaml', ' lead.yaml'];
    const base = repo.commit(Object.fromEntries(paths.map(p => [p, pvc('1Gi')])), 'Base');
    const head = repo.commit(
      { ...Object.fromEntries(paths.slice(1).map(p => [p, pvc('2Gi')])), [paths[0]]: null, 'apps/new one.yaml': pvc('3Gi') },
      'Change'
    );
    const git = await Git.create(repo.work);
    const seen: string[] = [];
    await forEachChangedFile(git, base, head, {}, f =>
      seen.push(`${JSON.stringify(f.path)} ${f.before !== undefined} ${f.after !== undefined}`)
    );
    expect(seen.sort()).toEqual(
      [...paths.map((p, i) => `${JSON.stringify(p)} true ${i > 0}`), `${JSON.stringify('apps/new one.yaml')} false true`].sort()
    );
  });

  it('hands out each file once with both sides, in path order, also when files share a blob', async () => {
    repo = createRepo();
    const base = repo.commit({ 'a/pvc.yaml': pvc('1Gi'), 'b/pvc.yaml': pvc('1Gi'), 'c/gone.yaml': pvc('5Gi') }, 'Base');
    const head = repo.commit(
      { 'a/pvc.yaml': pvc('2Gi'), 'b/pvc.yaml': pvc('2Gi'), 'c/gone.yaml': null, 'd/new.yaml': pvc('1Gi') },
      'Change'
    );
    const git = await Git.create(repo.work);
    const seen: [string, string | undefined, string | undefined][] = [];
    const count = await forEachChangedFile(git, base, head, {}, f =>
      seen.push([f.path, f.before && Buffer.from(f.before).toString('utf8'), f.after && Buffer.from(f.after).toString('utf8')])
    );
    expect(count).toBe(4);
    expect(seen).toEqual([
      ['a/pvc.yaml', pvc('1Gi'), pvc('2Gi')],
      ['b/pvc.yaml', pvc('1Gi'), pvc('2Gi')],
      ['c/gone.yaml', pvc('5Gi'), undefined],
      ['d/new.yaml', undefined, pvc('1Gi')]
    ]);
  });
});
