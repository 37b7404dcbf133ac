import { catalog, describeCheck } from '../checks/catalog.js';
import { UsageError } from '../engine.js';
import { rulePageUrl } from '../report/rule-links.js';
import { didYouMean, HELP_OPTIONS, helpOrVersion, parseFormat, parseKnown } from './command-line.js';
import type { CliIo } from './io.js';

export const EXPLAIN_USAGE = `Usage: dab-ready explain <check-id>

Why a check fails on Databricks, how to fix it, how to suppress it, and its rule page.

Options:
  -h, --help      this help
  -V, --version   the version
`;

export const CHECKS_USAGE = `Usage: dab-ready checks [--format text|markdown|json]

Every check: id, default severity and title (markdown: the README table; json: all metadata).

Options:
  -f, --format F  text | markdown | json (default text)
  -h, --help      this help
  -V, --version   the version
`;

export function explainCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseKnown('explain', args, HELP_OPTIONS);
  if (helpOrVersion(values as { help?: boolean; version?: boolean }, EXPLAIN_USAGE, io)) return 0;
  if (positionals.length !== 1) throw new UsageError('usage: dab-ready explain <check-id> (dab-ready checks lists them)');
  const check = describeCheck(positionals[0]);
  if (!check) throw new UsageError(`unknown check ${positionals[0]}${didYouMean(positionals[0], catalog.map((c) => c.id))} (dab-ready checks lists them)`);
  io.stdout(
    `${check.id} — ${check.title}\n` +
      `severity: ${check.severity}   category: ${check.category}   effort: ${check.effortHours} h   ` +
      `breaks deploy: ${check.breaksDeploy ? 'yes' : 'no (the job runs fail)'}\n\n${check.docs.trim()}\n\n` +
      `Suppress: # dab-ready-ignore: ${check.id} <reason>  (on the line or the line above), or in .dab-ready.yml:\n` +
      `  ignore:\n    - check: ${check.id}\n      path: <glob>\n      reason: <why>\n\n` +
      `Rule page: ${rulePageUrl(check.id)}\n`,
  );
  return 0;
}

export function listChecksCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseKnown('checks', args, { ...HELP_OPTIONS, format: { type: 'string', short: 'f', default: 'text' } }, false);
  if (helpOrVersion(values as { help?: boolean; version?: boolean }, CHECKS_USAGE, io)) return 0;
  if (positionals.length > 0) throw new UsageError('usage: dab-ready checks [--format text|markdown|json]');
  const format = parseFormat(values.format as string, ['text', 'markdown', 'json'] as const);
  if (format === 'markdown') {
    io.stdout(checksTable());
    return 0;
  }
  if (format === 'json') {
    const checks = catalog.map((c) => ({
      id: c.id,
      title: c.title,
      category: c.category,
      severity: c.severity,
      effortHours: c.effortHours,
      breaksDeploy: c.breaksDeploy,
      successMessage: c.successMessage,
      docs: c.docs.trim(),
      rulePage: rulePageUrl(c.id),
    }));
    io.stdout(JSON.stringify(checks, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...catalog.map((c) => c.id.length));
  for (const check of catalog) io.stdout(`${check.id.padEnd(width)}  ${check.severity.padEnd(8)}  ${check.title}\n`);
  return 0;
}

/** The README's table of checks, generated from their metadata. */
export function checksTable(): string {
  const rows = catalog.map(
    (c) => `| [\`${c.id}\`](docs/checks/${c.id}.md) | ${c.severity} | ${c.category} | ${c.effortHours} | ${c.breaksDeploy ? 'yes' : 'no'} | ${c.title} |`,
  );
  return ['| id | severity | category | effort (h) | breaks deploy | passes when |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
