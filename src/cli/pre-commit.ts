// `dab-ready pre-commit [files...]`: the git hook (see .pre-commit-hooks.yaml). Static checks only
// (no build, no validate: fast), on the bundles that hold the changed files, printed quietly.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT_FILE_NAMES } from '../project/discover.js';
import { checkCommand } from './check.js';
import { HELP_OPTIONS, helpOrVersion, parseKnown } from './command-line.js';
import type { CliIo } from './io.js';

export const PRE_COMMIT_USAGE = `Usage: dab-ready pre-commit [files...] [options]

Static checks (no wheel build, no databricks validate) of every bundle that holds one of the
files (the nearest folder above each with a databricks.yml), with only the findings that fail the
gate printed. Without files: the bundle of the current folder. Meant for pre-commit, which passes
the changed files.

Options:
      --fail-on S        critical | high | medium | low | info | none (default: the config's, else critical)
      --select IDS       only these checks or categories (repeatable)
      --ignore IDS       leave out these checks or categories (repeatable)
      --baseline FILE    findings in FILE do not fail the hook
  -c, --config FILE      dab-ready configuration
  -h, --help             this help
  -V, --version          the version

Exit codes: 0 every bundle passed, 1 a bundle failed the gate, 2 could not run.
`;

export async function preCommitCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseKnown('pre-commit', args, {
    ...HELP_OPTIONS,
    'fail-on': { type: 'string' },
    select: { type: 'string', multiple: true },
    ignore: { type: 'string', multiple: true },
    baseline: { type: 'string' },
    config: { type: 'string', short: 'c' },
  });
  if (helpOrVersion(values as { help?: boolean; version?: boolean }, PRE_COMMIT_USAGE, io)) return 0;
  const cwd = io.cwd ?? process.cwd();
  const bundles = positionals.length ? [...new Set(positionals.map((f) => bundleOf(path.resolve(cwd, f))).filter((d): d is string => Boolean(d)))].sort() : ['.'];
  const pass: string[] = ['--quiet'];
  for (const flag of ['fail-on', 'baseline', 'config'] as const) if (values[flag]) pass.push(`--${flag}`, values[flag] as string);
  for (const flag of ['select', 'ignore'] as const) for (const v of (values[flag] as string[] | undefined) ?? []) pass.push(`--${flag}`, v);
  let code = 0;
  for (const dir of bundles) {
    const target = path.relative(cwd, dir) || '.';
    code = Math.max(code, await checkCommand([target === '.' ? '.' : target, ...pass], io));
  }
  return code;
}

/** The nearest folder at or above the file's that holds a bundle root file. */
function bundleOf(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (ROOT_FILE_NAMES.some((name) => existsSync(path.join(dir, name)))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
