/**
 * A token git sends as an HTTP header to one server, the way actions/checkout and
 * create-pull-request authenticate git on GitHub. It lives only in the environment of the git
 * commands that talk to a remote (`GIT_CONFIG_COUNT`, git 2.31 or newer): never on the command
 * line, in `.git/config` or in a remote URL.
 */
export interface GitHttpAuth {
  /** The server the token is for, e.g. https://github.com (the runner's GITHUB_SERVER_URL). */
  serverUrl: string;
  token: string;
  /** What the token is called in errors, e.g. "the token input". */
  source: string;
}

/** The git commands that talk to a remote: only these get the token. */
export const NETWORK_COMMANDS: ReadonlySet<string> = new Set(['fetch', 'push', 'ls-remote', 'pull', 'clone']);

/** An auth for `token` on `serverUrl`, or undefined when there is no token. */
export function gitHttpAuth(token: string | undefined, serverUrl: string, source: string): GitHttpAuth | undefined {
  if (!token) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(serverUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`Invalid GITHUB_SERVER_URL '${serverUrl}'. Expected the server's address, such as https://github.com.`);
  }
  return { serverUrl: `${url.origin}${url.pathname.replace(/\/*$/, '/')}`, token, source };
}

/** The header git sends: GitHub takes the token as the password of basic credentials. */
export function authorizationHeader(token: string): string {
  return `AUTHORIZATION: basic ${basicCredentials(token)}`;
}

function basicCredentials(token: string): string {
  return Buffer.from(`x-access-token:${token}`).toString('base64');
}

/**
 * The remote URLs in `git remote -v` output that lie on the auth's server, as git reports them
 * (with `insteadOf` applied). URLs elsewhere (other hosts, file://, ssh) never get the token.
 */
export function remoteUrlsOnServer(remoteList: string, auth: GitHttpAuth): string[] {
  const server = new URL(auth.serverUrl);
  const urls = remoteList
    .split('\n')
    .map(line => line.split('\t')[1]?.replace(/ \((?:fetch|push)\)$/, ''))
    .filter((url): url is string => Boolean(url));
  return [...new Set(urls)].filter(url => {
    try {
      const parsed = new URL(url);
      return parsed.protocol === server.protocol && parsed.host === server.host && `${parsed.pathname}/`.startsWith(server.pathname);
    } catch {
      return false; // scp-like ssh addresses such as git@github.com:owner/repo
    }
  });
}

/**
 * `GIT_CONFIG_*` variables that make git send the token to the server and nothing else there.
 * git picks the most specific `http.<url>.extraHeader` keys that match a remote and adds up
 * their values in the order read, the environment last; an empty value empties the list. So each
 * key is set empty and then to the token: once for the server (the key actions/checkout persists
 * in `.git/config`) and once for each remote URL on it, so no more specific key in any config
 * file can add its own header. Entries already in the environment are kept: ours go after them.
 */
export function authConfigEnv(auth: GitHttpAuth, remoteUrls: readonly string[], env: NodeJS.ProcessEnv): Record<string, string> {
  const header = authorizationHeader(auth.token);
  const keys = [`http.${auth.serverUrl}.extraheader`, ...remoteUrls.map(url => `http.${url}.extraheader`)];
  const entries = keys.flatMap(
    key =>
      [
        [key, ''],
        [key, header]
      ] as const
  );
  const from = /^\d+$/.test(env.GIT_CONFIG_COUNT ?? '') ? Number(env.GIT_CONFIG_COUNT) : 0;
  const out: Record<string, string> = { GIT_CONFIG_COUNT: String(from + entries.length) };
  entries.forEach(([key, value], i) => {
    out[`GIT_CONFIG_KEY_${from + i}`] = key;
    out[`GIT_CONFIG_VALUE_${from + i}`] = value;
  });
  return out;
}

/** `text` with the token, and the credentials made of it, replaced by `***`. */
export function redactToken(text: string, auth: GitHttpAuth | undefined): string {
  if (!auth || !text) return text;
  return [auth.token, basicCredentials(auth.token)].reduce((t, secret) => t.split(secret).join('***'), text);
}

/** How git says a server refused its credential, or asked for one it did not have. */
const AUTH_FAILED = [
  /could not read (?:Username|Password) for '[^']*'/i,
  /Authentication failed for '[^']*'/i,
  /The requested URL returned error: (?:401|403)/i,
  /Permission to \S+ denied to \S+/i,
  /Invalid username or (?:password|token)/i
];

/**
 * When a network command failed because the server refused the credential (or there was none),
 * git's words for it (the server's own lines first); otherwise undefined.
 */
export function authFailure(stderr: string): string | undefined {
  if (!AUTH_FAILED.some(pattern => pattern.test(stderr))) return undefined;
  const remote = stderr
    .split('\n')
    .filter(line => line.startsWith('remote:'))
    .map(line => line.replace(/^remote:\s*/, '').trim())
    .filter(Boolean);
  if (remote.length > 0) return remote.join(' ');
  // git asks for a user name when the server answered 401: say that, not what git wanted next.
  const prompt = /could not read (?:Username|Password) for '([^']*)'/i.exec(stderr);
  if (prompt) return `${prompt[1]} answered 401 Unauthorized`;
  return AUTH_FAILED.map(pattern => pattern.exec(stderr)?.[0]).find(Boolean);
}

/** The error for a network command the server refused for want of a (valid) credential. */
export function authFailureMessage(command: string, said: string, auth: GitHttpAuth | undefined): string {
  const needs = command === 'push' ? 'contents: write' : 'contents: read';
  if (auth) {
    return (
      `git ${command} was refused: the server did not accept ${auth.source} (${said}). Expected a token for ` +
      `${auth.serverUrl} that has not expired, can access the repository and has ${needs}.`
    );
  }
  return (
    `git ${command} has no accepted credential for the remote (${said}). Expected a token (the action's token ` +
    'input, or GITHUB_TOKEN for the command line), or a checkout that keeps its credential.'
  );
}
