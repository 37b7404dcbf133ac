import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyse, evaluateGate, UsageError } from '../engine.js';
import type { Result, Severity, ValidateOptions, VerifyOptions } from '../model.js';
import { SEVERITIES } from '../model.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import type { CliIo } from './io.js';
import { stderrLogger } from './io.js';
import { parseVarFlags } from './vars.js';

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
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      target: { type: 'string', short: 't' },
      format: { type: 'string', short: 'f', default: 'text' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string', default: undefined },
      'min-score': { type: 'string' },
      config: { type: 'string', short: 'c' },
      var: { type: 'string', multiple: true },
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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`check takes one path, got ${positionals.length}`);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) throw new UsageError('--timeout takes a positive number of seconds');
  const vars = parseVarFlags(values.var ?? []);

  const verify: VerifyOptions | undefined = values.verify
    ? { python: values.python!, isolation: !values['no-isolation'], installDeps: !values['no-deps'], timeoutMs: timeoutSeconds * 1000 }
    : undefined;
  const wantsValidate = values.validate || values['require-validate'];
  const validate: ValidateOptions | undefined = wantsValidate
    ? { mode: values['require-validate'] ? 'required' : 'auto', strict: values.strict!, timeoutMs: timeoutSeconds * 1000, vars }
    : undefined;

  const { result, config } = await analyse({
    path: positionals[0] ?? '.',
    target: values.target,
    configFile: values.config,
    vars,
    env: io.env,
    verify,
    validate,
    log: stderrLogger(io, values.verbose!),
  });
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
