// Which files `databricks bundle deploy` uploads (reference §8): files under `sync.paths` that no git
// ignore rule excludes, plus `sync.include` matches, minus `sync.exclude` matches (exclude wins);
// `.git` and `.databricks` never.
//
// Ignore rules are the CLI's (cli libs/git/repository.go `Ignore`): for every directory from the
// repository root down to the file, that directory's rule files (`.gitignore`, and at the root also
// `.git/info/exclude` and the hardcoded `.git`) are tested with the path relative to it; the file is
// ignored when ANY of them ignores it. Within one file the last matching rule wins and a negation
// works as in git; a negation in a nested `.gitignore` cannot re-include what a parent `.gitignore`
// ignores (git would). `negationAcrossFiles: 'git'` switches to git's precedence instead.

import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { FileIndex, Loc, SyncConfig, SyncVerdict } from '../model.js';
import { normalizeRel } from './files.js';

export interface SyncMatcherOptions {
  /** 'cli' (default): what the Databricks CLI does. 'git': what `git check-ignore` does. */
  negationAcrossFiles?: 'cli' | 'git';
  /** The repository boundary: sync paths that leave it are not followed (path-outside-repository reports
   *  them), and no rule file outside it is read. Default: the nearest git root (or the sync root). */
  repoRoot?: string;
}

interface RuleFile {
  /** Where the rules' paths are relative to, relative to the git root ('.' for the root). */
  base: string;
  /** The rule file, relative to the bundle root (for the verdict's loc). */
  file?: string;
  ig: Ignore;
}

const ALWAYS_EXCLUDED = new Set(['.git', '.databricks']);

function isInside(rel: string): boolean {
  return rel !== '..' && !rel.startsWith('../');
}


function readTextFile(abs: string): string | undefined {
  try {
    const st = fs.statSync(abs);
    if (!st.isFile() || st.size > 1024 * 1024) return undefined;
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/** The directory holding `.git` at or above `absDir` (not above `ceiling`), or undefined outside any repository. */
function findGitRoot(absDir: string, ceiling?: string): string | undefined {
  let dir = absDir;
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir || dir === ceiling) return undefined;
    dir = parent;
  }
}

/** The `.git` directory of a repository (following a `gitdir:` file of worktrees/submodules). */
function gitDir(gitRoot: string): string {
  const dotGit = path.join(gitRoot, '.git');
  const text = readTextFile(dotGit);
  const m = text ? /^gitdir:\s*(.+)$/m.exec(text) : null;
  return m ? path.resolve(gitRoot, m[1].trim()) : dotGit;
}

/** Gitignore-style patterns as an Ignore; `mark` keeps the index of the pattern. */
function compilePatterns(patterns: string[]): Ignore {
  const ig = ignore({ allowRelativePaths: true });
  patterns.forEach((p, i) => ig.add({ pattern: cleanPattern(p), mark: String(i) }));
  return ig;
}

/** The CLI cleans include/exclude patterns (filepath.Clean): `./dist/*.whl` is `dist/*.whl`. */
export function cleanPattern(pattern: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const trailing = body.endsWith('/') ? '/' : '';
  const anchored = body.startsWith('/') ? '/' : '';
  let cleaned = path.posix.normalize(body);
  if (cleaned === '.' || cleaned === './') cleaned = '';
  cleaned = cleaned.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
  return (negated ? '!' : '') + anchored + cleaned + (cleaned ? trailing : '');
}

function safeTest(ig: Ignore, p: string): ReturnType<Ignore['test']> {
  try {
    return ig.test(p);
  } catch {
    return { ignored: false, unignored: false };
  }
}

export function createSyncMatcher(
  fileIndex: FileIndex,
  sync: SyncConfig,
  options: SyncMatcherOptions = {},
): (file: string) => SyncVerdict {
  const gitMode = options.negationAcrossFiles === 'git';
  const bundleAbs = path.resolve(fileIndex.root);
  const repoAbs = options.repoRoot ? path.resolve(options.repoRoot) : undefined;
  const inRepository = (p: string) => !repoAbs || isInside(path.relative(repoAbs, path.resolve(bundleAbs, p)).split(path.sep).join('/') || '.');
  const syncPaths = sync.paths.map(normalizeRel).filter(inRepository);
  /** `b` relative to `a`, both relative to the bundle root. */
  const relativeTo = (a: string, b: string): string =>
    path.relative(path.resolve(bundleAbs, a), path.resolve(bundleAbs, b)).split(path.sep).join('/') || '.';

  // The sync root: the common ancestor of the bundle root and every sync path (cli sync_infer_root.go).
  let syncRoot = '.';
  for (const p of syncPaths) {
    while (relativeTo(syncRoot, p).startsWith('..')) syncRoot = normalizeRel(`${syncRoot}/..`);
  }
  const syncRootAbs = path.resolve(bundleAbs, syncRoot);
  const gitRootAbs = findGitRoot(syncRootAbs, repoAbs) ?? syncRootAbs;
  const bundleFromGit = path.relative(gitRootAbs, bundleAbs).split(path.sep).join('/') || '.';
  const toGitRel = (file: string): string => normalizeRel(bundleFromGit === '.' ? file : `${bundleFromGit}/${file}`);

  // include/exclude are relative to the bundle root; the CLI joins them onto the bundle directory
  // relative to the sync root, and tests paths relative to the sync root.
  const bundleFromSyncRoot = path.relative(syncRootAbs, bundleAbs).split(path.sep).join('/') || '.';
  const rebase = (p: string): string => {
    if (bundleFromSyncRoot === '.') return p;
    const negated = p.startsWith('!');
    return (negated ? '!' : '') + path.posix.join(bundleFromSyncRoot, negated ? p.slice(1) : p);
  };
  const include = compilePatterns(sync.include.map(rebase));
  const exclude = compilePatterns(sync.exclude.map(rebase));

  // Rule files per directory (relative to the git root), read once.
  const ruleFiles = new Map<string, RuleFile[]>();
  function rulesAt(dir: string): RuleFile[] {
    let rules = ruleFiles.get(dir);
    if (rules) return rules;
    rules = [];
    const dirAbs = path.resolve(gitRootAbs, dir);
    if (dir === '.') {
      rules.push({ base: '.', ig: ignore().add('.git') });
      const excludeAbs = path.join(gitDir(gitRootAbs), 'info', 'exclude');
      const r = ruleFile(excludeAbs, '.');
      if (r) rules.push(r);
    }
    const r = ruleFile(path.join(dirAbs, '.gitignore'), dir);
    if (r) rules.push(r);
    ruleFiles.set(dir, rules);
    return rules;
  }

  function ruleFile(abs: string, base: string): RuleFile | undefined {
    const text = readTextFile(abs);
    if (text === undefined) return undefined;
    const ig = ignore();
    text.split(/\r?\n/).forEach((line, i) => {
      ig.add({ pattern: line, mark: String(i + 1) });
    });
    const file = path.relative(bundleAbs, abs).split(path.sep).join('/');
    return { base, file, ig };
  }

  function gitignoreLoc(rule: RuleFile, mark?: string): Loc | undefined {
    if (!rule.file) return undefined;
    return { file: rule.file, line: Number(mark ?? 1), column: 1 };
  }

  // Verdicts per ignore lookup are cached by path (directories included).
  const ignoredCache = new Map<string, SyncVerdict['reason'] | null>();

  // For each directory (relative to the git root): the levels from the root down that have rules,
  // with the offset where the path relative to that level starts.
  const levelsCache = new Map<string, { rules: RuleFile[]; offset: number }[]>();
  function levelsFor(dir: string): { rules: RuleFile[]; offset: number }[] {
    let levels = levelsCache.get(dir);
    if (levels) return levels;
    if (dir === '.') levels = [{ rules: rulesAt('.'), offset: 0 }];
    else {
      const slash = dir.lastIndexOf('/');
      levels = [...levelsFor(slash < 0 ? '.' : dir.slice(0, slash)), { rules: rulesAt(dir), offset: dir.length + 1 }];
    }
    levels = levels.filter((l) => l.rules.length > 0);
    levelsCache.set(dir, levels);
    return levels;
  }

  /** CLI semantics: any level that ignores the path (or a parent, within that level) ignores it. */
  function ignoredCli(gitRel: string): SyncVerdict['reason'] | undefined {
    const slash = gitRel.lastIndexOf('/');
    for (const level of levelsFor(slash < 0 ? '.' : gitRel.slice(0, slash))) {
      const suffix = level.offset === 0 ? gitRel : gitRel.slice(level.offset);
      for (const rule of level.rules) {
        const r = safeTest(rule.ig, suffix);
        if (r.ignored) return { kind: 'gitignore', pattern: r.rule?.pattern, loc: gitignoreLoc(rule, r.rule?.mark) };
      }
    }
    return undefined;
  }

  /** Git semantics: an ignored parent directory settles it; else the deepest file with a match decides. */
  function ignoredGit(gitRel: string, isDir: boolean): SyncVerdict['reason'] | undefined {
    const key = gitRel + (isDir ? '/' : '');
    const cached = ignoredCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const parts = gitRel.split('/');
    let reason: SyncVerdict['reason'] | undefined;
    if (parts.length > 1) reason = ignoredGit(parts.slice(0, -1).join('/'), true);
    if (!reason) {
      for (let i = parts.length - 1; i >= 0 && !reason; i--) {
        const dir = i === 0 ? '.' : parts.slice(0, i).join('/');
        const suffix = parts.slice(i).join('/') + (isDir ? '/' : '');
        let decided = false;
        const rules = rulesAt(dir);
        for (let k = rules.length - 1; k >= 0; k--) {
          const r = safeTest(rules[k].ig, suffix);
          if (r.ignored) reason = { kind: 'gitignore', pattern: r.rule?.pattern, loc: gitignoreLoc(rules[k], r.rule?.mark) };
          if (r.ignored || r.unignored) {
            decided = true;
            break;
          }
        }
        if (decided) break;
      }
    }
    ignoredCache.set(key, reason ?? null);
    return reason;
  }

  function underSyncPaths(file: string): boolean {
    return syncPaths.some((p) => (p === '.' ? isInside(file) : file === p || isInside(relativeTo(p, file))));
  }

  function patternMatch(ig: Ignore, patterns: string[], locs: Loc[], fromSyncRoot: string): { pattern: string; loc?: Loc } | undefined {
    if (patterns.length === 0) return undefined;
    const r = safeTest(ig, fromSyncRoot);
    if (!r.ignored) return undefined;
    const index = Number(r.rule?.mark ?? -1);
    return { pattern: patterns[index] ?? r.rule?.pattern ?? '', loc: locs[index] };
  }

  const NEEDS_NORMALIZING = /(^|\/)\.{1,2}(\/|$)|\/\/|\/$|^$/;
  return (fileIn: string): SyncVerdict => {
    const file = NEEDS_NORMALIZING.test(fileIn) ? normalizeRel(fileIn) : fileIn;
    if (file.includes('.git') || file.includes('.databricks')) {
      if (file.split('/').some((s) => ALWAYS_EXCLUDED.has(s))) return { synced: false, reason: { kind: 'always-excluded' } };
    }
    const fromSyncRoot = bundleFromSyncRoot === '.' ? file : normalizeRel(`${bundleFromSyncRoot}/${file}`);
    if (!isInside(fromSyncRoot)) return { synced: false, reason: { kind: 'outside-sync-paths' } };

    const excluded = patternMatch(exclude, sync.exclude, sync.excludeLocs, fromSyncRoot);
    if (excluded) return { synced: false, reason: { kind: 'sync.exclude', pattern: excluded.pattern, loc: excluded.loc } };
    if (patternMatch(include, sync.include, sync.includeLocs, fromSyncRoot)) return { synced: true };

    if (!underSyncPaths(file)) return { synced: false, reason: { kind: 'outside-sync-paths' } };
    const gitRel = bundleFromGit === '.' ? file : toGitRel(file);
    if (!isInside(gitRel)) return { synced: true };
    const reason = gitMode ? ignoredGit(gitRel, false) : ignoredCli(gitRel);
    return reason ? { synced: false, reason } : { synced: true };
  };
}
