import { posix } from 'node:path';
import { isObject } from '../core/index.js';
import type { Git, TreeEntry } from '../git/git.js';
import { readBlobs } from '../manifests/blob-stream.js';
import { isKustomizeBuildFile, normalisePath } from '../manifests/kustomize-build.js';
import { readManifestFile } from '../manifests/manifest-file.js';
import { isFluxKustomization, sourcedHere } from '../manifests/revision-context.js';
import { parseYaml } from '../manifests/safe-yaml.js';
import type { Resource } from '../manifests/types.js';
import { pruneBlocker } from './modifiers.js';
import { stateOf } from './stateful.js';
import type { Finding } from './types.js';

const KS_DELETE = 'flux-kustomization-delete';
const BUILD_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * Sets the severity of forward deletions of pruning Flux Kustomizations by what they delete:
 * critical, naming the state, when what they build at `base` holds claims, StatefulSets with claim
 * templates, CRDs, namespaces or HelmReleases that create claims; a warning when nothing
 * persistent was found. A Kustomization whose source is another repository stays critical: what
 * it builds cannot be seen here.
 */
export async function weighDeletedState(git: Git, base: string, head: string, findings: Finding[]): Promise<void> {
  await weighRetargets(git, base, head, findings);
  const targets = findings.filter(f => f.rule === KS_DELETE && f.direction === 'forward' && f.severity === 'critical');
  if (targets.length === 0) return;
  const tree = new StateReader(git, await git.lsTree(base));
  await tree.loadBuildFiles();
  for (const f of targets) {
    const ks = (await tree.objectsOf(f.file, {})).find(r => isFluxKustomization(r) && r.name === f.name && r.namespace === f.namespace);
    if (!ks || !sourcedHere(ks)) continue;
    const state = await tree.stateBuiltBy(ks);
    const path = normalisePath(String(ks.doc.get(['spec', 'path']) ?? '')) || 'the repository root';
    if (state.length === 0) {
      f.severity = 'warning';
      f.message = `Deleting Flux Kustomization ${f.namespace ? `${f.namespace}/` : ''}${f.name} garbage-collects every object it applied; nothing persistent (claims, StatefulSets with claim templates, CRDs, namespaces, HelmReleases that create claims) was found in what it builds from ${path} at the base revision. Check that nothing it applied holds data.`;
    } else {
      f.message = `${f.message} It deletes: ${state.slice(0, MAX_LISTED).join('; ')}${state.length > MAX_LISTED ? `; and ${state.length - MAX_LISTED} more` : ''}.`;
    }
  }
}

const MAX_LISTED = 10;

/**
 * A Flux Kustomization whose `spec.path` moves to a folder that builds the same files (a folder
 * renamed, its files moved unchanged) prunes nothing: its retarget finding becomes a notice.
 */
async function weighRetargets(git: Git, base: string, head: string, findings: Finding[]): Promise<void> {
  const targets = findings.filter(f => f.rule === 'flux-kustomization-retarget' && f.direction === 'forward' && f.severity === 'critical');
  if (targets.length === 0) return;
  const [was, now] = await Promise.all([git.lsTree(base), git.lsTree(head)].map(async t => new StateReader(git, await t)));
  await Promise.all([was.loadBuildFiles(), now.loadBuildFiles()]);
  for (const f of targets) {
    const same = (r: Resource): boolean => isFluxKustomization(r) && r.name === f.name && r.namespace === f.namespace;
    const [before, after] = [(await was.objectsOf(f.file, {})).find(same), (await now.objectsOf(f.file, {})).find(same)];
    if (!before || !after || !sourcedHere(before) || !sourcedHere(after)) continue;
    if (was.fingerprint(before) !== now.fingerprint(after)) continue;
    f.severity = 'notice';
    f.message = `${f.message} The new path builds the same files, unchanged, as the old one: no object changes identity, so nothing is pruned.`;
  }
}

/** Reads what Flux Kustomizations build from the tree of one revision. */
class StateReader {
  private readonly blobs = new Map<string, TreeEntry>();
  private readonly dirs = new Set<string>(['']);

  constructor(
    private readonly git: Git,
    entries: readonly TreeEntry[]
  ) {
    for (const e of entries) {
      if (e.type !== 'blob' || e.mode === '120000') continue;
      this.blobs.set(e.path, e);
      for (let d = posix.dirname(e.path); d !== '.' && !this.dirs.has(d); d = posix.dirname(d)) this.dirs.add(d);
    }
  }

  /** The state (labels with their files) that deleting `ks` deletes, following nested Kustomizations. */
  async stateBuiltBy(ks: Resource): Promise<string[]> {
    const state: string[] = [];
    const seen = new Set<string>();
    const queue: Resource[] = [ks];
    while (queue.length > 0) {
      const k = queue.shift()!;
      const path = normalisePath(String(k.doc.get(['spec', 'path']) ?? ''));
      if (seen.has(path)) continue;
      seen.add(path);
      const files = new Set<string>();
      this.collect(path, new Set(), files);
      const vars = substitutions(k);
      for (const file of [...files].sort()) {
        for (const r of await this.objectsOf(file, vars)) {
          if (pruneBlocker(r)) continue;
          const what = stateOf(r);
          if (what) state.push(`${what} (${r.file})`);
          if (isFluxKustomization(r) && r !== ks && sourcedHere(r) && r.doc.get(['spec', 'prune']) === true) queue.push(r);
        }
      }
    }
    return state;
  }

  /**
   * What a Kustomization builds, as a fingerprint: each file it reads (build files included) by
   * its path relative to `spec.path` (or its full path outside it) and its blob id, with the
   * post-build substitutions and target namespace.
   */
  fingerprint(ks: Resource): string {
    const path = normalisePath(String(ks.doc.get(['spec', 'path']) ?? ''));
    const files = new Set<string>();
    this.collect(path, new Set(), files);
    const prefix = path === '' ? '' : `${path}/`;
    const entries = [...files].map(f => `${f.startsWith(prefix) ? `./${f.slice(prefix.length)}` : f} ${this.blobs.get(f)?.oid}`).sort();
    return JSON.stringify([entries, substitutions(ks), ks.doc.get(['spec', 'targetNamespace']) ?? null]);
  }

  /** The objects of a file at the revision, with Flux post-build variables substituted. */
  async objectsOf(file: string, vars: Readonly<Record<string, string>>): Promise<Resource[]> {
    const entry = this.blobs.get(file);
    if (!entry) return [];
    const blob = (await readBlobs(this.git, [entry.oid], () => `${file} at the base revision`)).get(entry.oid);
    if (!Buffer.isBuffer(blob)) return [];
    const text = Object.keys(vars).length > 0 ? substitute(blob.toString('utf8'), vars) : blob;
    return readManifestFile(file, text).resources;
  }

  /** Adds the files a folder builds: its build file's resources and components, or every YAML file below. */
  private collect(dir: string, visiting: Set<string>, files: Set<string>): void {
    if (visiting.has(dir)) return;
    visiting.add(dir);
    const build = this.buildFile(dir);
    if (build) {
      files.add(build);
      for (const ref of this.buildRefs(build)) {
        const p = normalisePath(posix.join(dir, ref));
        if (p.startsWith('..') || ref.includes('://')) continue;
        if (this.blobs.has(p)) files.add(p);
        else if (this.dirs.has(p)) this.collect(p, visiting, files);
      }
      return;
    }
    // No build file: Flux builds every YAML file below, and a folder with a build file as a whole.
    const prefix = dir === '' ? '' : `${dir}/`;
    for (const path of this.blobs.keys()) {
      if (!path.startsWith(prefix) || !(path.endsWith('.yaml') || path.endsWith('.yml')) || isKustomizeBuildFile(path)) continue;
      const inner = this.innerBuild(dir, path);
      if (inner !== undefined) this.collect(inner, visiting, files);
      else files.add(path);
    }
  }

  /** The highest folder between `dir` (excluded) and `file` that has a build file. */
  private innerBuild(dir: string, file: string): string | undefined {
    const parts = file
      .slice(dir === '' ? 0 : dir.length + 1)
      .split('/')
      .slice(0, -1);
    let at = dir;
    for (const part of parts) {
      at = at === '' ? part : `${at}/${part}`;
      if (this.buildFile(at)) return at;
    }
    return undefined;
  }

  private buildFile(dir: string): string | undefined {
    return BUILD_NAMES.map(n => (dir === '' ? n : `${dir}/${n}`)).find(p => this.blobs.has(p));
  }

  private readonly refs = new Map<string, string[]>();

  private buildRefs(file: string): string[] {
    return this.refs.get(file) ?? [];
  }

  /** Reads every build file once, so folders can be walked without waiting. */
  async loadBuildFiles(): Promise<void> {
    const builds = [...this.blobs.values()].filter(e => isKustomizeBuildFile(e.path));
    const read = await readBlobs(this.git, [...new Set(builds.map(e => e.oid))], oid => `${oid} at the base revision`);
    for (const e of builds) {
      const blob = read.get(e.oid);
      this.refs.set(e.path, Buffer.isBuffer(blob) ? refsOf(blob.toString('utf8')) : []);
    }
  }
}

/** `resources` and `components` of a build file. */
function refsOf(text: string): string[] {
  const parsed = parseYaml(text);
  if (!parsed.ok) return [];
  const refs: string[] = [];
  for (const d of parsed.documents) {
    if (!isObject(d.value)) continue;
    for (const key of ['resources', 'components', 'bases']) {
      const list = d.value[key];
      if (Array.isArray(list)) for (const item of list) if (typeof item === 'string') refs.push(item);
    }
  }
  return refs;
}

/** `spec.postBuild.substitute` of a Flux Kustomization. */
function substitutions(ks: Resource): Record<string, string> {
  const values = ks.doc.get(['spec', 'postBuild', 'substitute']);
  const vars: Record<string, string> = {};
  if (isObject(values))
    for (const [k, v] of Object.entries(values))
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') vars[k] = String(v);
  return vars;
}

/** Flux's `${VAR}`, `${VAR:=default}` and `${VAR:-default}` substitution, for known variables and defaults. */
function substitute(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[=-]([^}]*))?\}/g, (whole, name: string, fallback?: string) =>
    Object.hasOwn(vars, name) ? vars[name] : (fallback ?? whole)
  );
}
