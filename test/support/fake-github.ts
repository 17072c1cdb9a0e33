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
  created_at: string;
  updated_at: string;
}

export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
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
  close(): Promise<void>;
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  body: object;
  headers: Record<string, string>;
  remaining: number;
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
      mergeBases: new Map()
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
    const pull: FakePull = {
      number,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${number}`,
      title: spec.title ?? `Pull request ${number}`,
      body: spec.body ?? null,
      draft: spec.draft ?? false,
      state: spec.state ?? 'open',
      head: { ref: spec.head, sha: spec.headSha ?? fakeSha(`head-${number}`) },
      base: { ref: spec.base ?? this.state.defaultBranch, sha: spec.baseSha ?? fakeSha(`base-${number}`) },
      labels: [...(spec.labels ?? [])],
      requested_reviewers: [],
      requested_teams: [],
      created_at: now,
      updated_at: now
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
    if (fault) {
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
      ['GET', R('/pulls/(\\d+)/requested_reviewers'), c => this.withPull(c, p => this.reviewers(p))],
      ['POST', R('/pulls/(\\d+)/requested_reviewers'), c => this.withPull(c, p => this.requestReviewers(p, c))],
      ['GET', R('/issues/(\\d+)/labels'), c => this.withPull(c, p => this.paginate(c, p.labels.map(labelJson)))],
      ['POST', R('/issues/(\\d+)/labels'), c => this.withPull(c, p => this.addLabels(p, c))],
      ['GET', R('/issues/(\\d+)/comments'), c => this.withPull(c, p => this.listComments(p, c))],
      ['POST', R('/issues/(\\d+)/comments'), c => this.withPull(c, p => this.createComment(p, c))],
      ['PATCH', R('/issues/comments/(\\d+)'), c => this.updateComment(c)],
      ['GET', R('/commits/([^/]+)/statuses'), c => this.listStatuses(c)],
      ['POST', R('/statuses/([0-9a-fA-F]{4,40})'), c => this.createStatus(c)],
      ['GET', R('/contents/(.+)'), c => this.getContent(c)],
      ['GET', R('/compare/([^/.]+)\\.\\.\\.([^/.]+)'), c => this.compare(c)]
    ];
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
    if (state === 'open' || state === 'closed') pull.state = state;
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
      closed_at: null,
      merged_at: null,
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
