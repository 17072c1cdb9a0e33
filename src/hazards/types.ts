import type { Resource } from '../manifests/types.js';

export type Severity = 'critical' | 'error' | 'warning' | 'notice';

/** `forward`: what applying the change does; `rollback`: what reverting it later would do. */
export type Direction = 'forward' | 'rollback';

/** One hazard found in a change. */
export interface Finding {
  rule: string;
  severity: Severity;
  direction: Direction;
  kind: string;
  apiVersion: string;
  namespace?: string;
  name: string;
  file: string;
  /** 1-based line of the object's document in `file` at the revision where it exists. */
  line: number;
  /** What happens and how to make it safe. */
  message: string;
}

/**
 * One object in the two states a check compares. `after` is missing when the object is deleted;
 * objects that only exist in `after` (creations) are checked as deletions in the other direction.
 */
export interface ResourceChange {
  before: Resource;
  after?: Resource;
  /**
   * Scratch space for values several rules derive from the same change. The two directions of a
   * pair checked together share it, each seeing the objects in its own order.
   */
  memo?: Map<string, unknown>;
}

export interface RuleContext {
  direction: Direction;
}

/** What a rule reports; the engine adds identity, location and modifiers. */
export interface Hit {
  severity: Severity;
  message: string;
  /** `delete`: prune modifiers apply; `update`: ssa and force modifiers apply. */
  effect: 'delete' | 'update';
  /**
   * The same hit would appear in both directions (an immutable field changed either way): it is
   * reported in the forward direction only.
   */
  symmetric?: boolean;
}

/** One independent check with a stable id, in the style of crdify's validations. */
export interface HazardRule {
  id: string;
  /** The id reported when a deletion is found in the rollback direction (`crd-create`). */
  rollbackId?: string;
  /** `group/Kind` keys this rule looks at (`apps/StatefulSet`, `/PersistentVolumeClaim`). */
  kinds: readonly string[];
  /**
   * The top-level entries of an object of one of `kinds` that {@link check} may read, besides
   * `metadata` (which the engine's modifiers read), given the entries the object has; every entry
   * when left out. The reading stage keeps only what the rules of a kind read, so a rule that
   * declares entries must read nothing else, of either object.
   */
  reads?(id: { group: string; kind: string }, keys: { has(key: string): boolean }): readonly string[];
  /** Severity of an update hit when Flux force-recreates the object (force enabled). */
  forced?: Severity;
  /** One line for the documentation. */
  summary: string;
  /**
   * Reads only the two objects of the change (never their owner, which is set later): the engine
   * may run it while the rest of the change is still being read (see `checkAhead`).
   */
  check(change: ResourceChange, context: RuleContext): Hit | undefined;
}

/** Severity order, most severe first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'error', 'warning', 'notice'];
