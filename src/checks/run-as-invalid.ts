import type { Check, Loc, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asString, get, getMap } from './lib/nodes.js';

/** Resource types whose APIs cannot run as another identity (cli resourcemutator/run_as.go validateRunAs). */
const NO_RUN_AS = ['model_serving_endpoints', 'quality_monitors', 'apps'];

export const runAsInvalid: Check = {
  id: 'run-as-invalid',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.5,
  title: 'run_as names one identity the resources support',
  successMessage: 'run_as names exactly one identity, and no resource that cannot run as another identity is deployed with it.',
  docs: `A top-level (or target) \`run_as\` must name exactly one identity: \`run_as section must specify exactly one
identity. Neither service_principal_name nor user_name is specified\` / \`run_as section cannot specify both
user_name and service_principal_name\` fail \`bundle validate\`. Model serving endpoints, quality monitors, apps
and dashboards with \`embed_credentials: true\` cannot run as another identity than the one that deploys:
\`model_serving_endpoints do not support a setting a run_as user that is different from the owner\` (reported as
medium: it fails unless that very identity deploys the bundle, which dab-ready cannot see).
\`experimental.use_legacy_run_as\` gets the CLI's warning that the mode is experimental.
Fix: name one identity; deploy the resources that cannot use run_as from a bundle or target without it.
Reference: https://docs.databricks.com/dev-tools/bundles/run-as ; https://github.com/databricks/cli/blob/main/bundle/config/mutator/resourcemutator/run_as.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const runAs = target.config.entries.get('run_as');
    // An absent or empty `run_as:` is no run_as (acceptance case run_as/empty_run_as).
    if (!runAs || (runAs.kind === 'scalar' && runAs.value === null)) return [];
    const at = runAs.loc;
    const finding = (message: string, loc: Loc, extra: Partial<RawFinding> = {}): RawFinding => ({
      check: 'run-as-invalid',
      message,
      loc,
      evidence: evidenceAt(bundle, loc, 0, 2),
      impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
      ...extra,
    });
    const legacy = get(target.config, 'experimental', 'use_legacy_run_as');
    if (legacy?.kind === 'scalar' && legacy.value === true) {
      return [
        finding(
          'You are using the legacy mode of run_as. The support for this mode is experimental and might be removed in a future release of the CLI. ' +
            'In order to run the pipelines in your DABs project as the run_as user this mode changes the owners of the pipelines to the run_as identity, ' +
            'which requires the user deploying the bundle to be a workspace admin, and also a Metastore admin if the pipeline target is in UC.',
          legacy.loc,
          { severity: 'medium', impact: 'Deploying needs workspace (and metastore) admin rights; the mode may be removed.', fix: { text: 'Remove experimental.use_legacy_run_as and give the run_as identity access to the pipelines instead.' } },
        ),
      ];
    }
    const sp = asString(get(runAs, 'service_principal_name')) ?? '';
    const user = asString(get(runAs, 'user_name')) ?? '';
    if (!sp && !user) {
      return [
        finding('run_as section must specify exactly one identity. Neither service_principal_name nor user_name is specified', at, {
          fix: { text: 'Set run_as.service_principal_name or run_as.user_name (or remove run_as).' },
        }),
      ];
    }
    const findings: RawFinding[] = [];
    if (sp && user) {
      findings.push(finding('run_as section cannot specify both user_name and service_principal_name', at, { fix: { text: 'Keep one of user_name and service_principal_name.' } }));
    }
    const identity = sp || user;
    const unsupported = (what: string, loc: Loc, resources: string[]) =>
      finding(`${what} do not support a setting a run_as user that is different from the owner (run_as identity: ${identity})`, loc, {
        severity: 'medium',
        resources,
        impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name} unless ${identity} itself deploys the bundle.`,
        fix: { text: `Deploy these resources without run_as (another bundle or target), or deploy as ${identity}.` },
      });
    const resources = getMap(target.config, 'resources');
    for (const type of NO_RUN_AS) {
      const byKey = getMap(resources, type);
      if (!byKey || byKey.entries.size === 0) continue;
      findings.push(unsupported(type, byKey.loc, [...byKey.entries.keys()].map((k) => `${type}.${k}`)));
    }
    for (const dashboard of target.resources.get('dashboards')?.values() ?? []) {
      const embed = dashboard.node.entries.get('embed_credentials');
      const text = asString(embed);
      const value = text === undefined ? undefined : text.includes('${') ? target.interpolate(text, embed!.loc).value : text;
      if (value !== 'true') continue;
      findings.push(unsupported('dashboards with embed_credentials set to true', dashboard.node.loc, [dashboard.address]));
    }
    return findings;
  },
};
