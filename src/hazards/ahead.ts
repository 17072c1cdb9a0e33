import type { Resource } from '../manifests/types.js';
import { NOTHING, ruleOutcomes, unchanged, type Outcome } from './outcomes.js';
import { byKeyWithRules, partnerOf } from './pairing.js';
import type { Direction, ResourceChange } from './types.js';

/**
 * Runs the rules on the objects of each file that are in it at both revisions while the rest of
 * the change is still being read: a caller reading files as git prints them would otherwise wait
 * for git, and then run every rule at the end. Nothing here depends on what the other files hold
 * (the rules read only the two objects, never their owner), so the outcomes are kept per pair of
 * objects and direction; the final pass (`hazards`) takes them when it pairs the same two objects,
 * as it does unless the key is in other files too, and checks any other pair itself.
 */
export class RulesAhead {
  // By the object in the role of `before`: the object it was paired with, the direction it was
  // checked in, and what the rules found.
  private readonly found = new Map<Resource, { after: Resource; direction: Direction; outcomes: readonly Outcome[] }>();

  /** Checks the pairs of one file's objects at both revisions, in each of `directions`. */
  check(before: readonly Resource[], after: readonly Resource[], directions: readonly Direction[]): void {
    const byKey = byKeyWithRules(after);
    for (const b of before) {
      // The file is the same, so the pair is the one the final pass makes first.
      const a = partnerOf(byKey, b);
      if (!a) continue;
      const same = unchanged(b, a);
      // What the rules derive from the pair in one direction serves the other too.
      const memo = new Map<string, unknown>();
      try {
        for (const direction of directions) {
          const [from, to] = direction === 'forward' ? [b, a] : [a, b];
          const outcomes = same ? NOTHING : ruleOutcomes({ before: from, after: to, memo }, direction);
          this.found.set(from, { after: to, direction, outcomes });
        }
      } catch {
        // Left for the final pass to meet in its own order.
      }
      b.doc.release();
      a.doc.release();
    }
  }

  /** What the rules found ahead in this change and direction; undefined when it was not checked. */
  outcomesOf(change: ResourceChange, direction: Direction): readonly Outcome[] | undefined {
    const ahead = change.after && this.found.get(change.before);
    return ahead && ahead.after === change.after && ahead.direction === direction ? ahead.outcomes : undefined;
  }
}
