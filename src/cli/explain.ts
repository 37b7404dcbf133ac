import { catalog, describeCheck } from '../checks/catalog.js';
import { UsageError } from '../engine.js';
import type { CliIo } from './io.js';

export function explainCommand(args: string[], io: CliIo): number {
  if (args.length !== 1) throw new UsageError('usage: dab-ready explain <check-id> (dab-ready checks lists them)');
  const check = describeCheck(args[0]);
  if (!check) throw new UsageError(`unknown check ${args[0]}; dab-ready checks lists them`);
  io.stdout(
    `${check.id} — ${check.title}\n` +
      `severity: ${check.severity}   category: ${check.category}   effort: ${check.effortHours} h   ` +
      `breaks deploy: ${check.breaksDeploy ? 'yes' : 'no (the job runs fail)'}\n\n${check.docs.trim()}\n\n` +
      `Suppress: # dab-ready-ignore: ${check.id} <reason>  (on the line or the line above), or in .dab-ready.yml:\n` +
      `  ignore:\n    - check: ${check.id}\n      path: <glob>\n      reason: <why>\n`,
  );
  return 0;
}

export function listChecksCommand(args: string[], io: CliIo): number {
  if (args.length > 0 && !(args.length === 2 && args[0] === '--format' && ['text', 'markdown'].includes(args[1]))) {
    throw new UsageError('usage: dab-ready checks [--format text|markdown]');
  }
  if (args[1] === 'markdown') {
    io.stdout(checksTable());
    return 0;
  }
  const width = Math.max(...catalog.map((c) => c.id.length));
  for (const check of catalog) io.stdout(`${check.id.padEnd(width)}  ${check.severity.padEnd(8)}  ${check.title}\n`);
  return 0;
}

/** The README's table of checks, generated from their metadata. */
export function checksTable(): string {
  const rows = catalog.map(
    (c) => `| \`${c.id}\` | ${c.severity} | ${c.category} | ${c.effortHours} | ${c.breaksDeploy ? 'yes' : 'no'} | ${c.title} |`,
  );
  return ['| id | severity | category | effort (h) | breaks deploy | passes when |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
