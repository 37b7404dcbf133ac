#!/usr/bin/env node
// Regenerates docs/checks/<id>.md (one page per check) and docs/checks/README.md from the checks'
// metadata and dab-ready's example bundles; removes pages of checks that no longer exist.
//   npm run rule-pages
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { module } = await runnerImport(path.join(repo, 'src/docs/rule-pages.ts'));
const dir = path.join(repo, module.RULE_PAGES_DIR);
fs.mkdirSync(dir, { recursive: true });
const pages = await module.rulePages(repo);
let changed = 0;
for (const [name, text] of pages) {
  const file = path.join(dir, name);
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
  fs.writeFileSync(file, text);
  changed++;
}
for (const name of fs.readdirSync(dir)) {
  if (name.endsWith('.md') && !pages.has(name)) {
    fs.rmSync(path.join(dir, name));
    changed++;
  }
}
console.log(`${pages.size} rule pages in ${path.relative(repo, dir)}: ${changed} written or removed`);
