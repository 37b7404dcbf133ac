import type { Check, RawFinding, TargetView } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asString, get, getMap, isNull } from './lib/nodes.js';

/** Workspace paths the development-mode rule looks at, in the CLI's order (findNonUserPath). */
const DEV_PATHS = ['root_path', 'file_path', 'resource_path', 'artifact_path', 'state_path'];

/**
 * Whether a workspace path can hold the current user's name: it starts with `~`, refers to
 * `${workspace.current_user...}`, or lies under a users folder. Any other path cannot.
 */
function mayContainUserName(path: string): boolean {
  return path.startsWith('~') || path.includes('${workspace.current_user') || /^(\/Workspace)?\/Users\/[^/]+/.test(path) || /@/.test(path);
}

/** `development: "true"` arrives as true: the loader normalises boolean fields as the CLI does. */
function isTrue(node: ReturnType<typeof get>): boolean {
  return node?.kind === 'scalar' && node.value === true;
}

export const targetModeViolation: Check = {
  id: 'target-mode-violation',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.5,
  title: 'Targets follow the rules of their mode',
  successMessage: 'Development and production targets follow the CLI’s mode rules.',
  docs: `\`mode: development\` and \`mode: production\` come with rules that \`bundle validate\` enforces:
- production: no pipeline may set \`development: true\` (\`target with 'mode: production' cannot include a
  pipeline with 'development: true'\`), and the target must set \`workspace.root_path\` so only one copy is
  deployed (an error, or a recommendation when every job sets run_as or a service principal deploys);
- development: \`presets.trigger_pause_status: UNPAUSED\` is refused, and a custom \`root_path\`/\`file_path\`/
  ... must start with \`~/\` or contain the current user name.
Fix: follow the rule the finding quotes.
Reference: https://docs.databricks.com/dev-tools/bundles/deployment-modes ; https://github.com/databricks/cli/blob/main/bundle/config/mutator/resourcemutator/validate_target_mode.go`,
  breaksDeploy: true,
  run(bundle, target) {
    if (target.mode === 'production') return production(bundle, target);
    if (target.mode === 'development') return development(bundle, target);
    return [];
  },
};

function production(bundle: Parameters<Check['run']>[0], target: TargetView): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const pipeline of target.pipelines) {
    const development = pipeline.node.entries.get('development');
    if (!isTrue(development)) continue;
    findings.push({
      check: 'target-mode-violation',
      message: `target with 'mode: production' cannot include a pipeline with 'development: true' (${pipeline.address} in target ${target.name})`,
      loc: development!.loc,
      resources: [pipeline.address],
      evidence: evidenceAt(bundle, development!.loc, 0, 0),
      impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
      fix: { text: `Remove \`development: true\` from ${pipeline.address} (set it in the development target instead).` },
    });
  }
  const ownRootPath = get(bundle.base, 'targets', target.name, 'workspace', 'root_path') ?? get(bundle.base, 'environments', target.name, 'workspace', 'root_path');
  if (isNull(ownRootPath)) {
    const topRunAs = !isNull(target.config.entries.get('run_as'));
    const everyJobRunsAs = topRunAs || target.jobs.every((job) => !isNull(job.node.entries.get('run_as')));
    const loc = target.loc;
    findings.push({
      check: 'target-mode-violation',
      severity: everyJobRunsAs ? 'low' : 'high',
      message: everyJobRunsAs
        ? `target with 'mode: production' should set 'workspace.root_path' to make sure only one copy is deployed (target ${target.name})`
        : `target with 'mode: production' must set 'workspace.root_path' to make sure only one copy is deployed (target ${target.name}; ` +
          `the CLI downgrades this to a recommendation only when a service principal deploys)`,
      ...(loc ? { loc, evidence: evidenceAt(bundle, loc, 0, 1) } : {}),
      impact: everyJobRunsAs
        ? 'Each deploying identity gets its own copy under its home folder.'
        : `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name} unless a service principal deploys.`,
      fix: { text: `Set targets.${target.name}.workspace.root_path, e.g. /Workspace/Users/<deployer>/.bundle/\${bundle.name}/\${bundle.target}.` },
    });
  }
  return findings;
}

function development(bundle: Parameters<Check['run']>[0], target: TargetView): RawFinding[] {
  const findings: RawFinding[] = [];
  const pause = get(target.config, 'presets', 'trigger_pause_status');
  if (asString(pause) === 'UNPAUSED') {
    findings.push({
      check: 'target-mode-violation',
      message: `target with 'mode: development' cannot set trigger pause status to UNPAUSED by default (target ${target.name})`,
      loc: pause!.loc,
      evidence: evidenceAt(bundle, pause!.loc, 0, 0),
      impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
      fix: { text: 'Remove presets.trigger_pause_status (development pauses triggers), or unpause single jobs explicitly.' },
    });
  }
  const workspace = getMap(target.config, 'workspace');
  const path = DEV_PATHS.map((name) => [name, workspace?.entries.get(name)] as const).find(([, node]) => {
    const value = asString(node);
    if (value === undefined || value === '') return false;
    const resolved = target.interpolate(value, node!.loc);
    return resolved.resolved && !mayContainUserName(value) && !mayContainUserName(resolved.value);
  });
  if (path) {
    const [name, node] = path;
    const volume = name === 'artifact_path' && asString(node)!.startsWith('/Volumes');
    findings.push({
      check: 'target-mode-violation',
      message: volume
        ? `${name} should contain the current username or \${workspace.current_user.short_name} to ensure uniqueness when using 'mode: development' (target ${target.name})`
        : `${name} must start with '~/' or contain the current username to ensure uniqueness when using 'mode: development' (target ${target.name})`,
      loc: node!.loc,
      evidence: evidenceAt(bundle, node!.loc, 0, 0),
      impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
      fix: { text: `Put \${workspace.current_user.short_name} into workspace.${name}, or use a path under ~/.` },
    });
  }
  return findings;
}

