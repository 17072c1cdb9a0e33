import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import * as yaml from 'js-yaml';
import { main } from '../../src/cli/main.js';
import { NODE_REQUIREMENT, nodeSupported, VERSION } from '../../src/cli/version.js';

interface Lock {
  packages: Record<
    string,
    { version?: string; dev?: boolean; engines?: { node?: string } | string[]; devDependencies?: Record<string, string> }
  >;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;
const major = (range: string) => Number(/(\d+)/.exec(range)![1]);

describe('the Node.js the package needs', () => {
  it('is the highest minimum any runtime dependency declares', () => {
    const minimums = Object.entries(lock.packages)
      .filter(
        ([path, entry]) =>
          path.startsWith('node_modules/') && !entry.dev && entry.engines && !Array.isArray(entry.engines) && entry.engines.node
      )
      .map(([path, entry]) => ({
        path,
        node: (entry.engines as { node: string }).node,
        major: major((entry.engines as { node: string }).node)
      }));
    expect(minimums.length).toBeGreaterThan(0);
    const highest = Math.max(...minimums.map(m => m.major));
    expect(pkg.engines.node).toBe(`>=${highest}`);
  });

  it('has @types/node of that major version, so code uses only what that Node.js has', () => {
    expect(major(pkg.devDependencies['@types/node'])).toBe(major(pkg.engines.node));
    expect(major(lock.packages['node_modules/@types/node'].version!)).toBe(major(pkg.engines.node));
  });

  it('is met by the Node.js the runners use for the actions', () => {
    const actions = [
      'action.yml',
      ...readdirSync('.')
        .filter(d => d.endsWith('-action'))
        .map(d => `${d}/action.yml`)
    ];
    for (const file of actions) {
      const using = (yaml.load(readFileSync(file, 'utf8')) as { runs: { using: string } }).runs.using;
      expect({ file, using }).toEqual({ file, using: 'node24' });
      expect(nodeSupported('24.0.0', pkg.engines.node)).toBe(true);
    }
  });

  it('is what the command line reports, with the version from package.json', () => {
    expect(NODE_REQUIREMENT).toBe(pkg.engines.node);
    expect(VERSION).toBe(pkg.version);
  });
});

describe('nodeSupported', () => {
  it.each<[string, string, boolean]>([
    ['22.0.0', '>=22', true],
    ['24.21.0', '>=22', true],
    ['20.20.2', '>=22', false],
    ['v22.3.1', '>=22.4', false],
    ['22.4.0', '>=22.4', true],
    ['18.0.0', '^22 || ^24', true]
  ])('%s meets %s: %s', (version, requirement, expected) => {
    expect(nodeSupported(version, requirement)).toBe(expected);
  });
});

describe('the command line on an older Node.js', () => {
  const run = async (nodeVersion: string) => {
    const out = { stdout: [] as string[], stderr: [] as string[] };
    const status = await main(['--version'], { stdout: t => out.stdout.push(t), stderr: t => out.stderr.push(t) }, nodeVersion);
    return { status, ...out };
  };

  it('warns which Node.js it needs, and still runs', async () => {
    const r = await run('20.20.2');
    expect(r.stderr).toEqual([
      `warning: gitops-rollback needs Node.js ${NODE_REQUIREMENT}; this is Node.js 20.20.2. Install a newer Node.js if it fails.`
    ]);
    expect(r.stdout).toEqual([VERSION]);
    expect(r.status).toBe(0);
  });

  it('says nothing on a supported one', async () => {
    expect((await run('24.21.0')).stderr).toEqual([]);
  });
});
