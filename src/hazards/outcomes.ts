import { UnreadableDocumentError } from '../manifests/manifest-document.js';
import type { Resource } from '../manifests/types.js';
import { rulesFor } from './registry.js';
import type { Direction, HazardRule, Hit, ResourceChange } from './types.js';

/**
 * What the rules of an object's kind find in a change, before the modifiers (which need the
 * object's owner): each hit in rule order, up to a part of the objects that does not parse.
 */
export type Outcome = { rule: HazardRule; hit: Hit } | { unreadable: string };

/** Nothing found. */
export const NOTHING: readonly Outcome[] = [];

/** Runs the rules of the object's kind on a change, in rule order. */
export function ruleOutcomes(change: ResourceChange, direction: Direction): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const rule of rulesFor(change.before.group, change.before.kind)) {
    try {
      const hit = rule.check(change, { direction });
      if (!hit || (hit.symmetric && direction === 'rollback')) continue;
      outcomes.push({ rule, hit });
    } catch (e) {
      if (!(e instanceof UnreadableDocumentError)) throw e;
      outcomes.push({ unreadable: e.reason });
      break;
    }
  }
  return outcomes;
}

/** An object with the same bytes at both revisions has not changed: there is nothing to check. */
export function unchanged(before: Resource, after: Resource): boolean {
  return before.doc.sameBytes(after.doc);
}
