import type { CliIo } from './io.js';
import { UsageError } from '../usage-error.js';
import { TOOL_VERSION } from '../version.js';

const USAGE = `dab-ready ${TOOL_VERSION}: is this Databricks Asset Bundle repository ready to deploy?

Usage:
  dab-ready check [path] [options]     analyse, verify and report (dab-ready check --help)
  dab-ready plan [path] [options]      the phases that may deploy now, as a GitHub Actions matrix
  dab-ready deploy [path] --phase N --target T [options]
                                       deploy the bundle and run one phase's jobs, if it is ready
  dab-ready explain <check-id>         why a check fails on Databricks and how to fix it
  dab-ready checks [--format F]        list every check (text, markdown or json)
  dab-ready pre-commit [files...]      static checks of the bundles holding these files (a git hook)
  dab-ready help [command]             this help, or a command's
  dab-ready -V, --version              the version
`;

// Each command is loaded when it runs: `dab-ready --version` and `help` load none of the analysis.
const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  check: async (args, io) => (await import('./check.js')).checkCommand(args, io),
  plan: async (args, io) => (await import('./plan.js')).planCommand(args, io),
  deploy: async (args, io) => (await import('./deploy.js')).deployCommand(args, io),
  explain: async (args, io) => (await import('./explain.js')).explainCommand(args, io),
  checks: async (args, io) => (await import('./explain.js')).listChecksCommand(args, io),
  'pre-commit': async (args, io) => (await import('./pre-commit.js')).preCommitCommand(args, io),
};

async function didYouMean(word: string, candidates: string[]): Promise<string> {
  return (await import('./command-line.js')).didYouMean(word, candidates);
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command !== undefined && command in COMMANDS) return await COMMANDS[command](rest, io);
    switch (command) {
      case '--version':
      case '-V':
      case '-v':
        io.stdout(`${TOOL_VERSION}\n`);
        return 0;
      case 'help':
        if (rest[0] && rest[0] in COMMANDS) return await COMMANDS[rest[0]](['--help'], io);
        if (rest[0]) throw new UsageError(`unknown command ${rest[0]}${await didYouMean(rest[0], Object.keys(COMMANDS))}`);
        io.stdout(USAGE);
        return 0;
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return 0;
      case undefined:
        io.stderr(USAGE);
        return 2;
      default:
        throw new UsageError(`unknown command ${command}${await didYouMean(command, [...Object.keys(COMMANDS), 'help'])} (dab-ready --help lists them)`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`dab-ready: ${usage ? message : `could not run: ${message}`}\n`);
    return 2;
  }
}
