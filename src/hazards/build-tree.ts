import { posix } from 'node:path';
import { isObject } from '../core/index.js';
import type { Git, TreeEntry } from '../git/git.js';
import { readBlobs } from '../manifests/blob-stream.js';
import { isKustomizeBuildFile, normalisePath } from '../manifests/kustomize-build.js';
import { readManifestFile } from '../manifests/manifest-file.js';
import { isFluxKustomization, sourcedHere, type LocalSources } from '../manifests/revision-context.js';
import { parseYaml } from '../manifests/safe-yaml.js';
import type { Resource } from '../manifests/types.js';
import { pruneBlocker } from './modifiers.js';
import { stateOf } from './stateful.js';

const BUILD_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** What a kustomize build file says about what it builds. */
interface BuildFile {
  /** `resources`, `components` and `bases`, as written. */
  refs: string[];
  /** `namespace`: set on every namespaced object it builds, and as the name of every Namespace. */
  namespace?: string;
  /** `namePrefix` and `nameSuffix`, joined by `|`. */
  renames: string;
}

/**
 * The files and kustomize builds of one revision's tree: which files a folder builds, and what
 * Flux Kustomizations build from it. Files are read on demand; build files all at once
 * ({@link loadBuildFiles}), so folders can be walked without waiting.
 */
export class BuildTree {
  private readonly blobs = new Map<string, TreeEntry>();
  private readonly dirs = new Set<string>(['']);
  private readonly builds = new Map<string, BuildFile>();

  constructor(
    private readonly git: Git,
    entries: readonly TreeEntry[],
    /** `base` or `head`, for messages. */
    private readonly revision: string,
    /** The GitRepositories whose URL is this repository (see sourcedHere). */
    private readonly local?: LocalSources
  ) {
    for (const e of entries) {
      if (e.type !== 'blob' || e.mode === '120000') continue;
      this.blobs.set(e.path, e);
      for (let d = posix.dirname(e.path); d !== '.' && !this.dirs.has(d); d = posix.dirname(d)) this.dirs.add(d);
    }
  }

  /** Whether a Flux Kustomization applies files of this repository (see sourcedHere). */
  sourcedHere(ks: Resource): boolean {
    return sourcedHere(ks, this.local);
  }

  /** The state (labels with their files) that deleting `ks` deletes, following nested Kustomizations. */
  async stateBuiltBy(ks: Resource): Promise<string[]> {
    const state: string[] = [];
    const seen = new Set<string>();
    const queue: Resource[] = [ks];
    while (queue.length > 0) {
      const k = queue.shift()!;
      const path = normalisePath(String(k.doc.get(['spec', 'path']) ?? ''));
      const key = JSON.stringify([path, fluxComponents(k)]);
      if (seen.has(key)) continue;
      seen.add(key);
      for (const objects of await this.objectsOfFiles([...this.builtBy(k).keys()].sort(), substitutions(k))) {
        for (const r of objects) {
          if (pruneBlocker(r)) continue;
          const what = stateOf(r);
          if (what) state.push(`${what} (${r.file})`);
          if (isFluxKustomization(r) && r !== ks && this.sourcedHere(r) && r.doc.get(['spec', 'prune']) === true) queue.push(r);
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
    const prefix = path === '' ? '' : `${path}/`;
    const entries = [...this.builtBy(ks).keys()]
      .map(f => `${f.startsWith(prefix) ? `./${f.slice(prefix.length)}` : f} ${this.blobs.get(f)?.oid}`)
      .sort();
    return JSON.stringify([entries, substitutions(ks), ks.doc.get(['spec', 'targetNamespace']) ?? null]);
  }

  /** The objects of a file at the revision, with Flux post-build variables substituted. */
  async objectsOf(file: string, vars: Readonly<Record<string, string>> = {}): Promise<Resource[]> {
    return (await this.objectsOfFiles([file], vars))[0];
  }

  /**
   * {@link objectsOf} for several files, read in one git process: a walk over what a folder builds
   * asks for tens of files, and a process each costs more than reading them.
   */
  async objectsOfFiles(files: readonly string[], vars: Readonly<Record<string, string>> = {}): Promise<Resource[][]> {
    const entries = files.map(file => this.blobs.get(file));
    const oids = [...new Set(entries.flatMap(e => (e ? [e.oid] : [])))];
    const read = oids.length === 0 ? new Map() : await readBlobs(this.git, oids, oid => `${oid} at the ${this.revision} revision`);
    const substituted = Object.keys(vars).length > 0;
    return files.map((file, i) => {
      const blob = entries[i] && read.get(entries[i].oid);
      if (!Buffer.isBuffer(blob)) return [];
      return readManifestFile(file, substituted ? substitute(blob.toString('utf8'), vars) : blob).resources;
    });
  }

  /** What a build file sets: its namespace and renames (undefined for a file that is not one). */
  settingsOf(buildFile: string): { namespace?: string; renames: string } | undefined {
    const build = this.builds.get(buildFile);
    return build && { namespace: build.namespace, renames: build.renames };
  }

  /** The YAML files directly in a folder. */
  filesIn(dir: string): string[] {
    const prefix = dir === '' ? '' : `${dir}/`;
    return [...this.blobs.keys()].filter(p => p.startsWith(prefix) && !p.slice(prefix.length).includes('/') && /\.ya?ml$/.test(p));
  }

  /** Whether the revision has a file at `path`. */
  has(path: string): boolean {
    return this.blobs.has(path);
  }

  /** The folder's kustomize build file, if it has one. */
  buildFile(dir: string): string | undefined {
    return BUILD_NAMES.map(n => (dir === '' ? n : `${dir}/${n}`)).find(p => this.blobs.has(p));
  }

  /**
   * The files a Flux Kustomization builds: those of its `spec.path`, and those of the components
   * Flux adds to that build (`spec.components`, paths relative to `spec.path`).
   */
  builtBy(ks: Resource): Map<string, string | undefined> {
    const path = normalisePath(String(ks.doc.get(['spec', 'path']) ?? ''));
    const files = this.built(path);
    // Flux adds them to the build file at spec.path, so its namespace applies to them too.
    const build = this.buildFile(path);
    const outer = build ? this.builds.get(build)?.namespace : undefined;
    for (const component of fluxComponents(ks)) {
      const dir = normalisePath(posix.join(path, component));
      if (dir.startsWith('..') || component.includes('://')) continue;
      for (const [file, namespace] of this.built(dir)) if (!files.has(file)) files.set(file, outer ?? namespace);
    }
    return files;
  }

  /**
   * The files a folder builds (build files included), each with the namespace kustomize gives
   * what it builds: that of the outermost build file on the way that sets one.
   */
  built(dir: string): Map<string, string | undefined> {
    const files = new Map<string, string | undefined>();
    this.collect(normalisePath(dir), new Set(), files, undefined);
    return files;
  }

  private collect(dir: string, visiting: Set<string>, files: Map<string, string | undefined>, namespace: string | undefined): void {
    if (visiting.has(dir)) return;
    visiting.add(dir);
    const build = this.buildFile(dir);
    if (build) {
      const settings = this.builds.get(build);
      const inner = namespace ?? settings?.namespace;
      files.set(build, inner);
      for (const ref of settings?.refs ?? []) {
        const p = normalisePath(posix.join(dir, ref));
        if (p.startsWith('..') || ref.includes('://')) continue;
        if (this.blobs.has(p)) files.set(p, inner);
        else if (this.dirs.has(p)) this.collect(p, visiting, files, inner);
      }
      return;
    }
    // No build file: Flux builds every YAML file below, and a folder with a build file as a whole.
    const prefix = dir === '' ? '' : `${dir}/`;
    for (const path of this.blobs.keys()) {
      if (!path.startsWith(prefix) || !(path.endsWith('.yaml') || path.endsWith('.yml')) || isKustomizeBuildFile(path)) continue;
      const inner = this.innerBuild(dir, path);
      if (inner !== undefined) this.collect(inner, visiting, files, namespace);
      else files.set(path, namespace);
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

  /** Reads every build file once, so folders can be walked without waiting. */
  async loadBuildFiles(known: BuildFiles = new BuildFiles(this.git)): Promise<void> {
    const builds = [...this.blobs.values()].filter(e => isKustomizeBuildFile(e.path));
    const read = await known.read(
      builds.map(e => e.oid),
      oid => `${oid} at the ${this.revision} revision`
    );
    for (const e of builds) this.builds.set(e.path, read.get(e.oid) ?? { refs: [], renames: '|' });
  }
}

/** Build files read so far, by blob id: the two revisions of a change share most of them. */
export class BuildFiles {
  private readonly parsed = new Map<string, Promise<BuildFile>>();

  constructor(private readonly git: Git) {}

  /**
   * The build files with these blob ids; those not read or being read yet are read in one git
   * process (the two trees are loaded side by side).
   */
  async read(oids: readonly string[], where: (oid: string) => string): Promise<ReadonlyMap<string, BuildFile>> {
    const missing = [...new Set(oids.filter(oid => !this.parsed.has(oid)))];
    if (missing.length > 0) {
      const blobs = readBlobs(this.git, missing, where);
      for (const oid of missing) {
        this.parsed.set(
          oid,
          blobs.then(read => {
            const blob = read.get(oid);
            return Buffer.isBuffer(blob) ? buildFileOf(blob.toString('utf8')) : { refs: [], renames: '|' };
          })
        );
      }
    }
    const unique = [...new Set(oids)];
    const files = await Promise.all(unique.map(oid => this.parsed.get(oid)!));
    return new Map(unique.map((oid, i) => [oid, files[i]]));
  }
}

/** `resources`, `components` and `namespace` of a build file. */
function buildFileOf(text: string): BuildFile {
  const parsed = parseYaml(text);
  const build: BuildFile = { refs: [], renames: '|' };
  if (!parsed.ok) return build;
  for (const d of parsed.documents) {
    if (!isObject(d.value)) continue;
    for (const key of ['resources', 'components', 'bases']) {
      const list = d.value[key];
      if (Array.isArray(list)) for (const item of list) if (typeof item === 'string') build.refs.push(item);
    }
    const namespace = d.value.namespace;
    if (typeof namespace === 'string' && namespace !== '') build.namespace = namespace;
    const [prefix, suffix] = [d.value.namePrefix, d.value.nameSuffix].map(v => (typeof v === 'string' ? v : ''));
    build.renames = `${prefix}|${suffix}`;
  }
  return build;
}

/** `spec.components` of a Flux Kustomization: component folders relative to `spec.path`. */
function fluxComponents(ks: Resource): string[] {
  const list = ks.doc.get(['spec', 'components']);
  return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string' && c !== '') : [];
}

/** `spec.postBuild.substitute` of a Flux Kustomization. */
export function substitutions(ks: Resource): Record<string, string> {
  const values = ks.doc.get(['spec', 'postBuild', 'substitute']);
  const vars: Record<string, string> = {};
  if (isObject(values))
    for (const [k, v] of Object.entries(values))
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') vars[k] = String(v);
  return vars;
}

/** Flux's `${VAR}`, `${VAR:=default}` and `${VAR:-default}` substitution, for known variables and defaults. */
function substitute(text: string, vars: Readonly<Record<string, string>>): string {
  // Innermost first, so a default that names another variable (`${A:-${B}}`) resolves too.
  const one = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[=-]([^${}]*))?\}/g;
  let out = text;
  for (let pass = 0; pass < 5; pass++) {
    const next = out.replace(one, (whole, name: string, fallback?: string) =>
      Object.hasOwn(vars, name) ? vars[name] : (fallback ?? whole)
    );
    if (next === out) break;
    out = next;
  }
  return out;
}
