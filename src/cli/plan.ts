import { parseArgs } from 'node:util';
import { combinePlans, planDeploy } from '../deploy/plan.js';
import { renderPlanMarkdown, renderPlanText } from '../deploy/render.js';
import { analyse, UsageError } from '../engine.js';
import { stderrLogger } from './io.js';
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

export async function planCommand(
  args: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void; env: NodeJS.ProcessEnv },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      target: { type: 'string', short: 't' },
      format: { type: 'string', short: 'f', default: 'text' },
      config: { type: 'string', short: 'c' },
      var: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(PLAN_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`plan takes one path, got ${positionals.length}`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);

  const { result } = await analyse({
    path: positionals[0] ?? '.',
    target: values.target,
    configFile: values.config,
    vars: parseVarFlags(values.var ?? []),
    env: io.env,
    log: stderrLogger(io, false),
  });
  const plan = combinePlans(result.bundles.map((b) => ({ root: b.root, plan: planDeploy(b, { target: values.target }) })));
  if (format === 'json') io.stdout(JSON.stringify(plan, null, 2) + '\n');
  else if (format === 'markdown') io.stdout(renderPlanMarkdown(plan, values.target));
  else io.stdout(renderPlanText(plan, values.target));
  return 0;
}
