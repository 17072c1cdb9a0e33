import { isKustomizeBuildFile, normalisePath, patchFilesOf } from './kustomize-build.js';
import { readManifestFile } from './manifest-file.js';
import { parseYaml } from './safe-yaml.js';
import type { FluxKustomization, Resource, RevisionContext } from './types.js';

const FLUX_KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';

/** True for a Flux Kustomization (not a kustomize build file, which shares the kind name). */
export function isFluxKustomization(r: { group: string; kind: string }): boolean {
  return r.group === FLUX_KUSTOMIZE_GROUP && r.kind === 'Kustomization';
}

/** Reads the ownership facts of a Flux Kustomization resource. */
export function fluxKustomizationOf(r: Resource): FluxKustomization {
  const spec = asObject(r.doc.get(['spec']));
  return {
    name: r.name,
    namespace: r.namespace,
    path: normalisePath(typeof spec.path === 'string' ? spec.path : ''),
    prune: spec.prune === true,
    force: spec.force === true,
    file: r.file,
    line: r.line
  };
}

/**
 * Builds the revision context from file contents (path -> bytes or text): every Flux Kustomization
 * and every patch file named by a kustomization build file. Pass all files that may hold either;
 * files holding neither are skipped cheaply.
 */
export function revisionContextFromFiles(files: Iterable<[string, Uint8Array | string]>): RevisionContext {
  const fluxKustomizations: FluxKustomization[] = [];
  const patchFiles = new Set<string>();
  for (const [path, content] of files) {
    if (isKustomizeBuildFile(path)) {
      for (const p of buildPatches(path, content)) patchFiles.add(p);
      continue;
    }
    if (!contains(content, FLUX_KUSTOMIZE_GROUP)) continue;
    for (const r of readManifestFile(path, content).resources) {
      if (isFluxKustomization(r)) fluxKustomizations.push(fluxKustomizationOf(r));
      r.doc.release();
    }
  }
  return { fluxKustomizations, patchFiles };
}

/** The Flux Kustomization whose `spec.path` is the longest prefix of `file`, if any. */
export function ownerOf(kustomizations: readonly FluxKustomization[], file: string): FluxKustomization | undefined {
  let best: FluxKustomization | undefined;
  for (const k of kustomizations) {
    const covers = k.path === '' || (file.startsWith(k.path) && (file.length === k.path.length || file.charCodeAt(k.path.length) === 0x2f));
    if (covers && (!best || k.path.length > best.path.length)) best = k;
  }
  return best;
}

function buildPatches(path: string, content: Uint8Array | string): string[] {
  const text = typeof content === 'string' ? content : asBuffer(content).toString('utf8');
  if (!text.includes('patches')) return [];
  const parsed = parseYaml(text);
  if (!parsed.ok) return [];
  return parsed.documents.flatMap(d => patchFilesOf(path, d.value));
}

function contains(content: Uint8Array | string, needle: string): boolean {
  return typeof content === 'string' ? content.includes(needle) : asBuffer(content).indexOf(needle) >= 0;
}

function asBuffer(content: Uint8Array): Buffer {
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

function asObject(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
