// A loopback stand-in for the GitHub REST API: the endpoints dab-ready's action uses, with real
// HTTP, real `Link` pagination and per-test fault injection. The real `@actions/github` client is
// pointed at it (`getOctokit(token, { baseUrl: server.url })`), so nothing is mocked in-process.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
  /** GitHub App slug for installation tokens (the GITHUB_TOKEN is the `github-actions` app). */
  app?: string;
  /** Installation tokens get 403 from GET /user. */
  canGetUser: boolean;
  /** A fork pull request's GITHUB_TOKEN: reads work, writes get 403. */
  readOnly: boolean;
}

export interface StoredComment {
  id: number;
  node_id: string;
  body: string;
  user: { login: string; id: number; type: string };
  performed_via_github_app: { slug: string; name: string } | null;
  created_at: string;
  updated_at: string;
  html_url: string;
  url: string;
  issue_url: string;
  /** `owner/repo#number` */
  issue: string;
}

export interface Fault {
  method?: string;
  path?: RegExp;
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  headers?: Record<string, string>;
  message?: string;
  /** Runs when the fault fires, e.g. to really delete the comment a 404 stands for. */
  before?: () => void;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  body?: unknown;
  status: number;
}

export const GITHUB_ACTIONS_BOT: Omit<FakeUser, 'readOnly'> = {
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot',
  app: 'github-actions',
  canGetUser: false,
};

export class FakeGitHub {
  url = '';
  readonly requests: RecordedRequest[] = [];
  private readonly server: http.Server;
  private readonly tokens = new Map<string, FakeUser>();
  private readonly comments: StoredComment[] = [];
  private readonly pulls = new Map<string, unknown>();
  private readonly pullFiles = new Map<string, { filename: string; patch?: string }[]>();
  readonly reviewComments: (StoredComment & { path: string; line: number; start_line: number | null; commit_id: string })[] = [];
  private readonly faults: (Fault & { left: number })[] = [];
  private barriers: { method: string; path: RegExp; count: number; waiting: (() => void)[] }[] = [];
  private nextId = 1000;
  private clock = Date.parse('2026-11-25T12:00:00Z');

  constructor() {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `fake server error: ${error.message}` }));
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const barrier of this.barriers) barrier.waiting.splice(0).forEach((release) => release());
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addToken(token: string, user: Partial<FakeUser> & { login: string }): void {
    this.tokens.set(token, { id: 5000 + this.tokens.size, type: 'User', canGetUser: true, readOnly: false, ...user });
  }

  addPull(owner: string, repo: string, number: number, pull: unknown): void {
    this.pulls.set(`${owner}/${repo}#${number}`, pull);
  }

  /** The files of a pull request with their unified diffs (what GET .../pulls/N/files returns). */
  addPullFiles(owner: string, repo: string, number: number, files: { filename: string; patch?: string }[]): void {
    this.pullFiles.set(`${owner}/${repo}#${number}`, files);
  }

  /** Plant a comment as if `user` had written it. */
  seedComment(owner: string, repo: string, issue: number, body: string, user: Partial<FakeUser> & { login: string }): StoredComment {
    return this.store(`${owner}/${repo}#${issue}`, body, { id: 9000, type: 'User', canGetUser: true, readOnly: false, ...user });
  }

  /** Every comment of an issue, oldest first. */
  listComments(owner: string, repo: string, issue: number): StoredComment[] {
    return this.comments.filter((c) => c.issue === `${owner}/${repo}#${issue}`);
  }

  deleteComment(id: number): void {
    const index = this.comments.findIndex((c) => c.id === id);
    if (index >= 0) this.comments.splice(index, 1);
  }

  /** The next `times` requests matching method/path answer `status` (with `headers`) instead. */
  fail(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** Hold requests matching method/path until `count` of them have arrived (forces a race). */
  barrier(method: string, path: RegExp, count: number): void {
    this.barriers.push({ method, path, count, waiting: [] });
  }

  private store(issue: string, body: string, user: FakeUser): StoredComment {
    const id = this.nextId++;
    this.clock += 1000;
    const time = new Date(this.clock).toISOString();
    const [repoPath, number] = issue.split('#');
    const comment: StoredComment = {
      id,
      node_id: `IC_${id}`,
      body,
      user: { login: user.login, id: user.id, type: user.type },
      performed_via_github_app: user.app ? { slug: user.app, name: user.app } : null,
      created_at: time,
      updated_at: time,
      html_url: `https://github.com/${repoPath}/pull/${number}#issuecomment-${id}`,
      url: `${this.url}/repos/${repoPath}/issues/comments/${id}`,
      issue_url: `${this.url}/repos/${repoPath}/issues/${number}`,
      issue,
    };
    this.comments.push(comment);
    return comment;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    const record: RecordedRequest = { method, path: url.pathname, query: url.searchParams, authorization: req.headers.authorization, body, status: 0 };
    this.requests.push(record);
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };

    const barrier = this.barriers.find((b) => b.method === method && b.path.test(url.pathname));
    if (barrier) {
      await new Promise<void>((resolve) => {
        barrier.waiting.push(resolve);
        if (barrier.waiting.length >= barrier.count) {
          this.barriers = this.barriers.filter((b) => b !== barrier);
          barrier.waiting.splice(0).forEach((release) => release());
        }
      });
    }

    const fault = this.faults.find((f) => f.left > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(url.pathname)));
    if (fault) {
      fault.left--;
      fault.before?.();
      return send(fault.status, { message: fault.message ?? http.STATUS_CODES[fault.status] }, fault.headers);
    }

    const token = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const user = token ? this.tokens.get(token) : undefined;
    if (!user) return send(401, { message: 'Bad credentials' });
    const forbidden = () => send(403, { message: 'Resource not accessible by integration' });

    if (method === 'GET' && url.pathname === '/user') {
      if (!user.canGetUser) return forbidden();
      return send(200, { login: user.login, id: user.id, type: user.type });
    }
    if (method === 'POST' && url.pathname === '/graphql') {
      const query = String(body?.query ?? '');
      if (!/viewer/.test(query)) return send(200, { errors: [{ message: 'unsupported query' }] });
      return send(200, { data: { viewer: { login: user.login } } });
    }

    let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (m) {
      const issue = `${m[1]}/${m[2]}#${m[3]}`;
      if (method === 'GET') {
        const all = this.comments.filter((c) => c.issue === issue);
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const links: string[] = [];
        const link = (p: number, rel: string) => {
          const target = new URL(url);
          target.searchParams.set('per_page', String(perPage));
          target.searchParams.set('page', String(p));
          links.push(`<${target.toString()}>; rel="${rel}"`);
        };
        if (page < last) link(page + 1, 'next');
        if (page < last) link(last, 'last');
        if (page > 1) link(1, 'first');
        if (page > 1) link(page - 1, 'prev');
        return send(200, all.slice((page - 1) * perPage, page * perPage).map(publicComment), links.length ? { link: links.join(', ') } : {});
      }
      if (method === 'POST') {
        if (user.readOnly) return forbidden();
        const text = String(body?.body ?? '');
        if (text.length > 65536) return send(422, { message: 'Validation Failed', errors: [{ message: 'Body is too long (maximum is 65536 characters)' }] });
        return send(201, publicComment(this.store(issue, text, user)));
      }
    }

    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (m) {
      const comment = this.comments.find((c) => c.id === Number(m![3]) && c.issue.startsWith(`${m![1]}/${m![2]}#`));
      if (!comment) return send(404, { message: 'Not Found' });
      if (method === 'GET') return send(200, publicComment(comment));
      if (user.readOnly) return forbidden();
      if (comment.user.login !== user.login) return forbidden();
      if (method === 'PATCH') {
        const text = String(body?.body ?? '');
        if (text.length > 65536) return send(422, { message: 'Validation Failed', errors: [{ message: 'Body is too long (maximum is 65536 characters)' }] });
        this.clock += 1000;
        comment.body = text;
        comment.updated_at = new Date(this.clock).toISOString();
        return send(200, publicComment(comment));
      }
      if (method === 'DELETE') {
        this.deleteComment(comment.id);
        return send(204);
      }
    }

    m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/(files|comments)$/.exec(url.pathname);
    if (m) {
      const issue = `${m[1]}/${m[2]}#${m[3]}`;
      const files = this.pullFiles.get(issue);
      if (!files) return send(404, { message: 'Not Found' });
      if (m[4] === 'files' && method === 'GET') return send(200, files);
      if (m[4] === 'comments' && method === 'GET') return send(200, this.reviewComments.filter((c) => c.issue === issue).map(publicComment));
      if (m[4] === 'comments' && method === 'POST') {
        if (user.readOnly) return forbidden();
        const b = body as { body?: string; path?: string; line?: number; start_line?: number; commit_id?: string; side?: string };
        const file = files.find((f) => f.filename === b.path);
        const hunks = [...(file?.patch ?? '').matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)].map((h) => [Number(h[1]), Number(h[1]) + Number(h[2] ?? 1) - 1]);
        const from = b.start_line ?? b.line ?? 0;
        const inDiff = hunks.some(([lo, hi]) => from >= lo && (b.line ?? 0) <= hi);
        if (!b.commit_id || b.side !== 'RIGHT' || !inDiff) {
          return send(422, { message: 'Validation Failed', errors: [{ message: 'pull_request_review_thread.line must be part of the diff' }] });
        }
        const stored = this.store(issue, String(b.body ?? ''), user);
        this.comments.splice(this.comments.indexOf(stored), 1); // a review comment, not an issue comment
        const review = { ...stored, path: b.path!, line: b.line!, start_line: b.start_line ?? null, commit_id: b.commit_id };
        this.reviewComments.push(review);
        return send(201, publicComment(review));
      }
    }

    m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(url.pathname);
    if (m && method === 'GET') {
      const pull = this.pulls.get(`${m[1]}/${m[2]}#${m[3]}`);
      return pull ? send(200, pull) : send(404, { message: 'Not Found' });
    }
    return send(404, { message: `Not Found (fake: ${method} ${url.pathname})` });
  }
}

function publicComment<C extends StoredComment>(comment: C): Omit<C, 'issue'> {
  const { issue: _issue, ...rest } = comment;
  return rest;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  return new FakeGitHub().start();
}
