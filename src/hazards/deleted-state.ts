import type { DiffEntry, Git, TreeEntry } from '../git/git.js';
import { normalisePath } from '../manifests/kustomize-build.js';
import { isFluxKustomization, type LocalSources } from '../manifests/revision-context.js';
import type { Resource } from '../manifests/types.js';
import { artifactPathHere } from './artifact-source.js';
import { buildsSameObjects, weighBuildIdentity, type Trees } from './build-identity.js';
import { BuildFiles, BuildTree, substitutions } from './build-tree.js';
import type { Finding } from './types.js';

const KS_DELETE = 'flux-kustomization-delete';
const KS_RETARGET = 'flux-kustomization-retarget';

/** The GitRepositories whose URL is this repository, at each revision (see sourcedHere). */
export interface LocalSourcesOf {
  before?: LocalSources;
  after?: LocalSources;
}

/** What the analysis already knows of the change, so that weighing asks git for none of it again. */
export interface Known {
  /** The GitRepositories whose URL is this repository, at each revision. */
  local?: LocalSourcesOf;
  /** `base`'s tree listing, when one is already under way. */
  baseTree?: () => Promise<TreeEntry[]>;
  /** The change's `git diff --raw` entries. */
  changes?: readonly DiffEntry[];
}

/**
 * Weighs the findings of a change by what the repository builds, reading its trees only when a
 * finding needs them:
 * - deletions of objects that kustomize still builds, under the same identity, go (see
 *   weighBuildIdentity), as do build-file namespace changes that move nothing;
 * - a Flux Kustomization moved to a folder that builds the same files is a notice;
 * - a forward deletion of a pruning Flux Kustomization is critical, naming the state, when what it
 *   builds at `base` holds claims, StatefulSets with claim templates, CRDs, namespaces or
 *   HelmReleases that create claims; a warning when nothing persistent was found. One whose
 *   source is another repository stays critical: what it builds cannot be seen here.
 */
export async function weighDeletedState(git: Git, base: string, head: string, findings: Finding[], known: Known = {}): Promise<Finding[]> {
  const trees = lazyTrees(git, base, head, known.local ?? {}, known.baseTree);
  const weighed = await weighBuildIdentity(trees, findings);
  await weighRetargets(trees, weighed, async () => known.changes ?? git.diffRaw(base, head));
  const targets = weighed.filter(f => f.rule === KS_DELETE && f.direction === 'forward' && f.severity === 'critical');
  if (targets.length === 0) return weighed;
  const tree = await trees.base();
  for (const f of targets) {
    const ks = (await tree.objectsOf(f.file)).find(r => isFluxKustomization(r) && r.name === f.name && r.namespace === f.namespace);
    if (!ks || !tree.sourcedHere(ks)) continue;
    const state = await tree.stateBuiltBy(ks);
    const path = normalisePath(String(ks.doc.get(['spec', 'path']) ?? '')) || 'the repository root';
    if (state.length === 0) {
      f.severity = 'warning';
      f.message = `Deleting Flux Kustomization ${f.namespace ? `${f.namespace}/` : ''}${f.name} garbage-collects every object it applied; nothing persistent (claims, StatefulSets with claim templates, CRDs, namespaces, HelmReleases that create claims) was found in what it builds from ${path} at the base revision. Check that nothing it applied holds data.`;
    } else {
      f.message = `${f.message} It deletes: ${state.slice(0, MAX_LISTED).join('; ')}${state.length > MAX_LISTED ? `; and ${state.length - MAX_LISTED} more` : ''}.`;
    }
  }
  return weighed;
}

const MAX_LISTED = 10;

function lazyTrees(git: Git, base: string, head: string, local: LocalSourcesOf, baseListing?: () => Promise<TreeEntry[]>): Trees {
  // Most build files are the same at both revisions: each is read and parsed once.
  const builds = new BuildFiles(git);
  const read = (listing: () => Promise<TreeEntry[]>, side: 'base' | 'head', sources?: LocalSources) => {
    let tree: Promise<BuildTree> | undefined;
    return () =>
      (tree ??= listing().then(async entries => {
        const t = new BuildTree(git, entries, side, sources);
        await t.loadBuildFiles(builds);
        return t;
      }));
  };
  return {
    base: read(baseListing ?? (() => git.lsTree(base)), 'base', local.before),
    head: read(() => git.lsTree(head), 'head', local.after)
  };
}

/**
 * A Flux Kustomization whose `spec.path` moves to a folder that builds the same files (a folder
 * renamed, its files moved unchanged) prunes nothing: its retarget finding becomes a notice. The
 * Kustomization itself may have moved to another file with its folder.
 */
async function weighRetargets(trees: Trees, findings: Finding[], changes: () => Promise<readonly DiffEntry[]>): Promise<void> {
  const targets = findings.filter(f => f.rule === KS_RETARGET && f.direction === 'forward' && f.severity === 'critical');
  if (targets.length === 0) return;
  const [was, now] = await Promise.all([trees.base(), trees.head()]);
  let moved: Promise<string[]> | undefined;
  for (const f of targets) {
    const same = (r: Resource): boolean => isFluxKustomization(r) && r.name === f.name && r.namespace === f.namespace;
    let before = (await was.objectsOf(f.file)).find(same);
    if (!before && !was.has(f.file)) {
      moved ??= changes().then(deletedYaml);
      before = await findIn(was, await moved, same);
    }
    const after = (await now.objectsOf(f.file)).find(same);
    if (!before || !after || !was.sourcedHere(before)) continue;
    // Now from an artifact made of this repository's folders: the same folder, or another one here.
    const artifactPath = now.sourcedHere(after) ? undefined : await artifactPathHere(now, after);
    if (!now.sourcedHere(after) && artifactPath === undefined) continue;
    if (artifactPath === undefined && was.fingerprint(before) === now.fingerprint(after)) {
      f.severity = 'notice';
      f.message = `${f.message} The new path builds the same files, unchanged, as the old one: no object changes identity, so nothing is pruned.`;
      continue;
    }
    // Another folder that builds the same objects (an overlay fixed to its cluster's own): updated, not pruned.
    const target = (r: Resource) => r.doc.get(['spec', 'targetNamespace']) ?? null;
    if (target(before) !== target(after)) continue;
    const side = (tree: BuildTree, ks: Resource, folder?: string) => ({
      tree,
      folder: folder ?? normalisePath(String(ks.doc.get(['spec', 'path']) ?? '')),
      vars: substitutions(ks)
    });
    if (await buildsSameObjects(side(was, before), side(now, after, artifactPath))) {
      f.severity = 'notice';
      f.message = `${f.message} The new path${artifactPath === undefined ? '' : ` (${artifactPath} of this repository, copied into the artifact)`} builds every object the old one did that the rules look at (claims, CRDs, namespaces, workloads, releases), under the same kind, namespace and name: they are updated in place, and nothing that holds state is pruned.`;
    }
  }
}

/** The YAML files a change deletes (or moves away), at most a few hundred. */
function deletedYaml(changes: readonly DiffEntry[]): string[] {
  return changes
    .filter(e => e.newBlob === undefined && /\.ya?ml$/.test(e.path))
    .map(e => e.path)
    .slice(0, 500);
}

/** The first object of `files` (in order) that `match` takes, reading them a few dozen per git process. */
async function findIn(tree: BuildTree, files: readonly string[], match: (r: Resource) => boolean): Promise<Resource | undefined> {
  for (let at = 0; at < files.length; at += FILES_PER_READ) {
    for (const objects of await tree.objectsOfFiles(files.slice(at, at + FILES_PER_READ))) {
      const found = objects.find(match);
      if (found) return found;
    }
  }
  return undefined;
}

const FILES_PER_READ = 50;
