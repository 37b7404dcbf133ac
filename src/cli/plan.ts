import { combinePlans, planDeploy } from '../deploy/plan.js';
import { renderPlanMarkdown, renderPlanText } from '../deploy/render.js';
import { analyse } from '../engine.js';
import { engineRequest, parseCommandLine, parseFormat } from './command-line.js';
import { stderrLogger, type CliIo } from './io.js';
import { parseVarFlags } from './vars.js';

export const PLAN_USAGE = `Usage: dab-ready plan [path] [options]

The phases that may deploy now, in order: ready (or partial) phases up to the first blocked one;
every phase depending on a blocked phase is held back. JSON is the GitHub Actions matrix.

Options:
  -t, --target T        plan for target T (default: the bundle's default target)
  -f, --format F        text | markdown | json (default text)
  -c, --config FILE     dab-ready configuration (default .dab-ready.yml in path)
      --var name=value  set a bundle variable (repeatable; commas are kept)
`;

const FORMATS = ['text', 'markdown', 'json'] as const;

export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const commandLine = parseCommandLine('plan', PLAN_USAGE, args, io, {
    format: { type: 'string', short: 'f', default: 'text' },
  });
  if (!commandLine) return 0;
  const { values, path } = commandLine;
  const format = parseFormat(values.format, FORMATS);

  const { result } = await analyse(engineRequest(path, values, parseVarFlags(values.var ?? []), io, stderrLogger(io, false)));
  const plan = combinePlans(result.bundles.map((b) => ({ root: b.root, plan: planDeploy(b, { target: values.target }) })));
  if (format === 'json') io.stdout(JSON.stringify(plan, null, 2) + '\n');
  else if (format === 'markdown') io.stdout(renderPlanMarkdown(plan, values.target));
  else io.stdout(renderPlanText(plan, values.target));
  return 0;
}
