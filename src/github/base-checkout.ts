// Analyse the pull request's base commit in a temporary `git worktree` (real git, argument arrays),
// so the comment can say what this pull request changed. Needs the base commit in the checkout
// (actions/checkout with `fetch-depth: 0`); otherwise the caller falls back to the previous comment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../model.js';
import { toolEnv } from '../verify/environment.js';
import { run } from '../verify/runner.js';
import { makeTempDir, removeTempDir } from '../verify/temp.js';

export interface BaseAnalysis {
  result?: Result;
  /** Why there is no base result (history missing, no bundle at base, ...). */
  skipped?: string;
}

export interface BaseCheckoutOptions {
  /** The analysed folder of the head checkout (the `path` input, resolved). */
  path: string;
  sha: string;
  /** Runs the same analysis on a folder. */
  analyse: (folder: string) => Promise<Result>;
  tempDir?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export async function analyseBaseCommit(options: BaseCheckoutOptions): Promise<BaseAnalysis> {
  if (!/^[0-9a-f]{7,64}$/i.test(options.sha)) return { skipped: `not a commit id: ${options.sha}` };
  const git = (args: string[], cwd: string) =>
    run(['git', ...args], { cwd, env: { ...toolEnv(options.env ?? process.env), GIT_TERMINAL_PROMPT: '0' }, timeoutMs: options.timeoutMs ?? 120_000, maxBytes: 256 * 1024, purpose: 'the base-commit checkout' });
  const folder = path.resolve(options.path);
  const top = await git(['rev-parse', '--show-toplevel', '--show-prefix'], folder);
  if (top.exitCode !== 0) return { skipped: 'not a git checkout' };
  const [toplevel, rawPrefix = ''] = top.stdout.split('\n');
  const prefix = rawPrefix.trim().replace(/\/+$/, '');
  const present = await git(['cat-file', '-e', `${options.sha}^{commit}`], toplevel);
  if (present.exitCode !== 0) return { skipped: `base commit ${options.sha.slice(0, 12)} is not in the checkout (use actions/checkout with fetch-depth: 0)` };

  const parent = makeTempDir('dab-ready-base-', options.tempDir ?? os.tmpdir());
  const worktree = path.join(parent, 'base');
  try {
    const added = await git(['worktree', 'add', '--detach', worktree, options.sha], toplevel);
    if (added.exitCode !== 0) return { skipped: `git worktree add failed: ${(added.stderr.trim().split('\n').pop() ?? '').slice(0, 200)}` };
    const baseFolder = path.join(worktree, prefix);
    if (!fs.existsSync(baseFolder)) return { skipped: `${prefix || '.'} does not exist at the base commit` };
    try {
      return { result: await options.analyse(baseFolder) };
    } catch (error) {
      return { skipped: `the base commit could not be analysed: ${(error as Error).message.split('\n')[0]}` };
    }
  } finally {
    await git(['worktree', 'remove', '--force', worktree], toplevel);
    removeTempDir(parent);
    await git(['worktree', 'prune'], toplevel);
  }
}

/** Repository-relative files that differ between the base commit and the checked-out head, or
 *  undefined when git cannot tell (no history, not a checkout). */
export async function changedFiles(folder: string, baseSha: string, env: NodeJS.ProcessEnv = process.env): Promise<string[] | undefined> {
  if (!/^[0-9a-f]{7,64}$/i.test(baseSha)) return undefined;
  const cwd = path.resolve(folder);
  const opts = { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, timeoutMs: 60_000, maxBytes: 4 * 1024 * 1024 };
  const top = await run(['git', 'rev-parse', '--show-toplevel'], opts);
  if (top.exitCode !== 0) return undefined;
  const diff = await run(['git', 'diff', '--name-only', '-z', baseSha, 'HEAD'], { ...opts, cwd: top.stdout.trim() });
  if (diff.exitCode !== 0) return undefined;
  return diff.stdout.split('\0').filter(Boolean);
}
