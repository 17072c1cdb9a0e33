import type { Resource, Unreadable } from '../manifests/types.js';
import { UnreadableDocumentError } from '../manifests/manifest-document.js';
import { forceReason, pruneBlocker, readMarkers, updateBlocker } from './modifiers.js';
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

/**
 * What the rules of an object's kind find in a change, before the modifiers (which need the
 * object's owner): each hit in rule order, up to a part of the objects that does not parse.
 */
type Outcome = { rule: HazardRule; hit: Hit } | { unreadable: string };

function ruleOutcomes(change: ResourceChange, context: HazardContext): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const rule of rulesFor(change.before.group, change.before.kind)) {
    try {
      const hit = rule.check(change, context);
      if (!hit || (hit.symmetric && context.direction === 'rollback')) continue;
      outcomes.push({ rule, hit });
    } catch (e) {
      if (!(e instanceof UnreadableDocumentError)) throw e;
      outcomes.push({ unreadable: e.reason });
      break;
    }
  }
  return outcomes;
}

// Outcomes worked out by checkAhead, kept with the object in the role of `before`, for the object
// it was paired with and the direction it was checked in.
const AHEAD = new WeakMap<Resource, { after: Resource; direction: Direction; outcomes: readonly Outcome[] }>();

function outcomesOf(change: ResourceChange, context: HazardContext): readonly Outcome[] {
  if (!change.after) return ruleOutcomes(change, context);
  const ahead = AHEAD.get(change.before);
  if (ahead && ahead.after === change.after && ahead.direction === context.direction) return ahead.outcomes;
  return unchanged(change.before, change.after) ? NOTHING : ruleOutcomes(change, context);
}

/** An object with the same bytes at both revisions has not changed: there is nothing to check. */
function unchanged(before: Resource, after: Resource): boolean {
  return before.doc.sameBytes(after.doc);
}

const NOTHING: readonly Outcome[] = [];

/**
 * Runs the rules, ahead of {@link hazards}, on the objects of one file that are in it at both
 * revisions, while the rest of the change is still being read: a caller reading files as git
 * prints them would otherwise wait for git. Nothing here depends on what the other files hold
 * (the rules read only the two objects, never their owner), so the outcomes are kept per pair of
 * objects and direction; `hazards` takes them when it pairs the same two objects, as it does
 * unless the key is in other files too, and checks any other pair itself.
 */
export function checkAhead(before: readonly Resource[], after: readonly Resource[], directions: readonly Direction[]): QuietPairs {
  const quiet = new Map<Resource, Resource>();
  const byKey = byKeyWithRules(after);
  for (const b of before) {
    // The file is the same, so the pair is the one `pairUp` makes first.
    const a = partnerOf(byKey, b);
    if (!a) continue;
    const same = unchanged(b, a);
    try {
      let found = false;
      for (const direction of directions) {
        const [from, to] = direction === 'forward' ? [b, a] : [a, b];
        const outcomes = same ? NOTHING : ruleOutcomes({ before: from, after: to }, { direction });
        // A hit of a change is modified by what the object it is applied to (`to`) carries.
        if (outcomes.length > 0) {
          readMarkers(to);
          found = true;
        }
        AHEAD.set(from, { after: to, direction, outcomes });
      }
      if (!found) quiet.set(b, a);
    } catch {
      // Left for hazards() to meet in its own order.
    }
    b.doc.release();
    a.doc.release();
  }
  return quiet;
}

/**
 * The pairs of a file in which {@link checkAhead} found nothing in any of the directions it
 * checked: `before` object to `after` object.
 */
export type QuietPairs = ReadonlyMap<Resource, Resource>;

/**
 * Sorts the objects of a change, file by file as they are read, into those the final pass
 * ({@link hazards}) has to pair and check and the pairs it can leave out: those of one file in
 * which {@link checkAhead} found nothing. `hazards` would make the same pair, and find nothing in
 * it, when the key is on no other object of either side (pairs of other keys are made
 * independently) and, with the context, both objects or neither are left out as part of a patch
 * file. What reading cannot know yet (an object with the same key may come later; which files
 * are patches) is settled in {@link sides}: a pair that does not qualify goes back in its place.
 * The final pass, which runs once git has printed everything, then handles tens of objects
 * instead of thousands, and this bookkeeping is done while git reads.
 */
export class PairLedger {
  /** The objects to check, each with its place in the order they came in. */
  private readonly loud = { before: [] as Resource[], after: [] as Resource[] };
  private readonly places = { before: [] as number[], after: [] as number[] };
  private readonly quiet = new Map<string, QuietPair>();
  private readonly quietByFile = new Map<string, string[]>();
  private readonly keys = { before: new Set<string>(), after: new Set<string>() };
  /** Keys on more than one object of a side. */
  private readonly repeated = new Set<string>();
  private place = 0;

  /** The objects of one file at both revisions, and the pairs among them {@link checkAhead} found quiet. */
  add(before: readonly Resource[], after: readonly Resource[], quiet: QuietPairs = NO_PAIRS): void {
    // This file's quiet pairs, by their `after` object.
    const partners = new Map<Resource, QuietPair>();
    for (const b of before) {
      if (!hasRules(b)) continue;
      this.count(this.keys.before, b.key);
      const partner = quiet.get(b);
      if (!partner || this.quiet.has(b.key)) {
        this.keep('before', b);
        continue;
      }
      const pair: QuietPair = { before: b, after: partner, places: { before: this.place++, after: -1 } };
      this.quiet.set(b.key, pair);
      partners.set(partner, pair);
      const keys = this.quietByFile.get(b.file);
      if (keys) keys.push(b.key);
      else this.quietByFile.set(b.file, [b.key]);
    }
    for (const a of after) {
      if (!hasRules(a)) continue;
      this.count(this.keys.after, a.key);
      const pair = partners.get(a);
      if (pair) pair.places.after = this.place++;
      else this.keep('after', a);
    }
  }

  /**
   * Both sides for the final pass: the objects of each side (`unreadable` as given) without the
   * quiet pairs that qualify, given which files are patches at each revision.
   */
  sides<T extends ManifestSet>(before: T, after: T, patches: { before: ReadonlySet<string>; after: ReadonlySet<string> }): [T, T] {
    const back = new Set<QuietPair>();
    for (const key of this.repeated) {
      const pair = this.quiet.get(key);
      if (pair) back.add(pair);
    }
    for (const file of new Set([...patches.before, ...patches.after])) {
      if (patches.before.has(file) === patches.after.has(file)) continue;
      for (const key of this.quietByFile.get(file) ?? []) back.add(this.quiet.get(key)!);
    }
    const side = <S extends ManifestSet>(set: S, which: 'before' | 'after'): S => ({
      ...set,
      resources: merged(this.loud[which], this.places[which], [...back].map(p => [p[which], p.places[which]]))
    });
    return [side(before, 'before'), side(after, 'after')];
  }

  private keep(side: 'before' | 'after', r: Resource): void {
    this.loud[side].push(r);
    this.places[side].push(this.place++);
  }

  private count(keys: Set<string>, key: string): void {
    const known = keys.size;
    if (keys.add(key).size === known) this.repeated.add(key);
  }
}

/** A pair left out of the final pass, and where its two objects came. */
interface QuietPair {
  before: Resource;
  after: Resource;
  places: { before: number; after: number };
}

const NO_PAIRS: QuietPairs = new Map();

/** `loud` (in the order of `places`) with `returned` put back in their places. */
function merged(loud: Resource[], places: readonly number[], returned: [Resource, number][]): Resource[] {
  if (returned.length === 0) return loud;
  returned.sort((x, y) => x[1] - y[1]);
  const result: Resource[] = [];
  let i = 0;
  for (let j = 0; j < loud.length; j++) {
    while (i < returned.length && returned[i][1] < places[j]) result.push(returned[i++][0]);
    result.push(loud[j]);
  }
  for (; i < returned.length; i++) result.push(returned[i][0]);
  return result;
}

function hasRules(r: Resource): boolean {
  return rulesFor(r.group, r.kind).length > 0;
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
  const byKey = byKeyWithRules(after);
  // One pair at a time: a list of every pair would keep them all alive through the checks.
  for (const b of before) {
    if (!hasRules(b)) continue;
    yield { before: b, after: partnerOf(byKey, b) };
  }
}

/**
 * The objects of kinds some rule looks at, by key. The others are left out: nothing can be found
 * in them, and the pairs of other objects stay the same (the key includes the kind). Most keys
 * name one object: it is kept as is, a list only when there are more.
 */
function byKeyWithRules(resources: readonly Resource[]): Map<string, Resource | Resource[]> {
  const byKey = new Map<string, Resource | Resource[]>();
  for (const r of resources) {
    if (!hasRules(r)) continue;
    const known = byKey.get(r.key);
    if (known === undefined) byKey.set(r.key, r);
    else if (Array.isArray(known)) known.push(r);
    else byKey.set(r.key, [known, r]);
  }
  return byKey;
}

/** Takes `b`'s partner out of `byKey`: the lone object of its key, or the best of several. */
function partnerOf(byKey: Map<string, Resource | Resource[]>, b: Resource): Resource | undefined {
  const found = byKey.get(b.key);
  if (found === undefined || Array.isArray(found)) return take(found, b);
  byKey.delete(b.key);
  return found;
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
