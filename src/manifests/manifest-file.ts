import { isAscii, isUtf8 } from 'node:buffer';
import { mappingEntries, simpleScalar, topLevelEntries, type Entry } from './block-scan.js';
import { scanDocuments, type DocumentSpan } from './documents.js';
import { resourceId, resourceKey, type ResourceId } from './identity.js';
import { isKustomizeBuildApi, isKustomizeBuildFile } from './kustomize-build.js';
import { ManifestDocument } from './manifest-document.js';
import { scanBytes, type LargeScan } from './large-scan.js';
import { parseYaml, parserLimitOf, type YamlResult } from './safe-yaml.js';
import { mayBeTemplate } from './template-scan.js';
import type { ManifestFile, Resource, Unreadable } from './types.js';
import { isObject } from '../core/index.js';

/** Files above this size are reported as unreadable without being parsed. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Unreadable files up to this size are kept to search for names that may hide in them. */
const KEEP_UNREADABLE_BYTES = 1024 * 1024;

export interface ReadFileOptions {
  /** The file is a kustomize patch (partial objects): it holds no resources. */
  isPatch?: boolean;
  /**
   * The top-level entries of an object's document that will be read later, besides `metadata`
   * (given its identity and the keys it has): 'all', or a list. With it, each object keeps a copy
   * of only that part, so the file's bytes can be freed as soon as the file is read. `null`: the
   * caller has no use for the object, which may then be left out (it is, when its document is a
   * plain block mapping; the document is checked for being readable either way).
   */
  keep?: (id: ResourceId, keys: { has(key: string): boolean }) => 'all' | readonly string[] | null;
  /** Files above this size are scanned line by line, not read (default {@link MAX_FILE_BYTES}). */
  maxBytes?: number;
}

/**
 * Reads the Kubernetes objects of one file at one revision. Never throws: binary, non-UTF-8,
 * oversized or unparseable content yields `unreadable` instead of resources.
 */
export function readManifestFile(path: string, content: Uint8Array | string, options: ReadFileOptions = {}): ManifestFile {
  const bytes = asBuffer(content);
  if (isKustomizeBuildFile(path) || options.isPatch) return { path, resources: [] };
  // Pure ASCII is the same text in latin1, whose offsets are byte offsets: the scan's line starts
  // then serve the documents' text as they are. Other files decode each document as UTF-8.
  const ascii = isAscii(bytes);
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length > maxBytes) return { path, resources: [], unreadable: tooLarge(path, bytes.length, maxBytes, scanBytes(bytes)) };
  const refused = refusal(bytes, ascii);
  if (refused) {
    const kinds = refused === BINARY ? undefined : scanBytes(bytes).kinds;
    return { path, resources: [], unreadable: { file: path, line: 1, reason: refused, severity: 'warning', kinds } };
  }
  const latin1 = bytes.toString('latin1');
  const template = latin1.includes('{{');
  const resources: Resource[] = [];
  for (const doc of scanDocuments(latin1)) {
    const text = ascii ? latin1.slice(doc.start, doc.end) : bytes.toString('utf8', doc.start, doc.end);
    const topLines = ascii ? { at: doc.topLines, shift: doc.start } : undefined;
    const read = readDocument(path, bytes.subarray(doc.start, doc.end), text, doc, topLines, template, options.keep);
    if ('reason' in read) return { path, resources: [], unreadable: unreadable(read, bytes, template) };
    resources.push(...read);
  }
  return { path, resources };
}

/** File contents as a Buffer: text encoded as UTF-8, bytes viewed as they are (no copy). */
export function asBuffer(content: Uint8Array | string): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

/**
 * `bytes`, or a copy of them when they are a small part of the buffer they view (git's batch
 * output is read in shared chunks): what is kept for long should not keep the rest alive.
 */
export function ownBytes(bytes: Buffer): Buffer {
  return bytes.length * 2 >= bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
}

/**
 * A file above the size limit: what a line scan found in it (see LineScanner) and which limit it
 * is above. `scan.failed`: the scan gave up, so the file may hold anything.
 */
export function tooLarge(path: string, size: number, maxBytes: number, scan: LargeScan): Unreadable {
  const limit = `the size limit of ${maxBytes} bytes (max-file-bytes)`;
  const reason = `it is larger than ${limit}: ${size} bytes${scan.failed ? `, and it could not be scanned either (${scan.failed})` : ''}`;
  return scan.failed
    ? { file: path, line: 1, reason, severity: 'warning', limit }
    : { file: path, line: 1, reason, severity: 'warning', limit, kinds: scan.kinds, documents: scan.documents };
}

const BINARY = 'it is binary';

function refusal(bytes: Buffer, ascii: boolean): string | undefined {
  if (bytes.indexOf(0) >= 0) return BINARY;
  if (!ascii && !isUtf8(bytes)) return 'it is not UTF-8 text';
  return undefined;
}

function unreadable(read: { reason: string; line: number; file: string }, bytes: Buffer, template: boolean): Unreadable {
  return {
    ...read,
    reason: template ? `it looks like a Helm template (${read.reason})` : read.reason,
    severity: template ? 'notice' : 'warning',
    bytes: bytes.length <= KEEP_UNREADABLE_BYTES ? Buffer.from(bytes) : undefined,
    kinds: scanBytes(bytes).kinds,
    limit: parserLimitOf(read.reason)
  };
}

type Failure = { file: string; line: number; reason: string };

/** Top-level keys of a Kubernetes object (or a `kind: List`), one of which any object has. */
const OBJECT_KEYS = ['apiVersion', 'kind', 'metadata', 'items'];

/** Where a document's lines that start in column 0 with content are: at `at[i] - shift` in its text. */
interface TopLines {
  at: readonly number[];
  shift: number;
}

/**
 * Resources of one document; a document that is not a full object yields none. With `validate`
 * (the file contains `{{`) a document where `{{` may be template syntax is parsed first so broken
 * YAML is reported; a valid one is then read like any other, so later lookups stay cheap. One
 * that only holds `{{` as text (a dashboard's JSON) is read like any other document.
 */
function readDocument(
  file: string,
  bytes: Buffer,
  text: string,
  span: DocumentSpan,
  topLines: TopLines | undefined,
  validate: boolean,
  keep: ReadFileOptions['keep']
): Resource[] | Failure {
  const scan = scanHeader(text, topLines);
  if (scan === null) return [];
  // A mapping with none of an object's top-level keys is data (a workflow, a values file): no
  // rule reads it and kustomize would not build it, so whether it parses changes nothing.
  if (scan && !OBJECT_KEYS.some(key => scan.top.has(key))) return [];
  const parsed = validate && mayBeTemplate(text) ? parseYaml(text) : undefined;
  if (parsed && !parsed.ok) return { file, line: span.line + linesBefore(text, parsed.offset), reason: parsed.reason };
  if (scan) {
    const { header, bodyStart, firstLine, top } = scan;
    const id = identityOf(header);
    if (id) {
      const docBytes = bytes.subarray(Buffer.byteLength(text.slice(0, bodyStart)));
      const doc = keep ? keptPart(id, docBytes, text.slice(bodyStart), top, keep) : ManifestDocument.fromBytes(docBytes, top);
      return doc ? [toResource(file, span.line + firstLine, id, header.encrypted, doc)] : [];
    }
  }
  // Not an object (values file, unreferenced patch...) or an unusual layout: parse it (cheap for
  // the former), which also says if it is broken.
  return readParsed(file, bytes, text, span, parsed ?? parseYaml(text));
}

/** The part of a document that `keep` asks for, in bytes of its own. */
function keptPart(
  id: ResourceId,
  bytes: Buffer,
  body: string,
  top: Map<string, Entry>,
  keep: NonNullable<ReadFileOptions['keep']>
): ManifestDocument | undefined {
  const keys = keep(id, top);
  if (keys === null) return undefined;
  // A document that is most of its buffer keeps it: a copy would only cost time.
  if (keys === 'all') return ManifestDocument.fromBytes(ownBytes(bytes), top);
  return ManifestDocument.fromEntries(body, top, new Set(['metadata', ...keys]));
}

/** Fallback for documents the scanner does not understand: read the parsed values. */
function readParsed(file: string, bytes: Buffer, text: string, span: DocumentSpan, parsed: YamlResult): Resource[] | Failure {
  if (!parsed.ok) return { file, line: span.line + linesBefore(text, parsed.offset), reason: parsed.reason };
  const resources: Resource[] = [];
  for (const { value, offset, itemOffsets } of parsed.documents) {
    if (!isObject(value)) continue;
    const line = span.line + linesBefore(text, offset);
    if (value.kind === 'List' && Array.isArray(value.items)) {
      value.items.forEach((item, i) => {
        const itemLine = itemOffsets?.[i] !== undefined ? span.line + linesBefore(text, itemOffsets[i]) : line;
        const header = isObject(item) ? headerOf(item) : undefined;
        const id = header && identityOf(header);
        if (id) resources.push(toResource(file, itemLine, id, header.encrypted, ManifestDocument.fromValue(item)));
      });
      continue;
    }
    const header = headerOf(value);
    const id = identityOf(header);
    if (id) resources.push(toResource(file, line, id, header.encrypted, ManifestDocument.fromBytes(bytes)));
  }
  return resources;
}

interface Header {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  encrypted: boolean;
}

/** Who an object is, from its header; undefined for a document that is not a full object. */
function identityOf(h: Header): ResourceId | undefined {
  if (!h.apiVersion || !h.kind || !h.name || isKustomizeBuildApi(h.apiVersion)) return undefined;
  return resourceId(detach(h.apiVersion), detach(h.kind), detach(h.name), h.namespace === undefined ? undefined : detach(h.namespace));
}

function toResource(file: string, line: number, id: ResourceId, encrypted: boolean, doc: ManifestDocument): Resource {
  return {
    apiVersion: id.apiVersion,
    group: id.group,
    kind: id.kind,
    namespace: id.namespace,
    name: id.name,
    key: resourceKey(id),
    file,
    line,
    doc,
    encrypted
  };
}

function headerOf(value: Record<string, unknown>): Header {
  const meta = isObject(value.metadata) ? value.metadata : {};
  return {
    apiVersion: str(value.apiVersion),
    kind: str(value.kind),
    name: str(meta.name),
    namespace: str(meta.namespace),
    encrypted: value.sops !== undefined && value.sops !== null
  };
}

/**
 * Reads apiVersion, kind and metadata name/namespace from the text. Returns null for a document
 * with no content, undefined when the layout needs a real parse. With `topLines` only those lines
 * of the top level are read.
 */
function scanHeader(
  text: string,
  topLines: TopLines | undefined
): { header: Header; bodyStart: number; firstLine: number; top: Map<string, Entry> } | null | undefined {
  const bodyStart = afterMarker(text);
  if (bodyStart < 0) return undefined;
  const body = text.slice(bodyStart);
  const first = firstContent(body);
  if (first < 0) return null;
  const top = topLines ? topLevelEntries(body, topLines.at, topLines.shift + bodyStart) : mappingEntries(body, 0, body.length);
  if (!top || body.charCodeAt(first) === 0x20) return undefined;
  // The document keeps these entries: they must not keep the whole decoded text alive.
  for (const entry of top.values()) [entry.key, entry.inline] = [detach(entry.key), detach(entry.inline)];
  // All fields from the start, in headerOf's order: headers of one shape.
  const header: Header = { apiVersion: undefined, kind: undefined, name: undefined, namespace: undefined, encrypted: top.has('sops') };
  for (const key of ['apiVersion', 'kind'] as const) {
    const entry = top.get(key);
    if (entry && (header[key] = simpleScalar(entry.inline)) === undefined) return undefined;
  }
  if (header.kind === 'List') return undefined;
  const meta = top.get('metadata');
  if (meta) {
    const fields = meta.inline === '' ? mappingEntries(body, meta.bodyStart, meta.end) : undefined;
    if (!fields) return undefined;
    if (!readField(fields.get('name'), v => (header.name = v))) return undefined;
    if (!readField(fields.get('namespace'), v => (header.namespace = v))) return undefined;
  }
  return { header, bodyStart, firstLine: linesBefore(text, bodyStart + first), top };
}

function readField(entry: Entry | undefined, set: (value: string) => void): boolean {
  if (!entry) return true;
  const value = simpleScalar(entry.inline);
  if (value !== undefined) set(value);
  return value !== undefined;
}

/** Offset after a leading `---` line, 0 without one, -1 when the marker line carries content. */
function afterMarker(text: string): number {
  if (!text.startsWith('---')) return 0;
  const eol = text.indexOf('\n');
  const rest = text.slice(3, eol < 0 ? text.length : eol).trim();
  if (rest !== '' && !rest.startsWith('#')) return -1;
  return eol < 0 ? text.length : eol + 1;
}

/** Offset of the first line with content (not blank, not a comment), -1 when there is none. */
function firstContent(text: string): number {
  return text.search(/^[ \t]*[^\s#]/m);
}

function linesBefore(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A copy of `s` that does not point into the (large) string it was cut from: V8 keeps the whole
 * text alive behind every slice of 13 or more characters.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}
