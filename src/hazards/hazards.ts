import { UnreadableDocumentError } from '../manifests/manifest-document.js';
import { parserLimitOf } from '../manifests/safe-yaml.js';
import type { Resource, Unreadable } from '../manifests/types.js';
import type { RulesAhead } from './ahead.js';
import { forceReason, pruneBlocker, updateBlocker } from './modifiers.js';
import { NOTHING, ruleOutcomes, unchanged, type Outcome } from './outcomes.js';
import { pairUp } from './pairing.js';
import { MANIFEST_UNREADABLE } from './registry.js';
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
  /** What the rules found in pairs checked while the change was read: not checked again. */
  ahead?: RulesAhead;
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
    if (!change.after && hiddenIn(change.before, after.unreadable ?? [])) continue;
    findings.push(...check(change, context));
    change.before.doc.release();
    change.after?.doc.release();
  }
  return findings;
}

function check(change: ResourceChange, context: HazardContext): Finding[] {
  const findings: Finding[] = [];
  for (const outcome of outcomesOf(change, context)) {
    if ('unreadable' in outcome) {
      findings.push(unreadableFinding(change, context.direction, outcome.unreadable));
      break;
    }
    try {
      findings.push(toFinding(outcome.rule, modify(outcome.rule, outcome.hit, change), change, context.direction));
    } catch (e) {
      if (!(e instanceof UnreadableDocumentError)) throw e;
      findings.push(unreadableFinding(change, context.direction, e.reason));
      break;
    }
  }
  return findings;
}

function outcomesOf(change: ResourceChange, { direction, ahead }: HazardContext): readonly Outcome[] {
  if (!change.after) return ruleOutcomes(change, direction);
  return ahead?.outcomesOf(change, direction) ?? (unchanged(change.before, change.after) ? NOTHING : ruleOutcomes(change, direction));
}

/** Applies the Flux and Helm modifiers that make a hazard go away or worse. */
function modify(rule: HazardRule, hit: Hit, change: ResourceChange): Hit {
  if (hit.effect === 'delete') {
    const why = pruneBlocker(change.before);
    return why
      ? { ...hit, severity: 'notice', message: `Not pruned because ${why}: the object stays in the cluster. ${hit.message}` }
      : hit;
  }
  const applied = change.after ?? change.before;
  const blocked = updateBlocker(applied);
  if (blocked) return { ...hit, severity: 'notice', message: `Not applied because ${blocked}. ${hit.message}` };
  const forced = forceReason(applied);
  if (forced && rule.forced) {
    const effect =
      rule.forced === 'notice'
        ? 'Flux deletes and recreates the object, which is fine for it'
        : 'Flux deletes and recreates the object, destroying its data';
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

/** An object of a kind the rules look at whose document does not parse: an error, as a hazard in it would pass unseen. */
function unreadableFinding(change: ResourceChange, direction: Direction, reason: string): Finding {
  const at = change.after ?? change.before;
  const limit = parserLimitOf(reason);
  const fix = limit ? `It is beyond ${limit}, which cannot be raised: simplify the document (fewer aliases, less nesting)` : 'Fix the YAML';
  const message = `${at.file}:${at.line} could not be checked: ${reason}. ${fix} so the change can be checked, or check it by hand and acknowledge it with the pull request's acknowledge label.`;
  return finding(MANIFEST_UNREADABLE, 'error', direction, at, message);
}

function finding(rule: string, severity: Severity, direction: Direction, r: Resource, message: string): Finding {
  const f: Finding = {
    rule,
    severity,
    direction,
    kind: r.kind,
    apiVersion: r.apiVersion,
    name: r.name,
    file: r.file,
    line: r.line,
    message
  };
  if (r.namespace) f.namespace = r.namespace;
  return f;
}

/** True when an unreadable file on the other side mentions the object's name (or a line scan found it there): it may be there. */
function hiddenIn(r: Resource, unreadable: readonly Unreadable[]): boolean {
  return unreadable.some(
    u => u.file === r.file || (u.bytes !== undefined && u.bytes.indexOf(r.name) >= 0) || u.documents?.some(d => d.name === r.name)
  );
}
