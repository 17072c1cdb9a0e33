import { posix } from 'node:path';
import { isObject } from '../core/index.js';
import { normalisePath } from '../manifests/kustomize-build.js';
import type { Resource } from '../manifests/types.js';
import type { BuildTree } from './build-tree.js';

// Flux's ArtifactGenerator (source.extensions.fluxcd.io) copies folders of a source into an
// ExternalArtifact that Kustomizations apply. When it copies folders of this repository keeping
// their layout (`@repo/apps/base/** -> @artifact/base/`, `@repo/apps/production/** ->
// @artifact/production/`), the artifact is a folder of this repository (`apps`), and a
// Kustomization's `spec.path` in it is a path here.

const GENERATOR_GROUP = 'source.extensions.fluxcd.io';

/**
 * The folder of this repository that a Kustomization of an ExternalArtifact applies, when an
 * ArtifactGenerator next to it (in its folder) makes that artifact from the `flux-system`
 * GitRepository by copying folders with their layout kept; undefined otherwise.
 */
export async function artifactPathHere(tree: BuildTree, ks: Resource): Promise<string | undefined> {
  const ref = ks.doc.get(['spec', 'sourceRef']);
  if (!isObject(ref) || ref.kind !== 'ExternalArtifact' || typeof ref.name !== 'string') return undefined;
  const namespace = typeof ref.namespace === 'string' ? ref.namespace : ks.namespace;
  const folder = posix.dirname(ks.file);
  for (const objects of await tree.objectsOfFiles(tree.filesIn(folder === '.' ? '' : folder))) {
    for (const r of objects) {
      if (r.group !== GENERATOR_GROUP || r.kind !== 'ArtifactGenerator' || r.namespace !== namespace) continue;
      const root = artifactRoot(r, ref.name);
      if (root === undefined) continue;
      const path = normalisePath(String(ks.doc.get(['spec', 'path']) ?? ''));
      return normalisePath(posix.join(root, path));
    }
  }
  return undefined;
}

/** The folder of this repository that artifact `name` of a generator is a copy of, if one is. */
function artifactRoot(generator: Resource, name: string): string | undefined {
  const sources = generator.doc.get(['spec', 'sources']);
  const artifacts = generator.doc.get(['spec', 'artifacts']);
  if (!Array.isArray(sources) || !Array.isArray(artifacts)) return undefined;
  const here = new Set(
    sources
      .filter(s => isObject(s) && s.kind === 'GitRepository' && s.name === 'flux-system' && typeof s.alias === 'string')
      .map(s => s.alias as string)
  );
  const artifact = artifacts.find(a => isObject(a) && a.name === name);
  if (!isObject(artifact) || !Array.isArray(artifact.copy) || artifact.copy.length === 0) return undefined;
  let root: string | undefined;
  for (const copy of artifact.copy) {
    if (!isObject(copy) || typeof copy.from !== 'string' || typeof copy.to !== 'string') return undefined;
    const from = /^@([^/]+)\/(.*?)\/?\*\*$/.exec(copy.from);
    const to = /^@artifact\/(.*?)\/?$/.exec(copy.to);
    if (!from || !to || !here.has(from[1]) || from[2].includes('*')) return undefined;
    const [source, target] = [normalisePath(from[2]), normalisePath(to[1])];
    // The layout is kept when the source folder ends with the target folder: the root is what is left.
    if (target !== '' && source !== target && !source.endsWith(`/${target}`)) return undefined;
    const at = target === '' ? source : source.slice(0, source.length - target.length).replace(/\/$/, '');
    if (root !== undefined && root !== at) return undefined;
    root = at;
  }
  return root;
}
