#!/usr/bin/env node
// Renders the pull request comment as a person sees it: the seed example before and after its fixes
// and a 10-bundle monorepo, through a CommonMark/GFM renderer (markdown-it) with GitHub-like CSS and
// Mermaid, in headless Chromium. Writes the Markdown, the HTML and PNGs (collapsed and expanded) and
// prints the collapsed heights in pixels and screens.
//
//   node scripts/screenshot-comment.mjs [out-dir]      (default: a new folder under the temp dir)
//
// Needs Chromium (`apt-get install chromium`; CHROMIUM=/path overrides) and the devDependencies
// markdown-it, mermaid and playwright-core. Not part of `npm test`: the rendered-line count is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { chromium } from 'playwright-core';
import { runnerImport } from 'vite';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-screens-')));
fs.mkdirSync(out, { recursive: true });
/** What one screen of comment is taken to be: the visible part of a 1080p browser window. */
const SCREEN_PX = 900;
const WIDTH_PX = 800; // GitHub's comment body in a pull request timeline

const load = async (file) => (await runnerImport(path.join(repo, file))).module;
const { analyse, evaluateGate } = await load('src/engine.ts');
const { renderPullRequestComment } = await load('src/github/comment-body.ts');
const { baselineFromResult, compareBundle } = await load('src/github/delta.ts');

const links = { repoUrl: 'https://github.com/acme-data/entity-matching', sha: '3f2c1a9b7e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b', prefix: '' };
const runUrl = 'https://github.com/acme-data/entity-matching/actions/runs/1234567890';
const failOn = 'critical';

function view(result, deltas = new Map(), extra = {}) {
  return { result, gate: evaluateGate(result, { failOn, minScore: 0 }), failOn, deltas, prefix: '', links, runUrl, ...extra };
}
function deltasAgainst(head, base, sha = 'b4se0000000000000000000000000000deadbeef') {
  const baseline = baselineFromResult(base, sha);
  return new Map(head.bundles.map((b) => [b.root, compareBundle(b, baseline)]).filter(([, d]) => d));
}

const before = (await analyse({ path: path.join(repo, 'examples/entity-matching') })).result;
const after = (await analyse({ path: path.join(repo, 'examples/entity-matching-fixed') })).result;

// A monorepo of 10 bundles: 3 still blocked, one fixed by this pull request, one touched and clean.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dab-ready-monorepo-'));
const layout = (fixedByPr) =>
  Array.from({ length: 10 }, (_, i) => {
    const name = `team-${String(i + 1).padStart(2, '0')}`;
    const broken = i < 3 || (i === 4 && !fixedByPr);
    return { name, example: broken ? 'entity-matching' : 'entity-matching-fixed' };
  });
for (const [side, fixedByPr] of [['head', true], ['base', false]]) {
  for (const { name, example } of layout(fixedByPr)) {
    fs.cpSync(path.join(repo, 'examples', example), path.join(scratch, side, 'bundles', name), {
      recursive: true,
      filter: (src) => !/(^|\/)(build|dist|[^/]+\.egg-info|__pycache__)$/.test(src),
    });
  }
}
const monoHead = (await analyse({ path: path.join(scratch, 'head') })).result;
const monoBase = (await analyse({ path: path.join(scratch, 'base') })).result;
fs.rmSync(scratch, { recursive: true, force: true });

const cases = [
  ['seed-before', renderPullRequestComment(view(before))],
  ['seed-after', renderPullRequestComment(view(after, deltasAgainst(after, before)))],
  ['monorepo-10', renderPullRequestComment(view(monoHead, deltasAgainst(monoHead, monoBase), { touched: new Set(['bundles/team-05', 'bundles/team-08']) }))],
];

const md = new MarkdownIt({ html: true, linkify: true });
const defaultFence = md.renderer.rules.fence;
md.renderer.rules.fence = (tokens, idx, ...rest) =>
  tokens[idx].info.trim() === 'mermaid' ? `<div class="mermaid">${md.utils.escapeHtml(tokens[idx].content)}</div>` : defaultFence(tokens, idx, ...rest);
const mermaidJs = path.join(repo, 'node_modules/mermaid/dist/mermaid.min.js');

const css = `
body { margin: 0; background: #f6f8fa; }
.comment { width: ${WIDTH_PX}px; margin: 16px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.markdown-body { padding: 16px; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Noto Color Emoji";
  font-size: 14px; line-height: 1.5; color: #1f2328; word-wrap: break-word; }
.markdown-body > *:first-child { margin-top: 0 !important; }
.markdown-body p, .markdown-body ul, .markdown-body table, .markdown-body pre, .markdown-body details, .markdown-body blockquote { margin: 0 0 16px; }
.markdown-body h3 { font-size: 1.25em; font-weight: 600; line-height: 1.25; margin: 24px 0 16px; }
.markdown-body h4 { font-size: 1em; font-weight: 600; line-height: 1.25; margin: 24px 0 16px; }
.markdown-body ul { padding-left: 2em; }
.markdown-body code { padding: .2em .4em; font-size: 85%; background: rgba(129,139,152,.12); border-radius: 6px; font-family: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, monospace; }
.markdown-body pre { padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
.markdown-body pre code { padding: 0; background: transparent; font-size: 100%; }
.markdown-body table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
.markdown-body td, .markdown-body th { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body th { font-weight: 600; }
.markdown-body summary { cursor: pointer; }
.markdown-body details { margin-bottom: 4px; }
.markdown-body sub { font-size: 75%; color: #59636e; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
.markdown-body .mermaid { margin: 0 0 16px; }
`;

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run'],
});
const rows = [];
try {
  const page = await browser.newPage({ viewport: { width: WIDTH_PX + 64, height: SCREEN_PX }, deviceScaleFactor: 1 });
  for (const [name, markdown] of cases) {
    fs.writeFileSync(path.join(out, `${name}.md`), markdown);
    const html = `<!doctype html><meta charset="utf-8"><style>${css}</style><div class="comment"><div class="markdown-body">${md.render(markdown)}</div></div>`;
    fs.writeFileSync(path.join(out, `${name}.html`), html);
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ path: mermaidJs });
    await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' });
      // eslint-disable-next-line no-undef
      await mermaid.run({ querySelector: '.mermaid' });
    });
    const collapsed = await page.locator('.comment').boundingBox();
    await page.locator('.comment').screenshot({ path: path.join(out, `${name}-collapsed.png`) });
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const expanded = await page.locator('.comment').boundingBox();
    await page.locator('.comment').screenshot({ path: path.join(out, `${name}-expanded.png`) });
    rows.push({ name, collapsedPx: Math.round(collapsed.height), screens: +(collapsed.height / SCREEN_PX).toFixed(2), expandedPx: Math.round(expanded.height), chars: markdown.length });
  }
} finally {
  await browser.close();
}
console.log(`PNGs, HTML and Markdown in ${out} (one screen = ${SCREEN_PX} px, comment width ${WIDTH_PX} px)`);
for (const r of rows) console.log(`${r.name.padEnd(12)} collapsed ${String(r.collapsedPx).padStart(5)} px = ${r.screens} screens · expanded ${r.expandedPx} px · ${r.chars} characters`);
