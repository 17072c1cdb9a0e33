import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { actionsCheckout, CHECKOUT_TOKEN, runAction, type ActionRun } from '../support/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { claim, createFleetRepo } from '../support/fleet.js';
import { basicAuthorization, startGitServer, type GitServer } from '../support/http-git-server.js';
import { createRepo, git, GIT_ENV, type TestRepo } from '../support/repo.js';

const BUNDLE = 'dist/revert/index.js';
const TOKEN = 'ghs_actionToken5f3a9c';
const dispatch = { repository: { full_name: 'acme/fleet', default_branch: 'main' }, inputs: {} };

/**
 * The bundled revert action against github.com as a local smart-HTTP git server (which takes only
 * TOKEN) and the fake API: the token input must carry fetch and push, whatever the checkout kept.
 */
describe('bundled revert action: the token input authenticates git', () => {
  let repo: TestRepo;
  let server: GitServer | undefined;
  let github: FakeGitHub | undefined;
  afterEach(async () => {
    await server?.close();
    await github?.close();
    [server, github] = [undefined, undefined];
    repo?.cleanup();
  });

  /**
   * A fleet with one bad commit, served over HTTP, and a depth-1 checkout of it made as
   * actions/checkout makes it, whose origin is the server; by default with persist-credentials: false.
   */
  async function setUp(options: { files?: Record<string, string>; persistCredentials?: boolean } = {}) {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n' });
    const bad = repo.commit(options.files ?? { 'apps/podinfo.yaml': 'image: 6.1.0\n' }, 'Bump podinfo');
    repo.push();
    server = await startGitServer({ bare: repo.origin, slug: 'acme/fleet', token: TOKEN });
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: TOKEN, gitDir: repo.origin });
    const checkout = actionsCheckout(repo, 'checkout', {
      originUrl: server.repoUrl,
      persistCredentials: options.persistCredentials ?? false
    });
    return { bad, checkout };
  }

  function run(checkout: string, inputs: Record<string, string>): Promise<ActionRun> {
    return runAction(BUNDLE, {
      cwd: checkout,
      event: dispatch,
      inputs: { token: TOKEN, incident: 'INC-9', ...inputs },
      env: { GITHUB_SERVER_URL: server!.url, GITHUB_API_URL: github!.url }
    });
  }

  /** The token shows nowhere but in the runner's mask command, not even as the credential made of it. */
  function expectNoToken(action: ActionRun, checkout: string, token = TOKEN): void {
    const credential = basicAuthorization(token).slice('basic '.length);
    const shown = [
      action.stdout.replace(`::add-mask::${token}`, ''),
      action.stderr,
      action.summary,
      JSON.stringify(action.outputs),
      readFileSync(join(checkout, '.git', 'config'), 'utf8')
    ].join('\n');
    expect(shown).not.toContain(token);
    expect(shown).not.toContain(credential);
  }

  it('pushes from a checkout with persist-credentials: false', async () => {
    const { bad, checkout } = await setUp();
    const action = await run(checkout, { commits: bad, deliver: 'push' });
    expect(action.stdout).not.toContain('::error::');
    expect(action.exitCode).toBe(0);
    expect(action.outputs.operation).toBe('pushed');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(action.outputs['commit-sha']);
    expect(server!.authorizations()).toEqual([basicAuthorization(TOKEN)]);
    expectNoToken(action, checkout);
  });

  it('opens a pull request from such a checkout and posts the guard result as the required status', async () => {
    const { bad, checkout } = await setUp();
    const action = await run(checkout, { commits: bad, 'status-context': 'rollback-safety' });
    expect(action.exitCode).toBe(0);
    expect(action.outputs.operation).toBe('created');
    const head = git(repo.origin, 'rev-parse', 'rollback/inc-9');
    expect(action.outputs['commit-sha']).toBe(head);
    expect(github!.state.pulls[0].head.ref).toBe('rollback/inc-9');
    expect(github!.state.statuses.get(head)).toEqual([
      expect.objectContaining({
        context: 'rollback-safety',
        state: 'success',
        description: 'The rollback passed the safety check',
        target_url: `${server!.url}/acme/fleet/actions/runs/4242`
      })
    ]);
    expect(action.stdout).toContain(`Commit status 'rollback-safety' (success) posted on ${head}.`);
    expectNoToken(action, checkout);
  });

  it('reports failure as the status when allow-unsafe delivered a rollback with a critical hazard', async () => {
    const { bad, checkout } = await setUp({ files: { 'apps/db/pvc.yaml': claim('data', '10Gi', 'db') } });
    const action = await run(checkout, { commits: bad, deliver: 'push', 'allow-unsafe': 'true', 'status-context': 'rollback-safety' });
    expect(action.exitCode).toBe(0);
    expect(github!.state.statuses.get(action.outputs['commit-sha'])).toEqual([
      expect.objectContaining({ state: 'failure', description: 'Delivered with allow-unsafe despite 1 blocking hazard: pvc-delete' })
    ]);
  });

  it('uses the token input, not the credential actions/checkout persisted, and leaves .git/config as it was', async () => {
    const { bad, checkout } = await setUp({ persistCredentials: true });
    expect(git(checkout, 'config', '--get', `http.${server!.url}/.extraheader`)).toBe(
      `AUTHORIZATION: ${basicAuthorization(CHECKOUT_TOKEN)}`
    );
    const config = readFileSync(join(checkout, '.git', 'config'), 'utf8');
    const action = await run(checkout, { commits: bad, deliver: 'push' });
    expect(action.stdout).not.toContain('::error::');
    expect(action.outputs.operation).toBe('pushed');
    expect(server!.authorizations()).toEqual([basicAuthorization(TOKEN)]);
    expect(readFileSync(join(checkout, '.git', 'config'), 'utf8')).toBe(config);
    expectNoToken(action, checkout);
  });

  it('fails with a clear error that shows no token when the server refuses the token, and pushes nothing', async () => {
    const { bad, checkout } = await setUp();
    const before = git(repo.origin, 'rev-parse', 'main');
    const wrong = 'ghp_revokedToken31337';
    const action = await run(checkout, { commits: bad, deliver: 'push', token: wrong });
    expect(action.exitCode).toBe(1);
    expect(action.stdout).toMatch(
      /::error::git fetch was refused: the server did not accept the token input \(.+\)\. Expected a token for http:\/\/127\.0\.0\.1:\d+\/ that has not expired, can access the repository and has contents: read\./
    );
    expect(action.summary).toContain('## Rollback failed');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
    expectNoToken(action, checkout, wrong);
  });

  it('keeps a delivered rollback when the status cannot be posted, and says how to post it', async () => {
    const { bad, checkout } = await setUp();
    github!.failNext('POST', /\/statuses\//, 403, 'Resource not accessible by integration');
    const action = await run(checkout, { commits: bad, 'status-context': 'rollback-safety' });
    expect(action.exitCode).toBe(0);
    expect(action.outputs.operation).toBe('created');
    const warning = `::warning::The rollback was delivered, but its commit status 'rollback-safety' was not posted`;
    expect(action.stdout).toContain(warning);
    expect(action.stdout).toContain(
      `gh api repos/acme/fleet/statuses/${action.outputs['commit-sha']} -f state=success -f context='rollback-safety'`
    );
    expect(action.summary).toContain("> The rollback was delivered, but its commit status 'rollback-safety' was not posted");
    expect(github!.state.statuses.size).toBe(0);
  });

  it('refuses status-context without a token, before anything is pushed', async () => {
    const { bad, checkout } = await setUp();
    const before = git(repo.origin, 'rev-parse', 'main');
    const action = await run(checkout, { commits: bad, deliver: 'push', token: '', 'status-context': 'rollback-safety' });
    expect(action.exitCode).toBe(1);
    expect(action.stdout).toContain(
      '::error::status-context posts a commit status through the GitHub API: it needs a token and GITHUB_REPOSITORY.'
    );
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
  });
});

describe('bundled command line: GITHUB_TOKEN authenticates git when it delivers', () => {
  let repo: TestRepo;
  let server: GitServer;
  afterEach(async () => {
    await server?.close();
    repo?.cleanup();
  });

  /** Runs dist/cli without blocking the test's event loop, which serves git. */
  function cli(cwd: string, env: Record<string, string>, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [resolve('dist/cli/index.js'), ...args], {
      cwd,
      env: { ...process.env, ...GIT_ENV, GITHUB_TOKEN: '', GH_TOKEN: '', GITHUB_REPOSITORY: '', GITHUB_SERVER_URL: server.url, ...env }
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    return new Promise(done => child.on('close', code => done({ status: code ?? 1, stdout, stderr })));
  }

  async function setUp() {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.push();
    server = await startGitServer({ bare: repo.origin, slug: 'acme/fleet', token: TOKEN });
    git(repo.work, 'remote', 'set-url', 'origin', server.repoUrl);
    return bad;
  }

  it('pushes with GITHUB_TOKEN over https to the server', async () => {
    const bad = await setUp();
    const r = await cli(repo.work, { GITHUB_TOKEN: TOKEN }, 'revert', bad, '--deliver', 'push');
    expect(r.stderr).not.toContain('error:');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('operation: pushed');
    expect(git(repo.origin, 'show', 'main:a.yaml')).toBe('a: 0');
    expect(server.authorizations()).toEqual([basicAuthorization(TOKEN)]);
    expect(`${r.stdout}${r.stderr}`).not.toContain(TOKEN);
  });

  it('says git has no credential when there is no token', async () => {
    const bad = await setUp();
    const r = await cli(repo.work, {}, 'revert', bad, '--deliver', 'push');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /\nerror: git fetch has no accepted credential for the remote \(http:\/\/127\.0\.0\.1:\d+ answered 401 Unauthorized\)\./
    );
  });
});

describe('bundled safety check: the token input fetches what the checkout lacks', () => {
  let repo: TestRepo;
  let server: GitServer;
  let github: FakeGitHub;
  afterEach(async () => {
    await server?.close();
    await github?.close();
    repo?.cleanup();
  });

  it('reads the head of a pull request from a depth-1 checkout with persist-credentials: false', async () => {
    repo = createFleetRepo();
    repo.commit({ 'infrastructure/redis/pvc.yaml': claim('redis-data', '8Gi') }, 'Add the redis claim');
    repo.push();
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'grow');
    const head = repo.commit({ 'infrastructure/redis/pvc.yaml': claim('redis-data', '16Gi') }, 'Grow redis');
    repo.git('push', '-q', 'origin', 'grow');
    server = await startGitServer({ bare: repo.origin, slug: 'acme/fleet', token: TOKEN });
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: TOKEN });
    const pull = github.addPull({ head: 'grow', base: 'main', headSha: head, baseSha: base });
    // GitHub's test merge, which actions/checkout checks out for a pull_request event: base and head are not in the clone.
    repo.git('checkout', '-q', '--detach', base);
    repo.git('merge', '-q', '--no-ff', '-m', `Merge ${head} into ${base}`, head);
    repo.git('push', '-q', 'origin', `HEAD:refs/pull/${pull.number}/merge`);
    const checkout = actionsCheckout(repo, 'checkout', { pullRequest: pull.number, originUrl: server.repoUrl, persistCredentials: false });
    const event = {
      action: 'synchronize',
      number: pull.number,
      pull_request: { number: pull.number, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'grow' }, labels: [] }
    };
    const action = await runAction('dist/safety-check/index.js', {
      cwd: checkout,
      event,
      eventName: 'pull_request',
      inputs: { token: TOKEN, 'fail-on': 'error' },
      env: { GITHUB_SERVER_URL: server.url, GITHUB_API_URL: github.url }
    });
    expect(action.outputs.unsafe).toBe('true');
    expect(JSON.parse(action.outputs.findings)).toEqual([
      expect.objectContaining({ rule: 'pvc-expand', file: 'infrastructure/redis/pvc.yaml' })
    ]);
    expect(server.authorizations()).toEqual([basicAuthorization(TOKEN)]);
    expect(`${action.stdout.replace(`::add-mask::${TOKEN}`, '')}${action.stderr}${action.summary}`).not.toContain(TOKEN);
  });
});
