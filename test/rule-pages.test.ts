// docs/checks/<id>.md are generated from the checks' metadata (npm run rule-pages): the committed
// pages must be what the generator writes, and every check's docs must point users to documents
// they have (Databricks docs, the CLI's source, the rule page), never to internal notes.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../src/checks/catalog.js';
import { docsParts, RULE_PAGES_DIR, rulePages } from '../src/docs/rule-pages.js';
import { rulePageUrl } from '../src/report/rule-links.js';

const repo = path.resolve(__dirname, '..');
const dir = path.join(repo, RULE_PAGES_DIR);

describe('rule pages', () => {
  let pages: Map<string, string>;
  beforeAll(async () => {
    pages = await rulePages(repo);
  }, 120_000);

  it('are fresh: the committed docs/checks equal the generated ones (run npm run rule-pages after changing a check)', () => {
    const committed = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    expect(committed).toEqual([...pages.keys()].sort());
    for (const [name, text] of pages) expect(fs.readFileSync(path.join(dir, name), 'utf8'), `${RULE_PAGES_DIR}/${name} is stale: npm run rule-pages`).toBe(text);
  });

  it('give every check its sections, and the seed example where it triggers the check', () => {
    for (const check of catalog) {
      const page = pages.get(`${check.id}.md`)!;
      for (const section of ['## What it checks', '## Why Databricks fails', '## Example', '## Fix', '## Suppress', '## References']) expect(page, check.id).toContain(section);
      expect(page).toContain(`# dab-ready-ignore: ${check.id} <reason>`);
      expect(rulePageUrl(check.id)).toBe(`https://github.com/dab-ready/dab-ready/blob/main/docs/checks/${check.id}.md`);
    }
    expect(pages.get('wheel-not-built.md')).toContain('From `examples/entity-matching`, at `resources/jobs_phase2_training.yml:24`:');
  });

  it('docs name no document users do not have', () => {
    for (const check of catalog) {
      expect(check.docs, check.id).not.toMatch(/databricks-bundles\.md|pitfall \d|§\d|\bseed\b|gap[- ]analysis|shared\/reference/i);
      for (const url of docsParts(check.docs).references) expect(url, check.id).toMatch(/^https:\/\/(docs\.databricks\.com|github\.com\/(databricks|databrickslabs)\/)/);
    }
  });

  it('splits docs into why, fix and references', () => {
    expect(docsParts('Why.\nFix: do it.\nReference: https://a.example/x ; https://b.example/y')).toEqual({
      why: 'Why.',
      fix: 'do it.',
      references: ['https://a.example/x', 'https://b.example/y'],
    });
    expect(docsParts('Only why.')).toEqual({ why: 'Only why.', references: [] });
  });
});
