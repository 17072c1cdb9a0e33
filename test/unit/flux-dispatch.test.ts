import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DispatchFilter, parseFluxDispatch, parseFluxRevision } from '../../src/flux/dispatch.js';

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const LEGACY_SHA = '89e6c98d92887913cadf06b2adb97f26cde4849b';
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/dispatch', `${name}.json`), 'utf8'));

/** The health-check fixture with the Flux event's fields replaced. */
function withEvent(fields: Record<string, unknown>, action?: unknown): Record<string, unknown> {
  const payload = fixture('kustomization-health-check-failed');
  return {
    ...payload,
    ...(action === undefined ? {} : { action }),
    client_payload: { ...(payload.client_payload as object), ...fields }
  };
}

describe('parseFluxRevision', () => {
  it.each<[string, ReturnType<typeof parseFluxRevision>]>([
    [`main@sha1:${SHA}`, { branch: 'main', sha: SHA }],
    [`refs/heads/release/v2@sha1:${SHA}`, { branch: 'release/v2', sha: SHA }],
    [`refs/pull/42/head@sha1:${SHA}`, { sha: SHA }],
    [`sha1:${SHA}`, { sha: SHA }],
    [`main/${SHA}`, { branch: 'main', sha: SHA }],
    [`release/v2/${SHA}`, { branch: 'release/v2', sha: SHA }],
    [SHA, { sha: SHA }],
    [`latest@sha256:${'ab'.repeat(32)}`, undefined],
    ['6.5.4', undefined],
    [`main@sha1:${SHA.slice(0, 12)}`, undefined],
    [`main/${SHA.toUpperCase()}`, undefined],
    ['', undefined]
  ])('%s', (value, expected) => {
    expect(parseFluxRevision(value)).toEqual(expected);
  });
});

describe('parseFluxDispatch', () => {
  it('reads a health-check failure with a Flux 2 revision (main@sha1:<sha>)', () => {
    expect(parseFluxDispatch('repository_dispatch', fixture('kustomization-health-check-failed'))).toEqual({
      kind: 'failure',
      event: {
        kind: 'Kustomization',
        name: 'apps',
        namespace: 'flux-system',
        reason: 'HealthCheckFailed',
        message: "Health check failed after 5m0s: timeout waiting for: [Deployment/podinfo/podinfo status: 'InProgress']",
        severity: 'error',
        revision: { branch: 'main', sha: SHA }
      }
    });
  });

  it('reads a reconciliation failure with a legacy revision (branch/<sha>)', () => {
    const parsed = parseFluxDispatch('repository_dispatch', fixture('kustomization-reconciliation-failed-legacy'));
    expect(parsed).toMatchObject({
      kind: 'failure',
      event: { name: 'infra', reason: 'ReconciliationFailed', revision: { branch: 'release/v2', sha: LEGACY_SHA } }
    });
  });

  it('falls back to originRevision when the source is an OCI artifact built from Git', () => {
    const parsed = parseFluxDispatch('repository_dispatch', fixture('kustomization-oci-origin-revision'));
    expect(parsed).toMatchObject({ kind: 'failure', event: { revision: { branch: 'main', sha: SHA } } });
  });

  it('accepts group-prefixed metadata keys', () => {
    const parsed = parseFluxDispatch(
      'repository_dispatch',
      withEvent({ metadata: { 'kustomize.toolkit.fluxcd.io/revision': `main@sha1:${SHA}` } })
    );
    expect(parsed).toMatchObject({ kind: 'failure', event: { revision: { sha: SHA } } });
  });

  it('keeps the message readable but free of control characters', () => {
    const parsed = parseFluxDispatch('repository_dispatch', withEvent({ message: 'line one\r\nline\u0007two\u001b[31m' }));
    expect(parsed).toMatchObject({ kind: 'failure', event: { message: 'line one\nline two [31m' } });
  });

  it.each<[string, string, unknown, string | RegExp]>([
    ['an info event', 'repository_dispatch', fixture('kustomization-reconciliation-succeeded-info'), "severity 'info', not 'error'"],
    [
      'a HelmRelease whose revision is a chart version',
      'repository_dispatch',
      fixture('helmrelease-upgrade-failed'),
      "revision '6.5.4', which names no Git commit"
    ],
    ['a garbage dispatch', 'repository_dispatch', fixture('garbage'), "The event_type 'deploy-production' is not from Flux"],
    ['another trigger', 'push', fixture('kustomization-health-check-failed'), "triggered by 'push', not by a repository_dispatch"],
    ['a null payload', 'repository_dispatch', null, 'not an object'],
    ['an array payload', 'repository_dispatch', [1, 2], 'not an object'],
    ['a missing event_type', 'repository_dispatch', { client_payload: {} }, 'has no event_type'],
    [
      'a client_payload that is a string',
      'repository_dispatch',
      { action: 'Kustomization/apps.flux-system', client_payload: 'x' },
      'has no client_payload'
    ],
    [
      'a non-failure reason',
      'repository_dispatch',
      withEvent({ reason: 'DependencyNotReady' }),
      "reason 'DependencyNotReady', which is not one of"
    ],
    ['a missing reason', 'repository_dispatch', withEvent({ reason: undefined }), "reason '', which is not one of"],
    ['a missing involvedObject', 'repository_dispatch', withEvent({ involvedObject: undefined }), 'no valid involvedObject'],
    [
      'an invalid object name',
      'repository_dispatch',
      withEvent({ involvedObject: { kind: 'Kustomization', name: 'Apps!', namespace: 'flux-system' } }, 'Kustomization/Apps!.flux-system'),
      'no valid involvedObject'
    ],
    [
      'an event_type for another object',
      'repository_dispatch',
      withEvent({}, 'Kustomization/infra.flux-system'),
      "does not match the event's object Kustomization/flux-system/apps"
    ],
    [
      'an event_type with control characters',
      'repository_dispatch',
      withEvent({}, 'evil\nline'),
      /event_type 'evil\\nline' is not from Flux/
    ],
    ['no metadata', 'repository_dispatch', withEvent({ metadata: undefined }), 'has no metadata'],
    ['no revision', 'repository_dispatch', withEvent({ metadata: { summary: 'x' } }), 'has no revision in its metadata'],
    [
      'an OCI digest without origin',
      'repository_dispatch',
      withEvent({ metadata: { revision: `latest@sha256:${'cd'.repeat(32)}` } }),
      'names no Git commit'
    ],
    ['a numeric severity', 'repository_dispatch', withEvent({ severity: 3 }), "severity '', not 'error'"]
  ])('ignores %s', (_name, eventName, payload, why) => {
    const parsed = parseFluxDispatch(eventName, payload);
    expect(parsed.kind).toBe('ignored');
    expect(parsed.kind === 'ignored' && parsed.why).toMatch(why);
  });

  it.each<[string, DispatchFilter, 'failure' | 'ignored']>([
    ['the default reasons', {}, 'failure'],
    ['a reasons list with the reason', { reasons: ['HealthCheckFailed'] }, 'failure'],
    ['a reasons list without it', { reasons: ['BuildFailed'] }, 'ignored'],
    ['a name glob', { objects: ['apps'] }, 'failure'],
    ['a name glob with a star', { objects: ['ap*'] }, 'failure'],
    ['a namespace/name glob', { objects: ['flux-system/*'] }, 'failure'],
    ['a kind/namespace/name glob, kind in any case', { objects: ['kustomization/flux-system/apps'] }, 'failure'],
    ['another kind', { objects: ['HelmRelease/*/*'] }, 'ignored'],
    ['another namespace', { objects: ['podinfo/*'] }, 'ignored'],
    ['other names only', { objects: ['infra', 'tenants-*'] }, 'ignored'],
    ['an empty objects list (everything)', { objects: [] }, 'failure']
  ])('filters with %s', (_name, filter, kind) => {
    expect(parseFluxDispatch('repository_dispatch', fixture('kustomization-health-check-failed'), filter).kind).toBe(kind);
  });

  it('says which objects are watched when the object is filtered out', () => {
    const parsed = parseFluxDispatch('repository_dispatch', fixture('kustomization-health-check-failed'), { objects: ['infra'] });
    expect(parsed).toEqual({ kind: 'ignored', why: 'Kustomization/flux-system/apps matches none of the watched objects (infra).' });
  });
});
