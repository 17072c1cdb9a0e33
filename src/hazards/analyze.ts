import type { Git, TreeEntry } from '../git/git.js';
import { streamFiles } from '../manifests/blob-stream.js';
import { ContextReader } from '../manifests/flux-context.js';
import { isKustomizeBuildFile } from '../manifests/kustomize-build.js';
import { resourceId, resourceKey } from '../manifests/identity.js';
import type { ScannedDocument } from '../manifests/large-scan.js';
import { ManifestDocument } from '../manifests/manifest-document.js';
import { MAX_FILE_BYTES, readManifestFile, tooLarge } from '../manifests/manifest-file.js';
import { listChange, type ChangeFilter } from '../manifests/read-change.js';
import { buildSettings, ownerLookup, revisionContextFromFiles } from '../manifests/revision-context.js';
import type { ChangeListing, FileChange, ManifestFile, Resource, RevisionContext, Unreadable } from '../manifests/types.js';
import { RulesAhead } from './ahead.js';
import { weighDeletedState, type Known } from './deleted-state.js';
import { hazards, type ManifestSet } from './hazards.js';
import { entriesRulesRead, MANIFEST_UNREADABLE, RULES } from './registry.js';
import { SEVERITIES, type Direction, type Finding } from './types.js';

export interface AnalyzeOptions {
  /** Which directions to report (default both). The revert guard checks only `forward`. */
  directions?: readonly Direction[];
  /**
   * Flux Kustomizations and kustomize patch files of each revision. Without it they are taken from
   * the changed files alone (and a notice says so).
   */
  context?: { before: RevisionContext; after: RevisionContext };
  /** Files above this size are scanned line by line instead of read (default MAX_FILE_BYTES, 10 MB). */
  maxFileBytes?: number;
  /**
   * This repository's URL (or `host/owner/name`): Flux Kustomizations whose GitRepository has
   * this URL own files here, as the bootstrapped `flux-system` one does. A function is called only
   * when the Flux Kustomizations are read.
   */
  repository?: string | (() => Promise<string | undefined>);
}

export interface Analysis {
  /** Sorted by severity, then file, then line. */
  findings: Finding[];
  notices: string[];
  filesChecked: number;
}

/**
 * Checks a change given as file contents (path -> before/after), for callers without a checkout
 * such as one reading files through the GitHub API.
 */
export function analyzeFiles(files: readonly FileChange[], options: AnalyzeOptions = {}): Analysis {
  const notices: string[] = [];
  const context = options.context ?? contextFromChangedFiles(files, notices);
  const result = finish(readSides(files, options.maxFileBytes), context, options.directions, files.length);
  return { ...result, notices: [...notices, ...result.notices] };
}

/**
 * Checks the change `base..head` of the repository behind `git`: the changed YAML files (filtered
 * by `paths`/`exclude`) in both directions, or only those in `directions`.
 */
export async function analyzeChange(git: Git, base: string, head: string, options: ChangeFilter & AnalyzeOptions = {}): Promise<Analysis> {
  const [baseSha, headSha] = await Promise.all([git.resolveCommit(base), git.resolveCommit(head)]);
  return analyzeObjects(git, baseSha, headSha, options);
}

/**
 * {@link analyzeChange} for object ids: `base` a commit sha (its tree is searched for Flux
 * Kustomizations), `head` a commit or tree id, such as a rollback's tree before it is committed.
 */
export async function analyzeObjects(
  git: Git,
  baseSha: string,
  headSha: string,
  options: ChangeFilter & AnalyzeOptions = {}
): Promise<Analysis> {
  const listing = await listChange(git, baseSha, headSha, options);
  // The base's tree, listed once if the context search or the weighing of findings needs it.
  let tree: Promise<TreeEntry[]> | undefined;
  const baseTree = (): Promise<TreeEntry[]> => (tree ??= git.lsTree(baseSha));
  const reader = options.context ? undefined : new ContextReader(listing);
  // Each file is read into resources, and the rules run on its objects (see RulesAhead), as soon
  // as both its sides are there: git prints into a file at its own pace meanwhile, and the file's
  // bytes are freed before the next one arrives.
  const directions = options.directions ?? BOTH;
  const sides = emptySides();
  const streaming = streamFiles(
    git,
    listing.checked,
    file => {
      const added = addFile(sides, file, directions, options.maxFileBytes);
      reader?.add(file, added);
    },
    { maxBytes: options.maxFileBytes, scanLarge: true }
  );
  // A large change is searched for its context while git prints its files; a small one (the
  // revert guard's) is first checked without, as the context rarely can change its result.
  let others =
    reader && listing.checked.length > EAGER_CONTEXT_FILES ? reader.readOthers(git, baseSha, { baseTree: baseTree() }) : undefined;
  others?.catch(() => undefined);
  await streaming;
  if (reader && !others) {
    const quick = finish(sides, NO_CONTEXT, options.directions, listing.checked.length);
    if (!contextMayMatter(quick, sides, listing)) return weighed(git, baseSha, headSha, quick, { baseTree, changes: listing.all });
    others = reader.readOthers(git, baseSha, { baseTree: baseTree() });
  }
  const repository = typeof options.repository === 'function' ? await options.repository() : options.repository;
  const context = options.context ?? reader!.contexts(await others!, repository);
  const result = finish(sides, context, options.directions, listing.checked.length);
  if (context.before.fluxKustomizations.length + context.after.fluxKustomizations.length === 0) {
    result.notices.push(
      'No Flux Kustomization (kustomize.toolkit.fluxcd.io) was found in either revision, so spec.prune and spec.force could not be taken into account.'
    );
  }
  const local = { before: context.before.localSources, after: context.after.localSources };
  return weighed(git, baseSha, headSha, result, { local, baseTree, changes: listing.all });
}

/** The analysis with its findings weighed by what the repository builds (see weighDeletedState). */
async function weighed(git: Git, baseSha: string, headSha: string, analysis: Analysis, known: Known): Promise<Analysis> {
  const findings = await weighDeletedState(git, baseSha, headSha, analysis.findings, known);
  return { ...analysis, findings: sortFindings(findings) };
}

/** Changes with more checked files than this search for their context while being read. */
const EAGER_CONTEXT_FILES = 50;
const BOTH: readonly Direction[] = ['forward', 'rollback'];
const NO_CONTEXT: { before: RevisionContext; after: RevisionContext } = {
  before: { fluxKustomizations: [], patchFiles: new Set() },
  after: { fluxKustomizations: [], patchFiles: new Set() }
};

/**
 * False when the Flux Kustomizations and patch files of the revisions cannot change `quick` (the
 * result without them), so they need not be searched. The context only: drops objects and
 * unreadable files of patch files, sets each object's owner (which lowers or raises the severity
 * of a hit, never makes or removes one) and prefers same-owner copies when an object's key
 * appears in several files. So it cannot matter when there is no finding, no unreadable file
 * (dropping one could un-hide a deletion), no build file changes (the patch files are the same at
 * both revisions) and each key is at most one object per side, both in the same file (pairing
 * needs no owner, and a patch file drops both or neither).
 */
function contextMayMatter(quick: Analysis, sides: Sides, listing: ChangeListing): boolean {
  if (quick.findings.length > 0) return true;
  if (sides.before.unreadable.length + sides.after.unreadable.length > 0) return true;
  if (listing.all.some(e => isKustomizeBuildFile(e.path))) return true;
  const files = new Map<string, [string | undefined, string | undefined]>();
  for (const [index, side] of [sides.before, sides.after].entries()) {
    for (const r of side.resources) {
      const seen = files.get(r.key) ?? [undefined, undefined];
      if (seen[index] !== undefined) return true;
      seen[index] = r.file;
      files.set(r.key, seen);
    }
  }
  return [...files.values()].some(([b, a]) => b !== undefined && a !== undefined && b !== a);
}

function finish(
  sides: Sides,
  context: { before: RevisionContext; after: RevisionContext },
  directions: readonly Direction[] = ['forward', 'rollback'],
  filesChecked: number
): Analysis {
  const [before, after] = withoutScannedPartners(withContext(sides.before, context.before), withContext(sides.after, context.after));
  const { ahead } = sides;
  const findings = unreadableFindings(before, after, directions);
  if (directions.includes('forward')) findings.push(...hazards(before, after, { direction: 'forward', ahead }));
  if (directions.includes('rollback')) findings.push(...hazards(after, before, { direction: 'rollback', ahead }));
  return { findings: sortFindings(findings), notices: [], filesChecked };
}

/** Most severe first, then by file and line. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rank = (f: Finding): number => SEVERITIES.indexOf(f.severity);
  return findings.sort(
    (a, b) => rank(a) - rank(b) || cmp(a.file, b.file) || a.line - b.line || cmp(a.rule, b.rule) || cmp(a.direction, b.direction)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Side extends ManifestSet {
  resources: Resource[];
  unreadable: Unreadable[];
}

function readSides(files: readonly FileChange[], maxFileBytes: number | undefined): Sides {
  const sides = emptySides();
  for (const file of files) addFile(sides, file, undefined, maxFileBytes);
  return sides;
}

type AddedFile = { before?: ManifestFile; after?: ManifestFile };

/**
 * Reads both sides of a file into `sides`; with `directions`, runs the rules on its pairs ahead
 * (see RulesAhead).
 */
function addFile(sides: Sides, file: FileChange, directions?: readonly Direction[], maxFileBytes?: number): AddedFile {
  const added: AddedFile = {};
  for (const side of ['before', 'after'] as const) {
    const read = readFileSide(file, side, maxFileBytes);
    if (!read) continue;
    added[side] = read;
    if (read.unreadable) sides[side].unreadable.push(read.unreadable);
    for (const r of read.resources) sides[side].resources.push(r);
  }
  let [before, after] = [added.before?.resources ?? [], added.after?.resources ?? []];
  const settings = buildFileSettings(file);
  if (settings) {
    [before, after] = [[settings.before], [settings.after]];
    sides.before.resources.push(settings.before);
    sides.after.resources.push(settings.after);
  }
  if (directions) sides.ahead.check(before, after, directions);
  return added;
}

/**
 * The settings of a kustomize build file changed in place (see buildSettings), checked like an
 * object: a build file holds no cluster object, but renames every object it builds.
 */
function buildFileSettings(file: FileChange): { before: Resource; after: Resource } | undefined {
  if (file.before === undefined || file.after === undefined || !isKustomizeBuildFile(file.path)) return undefined;
  const [before, after] = [buildSettings(file.path, file.before), buildSettings(file.path, file.after)];
  return before && after ? { before, after } : undefined;
}

/** Both sides of a change as it is read, and what the rules found in its pairs as they were read. */
interface Sides {
  before: Side;
  after: Side;
  ahead: RulesAhead;
}

function emptySides(): Sides {
  return { before: emptySide(), after: emptySide(), ahead: new RulesAhead() };
}

function emptySide(): Side {
  return { resources: [], unreadable: [] };
}

/** Drops patch files (partial objects) and records which Flux Kustomization applies each object. */
function withContext(side: Side, context: RevisionContext): Side {
  const resources: Resource[] = [];
  // Resources come file by file: look the owner up once per file.
  const ownerOf = ownerLookup(context.fluxKustomizations);
  let file: string | undefined;
  let owner: Resource['owner'];
  for (const r of side.resources) {
    if (context.patchFiles.has(r.file)) continue;
    if (r.file !== file) [file, owner] = [r.file, ownerOf(r.file)];
    r.owner = owner;
    resources.push(r);
  }
  return { resources, unreadable: side.unreadable.filter(u => !context.patchFiles.has(u.file)) };
}

function readFileSide(file: FileChange, side: 'before' | 'after', maxFileBytes: number | undefined): ManifestFile | undefined {
  const size = file.tooLarge?.[side];
  const content = file[side];
  let read: ManifestFile | undefined;
  if (size !== undefined) {
    const scan = file.scanned?.[side] ?? { documents: [], kinds: new Set<string>(), failed: 'it was not scanned' };
    read = { path: file.path, resources: [], unreadable: tooLarge(file.path, size, maxFileBytes ?? MAX_FILE_BYTES, scan) };
  } else if (content !== undefined) {
    read = readManifestFile(file.path, content, { keep: entriesRulesRead, maxBytes: maxFileBytes });
  }
  // A file too large to read that exists on one side only (added or deleted): its objects, as
  // the line scan found them, are added or deleted with it.
  const other = side === 'before' ? 'after' : 'before';
  if (read?.unreadable?.documents && file[other] === undefined && file.tooLarge?.[other] === undefined) {
    read.resources = scannedResources(file.path, read.unreadable.documents);
  }
  return read;
}

/** Objects that only a line scan found (see scannedResources). */
const scanned = new WeakSet<Resource>();

/**
 * Drops the objects a line scan found that have a partner on the other side (an object moved into
 * or out of a file too large to read): their contents are unknown, so comparing them would report
 * changes that are not there. The file's own finding covers them, and the partner is not reported
 * as deleted, as the unreadable file names it.
 */
function withoutScannedPartners(before: Side, after: Side): [Side, Side] {
  const keys = (side: Side) => new Set(side.resources.map(r => r.key));
  const [beforeKeys, afterKeys] = [keys(before), keys(after)];
  const keep = (side: Side, other: Set<string>): Side => ({
    ...side,
    resources: side.resources.filter(r => !scanned.has(r) || !other.has(r.key))
  });
  return [keep(before, afterKeys), keep(after, beforeKeys)];
}

/**
 * Objects a line scan found, with their identity only: enough for the rules to see them added or
 * deleted. Their contents are unknown, so they are marked like SOPS-encrypted ones.
 */
function scannedResources(file: string, documents: readonly ScannedDocument[]): Resource[] {
  const resources: Resource[] = [];
  for (const d of documents) {
    if (!d.apiVersion || !d.kind || !d.name) continue;
    const id = resourceId(d.apiVersion, d.kind, d.name, d.namespace);
    const value: Record<string, unknown> = {};
    // Top-level entries are known to be there, not what they hold.
    for (const key of d.keys) value[key] = {};
    Object.assign(value, {
      apiVersion: d.apiVersion,
      kind: d.kind,
      metadata: d.namespace === undefined ? { name: d.name } : { name: d.name, namespace: d.namespace }
    });
    const resource: Resource = { ...id, key: resourceKey(id), file, line: d.line, doc: ManifestDocument.fromValue(value), encrypted: true };
    scanned.add(resource);
    resources.push(resource);
  }
  return resources;
}

/**
 * One finding per unreadable file: forward when the new version is unreadable, else rollback.
 * A file that may hold a kind the rules look at (it names one, or could not be scanned) is an
 * error: its hazards would otherwise pass unseen.
 */
function unreadableFindings(before: Side, after: Side, directions: readonly Direction[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const [list, direction] of [
    [after.unreadable, 'forward'],
    [before.unreadable, 'rollback']
  ] as const) {
    for (const u of list) {
      if (seen.has(u.file)) continue;
      seen.add(u.file);
      if (!directions.includes(direction)) continue;
      const risky = u.severity !== 'notice' && mayHoldHazard(u);
      findings.push({
        rule: MANIFEST_UNREADABLE,
        severity: risky ? 'error' : u.severity,
        direction,
        kind: '',
        apiVersion: '',
        name: '',
        file: u.file,
        line: u.line,
        message: risky
          ? failClosedMessage(u)
          : `${u.file} could not be checked because ${u.reason}. Hazards in this file are not reported; check it by hand.`
      });
    }
  }
  return findings;
}

/** The kinds the rules look at (without their API groups). */
const HAZARD_KINDS: ReadonlySet<string> = new Set(RULES.flatMap(r => r.kinds.map(k => k.slice(k.lastIndexOf('/') + 1))));

function mayHoldHazard(u: Unreadable): boolean {
  return u.kinds === undefined || [...u.kinds].some(k => HAZARD_KINDS.has(k));
}

function failClosedMessage(u: Unreadable): string {
  const held = (u.documents ?? []).filter(d => d.kind !== undefined && HAZARD_KINDS.has(d.kind) && d.name);
  const shown = held.slice(0, 5).map(d => `${article(d.kind!)} ${d.kind} named ${d.name}`);
  if (held.length > shown.length) shown.push(`${held.length - shown.length} more`);
  const kinds = u.kinds === undefined ? [] : [...u.kinds].filter(k => HAZARD_KINDS.has(k));
  const holds =
    shown.length > 0
      ? `it holds ${shown.join(', ')}`
      : kinds.length > 0
        ? `it mentions ${kinds.slice(0, 5).join(', ')}`
        : 'it could not be scanned at all';
  const raise = u.limit?.includes('max-file-bytes')
    ? ' Raise max-file-bytes in the safety-check configuration (.github/rollback-safety.yml) to check it,'
    : u.limit
      ? ` It is beyond ${u.limit}, which cannot be raised: simplify the file, or`
      : ' Fix the file, or';
  return `${u.file} could not be checked because ${u.reason}, and ${holds}: hazards in it would go unreported.${raise} or check it by hand and acknowledge it with the pull request's acknowledge label.`;
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}

function contextFromChangedFiles(files: readonly FileChange[], notices: string[]): { before: RevisionContext; after: RevisionContext } {
  notices.push('Flux Kustomizations and kustomize patches were read from the changed files only.');
  const at = (side: 'before' | 'after'): RevisionContext =>
    revisionContextFromFiles(files.flatMap(f => (f[side] === undefined ? [] : [[f.path, f[side]!] as [string, Uint8Array | string]])));
  return { before: at('before'), after: at('after') };
}
