// The smallest JavaScript check: Node 24 with a YAML parser loaded, the change read from git once
// (`git diff parent commit`) and the runbook's pattern counted. bench/check-stream.mjs bundles it as
// the CLI is bundled and times it next to the check: what any JavaScript check that reads YAML pays
// before its own work (loading its rules, reading both sides, comparing them).
// Usage: node index.mjs <parent> <commit>, in the repository.
import * as yaml from 'js-yaml';
import { spawnSync } from 'node:child_process';

const [parent, commit] = process.argv.slice(2);
const diff = spawnSync('git', ['diff', parent, commit], { encoding: 'utf8', maxBuffer: 1 << 30 });
if (diff.status !== 0) process.exit(2);
const hits = diff.stdout.split('\n').filter(line => /kind: (?:PersistentVolumeClaim|CustomResourceDefinition)/.test(line)).length;
// The parser is used, so the bundle keeps it.
console.log(JSON.stringify({ hits, parsed: yaml.load('kind: Check') }));
