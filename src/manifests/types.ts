import type { LargeScan, ScannedDocument } from './large-scan.js';
import type { DiffEntry } from '../git/git.js';
import type { ResourceId } from './identity.js';
import type { ManifestDocument } from './manifest-document.js';

/** A Flux Kustomization (`kustomize.toolkit.fluxcd.io`) as far as ownership and pruning go. */
export interface FluxKustomization {
  name: string;
  namespace?: string;
  /** `spec.path` normalised: no `./`, no trailing `/`, '' for the repository root. */
  path: string;
  /** `spec.prune` (false unless `true`). */
  prune: boolean;
  /** `spec.force`. */
  force: boolean;
  /** Its `sourceRef` is this repository (see sourcedHere): only then does it own files here. */
  sourcedHere: boolean;
  /** `namespace/name` of its GitRepository source, when that is not `flux-system`. */
  source?: string;
  file: string;
  line: number;
}

/** One Kubernetes object described by a manifest at one revision. */
export interface Resource extends ResourceId {
  /** Identity across files: group, kind, namespace, name. */
  key: string;
  file: string;
  /** 1-based line of the object's first line in `file`. */
  line: number;
  doc: ManifestDocument;
  /** SOPS-encrypted: metadata is readable, data is not comparable. */
  encrypted: boolean;
  /** The Flux Kustomization whose `spec.path` applies `file`, when known. */
  owner?: FluxKustomization;
}

/** A changed file (or one of its documents) that could not be checked. */
export interface Unreadable {
  file: string;
  line: number;
  reason: string;
  /** Helm templates are expected not to parse: notice; anything else: warning. */
  severity: 'warning' | 'notice';
  /** Kept (when small) so a resource that might hide inside it is not reported as deleted. */
  bytes?: Buffer;
  /** Kinds named on its `kind:` lines; undefined when it could not be scanned at all. */
  kinds?: ReadonlySet<string>;
  /** Its documents, as far as a line scan could tell (files too large to read). */
  documents?: readonly ScannedDocument[];
  /** The limit it is above, and how to raise it, when it was too large to read. */
  limit?: string;
}

/** What one file holds at one revision. */
export interface ManifestFile {
  path: string;
  resources: Resource[];
  unreadable?: Unreadable;
}

/** Facts about a whole revision that the checks of single files need. */
export interface RevisionContext {
  fluxKustomizations: FluxKustomization[];
  /** Files that kustomization build files use as patches: partial objects, never resources. */
  patchFiles: ReadonlySet<string>;
  /** GitRepositories (`namespace/name`) whose URL is this repository (see sourcedHere). */
  localSources?: ReadonlySet<string>;
}

/** A changed file's contents at both revisions (absent where the file does not exist). */
export interface FileChange {
  path: string;
  before?: Uint8Array | string;
  after?: Uint8Array | string;
  /** Sizes of sides not read because they exceed the size limit. */
  tooLarge?: { before?: number; after?: number };
  /** What a line scan found in those sides, when they were scanned. */
  scanned?: { before?: LargeScan; after?: LargeScan };
}

/** Every changed path of a change, and those among them that get checked. */
export interface ChangeListing {
  all: DiffEntry[];
  /** The `.yaml`/`.yml` files kept by the filter, in path order. */
  checked: DiffEntry[];
}
