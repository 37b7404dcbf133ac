import path from 'node:path';
import type { Bundle, Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { includeMatches, rootIncludes } from './lib/includes.js';

export const includeGlobNonrecursive: Check = {
  id: 'include-glob-nonrecursive',
  category: 'Bundle Configuration',
  severity: 'medium',
  effortHours: 0.25,
  title: '`include` globs do not rely on recursive **',
  successMessage: 'No `include:` entry relies on `**` matching several directory levels.',
  docs: `The CLI expands \`include:\` entries with Go's filepath.Glob: \`*\` never crosses \`/\` and \`**\` is just
\`*\`, so \`resources/**/*.yml\` matches exactly one directory level (resources/a/x.yml) and silently skips
resources/x.yml and resources/a/b/x.yml. The resources in the skipped files are simply not deployed;
nothing fails. (\`**\` in a pipeline \`glob.include\` is fine: only \`include:\` globs are non-recursive.)
Fix: list one glob per level (\`resources/*.yml\`, \`resources/*/*.yml\`, \`resources/*/*/*.yml\`).
Reference: https://docs.databricks.com/dev-tools/bundles/settings#include ; https://github.com/databricks/cli/issues/4831`,
  breaksDeploy: false,
  run(bundle) {
    const findings: RawFinding[] = [];
    const entries = rootIncludes(bundle);
    const matchedByAny = new Set(entries.flatMap((e) => includeMatches(bundle, e.pattern)));
    for (const entry of entries) {
      if (!entry.pattern.includes('**')) continue;
      const missed = recursiveMatches(bundle, entry.pattern).filter((f) => !matchedByAny.has(f));
      const shown = missed.slice(0, 10).join(', ') + (missed.length > 10 ? `, and ${missed.length - 10} more` : '');
      findings.push({
        check: 'include-glob-nonrecursive',
        message:
          missed.length > 0
            ? `include entry "${entry.pattern}" uses **, which matches one directory level only: ${missed.length} file(s) it seems to cover are not loaded: ${shown}`
            : `include entry "${entry.pattern}" uses **, which matches one directory level only (no file is missed today, but deeper files added later will be)`,
        ...(missed.length === 0 ? { severity: 'low' as const } : {}),
        loc: entry.node.loc,
        evidence: evidenceAt(bundle, entry.node.loc, 0, 0),
        impact: missed.length > 0 ? 'Resources defined in the missed files are silently not deployed.' : 'Deeper files added later will be silently ignored.',
        fix: { text: `Replace "${entry.pattern}" with one glob per directory level, e.g. ${levels(entry.pattern).map((l) => `"${l}"`).join(', ')}.` },
      });
    }
    return findings;
  },
};

/** Files a recursive reading of the pattern (`**` = any number of directories) would match. */
function recursiveMatches(bundle: Bundle, pattern: string): string[] {
  const segments = path.posix.normalize(pattern).split('/');
  const firstGlob = segments.findIndex((s) => /[*?[]/.test(s));
  const base = firstGlob <= 0 ? '.' : segments.slice(0, firstGlob).join('/');
  const re = globToRegExp(segments.join('/'));
  let files: string[];
  try {
    files = bundle.fileIndex.list(base);
  } catch {
    return [];
  }
  return files.filter((f) => re.test(f) && /\.(ya?ml|json)$/i.test(f)).sort();
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/\\/g, '\\\\')}]`; // Go: `^` negates, `!` is a plain character
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function levels(pattern: string): string[] {
  // a trailing `**` (`conf/**`) stands for any file below: read it as `conf/**/`
  const [head, ...tail] = pattern.replace(/\*\*$/, '**/').split('**/');
  const rest = tail.join('**/') || '*.yml';
  return [0, 1, 2].map((n) => `${head}${'*/'.repeat(n)}${rest}`.replace(/\*\*/g, '*'));
}
