import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import * as yaml from 'js-yaml';

type Spec = {
  inputs?: Record<string, { description: string; default?: string }>;
  outputs?: Record<string, { description: string }>;
  runs: { using: string; main: string };
};
const load = (file: string) => yaml.load(readFileSync(file, 'utf8')) as Spec;
const subActions = ['revert-action/action.yml', 'safety-check-action/action.yml', 'report-action/action.yml'].filter(f => existsSync(f));

describe('action metadata', () => {
  const root = load('action.yml');

  it.each(subActions)('%s: every input and output is also in the root action, with the same default', file => {
    const sub = load(file);
    for (const [name, spec] of Object.entries(sub.inputs ?? {})) {
      expect(root.inputs?.[name]).toBeDefined();
      expect([name, root.inputs?.[name]?.default]).toEqual([name, spec.default]);
    }
    for (const name of Object.keys(sub.outputs ?? {})) expect(root.outputs?.[name]).toBeDefined();
  });

  it('the root action has no input that no sub-action declares, besides command', () => {
    const declared = new Set(subActions.flatMap(f => Object.keys(load(f).inputs ?? {})));
    expect(Object.keys(root.inputs ?? {}).filter(n => n !== 'command' && !declared.has(n))).toEqual([]);
  });

  it.each([...subActions, 'action.yml'])('%s runs on node24 from a bundle in dist/, and describes every input and output', file => {
    const spec = load(file);
    expect(spec.runs.using).toBe('node24');
    expect(spec.runs.main).toMatch(/dist\/[a-z-]+\/index\.js$/);
    for (const [name, input] of Object.entries({ ...spec.inputs, ...spec.outputs })) {
      expect([name, input.description.length > 10]).toEqual([name, true]);
    }
  });

  it('the root action is what scripts/root-action.mjs generates', async () => {
    // @ts-expect-error: a plain JavaScript build script without types
    const { rootActionText } = await import('../../scripts/root-action.mjs');
    expect(readFileSync('action.yml', 'utf8')).toBe(rootActionText());
  });
});
