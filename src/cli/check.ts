import { writeFileSync } from 'node:fs';
import { analyse, evaluateGate, UsageError } from '../engine.js';
import type { Result, Severity, ValidateOptions, VerifyOptions } from '../model.js';
import { SEVERITIES } from '../model.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { engineRequest, parseCommandLine, parseFormat, parseTimeoutMs } from './command-line.js';
import { stderrLogger, type CliIo } from './io.js';
import { parseVarFlags } from './vars.js';
import { missingToolsWarning } from '../verify/missing-tools.js';

export const CHECK_USAGE = `Usage: dab-ready check [path] [options]

Analyse every Databricks Asset Bundle below [path] (default .) and report its deploy readiness.

Options:
  -t, --target T           analyse only target T (default: every target)
  -f, --format F           text | markdown | json | sarif (default text)
  -o, --output FILE        write the report to FILE instead of stdout
      --fail-on S          critical | high | medium | low | none (default critical)
      --min-score N        fail when the score is below N (default 0)
  -c, --config FILE        dab-ready configuration (default .dab-ready.yml in path)
      --var name=value     set a bundle variable (repeatable), like databricks bundle --var
      --verify             build each needed wheel, inspect it, run entry points with --help
      --validate           run databricks bundle validate when the CLI and credentials are there
      --require-validate   fail when validate cannot run
      --strict             pass --strict to databricks bundle validate
      --python PATH        Python for builds and venvs (default python3)
      --no-isolation       build with python -m build --no-isolation (offline runners)
      --no-deps            install the wheel with pip --no-deps (offline runners)
      --timeout SECONDS    per program run by --verify/--validate (default 600)
      --verbose            stream the output of programs to stderr
      --no-color           no ANSI colors in text output

Exit codes: 0 gate passed, 1 gate failed, 2 could not run.
`;

const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const commandLine = parseCommandLine('check', CHECK_USAGE, args, io, {
    format: { type: 'string', short: 'f', default: 'text' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string', default: undefined },
    'min-score': { type: 'string' },
    verify: { type: 'boolean', default: false },
    validate: { type: 'boolean', default: false },
    'require-validate': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    python: { type: 'string', default: 'python3' },
    'no-isolation': { type: 'boolean', default: false },
    'no-deps': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '600' },
    verbose: { type: 'boolean', default: false },
    'no-color': { type: 'boolean', default: false },
  });
  if (!commandLine) return 0;
  const { values, path } = commandLine;
  const format = parseFormat(values.format, FORMATS);
  const timeoutMs = parseTimeoutMs(values.timeout);
  const vars = parseVarFlags(values.var ?? []);

  const verify: VerifyOptions | undefined = values.verify
    ? { python: values.python, isolation: !values['no-isolation'], installDeps: !values['no-deps'], timeoutMs }
    : undefined;
  const wantsValidate = values.validate || values['require-validate'];
  const validate: ValidateOptions | undefined = wantsValidate
    ? { mode: values['require-validate'] ? 'required' : 'auto', strict: values.strict, timeoutMs, vars }
    : undefined;

  const { result, config } = await analyse({ ...engineRequest(path, values, vars, io, stderrLogger(io, values.verbose)), verify, validate });
  const failOn = parseFailOn(values['fail-on'] ?? config.failOn ?? 'critical');
  const minScore = parseMinScore(values['min-score'] ?? String(config.minScore ?? 0));

  const report = render(result, format, !values['no-color'] && io.isTty === true && !io.env.NO_COLOR);
  if (values.output) {
    writeFileSync(values.output, report);
    io.stderr(`report written to ${values.output}\n`);
  } else {
    io.stdout(report);
  }
  const gate = evaluateGate(result, { failOn, minScore });
  const missingTools = missingToolsWarning(result);
  if (missingTools) io.stderr(`warning: ${missingTools}\n`);
  for (const reason of gate.reasons) io.stderr(`gate: ${reason}\n`);
  return gate.passed ? 0 : 1;
}

function render(result: Result, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(result);
    case 'sarif':
      return renderSarif(result);
    case 'markdown':
      return renderMarkdown(result);
    default:
      return renderText(result, { color });
  }
}

export function parseFailOn(value: string): Severity | 'none' {
  if (value === 'none' || (SEVERITIES as readonly string[]).includes(value)) return value as Severity | 'none';
  throw new UsageError(`--fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')}`);
}

export function parseMinScore(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new UsageError('--min-score takes a number from 0 to 100');
  return n;
}
