import { constructFromEvents, EVENT_ID, parseEvents, type Event } from 'js-yaml';

/** Collections nested deeper than this (counting alias expansion) are refused. */
export const MAX_DEPTH = 200;
/** Alias nodes allowed per document; Kubernetes manifests rarely use any. */
export const MAX_ALIASES = 200;
/** Nodes a document may expand to once aliases are followed (billion-laughs guard). */
export const MAX_EXPANDED_NODES = 2_000_000;

/** One parsed YAML document and where its root node starts in the parsed text. */
export interface ParsedDocument {
  value: unknown;
  /** Offset of the root node in the text, or -1 for an empty document. */
  offset: number;
  /** When the root is a mapping with an `items` sequence: the offset of each item. */
  itemOffsets?: number[];
}

export type YamlResult = { ok: true; documents: ParsedDocument[] } | { ok: false; reason: string; offset: number };

interface Frame {
  size: number;
  depth: number;
  anchor?: string;
}

/**
 * Parses every document of `text` without ever throwing and with bounded work: nesting depth,
 * alias count and alias expansion are limited, so hostile input yields `{ ok: false }`.
 */
export function parseYaml(text: string): YamlResult {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (e) {
    return failure(e);
  }
  const shape = inspectEvents(events, text);
  if (typeof shape === 'string') return { ok: false, reason: shape, offset: 0 };
  try {
    const values = constructFromEvents(events, { source: text, maxAliases: MAX_ALIASES });
    return { ok: true, documents: values.map((value, i) => ({ value, ...shape[i] })) };
  } catch (e) {
    return failure(e);
  }
}

/** The parser's limit a failure's reason names, when it names one (they cannot be raised). */
export function parserLimitOf(reason: string): string | undefined {
  if (reason.includes(`${MAX_EXPANDED_NODES} nodes`)) return `the parser's limit of ${MAX_EXPANDED_NODES} nodes once aliases are expanded`;
  if (reason.includes(`deeper than ${MAX_DEPTH}`)) return `the parser's nesting limit of ${MAX_DEPTH}`;
  if (/alias/i.test(reason)) return `the parser's limit of ${MAX_ALIASES} aliases per document`;
  return undefined;
}

function failure(e: unknown): { ok: false; reason: string; offset: number } {
  const err = e as { reason?: string; message?: string; mark?: { position?: number } };
  const reason = err.reason ?? String(err.message ?? e).split('\n')[0];
  return { ok: false, reason, offset: Math.max(0, err.mark?.position ?? 0) };
}

type DocShape = { offset: number; itemOffsets?: number[] };

/**
 * One linear pass over the events: computes how far aliases would expand each document (size and
 * depth, so later recursive walks stay bounded) and records root and `items` offsets.
 */
function inspectEvents(events: Event[], text: string): DocShape[] | string {
  const shapes: DocShape[] = [];
  const anchors = new Map<string, Frame>();
  const stack: Frame[] = [];
  let shape: DocShape = { offset: -1 };
  // Direct children of a mapping root alternate key, value; `items` values are remembered.
  let rootIsMap = false;
  let expectKey = true;
  let keyIsItems = false;
  let inItems = false;
  for (const ev of events) {
    if (ev.type === EVENT_ID.DOCUMENT) {
      shape = { offset: -1 };
      shapes.push(shape);
      stack.push({ size: 0, depth: 0 });
      continue;
    }
    if (ev.type === EVENT_ID.POP) {
      const done = stack.pop()!;
      if (done.anchor !== undefined) anchors.set(done.anchor, done);
      if (stack.length > 0) {
        const err = addChild(stack[stack.length - 1], done);
        if (err) return err;
      }
      if (stack.length === 2) {
        inItems = false;
        expectKey = !expectKey;
      }
      continue;
    }
    const depth = stack.length;
    const start = ev.type === EVENT_ID.SCALAR ? ev.valueStart : ev.type === EVENT_ID.ALIAS ? ev.anchorStart : ev.start;
    if (depth === 1) {
      shape.offset = start;
      rootIsMap = ev.type === EVENT_ID.MAPPING;
      expectKey = true;
    }
    if (depth === 3 && inItems) shape.itemOffsets!.push(start);
    if (depth === 2 && rootIsMap) {
      if (expectKey) keyIsItems = ev.type === EVENT_ID.SCALAR && text.slice(ev.valueStart, ev.valueEnd) === 'items';
      else if (keyIsItems && ev.type === EVENT_ID.SEQUENCE) {
        inItems = true;
        shape.itemOffsets = [];
      }
    }
    if (ev.type === EVENT_ID.ALIAS || ev.type === EVENT_ID.SCALAR) {
      const anchor = ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined;
      const leaf: Frame = ev.type === EVENT_ID.ALIAS ? (anchors.get(anchor!) ?? { size: 1, depth: 1 }) : { size: 1, depth: 1, anchor };
      if (ev.type === EVENT_ID.SCALAR && anchor !== undefined) anchors.set(anchor, leaf);
      const err = addChild(stack[stack.length - 1], leaf);
      if (err) return err;
      if (depth === 2) expectKey = !expectKey;
      continue;
    }
    stack.push({ size: 1, depth: 1, anchor: ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined });
  }
  return shapes;
}

function addChild(parent: Frame, child: Frame): string | undefined {
  parent.size += child.size;
  parent.depth = Math.max(parent.depth, child.depth + 1);
  if (parent.size > MAX_EXPANDED_NODES) return `aliases expand to more than ${MAX_EXPANDED_NODES} nodes`;
  if (parent.depth > MAX_DEPTH) return `nesting (with aliases expanded) is deeper than ${MAX_DEPTH}`;
  return undefined;
}
