// The YAML fast path (src/project/yaml-fast.ts) against the full composer: the same located tree,
// the same findings, on every YAML file of ../shared/corpus and ../shared/peer and on the shapes
// the fast path must hand over to the composer.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseFast, resolvePlain } from '../../src/project/yaml-fast.js';
import { MAX_NESTING, parseConfigText, recordedAnchorOnlyKeys } from '../../src/project/yaml.js';
import { sharedPart } from '../support/shared.js';
import { treeShape as shape, yamlFilesBelow as yamlFiles } from '../support/yaml-trees.js';

function both(name: string, text: string) {
  const full = parseConfigText(name, text, { fast: false });
  const quick = parseConfigText(name, text);
  return {
    full: { root: shape(full.file.root), notices: full.notices, anchorOnly: [...(recordedAnchorOnlyKeys(full.file) ?? [])] },
    quick: { root: shape(quick.file.root), notices: quick.notices, anchorOnly: [...(recordedAnchorOnlyKeys(quick.file) ?? [])] },
  };
}

const corpus = sharedPart('corpus');
const peer = sharedPart('peer');

describe('the YAML fast path', () => {
  it.skipIf(!corpus.present || !peer.present)('gives the composer\'s tree and findings for every YAML file in ../shared/corpus and ../shared/peer', { ...(corpus.present ? peer : corpus).options, timeout: 120_000 }, (ctx) => {
    const files = [...yamlFiles(corpus.path), ...yamlFiles(peer.path)];
    let fast = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const name = path.basename(file);
      const { full, quick } = both(name, text);
      expect(quick, file).toEqual(full);
      if (parseFast(text, name, MAX_NESTING)) fast++;
    }
    // Most bundle files are plain block YAML: the fast path takes them (the rest shows the fallback works).
    expect(files.length).toBeGreaterThan(300);
    expect(fast / files.length).toBeGreaterThan(0.6);
    expect(fast).toBeLessThan(files.length);
    ctx.annotate(`${fast} of ${files.length} files took the fast path`);
  });

  it('takes plain block YAML and places every value, key and empty value where the composer does', () => {
    const text = [
      '# a comment',
      'bundle:',
      '  name: demo # trailing',
      '  # inner',
      'jobs:',
      '  - a: 1',
      '    b:',
      '    "quoted key": \'single\'',
      '  -',
      '  - "q\\tx"',
      '  -   ',
      'empty:   ',
      'block: |',
      '  line one',
      '  line two',
      'folded: >-',
      '  a',
      '  b',
      'multi: plain',
      '  continued',
      'indented:',
      '  b: 1',
      '    # a comment deeper than the keys',
      '  c: 2',
      'same: 1',
      'same: 2',
      'numbers: [1]',
    ].join('\n');
    expect(parseFast(text, 'x.yml', MAX_NESTING)).toBeUndefined(); // a flow collection: the composer's
    const blockOnly = text.replace('numbers: [1]', 'numbers: 0x1F');
    expect(parseFast(blockOnly, 'x.yml', MAX_NESTING)).toBeDefined();
    const { full, quick } = both('x.yml', blockOnly);
    expect(full.notices).toEqual([]);
    expect(quick).toEqual(full);
  });

  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['merge keys', 'a: &x {p: 1}\nb:\n  <<: *x\n'],
    ['a plain merge key without anchors', 'b:\n  <<:\n    p: 1\n'],
    ['tags', 'a: !custom 1\nb: !!str 2\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a document start marker', '---\na: 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a key without a value', 'a:\n  b\n  c: 1\n'],
    ['a multi-line implicit key', 'a\n b: 1\n'],
    ['a compact nested mapping', 'a: b: 1\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['a comment without a space', 'a: "x"#c\n'],
    ['a bad escape', 'a: "\\q"\n'],
    ['an unterminated quote', 'a: "x\n'],
    ['a sequence at the top', '- a\n- b\n'],
    ['a scalar at the top', 'just text\n'],
    ['an empty file', ''],
    ['only comments', '# nothing\n'],
    ['a key over 1024 characters', `${'k'.repeat(1100)}: 1\n`],
    ['an explicit key', '? a\n: 1\n'],
  ])('hands %s to the composer, with the same result', (_what, text) => {
    expect(parseFast(text, 'x.yml', MAX_NESTING)).toBeUndefined();
    const { full, quick } = both('x.yml', text);
    expect(quick).toEqual(full);
  });

  it('takes a mapping nested exactly as deep as allowed, and hands one level more to the composed path', () => {
    const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(parseFast(nested(MAX_NESTING), 'x.yml', MAX_NESTING)).toBeDefined();
    expect(parseFast(nested(MAX_NESTING + 1), 'x.yml', MAX_NESTING)).toBeUndefined();
    const { full, quick } = both('x.yml', nested(MAX_NESTING + 1));
    expect(quick).toEqual(full);
    expect(full.notices).toEqual([expect.objectContaining({ message: expect.stringContaining(`nested deeper than ${MAX_NESTING} levels`) })]);
  });

  it('hands a mapping nested 10,000 levels deep to the composer (no stack overflow)', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(parseFast(text, 'deep.yml', MAX_NESTING)).toBeUndefined();
    const { full, quick } = both('deep.yml', text);
    expect(quick).toEqual(full);
    expect(full.notices.length).toBeGreaterThan(0);
  });

  it('resolves plain scalars as the yaml package\'s core schema does', () => {
    const samples = ['~', 'null', 'Null', 'NULL', 'nULL', '', 'true', 'True', 'TRUE', 'tRue', 'false', 'FALSE', 'no', 'yes', '0o17', '0o8', '017',
      '-12', '+5', '0x1F', '0X1F', '0xG', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'nan', '1e3', '1.5E-2', '-.5e+1', '.5', '5.', '1.0', '1.50',
      'abc', '0.1.2', '1_000', '12:30', '99999999999999999999', '-0', '2024-01-01'];
    for (const sample of samples) {
      const composed = parseDocument(`v: ${sample}\n`).get('v');
      expect(resolvePlain(sample), JSON.stringify(sample)).toEqual(composed === undefined ? null : composed);
    }
  });
});
