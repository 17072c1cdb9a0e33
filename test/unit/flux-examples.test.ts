import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';

const root = process.cwd();
const load = (path: string) => yaml.load(readFileSync(join(root, path), 'utf8')) as Record<string, any>;
const inputsOf = (actionDir: string) => Object.keys(load(`${actionDir}/action.yml`).inputs);

describe('example workflows', () => {
  const workflows = readdirSync(join(root, 'examples/workflows')).filter(f => f.endsWith('.yml'));
  const steps = workflows.flatMap(file =>
    Object.values(load(`examples/workflows/${file}`).jobs as Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>).flatMap(job =>
      job.steps.map(step => ({ file, ...step }))
    )
  );

  it('are the documented ones', () => {
    expect(workflows.sort()).toEqual(['emergency-rollback.yml', 'flux-auto-rollback.yml', 'pr-safety-check.yml', 'rollback-drill.yml', 'rollback-report.yml']);
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
