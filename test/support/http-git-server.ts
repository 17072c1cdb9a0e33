import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname } from 'node:path';

/**
 * A local smart-HTTP git server standing in for github.com: a real HTTP server on 127.0.0.1
 * that runs `git http-backend` as CGI over one bare repository, served as `/<owner>/<repo>`
 * (with or without `.git`), and answers 401 unless the request carries the expected token as
 * basic credentials (any user name, the token as password, as GitHub takes it). Every request's
 * Authorization header is recorded so tests can see which credential git sent.
 */

export interface GitServerOptions {
  /** The bare repository to serve. */
  bare: string;
  /** `owner/repo`, the path the repository is served at. */
  slug: string;
  /** The token accepted; any other credential (or none) gets 401. */
  token: string;
}

export interface GitServerRequest {
  method: string;
  /** Path and query, e.g. /acme/fleet/info/refs?service=git-upload-pack */
  url: string;
  /** The Authorization header as sent, or undefined. */
  authorization?: string;
  status: number;
}

export interface GitServer {
  /** http://127.0.0.1:PORT: what GITHUB_SERVER_URL is in tests. */
  url: string;
  /** The repository's clone URL, `<url>/<owner>/<repo>` (as actions/checkout sets it). */
  repoUrl: string;
  readonly requests: GitServerRequest[];
  /** The distinct Authorization headers received, in the order first seen. */
  authorizations(): string[];
  close(): Promise<void>;
}

/** The Authorization header git sends for `token` given as GitHub expects it. */
export function basicAuthorization(token: string, user = 'x-access-token'): string {
  return `basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
}

/** Starts the server; close it when done. */
export async function startGitServer(options: GitServerOptions): Promise<GitServer> {
  const requests: GitServerRequest[] = [];
  const server = createServer((req, res) => void handle(req, res, options, requests));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    repoUrl: `${url}/${options.slug}`,
    requests,
    authorizations: () => [...new Set(requests.map(r => r.authorization).filter((a): a is string => a !== undefined))],
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close(e => (e ? reject(e) : resolve())));
    }
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: GitServerOptions, requests: GitServerRequest[]): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const record: GitServerRequest = {
    method: req.method ?? 'GET',
    url: `${url.pathname}${url.search}`,
    authorization: req.headers.authorization,
    status: 0
  };
  requests.push(record);
  const reply = (status: number, headers: Record<string, string>, body: string) => {
    record.status = status;
    res.writeHead(status, headers).end(body);
  };
  const prefix = [`/${options.slug}.git`, `/${options.slug}`].find(p => url.pathname === p || url.pathname.startsWith(`${p}/`));
  if (!prefix) return reply(404, { 'content-type': 'text/plain' }, 'Repository not found.\n');
  if (!authorized(req.headers.authorization, options.token)) {
    // What GitHub answers a git client without (valid) credentials.
    return reply(401, { 'www-authenticate': 'Basic realm="GitHub"', 'content-type': 'text/plain' }, 'Invalid username or token.\n');
  }
  const body = await readBody(req);
  const cgi = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '',
      GIT_PROJECT_ROOT: dirname(options.bare),
      GIT_HTTP_EXPORT_ALL: '1',
      // http-backend serves receive-pack only to an authenticated user.
      REMOTE_USER: 'x-access-token',
      REMOTE_ADDR: '127.0.0.1',
      PATH_INFO: `/${basename(options.bare)}${url.pathname.slice(prefix.length)}`,
      QUERY_STRING: url.search.replace(/^\?/, ''),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      CONTENT_LENGTH: String(body.length),
      HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
      HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null'
    },
    stdio: ['pipe', 'pipe', 'pipe']
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  cgi.stdout.on('data', (b: Buffer) => out.push(b));
  cgi.stderr.on('data', (b: Buffer) => err.push(b));
  cgi.stdin.on('error', () => undefined);
  cgi.stdin.end(body);
  await new Promise<void>(resolve => cgi.on('close', () => resolve()));
  const response = Buffer.concat(out);
  const split = response.indexOf('\r\n\r\n');
  if (split < 0) return reply(500, { 'content-type': 'text/plain' }, `git http-backend failed: ${Buffer.concat(err).toString()}`);
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of response.subarray(0, split).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'status') status = Number(value.split(' ')[0]);
    else headers[name] = value;
  }
  record.status = status;
  res.writeHead(status, headers).end(response.subarray(split + 4));
}

function authorized(header: string | undefined, token: string): boolean {
  const encoded = /^basic\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!encoded) return false;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) === token && decoded.includes(':');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (b: Buffer) => chunks.push(b));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
