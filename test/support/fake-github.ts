import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the GitHub REST API: a real HTTP server on 127.0.0.1 that answers the
 * endpoints this project calls with GitHub's documented response shapes, errors and `Link`
 * pagination. State lives in memory and can be seeded and inspected by tests; faults can be
 * injected per route. Being a real server, it also serves actions run in a separate process.
 */

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  defaultBranch?: string;
  /** When set, only this token is accepted; otherwise any Authorization header is. */
  token?: string;
  /** Users that reviews may be requested from. */
  collaborators?: string[];
  /** Team slugs that reviews may be requested from. */
  teams?: string[];
  /** A git repository holding the repository's commits: statuses for other shas are refused as GitHub does. */
  gitDir?: string;
  /**
   * The token's own login, answered by GET /user (a personal access token). Without it GET /user
   * answers 403 "Resource not accessible by integration", as it does for GITHUB_TOKEN.
   */
  login?: string;
}

export interface FakeRequest {
  method: string;
  /** Path without the query string, e.g. /repos/acme/app/pulls */
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface FakePull {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
  draft: boolean;
  state: 'open' | 'closed';
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  labels: string[];
  requested_reviewers: string[];
  requested_teams: string[];
  assignees: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  merged_at: string | null;
  merge_commit_sha: string | null;
  /** The pull request's commits, oldest first (read from `gitDir` by GET /pulls/{n}/commits). */
  commits: string[];
}

export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

/** GitHub's repository roles, and the legacy base permission each maps to in `permission`. */
export type RepositoryRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export type ReactionContent = '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes';

export interface FakeReaction {
  id: number;
  comment_id: number;
  content: ReactionContent;
  user: string;
  created_at: string;
}

export type StatusState = 'error' | 'failure' | 'pending' | 'success';

export interface FakeStatus {
  id: number;
  sha: string;
  context: string;
  state: StatusState;
  description: string | null;
  target_url: string | null;
  created_at: string;
}

export interface FakePullFile {
  filename: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions?: number;
  deletions?: number;
  previous_filename?: string;
  patch?: string;
}

/** What `addPull` needs; everything but the head branch has a default. */
export interface PullSeed {
  head: string;
  base?: string;
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  draft?: boolean;
  headSha?: string;
  baseSha?: string;
  labels?: string[];
  /** Its commits, oldest first: shas of the repository in `gitDir`. The last is the head unless `headSha` says otherwise. */
  commits?: string[];
  /** Merged: the commit GitHub records as `merge_commit_sha`, and when (default: the fake clock). The state becomes closed. */
  merged?: { mergeCommitSha: string; at?: string };
}

/** What `addStatus` needs; `created_at` defaults to the fake clock (one second per event). */
export interface StatusSeed {
  context: string;
  state: StatusState;
  description?: string;
  target_url?: string;
  created_at?: string;
}

export interface FakeState {
  defaultBranch: string;
  pulls: FakePull[];
  comments: FakeComment[];
  /** sha → statuses in creation order. */
  statuses: Map<string, FakeStatus[]>;
  /** pull number → changed files. */
  pullFiles: Map<number, FakePullFile[]>;
  /** ref (branch or sha) → path → text. */
  contents: Map<string, Map<string, string>>;
  collaborators: Set<string>;
  teams: Set<string>;
  /** `base...head` → merge base sha, answered by the compare endpoint. */
  mergeBases: Map<string, string>;
  /**
   * Lower-case login → role (a custom role's name maps to its base role, see setRole), answered by
   * the collaborator permission endpoint. Logins not here get 404, as for a user GitHub does not know.
   */
  roles: Map<string, { role: string; base: RepositoryRole }>;
  /** Reactions on issue and pull-request comments, in creation order. */
  reactions: FakeReaction[];
}

export interface FakeGitHub {
  /** http://127.0.0.1:PORT, to use as the API base URL. */
  url: string;
  owner: string;
  repo: string;
  state: FakeState;
  /** Every request received, in order, including failed ones. */
  requests: FakeRequest[];
  /** Requests whose method matches and whose path matches `path`. */
  requestsTo(method: string, path: RegExp): FakeRequest[];
  /**
   * Answers the next `times` requests matching method and path with `status` and `body`. A string
   * body becomes GitHub's error JSON `{ message, documentation_url, status }`.
   */
  failNext(method: string, path: RegExp, status: number, body?: string | object, times?: number, headers?: Record<string, string>): void;
  /** Accepts the next `times` requests matching method and path and never answers them. */
  hangNext(method: string, path: RegExp, times?: number): void;
  addPull(pull: PullSeed): FakePull;
  addComment(issueNumber: number, body: string, user?: string): FakeComment;
  addStatus(sha: string, status: StatusSeed): FakeStatus;
  setPullFiles(number: number, files: FakePullFile[]): void;
  setLabels(number: number, labels: string[]): void;
  setFile(ref: string, path: string, content: string): void;
  /**
   * Like {@link failNext}, but lets the first `skip` matching requests through: fails a step in
   * the middle of a sequence (the second commit of three).
   */
  failAfter(method: string, path: RegExp, skip: number, status: number, body?: string | object): void;
  /** Makes the Git Data API refuse updates of `branch` with GitHub's 422 and `message` (branch protection, a ruleset). */
  protectRef(branch: string, message: string): void;
  /** The commits made through POST /git/commits, in order, with whether GitHub would show them verified. */
  readonly apiCommits: { sha: string; verified: boolean }[];
  /**
   * Whether commits made through the API without an author or committer are signed (true, as for
   * GITHUB_TOKEN and App tokens); false answers as GitHub does for a personal access token.
   */
  signApiCommits(on: boolean): void;
  /**
   * Gives `login` a role in the repository. A user who is not a collaborator of a public
   * repository has `read`; `base` names the base role of a custom role.
   */
  setRole(login: string, role: string, base?: RepositoryRole): void;
  close(): Promise<void>;
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  body: object;
  headers: Record<string, string>;
  remaining: number;
  /** Matching requests answered normally before this fault applies. */
  skip?: number;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Context {
  params: string[];
  query: Record<string, string>;
  body: Record<string, unknown>;
  accept: string;
  path: string;
}

type Handler = (ctx: Context) => Reply;

const DOCS = 'https://docs.github.com/rest';
const PULL_FILES_CAP = 3000;
const RAW_SIZE_LIMIT = 1024 * 1024;

/** Starts the fake API on a free port of 127.0.0.1. */
export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const fake = new FakeGitHubServer(options);
  await fake.listen();
  return fake;
}

/** GitHub's error body. */
export function githubError(status: number, message: string, documentation_url = DOCS): Reply {
  return { status, body: { message, documentation_url, status: String(status) } };
}

class FakeGitHubServer implements FakeGitHub {
  url = '';
  readonly owner: string;
  readonly repo: string;
  readonly requests: FakeRequest[] = [];
  readonly state: FakeState;
  private readonly faults: Fault[] = [];
  private readonly hangs: { method: string; path: RegExp; remaining: number }[] = [];
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private readonly routes: [string, RegExp, Handler][];
  private nextId = 1000;
  private nextNumber = 1;
  private clock = Date.parse('2024-01-01T00:00:00Z');

  constructor(private readonly options: FakeGitHubOptions) {
    this.owner = options.owner;
    this.repo = options.repo;
    this.state = {
      defaultBranch: options.defaultBranch ?? 'main',
      pulls: [],
      comments: [],
      statuses: new Map(),
      pullFiles: new Map(),
      contents: new Map(),
      collaborators: new Set(options.collaborators ?? []),
      teams: new Set(options.teams ?? []),
      mergeBases: new Map(),
      roles: new Map(),
      reactions: []
    };
    this.routes = this.defineRoutes();
  }

  async listen(): Promise<void> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close(error => (error ? reject(error) : resolve())));
  }

  requestsTo(method: string, path: RegExp): FakeRequest[] {
    return this.requests.filter(r => r.method === method.toUpperCase() && path.test(r.path));
  }

  failNext(
    method: string,
    path: RegExp,
    status: number,
    body: string | object = 'Server Error',
    times = 1,
    headers: Record<string, string> = {}
  ): void {
    const json = typeof body === 'string' ? (githubError(status, body).body as object) : body;
    this.faults.push({ method: method.toUpperCase(), path, status, body: json, headers, remaining: times });
  }

  hangNext(method: string, path: RegExp, times = 1): void {
    this.hangs.push({ method: method.toUpperCase(), path, remaining: times });
  }

  addPull(spec: PullSeed): FakePull {
    const number = this.nextNumber++;
    const now = this.tick();
    const commits = [...(spec.commits ?? [])];
    const pull: FakePull = {
      number,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${number}`,
      title: spec.title ?? `Pull request ${number}`,
      body: spec.body ?? null,
      draft: spec.draft ?? false,
      state: spec.merged ? 'closed' : (spec.state ?? 'open'),
      head: { ref: spec.head, sha: spec.headSha ?? commits.at(-1) ?? fakeSha(`head-${number}`) },
      base: { ref: spec.base ?? this.state.defaultBranch, sha: spec.baseSha ?? fakeSha(`base-${number}`) },
      labels: [...(spec.labels ?? [])],
      requested_reviewers: [],
      requested_teams: [],
      assignees: [],
      created_at: now,
      updated_at: now,
      closed_at: spec.merged || spec.state === 'closed' ? (spec.merged?.at ?? now) : null,
      merged_at: spec.merged ? (spec.merged.at ?? now) : null,
      merge_commit_sha: spec.merged?.mergeCommitSha ?? null,
      commits
    };
    this.state.pulls.push(pull);
    return pull;
  }

  addComment(issueNumber: number, body: string, user = 'octocat'): FakeComment {
    const now = this.tick();
    const comment = { id: this.nextId++, issue_number: issueNumber, body, user, created_at: now, updated_at: now };
    this.state.comments.push(comment);
    return comment;
  }

  addStatus(sha: string, status: StatusSeed): FakeStatus {
    const created: FakeStatus = {
      id: this.nextId++,
      sha,
      context: status.context,
      state: status.state,
      description: status.description ?? null,
      target_url: status.target_url ?? null,
      created_at: status.created_at ?? this.tick()
    };
    const list = this.state.statuses.get(sha) ?? [];
    list.push(created);
    this.state.statuses.set(sha, list);
    return created;
  }

  setPullFiles(number: number, files: FakePullFile[]): void {
    this.state.pullFiles.set(number, files);
  }

  setLabels(number: number, labels: string[]): void {
    this.pullOrThrow(number).labels = [...labels];
  }

  setFile(ref: string, path: string, content: string): void {
    const files = this.state.contents.get(ref) ?? new Map<string, string>();
    files.set(path, content);
    this.state.contents.set(ref, files);
  }

  setRole(login: string, role: string, base?: RepositoryRole): void {
    const known = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];
    if (!known.includes(role) && !base) throw new Error(`Fake GitHub: custom role '${role}' needs a base role.`);
    this.state.roles.set(login.toLowerCase(), { role, base: base ?? (role as RepositoryRole) });
  }

  // ---- HTTP plumbing ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const text = await readBody(req);
    const body = parseJson(text);
    this.requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: body ?? text });
    const hang = this.hangs.find(h => h.remaining > 0 && h.method === method && h.path.test(url.pathname));
    if (hang) {
      hang.remaining--;
      return; // the connection stays open, unanswered, until the client gives up or close()
    }
    const reply = this.answer(method, url, req, body);
    send(res, reply);
  }

  private answer(method: string, url: URL, req: IncomingMessage, body: unknown): Reply {
    const fault = this.faults.find(f => f.remaining > 0 && f.method === method && f.path.test(url.pathname));
    if (fault?.skip) fault.skip--;
    else if (fault) {
      fault.remaining--;
      return { status: fault.status, body: fault.body, headers: fault.headers };
    }
    if (!this.authorized(req.headers.authorization)) return githubError(401, 'Bad credentials');
    if (body === INVALID_JSON) return githubError(400, 'Problems parsing JSON');
    for (const [routeMethod, pattern, handler] of this.routes) {
      const match = routeMethod === method ? pattern.exec(url.pathname) : null;
      if (!match) continue;
      const [owner, repo, ...params] = match.slice(1).map(decodeURIComponent);
      // Routes outside a repository (GET /user) capture no owner and repo.
      if (owner !== undefined && (owner.toLowerCase() !== this.owner.toLowerCase() || repo.toLowerCase() !== this.repo.toLowerCase())) {
        return githubError(404, 'Not Found');
      }
      return handler({
        params,
        query: Object.fromEntries(url.searchParams),
        body: (body ?? {}) as Record<string, unknown>,
        accept: req.headers.accept ?? '',
        path: url.pathname
      });
    }
    return githubError(404, 'Not Found');
  }

  private authorized(header: string | undefined): boolean {
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')?.[1];
    return token !== undefined && (this.options.token === undefined || token === this.options.token);
  }

  private defineRoutes(): [string, RegExp, Handler][] {
    const R = (rest: string) => new RegExp(`^/repos/([^/]+)/([^/]+)${rest}$`);
    return [
      [
        'GET',
        /^\/user$/,
        () =>
          this.options.login
            ? { status: 200, body: userJson(this.options.login) }
            : githubError(403, 'Resource not accessible by integration', `${DOCS}/users/users#get-the-authenticated-user`)
      ],
      ['GET', R(''), () => ({ status: 200, body: this.repoJson() })],
      ['GET', R('/pulls'), c => this.listPulls(c)],
      ['POST', R('/pulls'), c => this.createPull(c)],
      ['GET', R('/pulls/(\\d+)'), c => this.withPull(c, p => ({ status: 200, body: this.pullJson(p) }))],
      ['PATCH', R('/pulls/(\\d+)'), c => this.withPull(c, p => this.updatePull(p, c))],
      ['GET', R('/pulls/(\\d+)/files'), c => this.withPull(c, p => this.listPullFiles(p, c))],
      ['GET', R('/pulls/(\\d+)/commits'), c => this.withPull(c, p => this.listPullCommits(p, c))],
      ['GET', R('/git/commits/([0-9a-fA-F]{4,64})'), c => this.getGitCommit(c)],
      ['POST', R('/issues/(\\d+)/assignees'), c => this.withPull(c, p => this.addAssignees(p, c))],
      ['GET', R('/pulls/(\\d+)/requested_reviewers'), c => this.withPull(c, p => this.reviewers(p))],
      ['POST', R('/pulls/(\\d+)/requested_reviewers'), c => this.withPull(c, p => this.requestReviewers(p, c))],
      ['GET', R('/issues/(\\d+)/labels'), c => this.withPull(c, p => this.paginate(c, p.labels.map(labelJson)))],
      ['POST', R('/issues/(\\d+)/labels'), c => this.withPull(c, p => this.addLabels(p, c))],
      ['GET', R('/issues/(\\d+)/comments'), c => this.withPull(c, p => this.listComments(p, c))],
      ['POST', R('/issues/(\\d+)/comments'), c => this.withPull(c, p => this.createComment(p, c))],
      ['PATCH', R('/issues/comments/(\\d+)'), c => this.updateComment(c)],
      ['GET', R('/issues/comments/(\\d+)/reactions'), c => this.listReactions(c)],
      ['POST', R('/issues/comments/(\\d+)/reactions'), c => this.createReaction(c)],
      ['GET', R('/collaborators/([^/]+)/permission'), c => this.permission(c)],
      ['GET', R('/commits/([^/]+)/statuses'), c => this.listStatuses(c)],
      ['POST', R('/statuses/([0-9a-fA-F]{4,40})'), c => this.createStatus(c)],
      ['GET', R('/contents/(.+)'), c => this.getContent(c)],
      ['GET', R('/compare/([^/.]+)\\.\\.\\.([^/.]+)'), c => this.compare(c)],
      ...this.gitDataRoutes(R)
    ];
  }

  // ---- Git Data API: blobs, trees, commits and refs, backed by the git repository at gitDir ----

  readonly apiCommits: { sha: string; verified: boolean }[] = [];
  private readonly refRules = new Map<string, string>();

  failAfter(method: string, path: RegExp, skip: number, status: number, body: string | object = 'Server Error'): void {
    const json = typeof body === 'string' ? (githubError(status, body).body as object) : body;
    this.faults.push({ method: method.toUpperCase(), path, status, body: json, headers: {}, remaining: 1, skip });
  }

  protectRef(branch: string, message: string): void {
    this.refRules.set(branch, message);
  }

  private apiSigning = true;

  signApiCommits(on: boolean): void {
    this.apiSigning = on;
  }

  private gitDataRoutes(R: (rest: string) => RegExp): [string, RegExp, Handler][] {
    const withRepo = (handler: (c: Context, gitDir: string) => Reply): Handler => {
      return c => (this.options.gitDir ? handler(c, this.options.gitDir) : githubError(409, 'Git Repository is empty.'));
    };
    return [
      ['POST', R('/git/blobs'), withRepo((c, dir) => this.createBlob(c, dir))],
      ['POST', R('/git/trees'), withRepo((c, dir) => this.createTree(c, dir))],
      ['POST', R('/git/commits'), withRepo((c, dir) => this.createCommit(c, dir))],
      ['GET', R('/git/ref/(.+)'), withRepo((c, dir) => this.getRef(c, dir))],
      ['POST', R('/git/refs'), withRepo((c, dir) => this.createRef(c, dir))],
      ['PATCH', R('/git/refs/(.+)'), withRepo((c, dir) => this.updateRef(c, dir))]
    ];
  }

  /** POST /git/blobs: `content` as utf-8 (the default) or base64. */
  private createBlob(c: Context, dir: string): Reply {
    const doc = `${DOCS}/git/blobs#create-a-blob`;
    const { content, encoding = 'utf-8' } = c.body;
    if (typeof content !== 'string') return validationFailed(doc, [{ resource: 'Blob', field: 'content', code: 'missing_field' }]);
    if (encoding !== 'utf-8' && encoding !== 'base64') {
      return githubError(422, `encoding must be either 'utf-8' or 'base64', but was '${String(encoding)}'`, doc);
    }
    const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
    const sha = gitIn(dir, ['hash-object', '-w', '--stdin'], bytes);
    return { status: 201, body: { url: this.gitUrl('blobs', sha), sha } };
  }

  /**
   * POST /git/trees: `tree` entries (path, mode, type, and sha or content; sha null deletes) on
   * top of `base_tree`, paths with folders made into nested trees, as GitHub builds them.
   */
  private createTree(c: Context, dir: string): Reply {
    const doc = `${DOCS}/git/trees#create-a-tree`;
    const { base_tree: base, tree } = c.body;
    if (!Array.isArray(tree)) return validationFailed(doc, [{ resource: 'Tree', field: 'tree', code: 'missing_field' }]);
    if (base !== undefined && (typeof base !== 'string' || objectType(dir, base) !== 'tree')) {
      return githubError(422, 'Invalid tree info', doc);
    }
    // Only the folders along the changed paths are read and written again; the rest keep their trees.
    const root = typeof base === 'string' ? readFolder(dir, base) : new Map<string, TreeNode>();
    for (const raw of tree as Record<string, unknown>[]) {
      const { path, mode, type } = raw;
      if (
        typeof path !== 'string' ||
        !path ||
        path.startsWith('/') ||
        path.endsWith('/') ||
        path.split('/').some(p => p === '' || p === '.' || p === '..' || p === '.git')
      ) {
        return githubError(422, `tree.path contains a malformed path component`, doc);
      }
      if (!TREE_MODES.has(String(mode)) || !['blob', 'tree', 'commit'].includes(String(type))) {
        return githubError(422, `Must supply a valid tree.mode and tree.type`, doc);
      }
      const parts = path.split('/');
      const name = parts.pop()!;
      if (raw.sha === null) {
        const folder = walk(dir, root, parts, false);
        if (!folder?.has(name)) return githubError(422, `GitRPC::BadObjectState`, doc);
        folder.delete(name);
        continue;
      }
      let sha: string;
      if (typeof raw.content === 'string' && type === 'blob')
        sha = gitIn(dir, ['hash-object', '-w', '--stdin'], Buffer.from(raw.content, 'utf8'));
      else if (typeof raw.sha === 'string' && /^[0-9a-f]{40}$/.test(raw.sha)) sha = raw.sha;
      else return githubError(422, 'Must supply either tree.sha or tree.content', doc);
      // A submodule's commit lives in another repository; blobs and trees must exist here.
      if (type !== 'commit' && objectType(dir, sha) !== type) return githubError(422, 'GitRPC::BadObjectState', doc);
      walk(dir, root, parts, true)!.set(name, { mode: String(mode), type: String(type), sha });
    }
    const sha = writeFolder(dir, root) ?? gitIn(dir, ['mktree', '-z'], Buffer.alloc(0));
    const top = lsTree(dir, sha);
    return {
      status: 201,
      body: {
        sha,
        url: this.gitUrl('trees', sha),
        tree: top.map(e => ({ path: e.path, mode: e.mode, type: e.type, sha: e.sha, url: this.gitUrl(`${e.type}s`, e.sha) })),
        truncated: false
      }
    };
  }

  /**
   * POST /git/commits. Without author and committer (and signature), GitHub takes the token's
   * identity and signs the commit: `verification.verified` is true. The object written here has
   * no signature header; only the answer says it is signed.
   */
  private createCommit(c: Context, dir: string): Reply {
    const doc = `${DOCS}/git/commits#create-a-commit`;
    const { message, tree, parents = [], author, committer, signature } = c.body;
    if (typeof message !== 'string') return validationFailed(doc, [{ resource: 'Commit', field: 'message', code: 'missing_field' }]);
    if (typeof tree !== 'string' || objectType(dir, tree) !== 'tree') return githubError(422, 'Tree SHA does not exist', doc);
    if (!Array.isArray(parents) || parents.some(p => typeof p !== 'string' || objectType(dir, p) !== 'commit')) {
      return githubError(422, 'Parent SHA does not exist or is not a commit object', doc);
    }
    const date = this.tick();
    const who = (value: unknown, fallback: { name: string; email: string }) => {
      const v = (value ?? {}) as { name?: unknown; email?: unknown; date?: unknown };
      return {
        name: typeof v.name === 'string' ? v.name : fallback.name,
        email: typeof v.email === 'string' ? v.email : fallback.email,
        date: typeof v.date === 'string' ? v.date : date
      };
    };
    const a = who(author, TOKEN_IDENTITY);
    const k = who(committer ?? (author ? a : undefined), GITHUB_COMMITTER);
    const env = {
      GIT_AUTHOR_NAME: a.name,
      GIT_AUTHOR_EMAIL: a.email,
      GIT_AUTHOR_DATE: a.date,
      GIT_COMMITTER_NAME: k.name,
      GIT_COMMITTER_EMAIL: k.email,
      GIT_COMMITTER_DATE: k.date
    };
    const args = ['commit-tree', tree, ...(parents as string[]).flatMap(p => ['-p', p])];
    const sha = gitIn(dir, args, Buffer.from(message, 'utf8'), env);
    const signed = this.apiSigning && author === undefined && committer === undefined && signature === undefined;
    this.apiCommits.push({ sha, verified: signed });
    const payload = execFileSync('git', ['--git-dir', dir, 'cat-file', 'commit', sha], { encoding: 'utf8' });
    return {
      status: 201,
      body: {
        sha,
        node_id: `C_fake${sha.slice(0, 12)}`,
        url: this.gitUrl('commits', sha),
        html_url: `https://github.com/${this.owner}/${this.repo}/commit/${sha}`,
        author: a,
        committer: k,
        message,
        tree: { sha: tree, url: this.gitUrl('trees', tree) },
        parents: (parents as string[]).map(p => ({
          sha: p,
          url: this.gitUrl('commits', p),
          html_url: `https://github.com/${this.owner}/${this.repo}/commit/${p}`
        })),
        verification: signed
          ? {
              verified: true,
              reason: 'valid',
              signature: '-----BEGIN PGP SIGNATURE-----\n(fake)\n-----END PGP SIGNATURE-----\n',
              payload,
              verified_at: date
            }
          : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
      }
    };
  }

  /** GET /git/ref/{ref}, `ref` as `heads/<branch>`. */
  private getRef(c: Context, dir: string): Reply {
    const ref = `refs/${c.params[0]}`;
    const sha = refSha(dir, ref);
    return sha ? { status: 200, body: this.refJson(ref, sha) } : githubError(404, 'Not Found', `${DOCS}/git/refs#get-a-reference`);
  }

  /** POST /git/refs: `ref` in full (`refs/heads/<branch>`). */
  private createRef(c: Context, dir: string): Reply {
    const doc = `${DOCS}/git/refs#create-a-reference`;
    const { ref, sha } = c.body;
    if (typeof ref !== 'string' || !ref.startsWith('refs/') || ref.split('/').length < 3) {
      return githubError(422, "Reference name must start with 'refs/' and have at least two slashes.", doc);
    }
    if (typeof sha !== 'string' || objectType(dir, sha) !== 'commit') return githubError(422, 'Object does not exist', doc);
    if (refSha(dir, ref)) return githubError(422, 'Reference already exists', doc);
    const rule = this.refRules.get(ref.replace(/^refs\/heads\//, ''));
    if (rule) return githubError(422, rule, doc);
    execFileSync('git', ['--git-dir', dir, 'update-ref', ref, sha, '']);
    return { status: 201, body: this.refJson(ref, sha) };
  }

  /** PATCH /git/refs/{ref}: moves the ref; without `force`, only to a descendant. */
  private updateRef(c: Context, dir: string): Reply {
    const doc = `${DOCS}/git/refs#update-a-reference`;
    const ref = `refs/${c.params[0]}`;
    const { sha, force } = c.body;
    const current = refSha(dir, ref);
    if (!current) return githubError(422, 'Reference does not exist', doc);
    if (typeof sha !== 'string' || objectType(dir, sha) !== 'commit') return githubError(422, 'Object does not exist', doc);
    const rule = this.refRules.get(ref.replace(/^refs\/heads\//, ''));
    if (rule) return githubError(422, rule, doc);
    if (force !== true && !isAncestorIn(dir, current, sha)) return githubError(422, 'Update is not a fast forward', doc);
    execFileSync('git', ['--git-dir', dir, 'update-ref', ref, sha, current]);
    return { status: 200, body: this.refJson(ref, sha) };
  }

  private refJson(ref: string, sha: string) {
    return {
      ref,
      node_id: `REF_fake${hash(ref)}`,
      url: `${this.url}/repos/${this.owner}/${this.repo}/git/${ref}`,
      object: { type: 'commit', sha, url: this.gitUrl('commits', sha) }
    };
  }

  private gitUrl(kind: string, sha: string): string {
    return `${this.url}/repos/${this.owner}/${this.repo}/git/${kind}/${sha}`;
  }

  // ---- Compare ----

  /** GET /compare/{base}...{head}: the merge base seeded with setMergeBase, else base itself. */
  private compare(c: Context): Reply {
    const [base, head] = c.params;
    const mergeBase = this.state.mergeBases.get(`${base}...${head}`) ?? base;
    return {
      status: 200,
      body: {
        url: `${this.url}${c.path}`,
        status: mergeBase === base ? 'ahead' : 'diverged',
        base_commit: { sha: base },
        merge_base_commit: { sha: mergeBase },
        commits: [],
        files: []
      }
    };
  }

  // ---- Repository ----

  private repoJson() {
    const full_name = `${this.owner}/${this.repo}`;
    return {
      id: 1,
      node_id: 'R_fake',
      name: this.repo,
      full_name,
      private: false,
      owner: userJson(this.owner),
      html_url: `https://github.com/${full_name}`,
      url: `${this.url}/repos/${full_name}`,
      default_branch: this.state.defaultBranch,
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true }
    };
  }

  // ---- Pull requests ----

  private listPulls(c: Context): Reply {
    const state = c.query.state ?? 'open';
    const head = c.query.head;
    const pulls = this.state.pulls
      .filter(p => state === 'all' || p.state === state)
      .filter(p => !head || head === `${this.owner}:${p.head.ref}` || head === p.head.ref)
      .filter(p => !c.query.base || p.base.ref === c.query.base)
      .sort((a, b) => b.number - a.number);
    return this.paginate(
      c,
      pulls.map(p => this.pullJson(p))
    );
  }

  private createPull(c: Context): Reply {
    const doc = `${DOCS}/pulls/pulls#create-a-pull-request`;
    const { title, head, base } = c.body;
    const missing = (['title', 'head', 'base'] as const).filter(f => typeof c.body[f] !== 'string' || !c.body[f]);
    if (missing.length > 0) {
      return validationFailed(
        doc,
        missing.map(field => ({ resource: 'PullRequest', field, code: 'missing_field' }))
      );
    }
    const headRef = String(head).replace(/^[^:]+:/, '');
    if (this.state.pulls.some(p => p.state === 'open' && p.head.ref === headRef && p.base.ref === base)) {
      const message = `A pull request already exists for ${this.owner}:${headRef}.`;
      return validationFailed(doc, [{ resource: 'PullRequest', code: 'custom', message }]);
    }
    const pull = this.addPull({
      head: headRef,
      base: String(base),
      title: String(title),
      body: optionalString(c.body.body),
      draft: c.body.draft === true
    });
    return { status: 201, body: this.pullJson(pull) };
  }

  private updatePull(pull: FakePull, c: Context): Reply {
    const { title, body, state, base } = c.body;
    if (typeof title === 'string') pull.title = title;
    if (typeof body === 'string') pull.body = body;
    if (pull.merged_at && state === 'open')
      return validationFailed(`${DOCS}/pulls/pulls#update-a-pull-request`, [
        { resource: 'PullRequest', code: 'custom', message: 'state cannot be changed. The pull request cannot be reopened.' }
      ]);
    if (state === 'open' || state === 'closed') {
      pull.state = state;
      pull.closed_at = state === 'closed' ? this.tick() : null;
    }
    if (typeof base === 'string') pull.base.ref = base;
    pull.updated_at = this.tick();
    return { status: 200, body: this.pullJson(pull) };
  }

  private listPullFiles(pull: FakePull, c: Context): Reply {
    // GitHub never lists more than 3,000 files, however many the pull request changes.
    const files = (this.state.pullFiles.get(pull.number) ?? []).slice(0, PULL_FILES_CAP);
    return this.paginate(
      c,
      files.map(f => this.fileJson(pull, f))
    );
  }

  private requestReviewers(pull: FakePull, c: Context): Reply {
    const users = stringArray(c.body.reviewers);
    const teams = stringArray(c.body.team_reviewers);
    const strangers = users.some(u => !this.state.collaborators.has(u)) || teams.some(t => !this.state.teams.has(t));
    if (strangers) {
      return githubError(
        422,
        'Reviews may only be requested from collaborators. One or more of the users or teams you specified ' +
          `is not a collaborator of the ${this.owner}/${this.repo} repository.`,
        `${DOCS}/pulls/review-requests#request-reviewers-for-a-pull-request`
      );
    }
    pull.requested_reviewers = union(pull.requested_reviewers, users);
    pull.requested_teams = union(pull.requested_teams, teams);
    return { status: 201, body: this.pullJson(pull) };
  }

  private addLabels(pull: FakePull, c: Context): Reply {
    const labels = Array.isArray(c.body) ? stringArray(c.body) : stringArray(c.body.labels);
    // GitHub refuses label names over 50 characters, naming the field.
    const long = labels.find(l => l.length > 50);
    if (long !== undefined) {
      return validationFailed(`${DOCS}/issues/labels#add-labels-to-an-issue`, [
        { resource: 'Label', code: 'invalid', field: 'name', value: long }
      ]);
    }
    pull.labels = union(pull.labels, labels);
    return { status: 200, body: pull.labels.map(labelJson) };
  }

  private withPull(c: Context, then: (pull: FakePull) => Reply): Reply {
    const pull = this.state.pulls.find(p => p.number === Number(c.params[0]));
    return pull ? then(pull) : githubError(404, 'Not Found');
  }

  private pullOrThrow(number: number): FakePull {
    const pull = this.state.pulls.find(p => p.number === number);
    if (!pull) throw new Error(`Fake GitHub has no pull request #${number}.`);
    return pull;
  }

  private pullJson(p: FakePull) {
    const repo = this.repoJson();
    return {
      url: `${this.url}/repos/${this.owner}/${this.repo}/pulls/${p.number}`,
      id: 100000 + p.number,
      node_id: `PR_fake${p.number}`,
      html_url: p.html_url,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: userJson('github-actions[bot]'),
      body: p.body,
      labels: p.labels.map(labelJson),
      created_at: p.created_at,
      updated_at: p.updated_at,
      closed_at: p.closed_at,
      merged_at: p.merged_at,
      merge_commit_sha: p.merge_commit_sha,
      merged: p.merged_at !== null,
      commits: p.commits.length || 1,
      assignee: p.assignees[0] ? userJson(p.assignees[0]) : null,
      assignees: p.assignees.map(userJson),
      requested_reviewers: p.requested_reviewers.map(userJson),
      requested_teams: p.requested_teams.map(teamJson),
      draft: p.draft,
      head: { label: `${this.owner}:${p.head.ref}`, ref: p.head.ref, sha: p.head.sha, user: repo.owner, repo },
      base: { label: `${this.owner}:${p.base.ref}`, ref: p.base.ref, sha: p.base.sha, user: repo.owner, repo }
    };
  }

  private reviewers(p: FakePull): Reply {
    return { status: 200, body: { users: p.requested_reviewers.map(userJson), teams: p.requested_teams.map(teamJson) } };
  }

  private fileJson(pull: FakePull, f: FakePullFile) {
    const additions = f.additions ?? 1;
    const deletions = f.deletions ?? 0;
    const blob = `https://github.com/${this.owner}/${this.repo}/blob/${pull.head.sha}/${f.filename}`;
    return {
      sha: fakeSha(f.filename),
      filename: f.filename,
      status: f.status ?? 'modified',
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: blob,
      raw_url: blob.replace('/blob/', '/raw/'),
      contents_url: `${this.url}/repos/${this.owner}/${this.repo}/contents/${f.filename}?ref=${pull.head.sha}`,
      ...(f.patch !== undefined && { patch: f.patch }),
      ...(f.previous_filename !== undefined && { previous_filename: f.previous_filename })
    };
  }

  // ---- Pull request commits, git commits, assignees ----

  /** GET /pulls/{n}/commits: the seeded commits, oldest first, read from `gitDir`; GitHub lists at most 250. */
  private listPullCommits(pull: FakePull, c: Context): Reply {
    const commits = pull.commits.slice(0, 250).map(sha => {
      const commit = this.readCommit(sha);
      if (!commit) throw new Error(`Fake GitHub: commit ${sha} of pull request #${pull.number} is not in gitDir.`);
      return this.commitListJson(commit);
    });
    return this.paginate(c, commits);
  }

  /** GET /git/commits/{sha}: the commit as `gitDir` has it; 404 for an unknown sha, 422 for a short one. */
  private getGitCommit(c: Context): Reply {
    const doc = `${DOCS}/git/commits#get-a-commit-object`;
    const [sha] = c.params;
    if (!/^[0-9a-f]{40}$/.test(sha))
      return githubError(422, 'The sha parameter must be exactly 40 characters and contain only [0-9a-f].', doc);
    const commit = this.readCommit(sha);
    if (!commit) return githubError(404, 'Not Found', doc);
    const base = `${this.url}/repos/${this.owner}/${this.repo}`;
    return {
      status: 200,
      body: {
        sha: commit.sha,
        node_id: `C_${commit.sha}`,
        url: `${base}/git/commits/${commit.sha}`,
        html_url: `https://github.com/${this.owner}/${this.repo}/commit/${commit.sha}`,
        author: commit.author,
        committer: commit.committer,
        message: commit.message,
        tree: { sha: commit.tree, url: `${base}/git/trees/${commit.tree}` },
        parents: commit.parents.map(p => ({
          sha: p,
          url: `${base}/git/commits/${p}`,
          html_url: `https://github.com/${this.owner}/${this.repo}/commit/${p}`
        })),
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
      }
    };
  }

  private commitListJson(commit: GitCommit) {
    const base = `${this.url}/repos/${this.owner}/${this.repo}`;
    return {
      url: `${base}/commits/${commit.sha}`,
      sha: commit.sha,
      node_id: `C_${commit.sha}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/commit/${commit.sha}`,
      comments_url: `${base}/commits/${commit.sha}/comments`,
      commit: {
        url: `${base}/git/commits/${commit.sha}`,
        author: commit.author,
        committer: commit.committer,
        message: commit.message,
        tree: { sha: commit.tree, url: `${base}/git/trees/${commit.tree}` },
        comment_count: 0,
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
      },
      author: userJson('octocat'),
      committer: userJson('web-flow'),
      parents: commit.parents.map(p => ({
        sha: p,
        url: `${base}/commits/${p}`,
        html_url: `https://github.com/${this.owner}/${this.repo}/commit/${p}`
      }))
    };
  }

  private readCommit(sha: string): GitCommit | undefined {
    if (!this.options.gitDir) throw new Error('Fake GitHub needs gitDir to answer with commits.');
    return readGitCommit(this.options.gitDir, sha);
  }

  /**
   * POST /issues/{n}/assignees: adds collaborators (when `collaborators` is seeded, others are
   * left out silently, as GitHub does); 201 with the issue.
   */
  private addAssignees(pull: FakePull, c: Context): Reply {
    const wanted = stringArray(c.body.assignees);
    const allowed = wanted.filter(u => this.state.collaborators.size === 0 || this.state.collaborators.has(u));
    pull.assignees = union(pull.assignees, allowed);
    return { status: 201, body: this.pullJson(pull) };
  }

  // ---- Comments ----

  private listComments(pull: FakePull, c: Context): Reply {
    const comments = this.state.comments.filter(x => x.issue_number === pull.number).sort((a, b) => a.id - b.id);
    return this.paginate(
      c,
      comments.map(x => this.commentJson(x))
    );
  }

  private createComment(pull: FakePull, c: Context): Reply {
    if (typeof c.body.body !== 'string') return missingBody(`${DOCS}/issues/comments#create-an-issue-comment`);
    return { status: 201, body: this.commentJson(this.addComment(pull.number, c.body.body, 'github-actions[bot]')) };
  }

  private updateComment(c: Context): Reply {
    const comment = this.state.comments.find(x => x.id === Number(c.params[0]));
    if (!comment) return githubError(404, 'Not Found');
    if (typeof c.body.body !== 'string') return missingBody(`${DOCS}/issues/comments#update-an-issue-comment`);
    comment.body = c.body.body;
    comment.updated_at = this.tick();
    return { status: 200, body: this.commentJson(comment) };
  }

  private commentJson(x: FakeComment) {
    const base = `https://github.com/${this.owner}/${this.repo}`;
    return {
      id: x.id,
      node_id: `IC_fake${x.id}`,
      url: `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${x.id}`,
      html_url: `${base}/pull/${x.issue_number}#issuecomment-${x.id}`,
      issue_url: `${this.url}/repos/${this.owner}/${this.repo}/issues/${x.issue_number}`,
      body: x.body,
      user: userJson(x.user),
      created_at: x.created_at,
      updated_at: x.updated_at,
      author_association: 'NONE'
    };
  }

  // ---- Reactions ----

  /** GET /issues/comments/{id}/reactions, optionally filtered by `content`. */
  private listReactions(c: Context): Reply {
    const id = Number(c.params[0]);
    if (!this.state.comments.some(x => x.id === id)) return githubError(404, 'Not Found');
    const reactions = this.state.reactions.filter(r => r.comment_id === id && (!c.query.content || r.content === c.query.content));
    return this.paginate(
      c,
      reactions.map(r => reactionJson(r))
    );
  }

  /**
   * POST /issues/comments/{id}/reactions: 201 with the new reaction, 200 with the existing one when
   * the token's user already reacted so, 404 for an unknown comment, 422 for an unknown content.
   */
  private createReaction(c: Context): Reply {
    const doc = `${DOCS}/reactions/reactions#create-reaction-for-an-issue-comment`;
    const id = Number(c.params[0]);
    if (!this.state.comments.some(x => x.id === id)) return githubError(404, 'Not Found', doc);
    const content = c.body.content;
    if (typeof content !== 'string' || !REACTIONS.includes(content as ReactionContent)) {
      return validationFailed(doc, [{ resource: 'Reaction', field: 'content', code: 'invalid' }]);
    }
    const user = 'github-actions[bot]';
    const existing = this.state.reactions.find(r => r.comment_id === id && r.content === content && r.user === user);
    if (existing) return { status: 200, body: reactionJson(existing) };
    const reaction: FakeReaction = {
      id: this.nextId++,
      comment_id: id,
      content: content as ReactionContent,
      user,
      created_at: this.tick()
    };
    this.state.reactions.push(reaction);
    return { status: 201, body: reactionJson(reaction) };
  }

  // ---- Collaborators ----

  /**
   * GET /collaborators/{username}/permission: `permission` is the legacy base role (maintain maps
   * to write, triage to read), `role_name` the role itself; 404 for a login the fake does not know.
   */
  private permission(c: Context): Reply {
    const login = c.params[0];
    const found = this.state.roles.get(login.toLowerCase());
    if (!found) return githubError(404, 'Not Found', `${DOCS}/collaborators/collaborators#get-repository-permissions-for-a-user`);
    const legacy: Record<RepositoryRole, string> = {
      admin: 'admin',
      maintain: 'write',
      write: 'write',
      triage: 'read',
      read: 'read',
      none: 'none'
    };
    const push = ['admin', 'maintain', 'write'].includes(found.base);
    return {
      status: 200,
      body: {
        permission: legacy[found.base],
        role_name: found.role,
        user: {
          ...userJson(login),
          permissions: {
            admin: found.base === 'admin',
            maintain: found.base === 'admin' || found.base === 'maintain',
            push,
            triage: push || found.base === 'triage',
            pull: found.base !== 'none'
          },
          role_name: found.role
        }
      }
    };
  }

  // ---- Statuses ----

  private listStatuses(c: Context): Reply {
    const sha = this.resolveRef(c.params[0]);
    // GitHub answers in reverse chronological order.
    const statuses = [...(this.state.statuses.get(sha) ?? [])].reverse();
    return this.paginate(
      c,
      statuses.map(s => this.statusJson(s))
    );
  }

  /** POST /statuses/{sha}: 422 for a bad state, a description over 140 characters, or a sha with no commit. */
  private createStatus(c: Context): Reply {
    const doc = `${DOCS}/commits/statuses#create-a-commit-status`;
    const [sha] = c.params;
    const state = c.body.state;
    if (state !== 'error' && state !== 'failure' && state !== 'pending' && state !== 'success') {
      return validationFailed(doc, [{ resource: 'Status', field: 'state', code: 'invalid' }]);
    }
    const description = optionalString(c.body.description);
    if (description !== undefined && description.length > 140) {
      return validationFailed(doc, [
        { resource: 'Status', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' }
      ]);
    }
    if (this.options.gitDir && !commitExists(this.options.gitDir, sha)) return githubError(422, `No commit found for SHA: ${sha}`, doc);
    const status = this.addStatus(sha, {
      context: typeof c.body.context === 'string' ? c.body.context : 'default',
      state,
      description,
      target_url: optionalString(c.body.target_url)
    });
    return { status: 201, body: this.statusJson(status) };
  }

  private statusJson(s: FakeStatus) {
    return {
      url: `${this.url}/repos/${this.owner}/${this.repo}/statuses/${s.sha}`,
      avatar_url: null,
      id: s.id,
      node_id: `SC_fake${s.id}`,
      state: s.state,
      description: s.description,
      target_url: s.target_url,
      context: s.context,
      created_at: s.created_at,
      updated_at: s.created_at,
      creator: userJson('flux-bot')
    };
  }

  /** A branch name resolves to the head sha of an open pull request from it, else stays as is. */
  private resolveRef(ref: string): string {
    return this.state.pulls.find(p => p.head.ref === ref)?.head.sha ?? ref;
  }

  // ---- Contents ----

  private getContent(c: Context): Reply {
    const path = c.params[0].replace(/^\/+|\/+$/g, '');
    const ref = c.query.ref ?? this.state.defaultBranch;
    const files = this.state.contents.get(ref);
    if (!files) return githubError(404, `No commit found for the ref ${ref}`, `${DOCS}/repos/contents#get-repository-content`);
    const text = files.get(path);
    if (text !== undefined) {
      return /\.raw\b|vnd\.github\.raw/.test(c.accept)
        ? { status: 200, body: text, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } }
        : { status: 200, body: this.contentJson(path, ref, text) };
    }
    const children = [...files.keys()].filter(p => p.startsWith(`${path}/`));
    if (children.length === 0) return githubError(404, 'Not Found', `${DOCS}/repos/contents#get-repository-content`);
    return { status: 200, body: this.directoryJson(path, ref, children, files) };
  }

  private contentJson(path: string, ref: string, text: string) {
    const bytes = Buffer.from(text, 'utf8');
    const large = bytes.length > RAW_SIZE_LIMIT;
    return {
      ...this.entryJson(path, ref, 'file', bytes.length),
      // GitHub wraps base64 at 60 characters and leaves files over 1 MB out.
      content: large ? '' : (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
      encoding: large ? 'none' : 'base64'
    };
  }

  private directoryJson(dir: string, ref: string, paths: string[], files: Map<string, string>) {
    const names = new Map<string, string>();
    for (const p of paths) {
      const name = p.slice(dir.length + 1).split('/')[0];
      names.set(name, p === `${dir}/${name}` ? 'file' : 'dir');
    }
    return [...names].map(([name, type]) => {
      const path = `${dir}/${name}`;
      return this.entryJson(path, ref, type, Buffer.byteLength(files.get(path) ?? ''));
    });
  }

  private entryJson(path: string, ref: string, type: string, size: number) {
    const html = `https://github.com/${this.owner}/${this.repo}/blob/${ref}/${path}`;
    return {
      type,
      size,
      name: path.split('/').pop(),
      path,
      sha: fakeSha(`${ref}:${path}`),
      url: `${this.url}/repos/${this.owner}/${this.repo}/contents/${path}?ref=${ref}`,
      html_url: html,
      download_url: type === 'file' ? `https://raw.githubusercontent.com/${this.owner}/${this.repo}/${ref}/${path}` : null
    };
  }

  // ---- Helpers ----

  /** Slices `items` by per_page/page and adds GitHub's `Link` header. */
  private paginate(c: Context, items: unknown[]): Reply {
    const perPage = Math.min(Math.max(Number(c.query.per_page) || 30, 1), 100);
    const page = Math.max(Number(c.query.page) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number) => {
      const query = new URLSearchParams({ ...c.query, per_page: String(perPage), page: String(n) });
      return `<${this.url}${c.path}?${query}>`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`${link(page - 1)}; rel="prev"`);
    if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1) rels.push(`${link(1)}; rel="first"`);
    const headers: Record<string, string> = rels.length > 0 ? { link: rels.join(', ') } : {};
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers };
  }

  /** ISO timestamps one second apart, so ordering by time is deterministic. */
  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

const INVALID_JSON = Symbol('invalid json');

const REACTIONS: readonly ReactionContent[] = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'];

function reactionJson(r: FakeReaction) {
  return { id: r.id, node_id: `REA_fake${r.id}`, user: userJson(r.user), content: r.content, created_at: r.created_at };
}

function validationFailed(documentation_url: string, errors: object[]): Reply {
  return { status: 422, body: { message: 'Validation Failed', errors, documentation_url, status: '422' } };
}

function missingBody(documentation_url: string): Reply {
  return validationFailed(documentation_url, [{ resource: 'IssueComment', field: 'body', code: 'missing_field' }]);
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'x-github-media-type': 'github.v3; format=json', ...reply.headers };
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const isText = typeof reply.body === 'string';
  const payload = isText ? (reply.body as string) : JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(payload);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

function userJson(login: string) {
  const type = login.endsWith('[bot]') ? 'Bot' : 'User';
  return { login, id: hash(login), node_id: `U_${login}`, type, html_url: `https://github.com/${login}` };
}

function teamJson(slug: string) {
  return { id: hash(slug), node_id: `T_${slug}`, name: slug, slug, permission: 'push' };
}

function labelJson(name: string) {
  return { id: hash(name), node_id: `LA_${name}`, name, description: null, color: 'ededed', default: false };
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

interface GitCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
}

/** A commit of the repository at `gitDir` in the API's terms (dates in UTC), or undefined when there is none. */
function readGitCommit(gitDir: string, sha: string): GitCommit | undefined {
  if (!commitExists(gitDir, sha)) return undefined;
  const format = ['%H', '%T', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B'].join('%x00');
  const out = execFileSync('git', ['--git-dir', gitDir, 'show', '-s', `--format=${format}`, sha], { encoding: 'utf8' });
  const [full, tree, parents, an, ae, ad, cn, ce, cd, ...message] = out.split('\0');
  const utc = (date: string) => new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    sha: full,
    tree,
    parents: parents ? parents.split(' ') : [],
    message: message.join('\0').replace(/\n$/, ''),
    author: { name: an, email: ae, date: utc(ad) },
    committer: { name: cn, email: ce, date: utc(cd) }
  };
}

/** True when `sha` names a commit in the git repository at `gitDir`. */
function commitExists(gitDir: string, sha: string): boolean {
  try {
    execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${sha}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/** A stable 40-hex-digit stand-in for a git sha. */
export function fakeSha(seed: string): string {
  return hash(seed).toString(16).padStart(8, '0').repeat(5);
}

// ---- Git Data API helpers ----

/** Who GitHub makes the author of a commit made through the API without one: the token's identity (GITHUB_TOKEN's app). */
const TOKEN_IDENTITY = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
/** The committer GitHub writes into the commits it makes and signs. */
const GITHUB_COMMITTER = { name: 'GitHub', email: 'noreply@github.com' };
const TREE_MODES = new Set(['100644', '100755', '040000', '160000', '120000']);

/** Runs git on the bare repository with `input` on standard input; returns trimmed stdout. */
function gitIn(dir: string, args: string[], input: Buffer, env: Record<string, string> = {}): string {
  return execFileSync('git', ['--git-dir', dir, ...args], { input, env: { ...process.env, ...env } })
    .toString('utf8')
    .trim();
}

/** `blob`, `tree`, `commit`, `tag`, or undefined when `sha` names no object. */
function objectType(dir: string, sha: string): string | undefined {
  if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
  try {
    return execFileSync('git', ['--git-dir', dir, 'cat-file', '-t', sha], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function refSha(dir: string, ref: string): string | undefined {
  try {
    return (
      execFileSync('git', ['--git-dir', dir, 'rev-parse', '--verify', '--quiet', ref], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore']
      }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

function isAncestorIn(dir: string, ancestor: string, descendant: string): boolean {
  try {
    execFileSync('git', ['--git-dir', dir, 'merge-base', '--is-ancestor', ancestor, descendant], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The entries of a tree's top level. */
function lsTree(dir: string, tree: string): { path: string; mode: string; type: string; sha: string }[] {
  const out = execFileSync('git', ['--git-dir', dir, 'ls-tree', '-z', tree], { encoding: 'utf8' });
  return out
    .split('\0')
    .filter(Boolean)
    .map(record => {
      const tab = record.indexOf('\t');
      const [mode, type, sha] = record.slice(0, tab).split(' ');
      return { path: record.slice(tab + 1), mode, type, sha };
    });
}

/** A folder of a tree being built: entries as stored, or folders read (and maybe changed) since. */
type TreeNode = { mode: string; type: string; sha: string } | Map<string, TreeNode>;
type Folder = Map<string, TreeNode>;

function readFolder(dir: string, tree: string): Folder {
  return new Map(lsTree(dir, tree).map(e => [e.path, { mode: e.mode, type: e.type, sha: e.sha }]));
}

/** The folder at `parts` below `root`, read as needed; with `create`, made (over a file of that name) when missing. */
function walk(dir: string, root: Folder, parts: string[], create: boolean): Folder | undefined {
  let folder = root;
  for (const part of parts) {
    const entry = folder.get(part);
    let next: Folder | undefined;
    if (entry instanceof Map) next = entry;
    else if (entry?.type === 'tree') next = readFolder(dir, entry.sha);
    else if (create) next = new Map();
    if (!next) return undefined;
    folder.set(part, next);
    folder = next;
  }
  return folder;
}

/** Writes the folders read or changed with `git mktree`; undefined for one left empty (GitHub drops those). */
function writeFolder(dir: string, folder: Folder): string | undefined {
  const lines: string[] = [];
  for (const [name, entry] of folder) {
    if (entry instanceof Map) {
      const sha = writeFolder(dir, entry);
      if (sha) lines.push(`040000 tree ${sha}\t${name}\0`);
    } else {
      lines.push(`${entry.mode} ${entry.type} ${entry.sha}\t${name}\0`);
    }
  }
  return lines.length > 0 ? gitIn(dir, ['mktree', '-z'], Buffer.from(lines.join(''), 'utf8')) : undefined;
}
