import { posix } from 'node:path';
import { repositoryKey } from '../core/index.js';
import { resourceId, resourceKey } from './identity.js';
import {
  BUILD_SETTINGS_GROUP,
  BUILD_SETTINGS_KIND,
  isKustomizeBuildApi,
  isKustomizeBuildFile,
  normalisePath,
  patchFilesOf
} from './kustomize-build.js';
import { ManifestDocument } from './manifest-document.js';
import { asBuffer, readManifestFile } from './manifest-file.js';
import { parseYaml } from './safe-yaml.js';
import type { FluxKustomization, Resource, RevisionContext } from './types.js';

const FLUX_KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';
const FLUX_SOURCE_GROUP = 'source.toolkit.fluxcd.io';

/** True for a Flux Kustomization (not a kustomize build file, which shares the kind name). */
export function isFluxKustomization(r: { group: string; kind: string }): boolean {
  return r.group === FLUX_KUSTOMIZE_GROUP && r.kind === 'Kustomization';
}

/**
 * The GitRepositories (`namespace/name`) whose `spec.url` is this repository, besides the one Flux
 * bootstraps (`flux-system`), which always is.
 */
export type LocalSources = ReadonlySet<string>;

/**
 * True when a Flux Kustomization's source is this repository: the GitRepository Flux bootstraps
 * from it (`flux-system`), one whose URL is this repository (`local`), or none named (a partial
 * manifest). Its `spec.path` is then a folder of this repository; a Kustomization of another
 * source (upstream CRDs, an OCI artifact) applies nothing from here.
 */
export function sourcedHere(r: Resource, local?: LocalSources): boolean {
  const kind = r.doc.get(['spec', 'sourceRef', 'kind']);
  const name = r.doc.get(['spec', 'sourceRef', 'name']);
  if ((kind === undefined || kind === 'GitRepository') && (name === undefined || name === null || name === 'flux-system')) return true;
  const source = gitSourceOf(r);
  return source !== undefined && local !== undefined && local.has(source);
}

/** `namespace/name` of a Kustomization's GitRepository source (its own namespace when none is named). */
function gitSourceOf(r: Resource): string | undefined {
  const ref = r.doc.get(['spec', 'sourceRef']);
  if (!ref || typeof ref !== 'object' || Array.isArray(ref)) return undefined;
  const { kind, name, namespace } = ref as Record<string, unknown>;
  if (kind !== 'GitRepository' || typeof name !== 'string') return undefined;
  return `${typeof namespace === 'string' ? namespace : (r.namespace ?? '')}/${name}`;
}

/** True for a Flux GitRepository source. */
function isGitRepository(r: { group: string; kind: string }): boolean {
  return r.group === FLUX_SOURCE_GROUP && r.kind === 'GitRepository';
}

/** Reads the ownership facts of a Flux Kustomization resource. */
export function fluxKustomizationOf(r: Resource): FluxKustomization {
  // The three fields one by one: each is a one-line value, read without parsing the whole spec.
  const path = r.doc.get(['spec', 'path']);
  return {
    name: r.name,
    namespace: r.namespace,
    path: normalisePath(typeof path === 'string' ? path : ''),
    prune: r.doc.get(['spec', 'prune']) === true,
    force: r.doc.get(['spec', 'force']) === true,
    sourcedHere: sourcedHere(r),
    source: gitSourceOf(r),
    file: r.file,
    line: r.line
  };
}

/**
 * Builds the revision context from file contents (path -> bytes or text): every Flux Kustomization
 * and every patch file named by a kustomization build file. Pass all files that may hold either;
 * files holding neither are skipped cheaply.
 */
export function revisionContextFromFiles(files: Iterable<[string, Uint8Array | string]>, repository?: string): RevisionContext {
  const read: FileContext[] = [];
  for (const [path, content] of files) read.push(readContextFile(path, content));
  return mergeContexts(read, repository);
}

/** What one file adds to a revision context. */
export interface FileContext {
  fluxKustomizations: readonly FluxKustomization[];
  patchFiles: readonly string[];
  /** GitRepositories: `namespace/name` and the repository their URL names (see repositoryKey). */
  gitRepositories?: readonly { source: string; repository?: string }[];
}

/**
 * The revision context made of what each of its files adds, in order. `repository`: this
 * repository's URL or {@link repositoryKey}; Kustomizations of a GitRepository with that URL then
 * apply files here too.
 */
export function mergeContexts(files: Iterable<FileContext>, repository?: string): RevisionContext {
  const fluxKustomizations: FluxKustomization[] = [];
  const patchFiles = new Set<string>();
  const local = new Set<string>();
  const here = repository === undefined ? undefined : (repositoryKey(repository) ?? repository.toLowerCase());
  for (const read of files) {
    for (const k of read.fluxKustomizations) fluxKustomizations.push(k);
    for (const p of read.patchFiles) patchFiles.add(p);
    for (const g of read.gitRepositories ?? []) if (here !== undefined && g.repository === here) local.add(g.source);
  }
  const owned =
    local.size === 0
      ? fluxKustomizations
      : fluxKustomizations.map(k => (!k.sourcedHere && k.source !== undefined && local.has(k.source) ? { ...k, sourcedHere: true } : k));
  return { fluxKustomizations: owned, patchFiles, localSources: local };
}

/**
 * The Flux Kustomizations of a file, or the patch files it names when it is a kustomization build
 * file (nothing for other files, found cheaply). `resources`: the file's objects, when the caller
 * has read `content` already (not read again).
 */
export function readContextFile(path: string, content: Uint8Array | string, resources?: readonly Resource[]): FileContext {
  if (isKustomizeBuildFile(path)) return { fluxKustomizations: [], patchFiles: buildPatches(path, content) };
  // The objects read for the rules leave GitRepositories out (no rule looks at them).
  const sources = contains(content, FLUX_SOURCE_GROUP) && contains(content, 'GitRepository');
  if (resources && !sources) return { fluxKustomizations: resources.filter(isFluxKustomization).map(fluxKustomizationOf), patchFiles: [] };
  const found: FluxKustomization[] = [];
  const gitRepositories: { source: string; repository?: string }[] = [];
  if (sources || contains(content, FLUX_KUSTOMIZE_GROUP)) {
    for (const r of readManifestFile(path, content).resources) {
      if (isFluxKustomization(r)) found.push(fluxKustomizationOf(r));
      else if (isGitRepository(r)) {
        const url = r.doc.get(['spec', 'url']);
        gitRepositories.push({
          source: `${r.namespace ?? ''}/${r.name}`,
          repository: typeof url === 'string' ? repositoryKey(url) : undefined
        });
      }
      r.doc.release();
    }
  }
  return gitRepositories.length > 0
    ? { fluxKustomizations: found, patchFiles: [], gitRepositories }
    : { fluxKustomizations: found, patchFiles: [] };
}

/** The Flux Kustomization of this repository's source whose `spec.path` is the longest prefix of `file`, if any. */
export function ownerOf(kustomizations: readonly FluxKustomization[], file: string): FluxKustomization | undefined {
  return ownerLookup(kustomizations)(file);
}

/**
 * {@link ownerOf} for many files: the Kustomizations are indexed by path once, and each file looks
 * up its own folders, longest first, instead of every Kustomization being tried for every file.
 */
export function ownerLookup(kustomizations: readonly FluxKustomization[]): (file: string) => FluxKustomization | undefined {
  // Of several Kustomizations with the same path the first one applies (as a scan in order finds).
  const byPath = new Map<string, FluxKustomization>();
  // Only a Kustomization of this repository's source applies files of this repository.
  for (const k of kustomizations) if (k.sourcedHere && !byPath.has(k.path)) byPath.set(k.path, k);
  return file => {
    // A path covers the file when it is the file itself, a prefix ending just before a `/`, or ''.
    const exact = byPath.get(file);
    if (exact) return exact;
    for (let slash = file.lastIndexOf('/'); slash >= 0; slash = slash === 0 ? -1 : file.lastIndexOf('/', slash - 1)) {
      const k = byPath.get(file.slice(0, slash));
      if (k) return k;
    }
    return byPath.get('');
  };
}

function buildPatches(path: string, content: Uint8Array | string): string[] {
  const text = textOf(content);
  if (!text.includes('patches')) return [];
  const parsed = parseYaml(text);
  if (!parsed.ok) return [];
  return parsed.documents.flatMap(d => patchFilesOf(path, d.value));
}

/**
 * What a kustomize build file does to every object it builds, as an object the rules can compare
 * across revisions: `namespace`, `namePrefix` and `nameSuffix`, and the common labels and
 * annotations as its own metadata (so a `prune: disabled` set there defuses a deletion, as it does
 * on the objects). Named after the build file's folder; undefined when the file does not parse to a
 * mapping.
 */
export function buildSettings(path: string, content: Uint8Array | string): Resource | undefined {
  const text = textOf(content);
  const parsed = parseYaml(text);
  const doc = parsed.ok ? parsed.documents.find(d => d.offset >= 0) : undefined;
  if (!doc || !doc.value || typeof doc.value !== 'object' || Array.isArray(doc.value)) return undefined;
  const build = doc.value as Record<string, unknown>;
  const value = {
    metadata: { labels: build.commonLabels, annotations: build.commonAnnotations },
    namespace: build.namespace,
    namePrefix: build.namePrefix,
    nameSuffix: build.nameSuffix
  };
  const apiVersion =
    typeof build.apiVersion === 'string' && isKustomizeBuildApi(build.apiVersion) ? build.apiVersion : `${BUILD_SETTINGS_GROUP}/v1beta1`;
  const folder = posix.dirname(path);
  const id = resourceId(apiVersion, BUILD_SETTINGS_KIND, folder === '.' ? '/' : folder);
  const line = 1 + (text.slice(0, doc.offset).match(/\n/g)?.length ?? 0);
  return { ...id, key: resourceKey(id), file: path, line, doc: ManifestDocument.fromValue(value), encrypted: false };
}

function textOf(content: Uint8Array | string): string {
  return typeof content === 'string' ? content : asBuffer(content).toString('utf8');
}

function contains(content: Uint8Array | string, needle: string): boolean {
  return typeof content === 'string' ? content.includes(needle) : asBuffer(content).indexOf(needle) >= 0;
}
