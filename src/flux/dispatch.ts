import { branchNameProblem, isObject, matchesGlob, printable as corePrintable } from '../core/index.js';

/** A Git revision as Flux reports it: the commit and, when Flux names one, the branch. */
export interface FluxRevision {
  /** The named pointer before the sha: a branch for branch-tracking sources (may be a tag). */
  branch?: string;
  sha: string;
}

/** A Flux failure event delivered by the notification-controller's `githubdispatch` provider. */
export interface FluxFailureEvent {
  kind: string;
  name: string;
  namespace: string;
  reason: string;
  message: string;
  severity: 'error';
  revision: FluxRevision;
}

export type FluxDispatch = { kind: 'failure'; event: FluxFailureEvent } | { kind: 'ignored'; why: string };

/** Which failures are acted on; both lists empty or missing means the defaults / everything. */
export interface DispatchFilter {
  /** Event reasons that count as failures; default {@link DEFAULT_FAILURE_REASONS}. */
  reasons?: string[];
  /**
   * Object globs: `apps` matches the name, `flux-system/*` namespace/name, and
   * `Kustomization/flux-system/apps` kind/namespace/name. Empty means every object.
   */
  objects?: string[];
}

/**
 * Reasons Flux controllers give when a revision fails to apply or to become healthy. Transient
 * ones (DependencyNotReady, ArtifactFailed for an unreachable source) are left out on purpose.
 */
export const DEFAULT_FAILURE_REASONS: readonly string[] = [
  'HealthCheckFailed',
  'ReconciliationFailed',
  'BuildFailed',
  'ValidationFailed',
  'PruneFailed',
  'InstallFailed',
  'UpgradeFailed',
  'TestFailed'
];

/**
 * A Git commit as Flux names it: SHA-1 only. A 64-digit name in a Flux revision is an OCI
 * artifact's sha256 digest (`latest/<digest>` in the old format), not a commit.
 */
const FLUX_GIT_SHA = /^[0-9a-f]{40}$/;
// Kubernetes names: DNS subdomains (dots allowed); namespaces: DNS labels (no dots).
const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const KIND = /^[A-Za-z][A-Za-z0-9]{0,62}$/;
const EVENT_TYPE = /^([^/]+)\/(.+)\.([^.]+)$/;
const MAX_MESSAGE = 3000;

/**
 * Reads a `repository_dispatch` sent by Flux's `githubdispatch` provider: `event_type` is
 * `<Kind>/<name>.<namespace>` and `client_payload` is the Flux event. Anything that is not a
 * Flux failure the filter accepts is `ignored` with the reason; this never throws.
 */
export function parseFluxDispatch(eventName: string, payload: unknown, filter: DispatchFilter = {}): FluxDispatch {
  const ignored = (why: string): FluxDispatch => ({ kind: 'ignored', why });
  if (eventName !== 'repository_dispatch')
    return ignored(`The workflow was triggered by '${eventName}', not by a repository_dispatch from Flux.`);
  if (!isObject(payload)) return ignored('The repository_dispatch payload is not an object.');
  // GitHub puts the dispatch's event_type into `action` of the webhook payload.
  const eventType = str(payload.action) ?? str(payload.event_type);
  if (!eventType) return ignored('The repository_dispatch has no event_type. Expected <Kind>/<name>.<namespace> as sent by Flux.');
  const typed = eventType.match(EVENT_TYPE);
  if (!typed) return ignored(`The event_type '${printable(eventType)}' is not from Flux. Expected <Kind>/<name>.<namespace>.`);
  const event = payload.client_payload;
  if (!isObject(event)) return ignored(`The repository_dispatch '${printable(eventType)}' has no client_payload with a Flux event.`);
  const object = isObject(event.involvedObject) ? event.involvedObject : {};
  const [kind, name, namespace] = [str(object.kind), str(object.name), str(object.namespace)];
  if (!kind || !name || !namespace || !KIND.test(kind) || !NAME.test(name) || !NAMESPACE.test(namespace)) {
    return ignored('The Flux event has no valid involvedObject (kind, name and namespace).');
  }
  const id = `${kind}/${namespace}/${name}`;
  if (typed[1] !== kind || typed[2] !== name || typed[3] !== namespace) {
    return ignored(`The event_type '${printable(eventType)}' does not match the event's object ${id}.`);
  }
  const severity = str(event.severity);
  if (severity !== 'error') return ignored(`The Flux event for ${id} has severity '${printable(severity ?? '')}', not 'error'.`);
  const reason = str(event.reason) ?? '';
  const reasons = filter.reasons?.length ? filter.reasons : DEFAULT_FAILURE_REASONS;
  if (!reasons.includes(reason))
    return ignored(`The Flux event for ${id} has reason '${printable(reason)}', which is not one of: ${reasons.join(', ')}.`);
  if (filter.objects?.length && !filter.objects.some(p => objectMatches(p, kind, namespace, name))) {
    return ignored(`${id} matches none of the watched objects (${filter.objects.join(', ')}).`);
  }
  const found = eventRevision(event.metadata);
  if (!found.revision) return ignored(`The Flux event for ${id} ${found.why}`);
  // The branch decides what is fetched and where the rollback lands: a malformed one is not acted on.
  const problem = found.revision.branch === undefined ? undefined : branchNameProblem(found.revision.branch);
  if (problem) {
    return ignored(
      `The Flux event for ${id} names the branch '${printable(found.revision.branch!)}', which is not a branch to roll back (${problem}). Nothing was fetched.`
    );
  }
  return {
    kind: 'failure',
    event: { kind, name, namespace, reason, message: cleanMessage(str(event.message) ?? ''), severity: 'error', revision: found.revision }
  };
}

/**
 * Parses a Flux source revision: `main@sha1:<sha>` (Flux ≥ 2.0), `main/<sha>` (older), `sha1:<sha>`
 * or a plain sha. Undefined for anything that names no Git commit, such as an OCI digest
 * (`latest@sha256:…`) or a Helm chart version.
 */
export function parseFluxRevision(value: string): FluxRevision | undefined {
  const text = value.trim();
  const at = text.lastIndexOf('@');
  if (at >= 0 || text.startsWith('sha1:')) {
    const [name, digest] = at >= 0 ? [text.slice(0, at), text.slice(at + 1)] : ['', text];
    // Flux names a Git commit `sha1:<sha>`; `sha256:` is an OCI artifact's digest, not a commit.
    const sha = digest.match(/^sha1:([0-9a-f]{40})$/)?.[1];
    return sha ? withBranch(name, sha) : undefined;
  }
  if (FLUX_GIT_SHA.test(text)) return { sha: text };
  const slash = text.lastIndexOf('/');
  const sha = text.slice(slash + 1);
  return slash > 0 && FLUX_GIT_SHA.test(sha) ? withBranch(text.slice(0, slash), sha) : undefined;
}

function withBranch(name: string, sha: string): FluxRevision {
  if (name.startsWith('refs/heads/')) return { branch: name.slice('refs/heads/'.length), sha };
  // Other refs (refs/pull/1/head, refs/tags/v1) are not branches a rollback could land on.
  if (!name || name.startsWith('refs/')) return { sha };
  return { branch: name, sha };
}

/** The Git revision of the event: `revision`, else `originRevision` (OCI artifacts built from Git). */
function eventRevision(metadata: unknown): { revision?: FluxRevision; why: string } {
  if (!isObject(metadata)) return { why: 'has no metadata, so no revision to roll back.' };
  const pick = (key: string) => str(metadata[key]) ?? Object.entries(metadata).find(([k]) => k.endsWith(`/${key}`))?.[1];
  const revision = pick('revision');
  const origin = pick('originRevision');
  for (const candidate of [revision, origin]) {
    const parsed = typeof candidate === 'string' ? parseFluxRevision(candidate) : undefined;
    if (parsed) return { revision: parsed, why: '' };
  }
  if (typeof revision !== 'string') return { why: 'has no revision in its metadata.' };
  return { why: `has revision '${printable(revision)}', which names no Git commit (expected main@sha1:<sha> or main/<sha>).` };
}

function objectMatches(pattern: string, kind: string, namespace: string, name: string): boolean {
  const slashes = pattern.split('/').length - 1;
  if (slashes === 0) return matchesGlob(name, pattern);
  if (slashes === 1) return matchesGlob(`${namespace}/${name}`, pattern);
  const [k, ...rest] = pattern.split('/');
  return matchesGlob(kind, k, true) && matchesGlob(`${namespace}/${name}`, rest.join('/'));
}

function cleanMessage(message: string): string {
  const text = message
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ')
    .trim();
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Shows control and direction characters visibly and caps the length, so a payload cannot forge log lines. */
function printable(value: string): string {
  return corePrintable(value, 120);
}
