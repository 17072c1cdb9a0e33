import type { Resource, Unreadable } from '../manifests/types.js';
import { UnreadableDocumentError } from '../manifests/manifest-document.js';
import { forceReason, pruneBlocker, updateBlocker } from './modifiers.js';
import { MANIFEST_UNREADABLE, rulesFor } from './registry.js';
import type { Direction, Finding, HazardRule, Hit, ResourceChange, Severity } from './types.js';

/** The objects of a set of files at one revision, and the files among them that did not parse. */
export interface ManifestSet {
  resources: readonly Resource[];
  unreadable?: readonly Unreadable[];
}

export interface HazardContext {
  /**
   * `forward` for the change itself, `rollback` for its revert (call with the sets swapped).
   * Hits that read the same both ways (an immutable field changed) are reported forward only.
   */
  direction: Direction;
}

/**
 * Every hazard of going from `before` to `after`. Objects are matched by API group, kind,
 * namespace and name across all files, so a manifest moved between files is neither deleted nor
 * created. Objects only in `after` are not reported here: their hazard is the deletion that the
 * rollback direction sees.
 */
export function hazards(before: ManifestSet, after: ManifestSet, context: HazardContext): Finding[] {
  const findings: Finding[] = [];
  for (const change of pairUp(before.resources, after.resources)) {
    if (change.after && change.before.doc.sameBytes(change.after.doc)) continue;
    if (!change.after && hiddenIn(change.before, after.unreadable ?? [])) continue;
    findings.push(...check(change, context));
    change.before.doc.release();
    change.after?.doc.release();
  }
  return findings;
}

function check(change: ResourceChange, context: HazardContext): Finding[] {
  const findings: Finding[] = [];
  const rules = rulesFor(change.before.group, change.before.kind);
  for (const rule of rules) {
    try {
      const hit = rule.check(change, context);
      if (!hit || (hit.symmetric && context.direction === 'rollback')) continue;
      findings.push(toFinding(rule, modify(rule, hit, change), change, context.direction));
    } catch (e) {
      if (!(e instanceof UnreadableDocumentError)) throw e;
      findings.push(unreadableFinding(change, context.direction, e.reason));
      break;
    }
  }
  return findings;
}

/** Applies the Flux and Helm modifiers that make a hazard go away or worse. */
function modify(rule: HazardRule, hit: Hit, change: ResourceChange): Hit {
  if (hit.effect === 'delete') {
    const why = pruneBlocker(change.before);
    return why ? { ...hit, severity: 'notice', message: `Not pruned because ${why}: the object stays in the cluster. ${hit.message}` } : hit;
  }
  const applied = change.after ?? change.before;
  const blocked = updateBlocker(applied);
  if (blocked) return { ...hit, severity: 'notice', message: `Not applied because ${blocked}. ${hit.message}` };
  const forced = forceReason(applied);
  if (forced && rule.forced) {
    const effect = rule.forced === 'notice' ? 'Flux deletes and recreates the object, which is fine for it' : 'Flux deletes and recreates the object, destroying its data';
    return { ...hit, severity: rule.forced, message: `${hit.message} Force is on (${forced}): ${effect}.` };
  }
  return hit;
}

function toFinding(rule: HazardRule, hit: Hit, change: ResourceChange, direction: Direction): Finding {
  const deleted = !change.after;
  const at = deleted || direction === 'rollback' ? change.before : change.after!;
  const id = deleted && direction === 'rollback' && rule.rollbackId ? rule.rollbackId : rule.id;
  return finding(id, hit.severity, direction, at, hit.message);
}

function unreadableFinding(change: ResourceChange, direction: Direction, reason: string): Finding {
  const at = change.after ?? change.before;
  const message = `${at.file}:${at.line} could not be checked: ${reason}. Fix the YAML so the change can be checked.`;
  return finding(MANIFEST_UNREADABLE, 'warning', direction, at, message);
}

function finding(rule: string, severity: Severity, direction: Direction, r: Resource, message: string): Finding {
  const f: Finding = { rule, severity, direction, kind: r.kind, apiVersion: r.apiVersion, name: r.name, file: r.file, line: r.line, message };
  if (r.namespace) f.namespace = r.namespace;
  return f;
}

/**
 * Matches objects of both revisions by key. Same-key objects (the same name in two clusters'
 * folders) pair up by file first, then by owning Flux Kustomization, then in order.
 */
function* pairUp(before: readonly Resource[], after: readonly Resource[]): Generator<ResourceChange> {
  const byKey = new Map<string, Resource[]>();
  for (const r of after) {
    const list = byKey.get(r.key);
    if (list) list.push(r);
    else byKey.set(r.key, [r]);
  }
  // One pair at a time: a list of every pair would keep them all alive through the checks.
  for (const b of before) yield { before: b, after: take(byKey.get(b.key), b) };
}

function take(candidates: Resource[] | undefined, b: Resource): Resource | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  let index = candidates.findIndex(a => a.file === b.file);
  if (index < 0) index = candidates.findIndex(a => a.owner !== undefined && a.owner.name === b.owner?.name);
  return candidates.splice(Math.max(index, 0), 1)[0];
}

/** True when an unreadable file on the other side mentions the object's name: it may be there. */
function hiddenIn(r: Resource, unreadable: readonly Unreadable[]): boolean {
  return unreadable.some(u => u.file === r.file || (u.bytes !== undefined && u.bytes.indexOf(r.name) >= 0));
}
