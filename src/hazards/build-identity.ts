import { posix } from 'node:path';
import { apiGroup, isClusterScoped } from '../manifests/identity.js';
import { isKustomizeBuildFile } from '../manifests/kustomize-build.js';
import type { BuildTree } from './build-tree.js';
import { RULES, rulesFor } from './registry.js';
import type { Finding } from './types.js';

// kustomize renames what it builds: `namespace` in a build file moves every namespaced object it
// builds into that namespace and renames every Namespace to it (so `name: _` is a common
// placeholder). Rules compare objects as written; these passes compare them as built.

/** Finding ids that report an object going away: a deletion forward, a creation's revert. */
const DELETIONS: ReadonlySet<string> = new Set(RULES.filter(r => r.id.endsWith('-delete')).flatMap(r => [r.id, r.rollbackId ?? r.id]));
const RETARGET = 'kustomize-build-retarget';

/** The two trees of a change, read when first needed. */
export interface Trees {
  base(): Promise<BuildTree>;
  head(): Promise<BuildTree>;
}

/**
 * Weighs findings by the objects kustomize builds rather than the manifests as written:
 * - a deletion (or a creation, for the revert) of an object that the same folder still builds
 *   under the same identity at the other revision is no deletion (a namespace moved from the
 *   objects into `kustomization.yaml`, a Namespace placeholder moved into a component), and an
 *   object whose built name cannot exist in a cluster (`_`) cannot be deleted: both are dropped;
 * - a build file whose `namespace` changes while every object it builds keeps its namespace is
 *   no retarget: a notice.
 */
export async function weighBuildIdentity(trees: Trees, findings: Finding[]): Promise<Finding[]> {
  const dropped = new Set<Finding>();
  for (const f of findings) {
    if (f.rule === RETARGET && f.direction === 'forward' && f.severity !== 'notice') await weighRetarget(trees, f);
    else if (DELETIONS.has(f.rule) && (await builtAtBothSides(trees, f))) dropped.add(f);
  }
  return dropped.size === 0 ? findings : findings.filter(f => !dropped.has(f));
}

/** True when the object of a deletion finding is built, as the same object, at both revisions (or cannot exist). */
async function builtAtBothSides(trees: Trees, f: Finding): Promise<boolean> {
  const group = apiGroup(f.apiVersion);
  if (isClusterScoped(f.kind) && !isNamespace(group, f.kind)) return false;
  // Forward, the object is at base; for the revert of a creation, at head.
  const [base, head] = await Promise.all([trees.base(), trees.head()]);
  const [from, to] = f.direction === 'forward' ? [base, head] : [head, base];
  const built = includingBuild(from, f.file);
  if (!built) return false;
  const key = builtKey({ group, kind: f.kind, name: f.name, namespace: f.namespace }, built.namespace);
  if (key === undefined) return true;
  if (!to.buildFile(built.folder)) return false;
  return (await builtKeys(to, built.folder, f.kind)).has(key);
}

/** Downgrades a build file's namespace change to a notice when every object it builds keeps its identity. */
async function weighRetarget(trees: Trees, f: Finding): Promise<void> {
  const [base, head] = await Promise.all([trees.base(), trees.head()]);
  // Only a namespace change: the renames are compared as written.
  if (base.settingsOf(f.file)?.renames !== head.settingsOf(f.file)?.renames) return;
  const folder = folderOf(f.file);
  const [before, after] = await Promise.all([builtKeys(base, folder), builtKeys(head, folder)]);
  if (before.size === 0 || [...before].some(k => !after.has(k))) return;
  f.severity = 'notice';
  f.message = `${f.message} Every object built from ${folder || 'the repository root'} keeps its namespace and name as kustomize builds it (the objects named their namespace themselves, or a build below sets it), so nothing is pruned.`;
}

/** The build (folder with a build file) nearest to `file` that builds it, with the namespace it gives it. */
function includingBuild(tree: BuildTree, file: string): { folder: string; namespace?: string } | undefined {
  for (let dir = folderOf(file); ; dir = folderOf(dir)) {
    if (tree.buildFile(dir)) {
      const built = tree.built(dir);
      if (built.has(file)) return { folder: dir, namespace: built.get(file) };
    }
    if (dir === '') return undefined;
  }
}

/**
 * True when every object `before` builds from its folder (with its Flux post-build variables) is
 * built, under the same identity, by `after` from its own, leaving out kinds no rule looks at:
 * moving a Flux Kustomization there prunes nothing a rule would report. False when `before` builds
 * nothing.
 */
export async function buildsSameObjects(
  before: { tree: BuildTree; folder: string; vars: Readonly<Record<string, string>> },
  after: { tree: BuildTree; folder: string; vars: Readonly<Record<string, string>> }
): Promise<boolean> {
  const [was, now] = await Promise.all([
    builtKeys(before.tree, before.folder, undefined, before.vars),
    builtKeys(after.tree, after.folder, undefined, after.vars)
  ]);
  // Objects of kinds no rule looks at may go: their deletion is no hazard anywhere else either.
  return was.size > 0 && [...was].every(k => now.has(k) || !keyHasRules(k));
}

function keyHasRules(key: string): boolean {
  const [group, kind] = key.split('|');
  return rulesFor(group, kind).length > 0;
}

/** The identities of the objects a folder builds (of one kind, if given), as kustomize builds them. */
async function builtKeys(
  tree: BuildTree,
  folder: string,
  kind?: string,
  vars: Readonly<Record<string, string>> = {}
): Promise<Set<string>> {
  const keys = new Set<string>();
  const built = [...tree.built(folder)].filter(([file]) => !isKustomizeBuildFile(file));
  const objects = await tree.objectsOfFiles(
    built.map(([file]) => file),
    vars
  );
  for (const [i, [, namespace]] of built.entries()) {
    for (const r of objects[i]) {
      if (kind !== undefined && r.kind !== kind) continue;
      const key = builtKey(r, namespace);
      if (key !== undefined) keys.add(key);
    }
  }
  return keys;
}

/**
 * An object's key as kustomize builds it with `namespace` (the build's, if any), or undefined when
 * the built name cannot exist in a cluster (a placeholder such as `_`).
 */
function builtKey(r: { group: string; kind: string; name: string; namespace?: string }, namespace: string | undefined): string | undefined {
  const namespaceObject = isNamespace(r.group, r.kind);
  const name = namespaceObject ? (namespace ?? r.name) : r.name;
  const ns = namespaceObject || isClusterScoped(r.kind) ? undefined : (namespace ?? r.namespace);
  if (isPlaceholder(name) || (ns !== undefined && isPlaceholder(ns))) return undefined;
  return `${r.group}|${r.kind}|${ns ?? ''}|${name}`;
}

/** A name no object can have: without a letter, digit or `${` (Flux substitutes those). */
function isPlaceholder(name: string): boolean {
  return !/[A-Za-z0-9]|\$\{/.test(name);
}

function isNamespace(group: string, kind: string): boolean {
  return group === '' && kind === 'Namespace';
}

function folderOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}
