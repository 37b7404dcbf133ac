// The shipped CLI schema: its provenance matches the file, and scripts/refresh-schema.mjs replaces it
// (run on a copy of scripts/ and schema/ in a temporary folder, with the real node).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
let tmp: string | undefined;

function copyOfRepoParts(): string {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-schema-refresh-'));
  cpSync(path.join(repo, 'schema'), path.join(tmp, 'schema'), { recursive: true });
  cpSync(path.join(repo, 'scripts', 'refresh-schema.mjs'), path.join(tmp, 'scripts', 'refresh-schema.mjs'));
  return tmp;
}
const refresh = (dir: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(dir, 'scripts', 'refresh-schema.mjs'), ...args], { encoding: 'utf8' });

afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

describe('the shipped bundle JSON Schema', () => {
  it('is the file provenance.json names, with the Databricks license beside it', () => {
    const provenance = JSON.parse(readFileSync(path.join(repo, 'schema', 'provenance.json'), 'utf8'));
    expect(sha256(readFileSync(path.join(repo, 'schema', provenance.file)))).toBe(provenance.sha256);
    expect(provenance.source).toContain(provenance.commit);
    expect(readFileSync(path.join(repo, 'schema', 'LICENSE'), 'utf8')).toContain('Databricks License');
  });

  it('is replaced by refresh-schema.mjs, which records the new commit, version and hash', () => {
    const dir = copyOfRepoParts();
    const newer = JSON.parse(readFileSync(path.join(repo, 'schema', 'databricks-bundle.schema.json'), 'utf8'));
    newer.properties.experimental_marker = { type: 'string' };
    const source = path.join(dir, 'newer.json');
    writeFileSync(source, JSON.stringify(newer));
    const r = refresh(dir, [source, '--commit', 'abcdef1', '--cli-version', '1.14.0', '--date', '2026-12-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^schema\/databricks-bundle\.schema\.json: CLI 1\.14\.0 \(abcdef1\), \d+ resource types/);
    expect(readFileSync(path.join(dir, 'schema', 'databricks-bundle.schema.json'))).toEqual(readFileSync(source));
    const provenance = JSON.parse(readFileSync(path.join(dir, 'schema', 'provenance.json'), 'utf8'));
    expect(provenance).toMatchObject({ commit: 'abcdef1', cliVersion: '1.14.0', commitDate: '2026-12-01', sha256: sha256(readFileSync(source)) });
  });

  it('refuses a file that is not the CLI’s bundle schema, or missing arguments, and leaves the shipped one alone', () => {
    const dir = copyOfRepoParts();
    const before = readFileSync(path.join(dir, 'schema', 'databricks-bundle.schema.json'));
    const source = path.join(dir, 'other.json');
    writeFileSync(source, JSON.stringify({ $defs: {}, properties: {} }));
    const wrong = refresh(dir, [source, '--commit', 'abcdef1', '--cli-version', '1.14.0', '--date', '2026-12-01']);
    expect([wrong.status, wrong.stderr.trim()]).toEqual([1, `${source} does not look like the bundle schema of the Databricks CLI ($defs, properties.resources/targets, config.Resources.jobs)`]);
    writeFileSync(source, '{ not json');
    expect(refresh(dir, [source, '--commit', 'abcdef1', '--cli-version', '1.14.0', '--date', '2026-12-01']).status).toBe(1);
    expect(refresh(dir, [source]).status).toBe(2);
    expect(readFileSync(path.join(dir, 'schema', 'databricks-bundle.schema.json'))).toEqual(before);
  });
});
