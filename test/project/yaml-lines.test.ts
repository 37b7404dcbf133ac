// The line path (src/project/yaml-lines.ts) against the full composer: where it takes a file it
// gives the composer's located tree (the composer reporting nothing), over every YAML file of
// ../shared/corpus and ../shared/peer and over hand-made shapes; what it leaves goes on to the
// CST fast path or the composer.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLines } from '../../src/project/yaml-lines.js';
import { MAX_NESTING, parseConfigText } from '../../src/project/yaml.js';
import { sharedPart } from '../support/shared.js';
import { treeShape as shape, yamlFilesBelow as yamlFiles } from '../support/yaml-trees.js';

/** The line path's tree (undefined when it leaves the file) and the composer's tree and findings. */
function both(text: string) {
  const lines = parseLines(text, 'x.yml', MAX_NESTING);
  const full = parseConfigText('x.yml', text, { fast: false });
  return { lines: lines && shape(lines), full: shape(full.file.root), notices: full.notices };
}

function expectSameAsComposer(text: string, label = JSON.stringify(text)) {
  const { lines, full, notices } = both(text);
  expect(lines, label).toBeDefined();
  expect(notices, label).toEqual([]);
  expect(lines, label).toEqual(full);
}

const corpus = sharedPart('corpus');
const peer = sharedPart('peer');

describe('the YAML line path', () => {
  it.skipIf(!corpus.present || !peer.present)('gives the composer\'s tree for every YAML file of ../shared/corpus and ../shared/peer it takes', { ...(corpus.present ? peer : corpus).options, timeout: 120_000 }, (ctx) => {
    const files = [...yamlFiles(corpus.path), ...yamlFiles(peer.path)];
    let taken = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const { lines, full, notices } = both(text);
      if (lines === undefined) continue;
      taken++;
      expect(notices, file).toEqual([]);
      expect(lines, file).toEqual(full);
    }
    expect(files.length).toBeGreaterThan(300);
    expect(taken / files.length).toBeGreaterThan(0.5);
    ctx.annotate(`${taken} of ${files.length} files took the line path`);
  });

  it.each([
    ['mappings and sequences', 'a:\n  b: 1\n  c:\n    - x\n    - y\nd: e\n'],
    ['comments everywhere', '# top\n\na: 1 # after\n  # deeper\nb:\n  # before\n  c: 2\n\n  # between\n  d: 3\n# end\n'],
    ['a comment right after a key', 'a: # note\n  b: 1\n'],
    ['a comment at the first column inside a nested mapping before its first key', 'a:\n# note\n  b: 1\n'],
    ['a trailing comment at the first column after a nested mapping', 'a:\n  b: 1\n# note\nc: 2\n'],
    ['empty values', 'a:\nb:   \nc: # x\nd:\n  -\n  -   \n  - # y\ne:'],
    ['an empty value at the end of the file without a newline', 'a: 1\nb:'],
    ['a sequence at the key\'s column', 'a:\n- x\n- y\nb: 1\n'],
    ['a sequence at the key\'s column, nested', 'a:\n  b:\n  - x\n  - k: 1\n    l: 2\n  c: 3\n'],
    ['mappings in sequences', 'tasks:\n  - task_key: a\n    depends_on:\n      - task_key: b\n    notebook_task:\n      notebook_path: ./x.py\n  -   k: 1\n      l: 2\n'],
    ['a mapping on the line after a dash', 'a:\n  -\n    k: 1\n    l: 2\n  - x\n'],
    ['sequences of sequences on their own lines', 'a:\n  -\n    - 1\n    - 2\n'],
    ['quoted scalars', `a: 'it''s'\nb: "x # y"\nc: ''\nd: ""\ne: 'a: b'\nf: "-1"\n- x: 1\n`.replace('- x: 1\n', 'g: "${var.x}"\n')],
    ['plain scalars with indicators inside', 'a: job ${bundle.target} [x] {y}, z\nb: a:b\nc: a#b\nd: x - y\ne: 12:30\nf: http://h/p?q=1\ng: 1.5\nh: true\ni: ~\nj: 0x1F\nk: 1e3\n'],
    ['keys that are numbers or booleans', '1: a\ntrue: b\n1.0: c\n0x10: d\nnull: f\n'],
    ['keys that are object property names', '__proto__: a\nconstructor: b\ntoString:\n  __proto__: c\nhasOwnProperty: 1\n'],
    ['spaces and odd characters inside keys', 'spark.databricks.cluster.profile: singleNode\nResource Class: x\na-b/c_d$e: 1\n'],
    ['trailing spaces after values', 'a: x   \nb: \'y\'  \nc:\n  - z   \n'],
    ['a repeated key', 'a: 1\nb: 2\na: 3\n'],
    ['deep nesting', 'a:\n  b:\n    c:\n      d:\n        - e:\n            f: 1\n'],
    ['unicode', 'name: "Ünïcødé ✓"\nb: 😀 x\nc: ü\n'],
    ['no newline at the end', 'a:\n  b: 1'],
  ])('gives the composer\'s tree for %s', (_what, text) => {
    expectSameAsComposer(text);
  });

  it.each([
    ['a flow collection', 'a: [1, 2]\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a block scalar', 'a: |\n  x\n'],
    ['a folded scalar', 'a: >-\n  x\n'],
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'a:\n  <<: {b: 1}\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['an escape in double quotes', 'a: "x\\ty"\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a document marker', '---\na: 1\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a more indented line after a scalar', 'a: 1\n  b: 2\n'],
    ['a key without a value', 'a:\n  b\n  c: 1\n'],
    ['a compact nested mapping', 'a: b: 1\n'],
    ['a value ending in a colon', 'a: b:\n'],
    ['a comment without a space', 'a: "x"#c\n'],
    ['a sequence at the top', '- a\n- b\n'],
    ['an indented top', '  a: 1\n'],
    ['a scalar at the top', 'just text\n'],
    ['an empty file', ''],
    ['only comments', '# nothing\n'],
    ['a quoted key', '"a": 1\n'],
    ['a key with a space before the colon', 'a : 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a compact sequence in a sequence', 'a:\n  - - 1\n'],
    ['a sequence item at a mapping\'s column', 'a:\n  b: 1\n  - c\n'],
    ['a mapping key at a sequence\'s column', 'a:\n  - x\n  b: 1\n'],
    ['a less indented comment between entries', 'a:\n  b: 1\n# note\n  c: 2\n'],
    ['a negative number', 'a: -1\n'],
    ['a key over 1000 characters', `${'k'.repeat(1100)}: 1\n`],
    ['a byte-order mark inside', 'a: \ufeffx\n'],
  ])('leaves %s to the other paths, which agree with the composer', (_what, text) => {
    expect(parseLines(text, 'x.yml', MAX_NESTING)).toBeUndefined();
    const quick = parseConfigText('x.yml', text);
    const full = parseConfigText('x.yml', text, { fast: false });
    expect([shape(quick.file.root), quick.notices]).toEqual([shape(full.file.root), full.notices]);
  });

  it('takes a mapping nested exactly as deep as allowed, and leaves one level more', () => {
    const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expectSameAsComposer(nested(MAX_NESTING), 'nested to the limit');
    expect(parseLines(nested(MAX_NESTING + 1), 'x.yml', MAX_NESTING)).toBeUndefined();
    expect(parseLines(Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n', 'x.yml', MAX_NESTING)).toBeUndefined();
  });

  it('places every node of a bench-shaped resources file where the composer does', () => {
    let text = 'resources:\n  jobs:\n';
    for (let job = 0; job < 3; job++) {
      text += `    job_${job}:\n      name: job ${job} \${bundle.target}\n      job_clusters:\n        - job_cluster_key: c\n          new_cluster:\n            spark_version: 15.4.x-scala2.12\n            num_workers: 2\n      tasks:\n`;
      for (let t = 0; t < 3; t++) {
        text += `        - task_key: t${t}\n          job_cluster_key: c\n` + (t ? `          depends_on:\n            - task_key: t${t - 1}\n` : '') +
          `          notebook_task:\n            notebook_path: ../notebooks/nb_${t}.py\n            base_parameters:\n              catalog: \${var.catalog}\n`;
      }
    }
    expectSameAsComposer(text, 'bench file');
  });
});
