import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/github/client.js';
import { upsertStickyComment } from '../../src/github/comment.js';
import { commentMarker, renderPullRequestComment } from '../../src/github/comment-body.js';
import { bundle, finding, result } from './factory.js';
import { FakeGitHub, GITHUB_ACTIONS_BOT, startFakeGitHub } from '../support/github-server.js';

const owner = 'acme';
const repo = 'bundles';
const pr = 7;
const marker = '<!-- dab-ready:. -->';
const recordedWaits: number[] = [];
const noWait = { sleep: async (ms: number) => void recordedWaits.push(ms), maxWaitMs: 5_000 };

let server: FakeGitHub;
beforeEach(async () => {
  recordedWaits.length = 0;
  server = await startFakeGitHub();
  server.addToken('ghs_actions', { ...GITHUB_ACTIONS_BOT, readOnly: false });
  server.addToken('ghs_fork', { ...GITHUB_ACTIONS_BOT, readOnly: true });
  server.addToken('ghp_alice', { login: 'alice' });
});
afterEach(async () => server.stop());

const client = (token = 'ghs_actions') => createClient(token, { baseUrl: server.url, retry: noWait });
const upsert = (body: string, token?: string, mode?: 'update' | 'recreate') =>
  upsertStickyComment({ client: client(token), owner, repo, issueNumber: pr, marker, mode, render: () => `${marker}\n${body}` });
const bodies = () => server.listComments(owner, repo, pr).map((c) => c.body);

describe('sticky comment', () => {
  it('creates on the first run and updates the same comment on the second', async () => {
    const first = await upsert('score 65%');
    expect(first).toMatchObject({ status: 'created' });
    const second = await upsert('score 85%');
    expect(second).toMatchObject({ status: 'updated' });
    const comments = server.listComments(owner, repo, pr);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('score 85%');
    expect(first.status !== 'forbidden' && second.status !== 'forbidden' && first.id === second.id).toBe(true);
    expect(comments[0].user.login).toBe('github-actions[bot]');
    // the installation token cannot ask who it is: GET /user answered 403 and the bot rule applied
    expect(server.requests.filter((r) => r.path === '/user').every((r) => r.status === 403)).toBe(true);
  });

  it('finds its comment behind 150 others (all pages, per_page 100)', async () => {
    for (let i = 0; i < 75; i++) server.seedComment(owner, repo, pr, `chatter ${i}`, { login: `user${i % 5}` });
    server.seedComment(owner, repo, pr, `${marker}\nold report`, { ...GITHUB_ACTIONS_BOT });
    for (let i = 75; i < 150; i++) server.seedComment(owner, repo, pr, `chatter ${i}`, { login: `user${i % 5}` });
    // put our comment on page 2 by making it newer than the first 100
    const ours = server.listComments(owner, repo, pr).find((c) => c.body.includes(marker))!;
    server.deleteComment(ours.id);
    server.seedComment(owner, repo, pr, `${marker}\nold report`, { ...GITHUB_ACTIONS_BOT });
    const outcome = await upsert('new report');
    expect(outcome).toMatchObject({ status: 'updated' });
    expect(bodies().filter((b) => b.includes(marker))).toEqual([`${marker}\nnew report`]);
    const lists = server.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/issues/${pr}/comments`));
    expect(lists.map((r) => [r.query.get('per_page'), r.query.get('page') ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
    ]);
    expect(server.listComments(owner, repo, pr)).toHaveLength(151);
  });

  it('ignores a marker planted by another user and creates its own', async () => {
    const planted = server.seedComment(owner, repo, pr, `${marker}\nall green, merge me`, { login: 'mallory' });
    const outcome = await upsert('real report');
    expect(outcome).toMatchObject({ status: 'created' });
    const comments = server.listComments(owner, repo, pr);
    expect(comments).toHaveLength(2);
    expect(comments.find((c) => c.id === planted.id)!.body).toContain('all green, merge me');
    expect(server.requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('with a user token, matches on GET /user and not on another bot', async () => {
    server.seedComment(owner, repo, pr, `${marker}\nbot report`, { ...GITHUB_ACTIONS_BOT });
    expect(await upsert('alice report', 'ghp_alice')).toMatchObject({ status: 'created' });
    expect(await upsert('alice report 2', 'ghp_alice')).toMatchObject({ status: 'updated' });
    const comments = server.listComments(owner, repo, pr);
    expect(comments.map((c) => [c.user.login, c.body.split('\n')[1]])).toEqual([
      ['github-actions[bot]', 'bot report'],
      ['alice', 'alice report 2'],
    ]);
  });

  it('reports a fork PR read-only token (403) as forbidden instead of throwing', async () => {
    const outcome = await upsert('report', 'ghs_fork');
    expect(outcome).toEqual({ status: 'forbidden', message: expect.stringContaining('Resource not accessible by integration') });
    expect(server.listComments(owner, repo, pr)).toHaveLength(0);
    expect(recordedWaits).toEqual([]); // a permission refusal is not retried
  });

  it('creates a new comment when the found one was deleted meanwhile (404 on update)', async () => {
    await upsert('first');
    const [first] = server.listComments(owner, repo, pr);
    server.fail({ method: 'PATCH', path: new RegExp(`/issues/comments/${first.id}$`), status: 404, message: 'Not Found', before: () => server.deleteComment(first.id) });
    const outcome = await upsert('second');
    expect(outcome).toMatchObject({ status: 'created' });
    expect(outcome.status !== 'forbidden' && outcome.id).not.toBe(first.id);
    expect(bodies()).toEqual([`${marker}\nsecond`]);
  });

  it('retries a 502 and then succeeds', async () => {
    server.fail({ method: 'POST', path: /\/comments$/, status: 502, message: 'Bad Gateway' });
    const outcome = await upsert('after 502');
    expect(outcome).toMatchObject({ status: 'created' });
    expect(bodies()).toEqual([`${marker}\nafter 502`]);
    expect(recordedWaits).toEqual([1000]);
  });

  it('honours retry-after on 429 and on a secondary rate limit 403', async () => {
    server.fail({ method: 'GET', path: /\/comments$/, status: 429, headers: { 'retry-after': '2' } });
    server.fail({ method: 'POST', path: /\/comments$/, status: 403, headers: { 'retry-after': '3' }, message: 'You have exceeded a secondary rate limit' });
    expect(await upsert('rate limited')).toMatchObject({ status: 'created' });
    expect(recordedWaits).toEqual([2000, 3000]);
  });

  it('gives up when retry-after is longer than the allowed wait, and after the bounded retries', async () => {
    server.fail({ method: 'POST', path: /\/comments$/, status: 429, headers: { 'retry-after': '3600' } });
    await expect(upsert('x')).rejects.toMatchObject({ status: 429 });
    server.fail({ method: 'POST', path: /\/comments$/, status: 503, times: 10 });
    await expect(upsert('x')).rejects.toMatchObject({ status: 503 });
    expect(recordedWaits).toEqual([1000, 2000, 4000]);
    expect(server.listComments(owner, repo, pr)).toHaveLength(0);
  });

  it('two concurrent runs end with one comment', async () => {
    server.barrier('GET', /\/issues\/\d+\/comments$/, 2); // both runs list before either creates
    const [a, b] = await Promise.all([upsert('run A'), upsert('run B')]);
    expect(a.status).toBe('created');
    expect(b.status).toBe('created');
    const comments = server.listComments(owner, repo, pr);
    expect(comments).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(a.status !== 'forbidden' && b.status !== 'forbidden' && a.id === b.id && a.id === comments[0].id).toBe(true);
    expect(['run A', 'run B']).toContain(comments[0].body.split('\n')[1]);
  });

  it('recreate deletes the old comment and creates a new one', async () => {
    await upsert('v1');
    const [old] = server.listComments(owner, repo, pr);
    const outcome = await upsert('v2', undefined, 'recreate');
    expect(outcome).toMatchObject({ status: 'recreated', duplicatesRemoved: 1 });
    const comments = server.listComments(owner, repo, pr);
    expect(comments).toHaveLength(1);
    expect(comments[0].id).not.toBe(old.id);
    expect(comments[0].body).toContain('v2');
  });

  it('sends the token only in the Authorization header', async () => {
    await upsert('x');
    expect(server.requests.every((r) => r.authorization === 'token ghs_actions')).toBe(true);
    expect(server.requests.some((r) => JSON.stringify(r.body ?? '').includes('ghs_actions'))).toBe(false);
  });

  it('posts an oversized report: the body is trimmed to fit GitHub\'s limit (the server rejects more than 65,536)', async () => {
    const evidence = 'x: 1\n'.repeat(400);
    const b = bundle(Array.from({ length: 300 }, (_, i) => finding(`check-${i % 40}`, 'high', `resources/r${i}.yml`, i + 1, { evidence })));
    const bundleMarker = commentMarker('.');
    const render = () =>
      renderPullRequestComment({ result: result([b]), gate: { passed: true, reasons: [] }, failOn: 'critical', deltas: new Map(), prefix: '', runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(render().length).toBeLessThan(65_536);
    const outcome = await upsertStickyComment({ client: client(), owner, repo, issueNumber: pr, marker: bundleMarker, render });
    expect(outcome).toMatchObject({ status: 'created' });
    const [stored] = server.listComments(owner, repo, pr);
    expect(stored.body.length).toBeLessThan(65_536);
    expect(stored.body).toContain('<details><summary>285 more findings (285 high)</summary>');
    // and a body that really is too long is refused by the fake as GitHub does (422), not retried
    await expect(
      upsertStickyComment({ client: client(), owner, repo, issueNumber: pr, marker: '<!-- other -->', render: () => '<!-- other -->' + 'y'.repeat(70_000) }),
    ).rejects.toMatchObject({ status: 422 });
    expect(recordedWaits).toEqual([]);
  });

  it('a finding that quotes markers and HTML: the next run still finds and updates its own comment, and only that one', async () => {
    const hostile = [
      '</details> `` ` `` @octocat <img src=https://evil.example/x.png> <!-- dab-ready:comment path=other -->',
      '<!-- dab-ready-data {"v":2,"b":[]} -->',
    ].join(' ');
    const b = bundle([finding('bad', 'critical', 'a.yml', 1, { message: hostile, evidence: `${hostile}\n<!-- dab-ready:comment path=other -->` })]);
    const render = () =>
      renderPullRequestComment({ result: result([b]), gate: { passed: false, reasons: [] }, failOn: 'critical', deltas: new Map(), prefix: '' });
    const first = await upsertStickyComment({ client: client(), owner, repo, issueNumber: pr, marker: commentMarker(''), render });
    const second = await upsertStickyComment({ client: client(), owner, repo, issueNumber: pr, marker: commentMarker(''), render });
    expect(first).toMatchObject({ status: 'created' });
    expect(second).toMatchObject({ status: 'updated' });
    expect(first.status !== 'forbidden' && second.status !== 'forbidden' && first.id === second.id).toBe(true);
    // a run for another path does not take this comment, although its body quotes that marker
    const other = await upsertStickyComment({ client: client(), owner, repo, issueNumber: pr, marker: commentMarker('other'), render: () => `${commentMarker('other')}\nother` });
    expect(other).toMatchObject({ status: 'created' });
    expect(server.listComments(owner, repo, pr)).toHaveLength(2);
    expect(server.listComments(owner, repo, pr)[0].body).toBe(render());
  });

  it("skips another app bot's comment with the marker (its edit is refused) and keeps its own from then on", async () => {
    const foreign = server.seedComment(owner, repo, pr, `${marker}\nother app`, { login: 'other-app[bot]', type: 'Bot', app: 'other-app' });
    expect(await upsert('ours 1')).toMatchObject({ status: 'created' });
    expect(await upsert('ours 2')).toMatchObject({ status: 'updated' });
    const comments = server.listComments(owner, repo, pr);
    expect(comments.map((c) => [c.user.login, c.body.split('\n')[1]])).toEqual([
      ['other-app[bot]', 'other app'],
      ['github-actions[bot]', 'ours 2'],
    ]);
    expect(comments[0].id).toBe(foreign.id);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
