import { isAscii } from 'node:buffer';
import { mappingEntries, type Entry } from './block-scan.js';
import { parseYaml } from './safe-yaml.js';

/** Thrown when a part of a document that a check needs turns out not to parse. */
export class UnreadableDocumentError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableDocumentError';
  }
}

/**
 * One YAML document, read lazily: a value at a path is found by scanning the block structure and
 * parsing only that entry, falling back to parsing the whole document when the layout is unusual.
 * Call {@link release} when done to drop decoded text and parsed values.
 */
export class ManifestDocument {
  private text?: string;
  private ascii?: boolean;
  private whole?: { value: unknown };
  private values?: Map<string, unknown>;
  private children?: Map<Entry, Map<string, Entry> | undefined>;

  private constructor(
    private readonly bytes: Buffer | undefined,
    /** Top-level entries found when the header was scanned; none when it needs a real parse. */
    private readonly top: Map<string, Entry> | undefined,
    private readonly fixed?: unknown
  ) {}

  /**
   * A document backed by its bytes. `top` (offsets into the decoded bytes) is given when its top
   * level is a plain block mapping; without it every lookup parses the whole document.
   */
  static fromBytes(bytes: Buffer, top?: Map<string, Entry>): ManifestDocument {
    return new ManifestDocument(bytes, top);
  }

  /**
   * A copy of the document `top` was scanned from (`text`) holding only the top-level entries
   * named in `keys`, in their order and verbatim, in bytes of its own: the file it came from can
   * then be freed. Lookups of the kept entries read exactly what they read in the whole document.
   */
  static fromEntries(text: string, top: Map<string, Entry>, keys: ReadonlySet<string>): ManifestDocument {
    const kept = new Map<string, Entry>();
    const parts: string[] = [];
    let length = 0;
    for (const entry of top.values()) {
      if (!keys.has(entry.key)) continue;
      const shift = entry.start - length;
      kept.set(entry.key, { ...entry, start: length, bodyStart: entry.bodyStart - shift, end: entry.end - shift });
      parts.push(text.slice(entry.start, entry.end));
      length += entry.end - entry.start;
    }
    return new ManifestDocument(Buffer.from(parts.join(''), 'utf8'), kept);
  }

  /** A document already parsed (an item of a `kind: List`, a test value). */
  static fromValue(value: unknown): ManifestDocument {
    return new ManifestDocument(undefined, undefined, value);
  }

  /** True when both documents have exactly the same bytes. */
  sameBytes(other: ManifestDocument): boolean {
    return this.bytes !== undefined && other.bytes !== undefined && this.bytes.equals(other.bytes);
  }

  /** The value at `path` (mapping keys), or undefined when absent. */
  get(path: readonly string[]): unknown {
    const cacheKey = path.join('\u0000');
    this.values ??= new Map();
    if (this.values.has(cacheKey)) return this.values.get(cacheKey);
    const value = this.lookup(path);
    this.values.set(cacheKey, value);
    return value;
  }

  /**
   * The source text of the entry at `path` (for cheap equality checks), null when the path is
   * absent, undefined when the layout cannot be scanned.
   */
  raw(path: readonly string[]): string | null | undefined {
    const found = this.entryAt(path);
    if (found === undefined || found === null) return found;
    return found.text.slice(found.entry.start, found.entry.end);
  }

  /**
   * True when the entry at `path` is the same text in both documents (both absent counts); false
   * when it differs or either layout cannot be scanned.
   */
  sameRaw(other: ManifestDocument, path: readonly string[]): boolean {
    const raw = this.raw(path);
    return raw !== undefined && raw === other.raw(path);
  }

  /** The whole document. */
  value(): unknown {
    if (this.bytes === undefined) return this.fixed;
    if (!this.whole) {
      const parsed = parseYaml(this.source());
      if (!parsed.ok) throw new UnreadableDocumentError(parsed.reason);
      this.whole = { value: parsed.documents.find(d => d.offset >= 0)?.value };
    }
    return this.whole.value;
  }

  /** Drops decoded text and parsed values; they are rebuilt on demand. */
  release(): void {
    this.text = undefined;
    this.whole = undefined;
    this.values = undefined;
    this.children = undefined;
  }

  private source(): string {
    // ASCII reads the same as latin1, which decodes faster (a large CRD is megabytes).
    return (this.text ??= this.bytes!.toString(this.isAscii() ? 'latin1' : 'utf8'));
  }

  private isAscii(): boolean {
    return (this.ascii ??= isAscii(this.bytes!));
  }

  private lookup(path: readonly string[]): unknown {
    const found = this.entryAt(path.slice(0, 1));
    if (found === undefined) return dig(this.value(), path);
    if (found === null) return undefined;
    return this.lookupIn(found.text, found.entry, path, 0);
  }

  private lookupIn(text: string, entry: Entry, path: readonly string[], depth: number): unknown {
    if (depth === path.length - 1 || entry.inline !== '') {
      return dig(this.parseEntry(text, entry), path.slice(depth));
    }
    const children = this.childrenOf(text, entry);
    if (!children) return dig(this.parseEntry(text, entry), path.slice(depth));
    const child = children.get(path[depth + 1]);
    return child ? this.lookupIn(text, child, path, depth + 1) : undefined;
  }

  private entryAt(path: readonly string[]): { text: string; entry: Entry } | null | undefined {
    if (!this.top || this.bytes === undefined) return undefined;
    // A top-level key that is absent needs no text: most lookups of small rules end here.
    let entries: Map<string, Entry> | undefined = this.top;
    let entry: Entry | undefined;
    for (let i = 0; i < path.length; i++) {
      if (!entries) return undefined;
      entry = entries.get(path[i]);
      if (!entry) return null;
      if (i < path.length - 1) entries = this.childrenOf(this.source(), entry);
    }
    return entry ? { text: this.source(), entry } : undefined;
  }

  /** The entries nested under `entry` (scanned once per document until released). */
  private childrenOf(text: string, entry: Entry): Map<string, Entry> | undefined {
    if (entry.inline !== '') return undefined;
    this.children ??= new Map();
    if (!this.children.has(entry)) this.children.set(entry, mappingEntries(text, entry.bodyStart, entry.end));
    return this.children.get(entry);
  }

  private parseEntry(text: string, entry: Entry): unknown {
    const parsed = parseYaml(text.slice(entry.start, entry.end));
    if (!parsed.ok) throw new UnreadableDocumentError(parsed.reason);
    return parsed.documents[0]?.value;
  }
}

/** Follows mapping keys into a parsed value. */
export function dig(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || Array.isArray(at)) return undefined;
    if (!Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
