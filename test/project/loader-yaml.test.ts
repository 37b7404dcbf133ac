import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine.js';
import { MAX_CONFIG_BYTES, MAX_NESTING, parseConfigText, readConfigFile } from '../../src/project/yaml.js';
import { at, plain, writeRepo } from './loader-helpers.js';

describe('parseConfigText', () => {
  it('locates every value (1-based line and column) and keeps key locations', () => {
    const { file, notices } = parseConfigText('databricks.yml', 'bundle:\n  name: demo\nlist:\n  - a\n  - b: 2\n');
    expect(notices).toEqual([]);
    expect(at(file.root, 'bundle', 'name')?.loc).toEqual({ file: 'databricks.yml', line: 2, column: 9 });
    expect(at(file.root, 'list', 1, 'b')?.loc).toEqual({ file: 'databricks.yml', line: 5, column: 8 });
    expect((at(file.root, 'bundle') as any).keyLocs.get('name')).toEqual({ file: 'databricks.yml', line: 2, column: 3 });
    expect(file.lines[1]).toBe('  name: demo');
  });

  it('reads only the first document', () => {
    const { file, notices } = parseConfigText('a.yml', 'a: 1\n---\nb: 2\n');
    expect(notices).toEqual([]);
    expect(plain(file.root)).toEqual({ a: 1 });
  });

  it('applies anchors, aliases and merge keys; explicit keys win, then earlier merge sources', () => {
    const text = [
      'defs:',
      '  a: &a {x: 1, y: 1}', // 2
      '  b: &b {y: 2, z: 2}', // 3
      'one:',
      '  <<: *a', // 5
      '  y: own',
      'two:',
      '  <<: [*a, *b]', // 8
      'alias: *b', // 9
      '',
    ].join('\n');
    const { file, notices } = parseConfigText('databricks.yml', text);
    expect(notices).toEqual([]);
    expect(plain(at(file.root, 'one'))).toEqual({ x: 1, y: 'own' });
    expect(plain(at(file.root, 'two'))).toEqual({ x: 1, y: 1, z: 2 });
    // The alias is located where it is used; the values it holds where they are written.
    expect(at(file.root, 'alias')?.loc.line).toBe(9);
    expect(at(file.root, 'alias', 'z')?.loc.line).toBe(3);
    // A merged key is located at the merge key that brought it.
    expect((at(file.root, 'two') as any).keyLocs.get('z').line).toBe(8);
  });

  it('a second merge key in one mapping is config-invalid', () => {
    const { file, notices } = parseConfigText('databricks.yml', 'a: &a {x: 1}\nb: &b {y: 1}\nc:\n  <<: *a\n  <<: *b\n');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ check: 'config-invalid', loc: { file: 'databricks.yml', line: 5 } });
    expect(notices[0].message).toContain("duplicate YAML merge key ('<<') is not allowed");
    expect(plain(at(file.root, 'c'))).toEqual({ x: 1 });
  });

  it('custom tags are config-invalid (unknown tag) at their line, the rest is kept', () => {
    const { file, notices } = parseConfigText('databricks.yml', 'a: 1\nb: !Ref thing\nc: 3\n');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ check: 'config-invalid', loc: { line: 2 } });
    expect(notices[0].message).toContain('unknown tag: !Ref');
    expect(plain(file.root)).toMatchObject({ a: 1, c: 3 });
  });

  it('syntax errors report the parser message at the line, and what could be read is kept', () => {
    const { file, notices } = parseConfigText('resources/x.yml', 'good: 1\nbad: [1, 2\n');
    expect(notices.length).toBeGreaterThan(0);
    expect(notices[0]).toMatchObject({ check: 'config-invalid', loc: { file: 'resources/x.yml' } });
    expect(notices[0].loc!.line).toBeGreaterThanOrEqual(2);
    expect(at(file.root, 'good')).toMatchObject({ value: 1 });
  });

  it('tabs used as indentation are an error at their line', () => {
    const { notices } = parseConfigText('databricks.yml', 'a:\n  b: 1\nc:\n\td: 1\n');
    expect(notices[0]).toMatchObject({ check: 'config-invalid', loc: { line: 4 } });
    expect(notices[0].message).toMatch(/tab/i);
  });

  it('a BOM is stripped and CRLF line ends are fine', () => {
    const { file, notices } = parseConfigText('databricks.yml', '\ufeffbundle:\r\n  name: x\r\nb: 2\r\n');
    expect(notices).toEqual([]);
    expect(plain(file.root)).toEqual({ bundle: { name: 'x' }, b: 2 });
    expect(at(file.root, 'b')?.loc.line).toBe(3);
    expect(file.lines[1]).toBe('  name: x');
  });

  it('cyclic aliases are config-invalid, not a hang', () => {
    const { file, notices } = parseConfigText('databricks.yml', 'a: &a [1, *a]\nb: 2\n');
    expect(notices.some((n) => n.check === 'config-invalid' && /cyclic/.test(n.message) && n.loc?.line === 1)).toBe(true);
    expect(at(file.root, 'b')).toMatchObject({ value: 2 });
  });

  it('an alias to an unknown anchor is config-invalid', () => {
    const { notices } = parseConfigText('databricks.yml', 'a: 1\nb: *nope\n');
    expect(notices[0]).toMatchObject({ check: 'config-invalid', loc: { line: 2 } });
  });

  it('billion laughs: alias expansion is bounded, reported once, and fast', () => {
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    lines.push('after: kept');
    const started = Date.now();
    const { file, notices } = parseConfigText('databricks.yml', lines.join('\n') + '\n');
    expect(Date.now() - started).toBeLessThan(3000);
    const explosions = notices.filter((n) => /expand to more than/.test(n.message));
    expect(explosions).toHaveLength(1);
    expect(explosions[0].loc!.line).toBeGreaterThan(1);
    expect(at(file.root, 'after')).toMatchObject({ value: 'kept' });
  });

  it('a file that is not a mapping is config-invalid', () => {
    const { file, notices } = parseConfigText('databricks.yml', '- 1\n- 2\n');
    expect(file.root).toBeUndefined();
    expect(notices[0]).toMatchObject({ check: 'config-invalid', loc: { line: 1 } });
  });

  it('an empty file is an empty configuration', () => {
    const { file, notices } = parseConfigText('databricks.yml', '');
    expect(notices).toEqual([]);
    expect(plain(file.root)).toEqual({});
  });

  it('JSON parses the same way', () => {
    const { file, notices } = parseConfigText('x.json', '{\n  "resources": {\n    "jobs": {"j": {"name": "n"}}\n  }\n}\n');
    expect(notices).toEqual([]);
    expect(at(file.root, 'resources', 'jobs', 'j', 'name')).toMatchObject({ value: 'n', loc: { line: 3 } });
  });
});

describe('readConfigFile', () => {
  it('refuses binary content with a notice', () => {
    const dir = writeRepo({ 'bin.yml': Buffer.from([0x61, 0x3a, 0x00, 0x01, 0x02]) });
    const { file, notices } = readConfigFile(path.join(dir, 'bin.yml'), 'bin.yml');
    expect(file.root).toBeUndefined();
    expect(notices).toEqual([expect.objectContaining({ check: 'config-invalid', message: 'bin.yml: not a text file', loc: { file: 'bin.yml', line: 1, column: 1 } })]);
  });

  it('refuses files over the size limit without reading them', () => {
    const dir = writeRepo({});
    const big = path.join(dir, 'big.yml');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 50 * 1024 * 1024); // sparse: 50 MB
    fs.closeSync(fd);
    expect(fs.statSync(big).size).toBeGreaterThan(MAX_CONFIG_BYTES);
    const started = Date.now();
    const { file, notices } = readConfigFile(big, 'big.yml');
    expect(Date.now() - started).toBeLessThan(500);
    expect(file.root).toBeUndefined();
    expect(notices[0]).toMatchObject({ check: 'config-invalid', loc: { file: 'big.yml', line: 1 } });
    expect(notices[0].message).toMatch(/50\.0 MB/);
  });
});

describe('hostile nesting', () => {
  it('deeply nested YAML is a finding, not a crash', () => {
    const depth = 100_000;
    const { notices } = parseConfigText('deep.yml', 'a: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n');
    expect(notices.length).toBeGreaterThan(0);
    expect(notices[0]).toMatchObject({ check: 'config-invalid', loc: { file: 'deep.yml' } });
  });

  const cases: [string, string, number][] = [
    ['block sequences on one line', 'x:\n  ' + '- '.repeat(20_000) + 'v\n', 2],
    ['block mappings, one per line', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('') + `${' '.repeat(3000)}v\n`, MAX_NESTING + 1],
    ['flow sequences under the old flow limit', 'x: ' + '['.repeat(900) + ']'.repeat(900) + '\n', 1],
    ['flow mappings', 'x: ' + '{a: '.repeat(600) + '1' + '}'.repeat(600) + '\n', 1],
  ];
  for (const [name, text, line] of cases) {
    it(`${name}: "nested deeper than ${MAX_NESTING} levels" at the line, never a stack overflow`, () => {
      const { file, notices } = parseConfigText('deep.yml', text);
      expect(file.root).toBeUndefined();
      expect(notices).toEqual([
        { check: 'config-invalid', severity: 'high', message: `deep.yml: the YAML is nested deeper than ${MAX_NESTING} levels; not read`, loc: expect.objectContaining({ file: 'deep.yml', line }) },
      ]);
    });
  }

  it('aliases that nest anchors into each other past the limit: that alias is ignored, with a finding', () => {
    let text = 'bundle:\n  name: deep\nx0: &a0 ' + '['.repeat(100) + '1' + ']'.repeat(100) + '\n';
    for (let i = 1; i < 5; i++) text += `x${i}: &a${i} ${'['.repeat(100)}*a${i - 1}${']'.repeat(100)}\n`;
    const { file, notices } = parseConfigText('deep.yml', text);
    expect(notices).toEqual([
      { check: 'config-invalid', severity: 'high', message: `deep.yml: alias '*a0' nests the YAML deeper than ${MAX_NESTING} levels; alias ignored`, loc: expect.objectContaining({ line: 4 }) },
    ]);
    expect(file.root?.entries.get('x0')).toBeDefined();
  });

  it('nesting at the limit is read, and every check walks it without a stack overflow', async () => {
    const depth = MAX_NESTING - 8; // the job's own levels come on top
    const deep = '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
    const dir = writeRepo({
      'databricks.yml': `bundle:\n  name: deep\nresources:\n  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ./nb.py\n            base_parameters: ${deep}\n`,
      'nb.py': '# Databricks notebook source\n',
    });
    const { result } = await analyse({ path: dir, env: {} });
    const all = [...result.notices, ...result.bundles.flatMap((b) => b.findings)];
    expect(all.filter((f) => f.check === 'internal-error' || /stack|nested deeper/i.test(f.message))).toEqual([]);
  });
});
