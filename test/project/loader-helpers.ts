// Small real repositories on disk for the loader tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import type { ConfigFile, Node } from '../../src/model.js';
import { parseFast } from '../../src/project/yaml-fast.js';
import { parseLines } from '../../src/project/yaml-lines.js';
import { MAX_NESTING, parseConfigText } from '../../src/project/yaml.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Write `files` (path -> content) below a fresh temp dir (removed at exit) and return its absolute path. */
export function writeRepo(files: Record<string, string | Buffer>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dab-loader-')));
  created.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

/** A plain JS value of a located node (for compact assertions). */
export function plain(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  return Object.fromEntries([...node.entries].map(([k, v]) => [k, plain(v)]));
}

export function at(node: Node | undefined, ...keys: (string | number)[]): Node | undefined {
  let cur = node;
  for (const key of keys) {
    if (!cur) return undefined;
    if (typeof key === 'number') cur = cur.kind === 'seq' ? cur.items[key] : undefined;
    else cur = cur.kind === 'map' ? cur.entries.get(key) : undefined;
  }
  return cur;
}

/** `text` parsed as databricks.yml, after checking that `path` is the parse path that takes it. */
export function parsedOn(path: 'line path' | 'CST fast path' | 'composer', text: string): ConfigFile {
  expect(parseLines(text, 'databricks.yml', MAX_NESTING) !== undefined).toBe(path === 'line path');
  expect(parseFast(text, 'databricks.yml', MAX_NESTING) !== undefined).toBe(path !== 'composer');
  return parseConfigText('databricks.yml', text).file;
}
