import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';

const root = process.cwd();
const load = (path: string) => yaml.load(readFileSync(join(root, path), 'utf8')) as Record<string, any>;
const inputsOf = (actionDir: string) => Object.keys(load(`${actionDir}/action.yml`).inputs);

describe('example workflows', () => {
  const workflows = readdirSync(join(root, 'examples/workflows')).filter(f => f.endsWith('.yml'));
  const steps = workflows.flatMap(file =>
    Object.values(
      load(`examples/workflows/${file}`).jobs as Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>
    ).flatMap(job => job.steps.map(step => ({ file, ...step })))
  );

  it('are the documented ones', () => {
    expect(workflows.sort()).toEqual([
      'emergency-rollback.yml',
      'flux-auto-rollback.yml',
      'pr-safety-check.yml',
      'revert-on-comment.yml',
      'revert-on-label.yml',
      'rollback-drill.yml',
      'rollback-report.yml'
    ]);
  });

  it.each([
    ['revert-action', inputsOf('revert-action')],
    ['safety-check-action', inputsOf('safety-check-action')],
    ['report-action', inputsOf('report-action')]
  ])('give %s only inputs it declares', (action, known) => {
    const uses = steps.filter(s => s.uses === `gitops-rollback/gitops-rollback/${action}@v1`);
    expect(uses.length).toBeGreaterThan(0);
    for (const step of uses) {
      const unknown = Object.keys(step.with ?? {}).filter(k => !known.includes(k));
      expect({ file: step.file, unknown }).toEqual({ file: step.file, unknown: [] });
    }
  });
});

describe('example workflows as a user runs them', () => {
  const files = [...readdirSync(join(root, 'examples/workflows')).map(f => `examples/workflows/${f}`), 'README.md'];
  const text = (file: string) => readFileSync(join(root, file), 'utf8');
  const workflow = (file: string) => load(`examples/workflows/${file}`);
  type Step = { uses?: string; with?: Record<string, string> };
  const stepsOf = (file: string): Step[] => Object.values(workflow(file).jobs as Record<string, { steps: Step[] }>).flatMap(j => j.steps);
  // Kustomization names per namespace in the example fleet.
  const fleetKustomizations = readdirSync(join(root, 'examples/fleet/clusters'), { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.yaml'))
    .flatMap(f => yaml.loadAll(text(`examples/fleet/clusters/${f}`)) as Record<string, any>[])
    .filter(d => d?.kind === 'Kustomization' && String(d.apiVersion).startsWith('kustomize.toolkit.fluxcd.io/'))
    .map(d => `${d.metadata.name}.${d.metadata.namespace}`);

  it.each(files)('%s checks out with actions/checkout@v5 (Node 24)', file => {
    const versions = [...text(file).matchAll(/uses: actions\/checkout@(\S+)/g)].map(m => m[1]);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.filter(v => v !== 'v5')).toEqual([]);
  });

  it('runs the safety check on label changes and on every pull request (a required check never stays pending)', () => {
    const trigger = workflow('pr-safety-check.yml').on.pull_request;
    expect(trigger.types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']));
    expect(Object.keys(trigger).filter(k => k.startsWith('paths') || k.startsWith('branches-ignore'))).toEqual([]);
  });

  it('reacts to Flux events of Kustomizations the example fleet defines', () => {
    expect(fleetKustomizations.sort()).toEqual(['apps.flux-system', 'infrastructure.flux-system']);
    const types: string[] = workflow('flux-auto-rollback.yml').on.repository_dispatch.types;
    expect(types.map(t => t.replace(/^Kustomization\//, '')).sort()).toEqual(fleetKustomizations.sort());
    const alert = (yaml.loadAll(text('examples/flux/github-dispatch.yaml')) as Record<string, any>[]).find(d => d?.kind === 'Alert')!;
    for (const source of alert.spec.eventSources) {
      expect(fleetKustomizations).toContain(`${source.name}.${source.namespace ?? alert.metadata.namespace}`);
    }
  });

  it('never asks to wait for Flux after a pull request, where there is no commit to wait for', () => {
    for (const file of readdirSync(join(root, 'examples/workflows'))) {
      for (const step of stepsOf(file).filter(s => s.with?.['wait-for'])) {
        const delivery = step.with!.drill ? 'push' : (step.with!['on-flux-failure'] ?? step.with!.deliver ?? 'pull-request');
        expect({ file, delivery }).toEqual({ file, delivery: 'push' });
      }
    }
  });

  it('name a drill patch the example fleet carries, and it applies there', () => {
    const patches = readdirSync(join(root, 'examples/workflows')).flatMap(f =>
      stepsOf(f)
        .map(s => s.with?.['drill-patch'])
        .filter(Boolean)
    );
    expect(patches.length).toBeGreaterThan(0);
    for (const p of patches) expect(String(p)).toContain('drills/bad-image.patch');
    const check = spawnSync('git', ['apply', '--check', '--directory=examples/fleet', 'examples/fleet/drills/bad-image.patch'], {
      cwd: root,
      encoding: 'utf8'
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

describe('example Flux notification manifests', () => {
  const documents = readdirSync(join(root, 'examples/flux')).flatMap(file =>
    (yaml.loadAll(readFileSync(join(root, 'examples/flux', file), 'utf8')) as Record<string, any>[]).filter(Boolean)
  );
  const providers = documents.filter(d => d.kind === 'Provider');

  it('define a githubdispatch and a github (commit status) provider', () => {
    expect(providers.map(p => p.spec.type).sort()).toEqual(['github', 'githubdispatch']);
  });

  it('point every Alert at a provider defined here, with a secret defined here', () => {
    const secrets = new Set(documents.filter(d => d.kind === 'Secret').map(d => d.metadata.name));
    for (const alert of documents.filter(d => d.kind === 'Alert')) {
      const provider = providers.find(p => p.metadata.name === alert.spec.providerRef.name);
      expect(provider).toBeDefined();
      expect(secrets.has(provider!.spec.secretRef.name)).toBe(true);
    }
  });
});
