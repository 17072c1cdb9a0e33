import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Git, GitAuthError } from '../../src/git/git.js';
import { authConfigEnv, gitHttpAuth, type GitHttpAuth } from '../../src/git/http-auth.js';
import { basicAuthorization, startGitServer, type GitServer } from '../support/http-git-server.js';
import { createRepo, git, GIT_ENV, type TestRepo } from '../support/repo.js';

const TOKEN = 'ghs_action0123456789';
const CHECKOUT_TOKEN = 'ghs_checkout987654321';

/** A depth-1 clone whose origin is the HTTP server, with nothing persisted (persist-credentials: false). */
function checkoutOf(repo: TestRepo, server: GitServer, name = 'checkout'): string {
  const dir = repo.clone(name, '--depth=1', '--branch=main');
  git(dir, 'remote', 'set-url', 'origin', server.repoUrl);
  return dir;
}

/** What actions/checkout@v5 persists: the header for the server in the clone's own config. */
function persistLikeCheckoutV5(dir: string, server: GitServer, token: string): void {
  git(dir, 'config', '--local', `http.${server.url}/.extraheader`, `AUTHORIZATION: ${basicAuthorization(token)}`);
}

describe('Git wrapper: the token authenticates fetch, push and ls-remote', () => {
  let repo: TestRepo;
  let server: GitServer;
  let other: GitServer | undefined;
  afterEach(async () => {
    await server?.close();
    await other?.close();
    [server, other] = [undefined!, undefined];
    repo?.cleanup();
  });

  async function setUp(): Promise<{ dir: string; auth: GitHttpAuth }> {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    server = await startGitServer({ bare: repo.origin, slug: 'acme/fleet', token: TOKEN });
    return { dir: checkoutOf(repo, server), auth: gitHttpAuth(TOKEN, server.url, 'the token input')! };
  }

  it('fetches and pushes from a clone with no persisted credential', async () => {
    const { dir, auth } = await setUp();
    const wrapper = await Git.create(dir, GIT_ENV, auth);
    await wrapper.fetch('origin', ['main']);
    const tree = git(dir, 'rev-parse', 'HEAD^{tree}');
    const commit = git(dir, 'commit-tree', tree, '-p', 'HEAD', '-m', 'via http');
    expect((await wrapper.push('origin', commit, 'refs/heads/main')).pushed).toBe(true);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(commit);
    expect(await wrapper.lsRemote('origin', 'refs/heads/main')).toBe(commit);
    expect(server.authorizations()).toEqual([basicAuthorization(TOKEN)]);
  });

  it('without a token, says there is no credential instead of asking for a user name', async () => {
    const { dir } = await setUp();
    const wrapper = await Git.create(dir, GIT_ENV);
    const failure = wrapper.tryFetch('origin', ['main']);
    await expect(failure).rejects.toThrow(GitAuthError);
    await expect(failure).rejects.toThrow(
      /^git fetch has no accepted credential for the remote \(.*\)\. Expected a token \(the action's token input/
    );
  });

  it.each([
    ['in the clone’s config (actions/checkout v5)', 'v5'],
    ['in a file the clone’s config includes (actions/checkout v6)', 'v6'],
    ['for the repository URL itself, more specific than the server', 'specific'],
    ['in the global config', 'global']
  ])('sends only its own token when another credential is persisted %s, and leaves the config as it was', async (_name, where) => {
    const { dir, auth } = await setUp();
    const header = `AUTHORIZATION: ${basicAuthorization(CHECKOUT_TOKEN)}`;
    const global = join(repo.root, 'global.gitconfig');
    writeFileSync(global, '');
    if (where === 'v5') persistLikeCheckoutV5(dir, server, CHECKOUT_TOKEN);
    if (where === 'v6') {
      const file = join(repo.root, 'git-credentials.config');
      git(repo.root, 'config', '--file', file, `http.${server.url}/.extraheader`, header);
      git(dir, 'config', '--local', `includeIf.gitdir:${join(dir, '.git')}.path`, file);
    }
    if (where === 'specific') git(dir, 'config', '--local', `http.${server.repoUrl}.extraheader`, header);
    if (where === 'global') git(repo.root, 'config', '--file', global, `http.${server.url}/.extraheader`, header);
    const config = readFileSync(join(dir, '.git', 'config'), 'utf8');
    const wrapper = await Git.create(dir, { ...GIT_ENV, GIT_CONFIG_GLOBAL: global }, auth);
    await wrapper.fetch('origin', ['main']);
    expect((await wrapper.push('origin', 'HEAD', 'refs/heads/copy')).pushed).toBe(true);
    expect(git(repo.origin, 'rev-parse', 'copy')).toBe(git(dir, 'rev-parse', 'HEAD'));
    expect(server.authorizations()).toEqual([basicAuthorization(TOKEN)]);
    expect(readFileSync(join(dir, '.git', 'config'), 'utf8')).toBe(config);
    expect(config).not.toContain(TOKEN);
  });

  it('refuses a wrong token with a clear error that contains neither the token nor its credential', async () => {
    const { dir } = await setUp();
    const wrong = 'ghp_wrongtoken4242';
    const wrapper = await Git.create(dir, GIT_ENV, gitHttpAuth(wrong, server.url, 'the token input'));
    const error = (await wrapper.push('origin', 'HEAD', 'refs/heads/x').catch(e => e)) as GitAuthError;
    expect(error).toBeInstanceOf(GitAuthError);
    expect(error.message).toMatch(
      /^git push was refused: the server did not accept the token input \(.+\)\. Expected a token for http:\/\/127\.0\.0\.1:\d+\/ that has not expired, can access the repository and has contents: write\.$/
    );
    const everything = `${error.message}${error.stderr}${error.args.join(' ')}${error.stack}`;
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(basicAuthorization(wrong).slice('basic '.length));
    expect(server.authorizations()).toEqual([basicAuthorization(wrong)]);
  });

  it('sends the token to no other host: a remote elsewhere gets its own credential or none', async () => {
    const { dir, auth } = await setUp();
    other = await startGitServer({ bare: repo.origin, slug: 'acme/fleet', token: 'other-host-token' });
    git(dir, 'remote', 'add', 'mirror', other.repoUrl);
    git(dir, 'remote', 'add', 'local', `file://${repo.origin}`);
    const wrapper = await Git.create(dir, GIT_ENV, auth);
    await expect(wrapper.lsRemote('mirror', 'refs/heads/main')).rejects.toThrow(/no accepted credential|did not accept/);
    expect(other.authorizations()).toEqual([]);
    expect(await wrapper.lsRemote('local', 'refs/heads/main')).toBe(git(repo.origin, 'rev-parse', 'main'));
    expect(server.requests).toEqual([]);
  });

  it('keeps GIT_CONFIG_* entries already in the environment, adding its own after them', () => {
    const auth = gitHttpAuth(TOKEN, 'https://github.com', 'the token input')!;
    const env = authConfigEnv(auth, ['https://github.com/acme/fleet'], {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'a.b',
      GIT_CONFIG_VALUE_0: 'c'
    });
    const header = `AUTHORIZATION: ${basicAuthorization(TOKEN)}`;
    expect(env).toEqual({
      GIT_CONFIG_COUNT: '5',
      GIT_CONFIG_KEY_1: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_1: '',
      GIT_CONFIG_KEY_2: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_2: header,
      GIT_CONFIG_KEY_3: 'http.https://github.com/acme/fleet.extraheader',
      GIT_CONFIG_VALUE_3: '',
      GIT_CONFIG_KEY_4: 'http.https://github.com/acme/fleet.extraheader',
      GIT_CONFIG_VALUE_4: header
    });
  });

  it.each(['github.com', 'ftp://github.com', ''])('refuses a server URL that is not http(s): %p', url => {
    expect(() => gitHttpAuth(TOKEN, url, 'the token input')).toThrow(
      `Invalid GITHUB_SERVER_URL '${url}'. Expected the server's address, such as https://github.com.`
    );
  });
});
