import { checkCommand } from './check.js';
import { deployCommand } from './deploy.js';
import { explainCommand, listChecksCommand } from './explain.js';
import type { CliIo } from './io.js';
import { planCommand } from './plan.js';
import { UsageError } from '../engine.js';
import { TOOL_VERSION } from '../version.js';

const USAGE = `dab-ready ${TOOL_VERSION}: is this Databricks Asset Bundle repository ready to deploy?

Usage:
  dab-ready check [path] [options]     analyse, verify and report (dab-ready check --help)
  dab-ready plan [path] [options]      the phases that may deploy now, as a GitHub Actions matrix
  dab-ready deploy [path] --phase N --target T [options]
                                       deploy the bundle and run one phase's jobs, if it is ready
  dab-ready explain <check-id>         why a check fails on Databricks and how to fix it
  dab-ready checks [--format markdown] list every check
  dab-ready --version
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await checkCommand(rest, io);
      case 'plan':
        return await planCommand(rest, io);
      case 'deploy':
        return await deployCommand(rest, io);
      case 'explain':
        return explainCommand(rest, io);
      case 'checks':
        return listChecksCommand(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${TOOL_VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${command}\n\n${USAGE}`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`dab-ready: ${usage ? message : `could not run: ${message}`}\n`);
    return 2;
  }
}
