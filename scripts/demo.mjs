// The built-in example: makes a throwaway Flux repository (examples/fleet) with a bare origin,
// commits a bad image bump, rolls it back with the bundled CLI, and prints the result.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli/index.js');
const dir = mkdtempSync(join(tmpdir(), 'gitops-rollback-demo-'));
const env = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Dev Eloper',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev Eloper',
  GIT_COMMITTER_EMAIL: 'dev@example.com'
};
const work = join(dir, 'fleet');
const origin = join(dir, 'fleet.git');
const git = (...args) => execFileSync('git', args, { cwd: work, env, encoding: 'utf8' }).trim();
const say = text => console.log(`\n\x1b[1m== ${text}\x1b[0m`);

try {
  cpSync(join(root, 'examples/fleet'), work, { recursive: true });
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', origin]);
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Fleet: podinfo 6.7.0 and redis');
  git('remote', 'add', 'origin', origin);
  git('push', '--quiet', '--set-upstream', 'origin', 'main');

  const deployment = join(work, 'apps/base/podinfo/deployment.yaml');
  writeFileSync(deployment, readFileSync(deployment, 'utf8').replace('podinfo:6.7.0', 'podinfo:6.8.0-rc.1'));
  git('commit', '--quiet', '-am', 'Bump podinfo to 6.8.0-rc.1');
  const bad = git('rev-parse', 'HEAD');
  git('push', '--quiet');
  say(`A bad change reached main: ${bad.slice(0, 12)} "Bump podinfo to 6.8.0-rc.1"`);
  console.log(git('log', '--oneline', '-3'));

  say('Rolling it back with the CLI');
  const args = [
    'revert',
    bad,
    '--deliver',
    'push',
    '--incident',
    'INC-1234',
    '--reason',
    'podinfo 6.8.0-rc.1 fails its readiness probe',
    '--actor',
    'on-call'
  ];
  console.log(`$ gitops-rollback ${args.map(a => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`);
  const out = execFileSync(process.execPath, [cli, ...args], { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  console.log(out.trim());

  say('The rollback commit on origin/main');
  const show = (...args) => execFileSync('git', args, { cwd: origin, env, encoding: 'utf8' }).trim();
  console.log(show('log', '-1', '--format=commit %H%nAuthor: %an <%ae>%n%n%B', 'main'));
  say('Its diff');
  console.log(show('show', '--format=', 'main'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
