import ignore from 'ignore';
import type { Bundle, Check, Loc, RawFinding } from '../model.js';
import { cleanPattern } from '../project/sync.js';
import { evidenceAt } from './lib/evidence.js';

const matchesByBundle = new WeakMap<Bundle, Map<string, boolean>>();

/** Whether a gitignore-style pattern (relative to the bundle root) matches any file below the root (cli libs/fileset GlobSet). */
function matchesAnyFile(bundle: Bundle, pattern: string): boolean {
  let cache = matchesByBundle.get(bundle);
  if (!cache) matchesByBundle.set(bundle, (cache = new Map()));
  const known = cache.get(pattern);
  if (known !== undefined) return known;
  let found = false;
  try {
    const ig = ignore({ allowRelativePaths: true }).add(cleanPattern(pattern));
    found = bundle.fileIndex.list().some((file) => ig.ignores(file));
  } catch {
    found = true; // a pattern the matcher cannot read is not reported as matching nothing
  }
  cache.set(pattern, found);
  return found;
}

export const syncPatternUnmatched: Check = {
  id: 'sync-pattern-unmatched',
  category: 'File Sync Configuration',
  severity: 'medium',
  effortHours: 0.1,
  title: 'Sync patterns match files',
  successMessage: 'Every sync.include pattern matches a file, and the sync uploads something.',
  docs: `\`bundle validate\` checks each \`sync.include\` and \`sync.exclude\` pattern against the files below the bundle
root and warns \`Pattern <p> does not match any files\`. An include that matches nothing uploads nothing (the
wheel or config it was meant to bring is missing at run time); when an artifact build may create the files
first it is reported as low. An exclude that matches nothing changes nothing (defensive excludes such as
\`.venv\` match only on a developer's machine), so dab-ready does not report it. When \`sync.paths\` is set
but nothing at all would be uploaded it warns \`There are no files to sync, please check your .gitignore and
sync.exclude configuration\`.
Fix: correct the pattern (patterns are relative to the file that writes them, gitignore syntax), or remove it.
Reference: https://docs.databricks.com/dev-tools/bundles/settings#sync ; https://github.com/databricks/cli/blob/main/bundle/config/validate/validate_sync_patterns.go ; https://github.com/databricks/cli/blob/main/bundle/config/validate/files_to_sync.go`,
  breaksDeploy: false,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    // `bundle deploy` builds artifacts before it syncs: an include may name what a build creates.
    const builds = target.artifacts.some((a) => a.build !== undefined);
    const check = (patterns: string[], locs: Loc[], section: string) => {
      patterns.forEach((pattern, i) => {
        const body = pattern.replace(/^!/, '');
        if (body.startsWith('../') || body === '..' || matchesAnyFile(bundle, body)) return;
        const loc = locs[i];
        findings.push({
          check: 'sync-pattern-unmatched',
          ...(builds ? { severity: 'low' as const } : {}),
          message: `Pattern ${pattern} does not match any files (${section}[${i}])${section === 'sync.include' && builds ? ' yet; an artifact build may create them before the sync' : ''}`,
          ...(loc ? { loc, evidence: evidenceAt(bundle, loc, 0, 0) } : {}),
          impact: 'Nothing is uploaded for this pattern: files meant to be synced are missing at run time.',
          fix: { text: 'Correct the pattern (gitignore syntax, relative to the file that writes it) or remove it.' },
        });
      });
    };
    // An exclude that matches nothing changes nothing: the CLI warns, but defensive excludes (.venv,
    // *.pyc) match only on a developer's machine, so dab-ready leaves them alone.
    check(target.sync.include, target.sync.includeLocs, 'sync.include');
    const candidates = (dir: string) => (bundle.fileIndex.kind(dir) === 'dir' ? bundle.fileIndex.list(dir) : []);
    if (target.sync.paths.length > 0 && !target.sync.paths.some((dir) => candidates(dir).some((file) => target.syncVerdict(file).synced))) {
      const loc = target.sync.excludeLocs[0];
      findings.push({
        check: 'sync-pattern-unmatched',
        message:
          target.sync.exclude.length === 0
            ? 'There are no files to sync, please check your .gitignore'
            : 'There are no files to sync, please check your .gitignore and sync.exclude configuration',
        ...(loc ? { loc, evidence: evidenceAt(bundle, loc, 0, 0) } : {}),
        impact: 'The deploy uploads no files: every notebook and file task fails at run time.',
        fix: { text: 'Check .gitignore, sync.paths and sync.exclude: they exclude everything.' },
      });
    }
    return findings;
  },
};
