import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertPathInWorkspace } from '../../src/github/paths.js';

describe('assertPathInWorkspace (the action refuses a path outside GITHUB_WORKSPACE)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-test-ws-'));
  const ws = path.join(root, 'ws');
  mkdirSync(path.join(ws, 'bundles', 'a'), { recursive: true });
  mkdirSync(path.join(ws, '..hidden'));
  mkdirSync(path.join(root, 'ws2'));
  symlinkSync(path.join(root, 'ws2'), path.join(ws, 'escape'));
  const env = { GITHUB_WORKSPACE: ws };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('accepts the workspace itself and folders inside it', () => {
    for (const p of ['.', 'bundles/a', './bundles/../bundles', '..hidden', path.join(ws, 'bundles'), 'not-yet-there']) {
      expect(() => assertPathInWorkspace(p, env, ws), p).not.toThrow();
    }
  });

  it('refuses ../ws2, an absolute path elsewhere and a symlink that leaves the checkout, in one line', () => {
    for (const p of ['../ws2', path.join(root, 'ws2'), '/', 'escape', 'bundles/../../ws2']) {
      expect(() => assertPathInWorkspace(p, env, ws), p).toThrow(/^path: .+ is outside the workspace \(.+\); give a folder inside the repository checkout$/);
    }
    expect(() => assertPathInWorkspace('../ws2', env, ws)).toThrow(`path: ../ws2 is outside the workspace (${ws})`);
  });

  it('without GITHUB_WORKSPACE, the working folder is the workspace', () => {
    expect(() => assertPathInWorkspace('..', {}, ws)).toThrow(/outside the workspace/);
    expect(() => assertPathInWorkspace('bundles', {}, ws)).not.toThrow();
  });
});
