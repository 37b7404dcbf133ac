import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyse, evaluateGate, UsageError, type EngineOutput } from '../engine.js';
import type { Result, Severity, ValidateOptions, VerifyOptions } from '../model.js';
import { SEVERITIES } from '../model.js';
import { ROOT_FILE_NAMES } from '../project/discover.js';
import { repositoryRoot } from '../project/load.js';
import { applyBaseline, readBaselineFile, renderBaselineFile } from '../readiness/baseline.js';
import { failsGate, type GateOutcome } from '../readiness/gate.js';
import { renderGithubCommands } from '../report/github-commands.js';
import { renderJson } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { missingToolsWarning } from '../verify/missing-tools.js';
import { didYouMean, engineRequest, parseCommandLine, parseFormat, parseTimeoutMs } from './command-line.js';
import { stderrLogger, useColor, type ColorChoice, type CliIo } from './io.js';
import { checkFilter } from './select.js';
import { parseVarFlags } from './vars.js';

export const CHECK_USAGE = `Usage: dab-ready check [path] [options]

Analyse every Databricks Asset Bundle below [path] (default .; when there is none below it, the
bundle in the nearest folder above, like databricks bundle) and report its deploy readiness.

Options:
  -t, --target T            analyse only target T (default: every target)
  -f, --format F            text | markdown | json | sarif | github | junit (default text)
  -o, --output FILE         write the report to FILE instead of stdout (never coloured)
  -q, --quiet               print only the findings that fail the gate, and the summary line
      --select IDS          only these checks: ids or categories, comma-separated (repeatable)
      --ignore IDS          leave out these checks or categories (repeatable)
      --fail-on S           critical | high | medium | low | info | none (default critical)
      --min-score N         fail when the score is below N (default 0)
      --baseline FILE       findings in FILE are reported as existing and do not fail the gate
      --write-baseline FILE write the findings of this run to FILE as the baseline
  -c, --config FILE         dab-ready configuration (default .dab-ready.yml in path)
      --var name=value      set a bundle variable (repeatable), like databricks bundle --var
      --verify              build each needed wheel, inspect it, run entry points with --help
      --validate            run databricks bundle validate when the CLI and credentials are there
      --require-validate    fail when validate cannot run
      --strict              pass --strict to databricks bundle validate
      --python PATH         Python for builds and venvs (default python3)
      --no-isolation        build with python -m build --no-isolation (offline runners)
      --no-deps             install the wheel with pip --no-deps (offline runners)
      --timeout SECONDS     per program run by --verify/--validate (default 600)
      --verbose             stream the output of programs to stderr
      --color WHEN          auto | always | never (default auto: a terminal, unless NO_COLOR;
                            FORCE_COLOR forces it); --no-color is --color never
  -h, --help                this help
  -V, --version             the version

Paths print relative to the current folder; JSON paths are relative to [path], SARIF and github
paths to the repository root. Rule pages: dab-ready explain <check-id>.

Exit codes: 0 gate passed, 1 gate failed, 2 could not run (usage, no bundle).
`;

const FORMATS = ['text', 'markdown', 'json', 'sarif', 'github', 'junit'] as const;
type Format = (typeof FORMATS)[number];

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const commandLine = parseCommandLine('check', CHECK_USAGE, args, io, {
    format: { type: 'string', short: 'f', default: 'text' },
    output: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q', default: false },
    select: { type: 'string', multiple: true },
    ignore: { type: 'string', multiple: true },
    'fail-on': { type: 'string', default: undefined },
    'min-score': { type: 'string' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    verify: { type: 'boolean', default: false },
    validate: { type: 'boolean', default: false },
    'require-validate': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    python: { type: 'string', default: 'python3' },
    'no-isolation': { type: 'boolean', default: false },
    'no-deps': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '600' },
    verbose: { type: 'boolean', default: false },
    color: { type: 'string', default: 'auto' },
    'no-color': { type: 'boolean', default: false },
  });
  if (!commandLine) return 0;
  const { values } = commandLine;
  const format = parseFormat(values.format, FORMATS);
  const color = values['no-color'] ? 'never' : parseColor(values.color);
  const failOnFlag = values['fail-on'] === undefined ? undefined : parseFailOn(values['fail-on']);
  const minScoreFlag = values['min-score'] === undefined ? undefined : parseMinScore(values['min-score']);
  const timeoutMs = parseTimeoutMs(values.timeout);
  const vars = parseVarFlags(values.var ?? []);
  const only = checkFilter(values.select, values.ignore);
  const cwd = io.cwd ?? process.cwd();

  const verify: VerifyOptions | undefined = values.verify
    ? { python: values.python, isolation: !values['no-isolation'], installDeps: !values['no-deps'], timeoutMs }
    : undefined;
  const wantsValidate = values.validate || values['require-validate'];
  const validate: ValidateOptions | undefined = wantsValidate
    ? { mode: values['require-validate'] ? 'required' : 'auto', strict: values.strict, timeoutMs, vars }
    : undefined;

  const log = stderrLogger(io, { verbose: values.verbose, tty: io.stderrIsTty === true });
  const run = (target: string) => analyse({ ...engineRequest(path.resolve(cwd, target), values, vars, io, log), verify, validate, only });
  let analysedPath = commandLine.path;
  let engine: EngineOutput;
  try {
    engine = await run(analysedPath);
  } catch (error) {
    const above = error instanceof UsageError && /^no bundle found/.test(error.message) ? bundleAbove(path.resolve(cwd, analysedPath)) : undefined;
    if (!above) throw error;
    analysedPath = path.relative(cwd, above) || '.';
    io.stderr(`dab-ready: no bundle below ${commandLine.path}; using the bundle in ${analysedPath}\n`);
    engine = await run(analysedPath);
  }
  const { result, config } = engine;
  const failOn = failOnFlag ?? config.failOn ?? 'critical';
  const minScore = minScoreFlag ?? config.minScore ?? 0;

  if (values.baseline) {
    const read = readBaselineFile(values.baseline);
    if ('problem' in read) io.stderr(`warning: --baseline ${read.problem}; every finding counts as new\n`);
    else {
      if (read.note) io.stderr(`dab-ready: ${read.note}\n`);
      applyBaseline(result, read.counts);
    }
  }
  if (values['write-baseline']) {
    writeFileSync(values['write-baseline'], renderBaselineFile(result));
    io.stderr(`baseline of ${result.bundles.reduce((n, b) => n + b.findings.length, 0)} findings written to ${values['write-baseline']}\n`);
  }

  const gate = evaluateGate(result, { failOn, minScore });
  const analysedAbs = path.resolve(cwd, analysedPath);
  const repoPrefix = toPosix(path.relative(repositoryRoot(analysedAbs), analysedAbs));
  const summary = summaryLine(result, gate, failOn);
  const toFile = Boolean(values.output);
  const report = render(result, format, {
    color: useColor(color as ColorChoice, io, toFile),
    failOn,
    quiet: values.quiet,
    summary,
    repoPrefix,
    display: (root, file) => toPosix(path.relative(cwd, path.resolve(analysedAbs, root, file))) || '.',
  });
  if (values.output) {
    writeFileSync(values.output, report);
    if (!values.quiet) io.stderr(`report written to ${values.output}\n`);
  } else {
    io.stdout(report);
  }
  const missingTools = missingToolsWarning(result);
  if (missingTools) io.stderr(`warning: ${missingTools}\n`);
  if (!values.quiet) for (const reason of gate.reasons) io.stderr(`gate: ${reason}\n`);
  // The summary line closes the text report; with another format (or a file) it goes to stderr.
  if (format !== 'text' || toFile) io.stderr(`${summary}\n`);
  return gate.passed ? 0 : 1;
}

interface RenderOptions {
  color: boolean;
  failOn: Severity | 'none';
  quiet: boolean;
  summary: string;
  repoPrefix: string;
  display: (bundleRoot: string, file: string) => string;
}

function render(result: Result, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return renderJson(result);
    case 'sarif':
      return renderSarif(result, { pathPrefix: options.repoPrefix });
    case 'markdown':
      return renderMarkdown(result);
    case 'github':
      return renderGithubCommands(result, { failOn: options.failOn, prefix: options.repoPrefix });
    case 'junit':
      return renderJunit(result, { failOn: options.failOn });
    default:
      return renderText(result, { color: options.color, display: options.display, quiet: options.quiet, failOn: options.failOn, summary: options.summary });
  }
}

/** One line across every bundle: "dab-ready: 2 bundles · 14 findings (4 critical, ...) · 3 existing · lowest score 65 · gate failed". */
export function summaryLine(result: Result, gate: GateOutcome, failOn: Severity | 'none'): string {
  const all = [...result.bundles.flatMap((b) => b.findings), ...result.notices];
  const bySeverity = SEVERITIES.map((s) => [s, all.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const findings = all.length ? `${all.length} finding${all.length === 1 ? '' : 's'} (${bySeverity.map(([s, n]) => `${n} ${s}`).join(', ')})` : 'no findings';
  const existing = all.filter((f) => f.existing).length;
  const failing = all.filter((f) => failsGate(f, failOn)).length;
  const bundles = `${result.bundles.length} bundle${result.bundles.length === 1 ? '' : 's'}`;
  const score = result.bundles.length ? `${result.bundles.length > 1 ? 'lowest score' : 'score'} ${Math.min(...result.bundles.map((b) => b.score))}` : '';
  const verdict = gate.passed ? `gate passed (fail-on ${failOn})` : `gate failed: ${failing ? `${failing} at or above ${failOn}` : 'score below the minimum'}`;
  return ['dab-ready:', [bundles, findings, existing ? `${existing} existing` : '', score, verdict].filter(Boolean).join(' · ')].join(' ');
}

/** The nearest folder above `start` that holds a bundle root file (databricks bundle does the same). */
export function bundleAbove(start: string): string | undefined {
  if (!existsSync(start) || !statSync(start).isDirectory()) return undefined;
  for (let dir = path.dirname(start); ; dir = path.dirname(dir)) {
    if (ROOT_FILE_NAMES.some((name) => existsSync(path.join(dir, name)))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function parseColor(value: string | undefined): ColorChoice {
  if (value === 'auto' || value === 'always' || value === 'never') return value;
  throw new UsageError(`--color must be one of auto, always, never${didYouMean(value ?? '', ['auto', 'always', 'never'])}`);
}

export function parseFailOn(value: string): Severity | 'none' {
  if (value === 'none' || (SEVERITIES as readonly string[]).includes(value)) return value as Severity | 'none';
  throw new UsageError(`--fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')}${didYouMean(value, [...SEVERITIES, 'none'])}`);
}

export function parseMinScore(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new UsageError('--min-score takes a number from 0 to 100');
  return n;
}
