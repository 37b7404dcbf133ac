import type { Check, RawFinding } from '../model.js';
import { engineOf } from './lib/engine.js';
import { evidenceAt } from './lib/evidence.js';
import { asMap, asSeq, get, isNull } from './lib/nodes.js';

export const lifecycleInvalid: Check = {
  id: 'lifecycle-invalid',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Lifecycle settings fit the deployment engine',
  successMessage: 'lifecycle.started, cascade_on_destroy and job run triggers are used as the CLI allows.',
  docs: `Some settings exist only in the direct deployment engine: \`lifecycle.started\` (\`lifecycle.started is only
supported in direct deployment mode\`) and a pipeline's \`cascade_on_destroy\` (\`cascade_on_destroy is only supported
in direct deployment mode\`) fail when the terraform engine is pinned (\`bundle.engine: terraform\` or
DATABRICKS_BUNDLE_ENGINE=terraform). A job run's \`lifecycle.triggers\` entries must set \`on_bundle_deploy: true\`,
and cannot be combined with \`lifecycle.prevent_destroy\`.
Fix: use the direct engine for these settings; write each trigger as \`- on_bundle_deploy: true\`.
Reference: https://docs.databricks.com/dev-tools/bundles/direct ; https://github.com/databricks/cli/blob/main/bundle/config/mutator/validate_lifecycle_started.go ; https://github.com/databricks/cli/blob/main/bundle/config/mutator/validate_cascade_on_destroy.go ; https://github.com/databricks/cli/blob/main/bundle/config/mutator/validate_job_run_triggers.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const impact = `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`;
    const add = (message: string, node: NonNullable<ReturnType<typeof get>>, address: string, fix: string) =>
      findings.push({ check: 'lifecycle-invalid', message, loc: node.loc, resources: [address], evidence: evidenceAt(bundle, node.loc, 0, 0), impact, fix: { text: fix } });
    if (engineOf(bundle, target).name === 'terraform') {
      for (const [type, byKey] of target.resources) {
        for (const resource of byKey.values()) {
          const started = get(resource.node, 'lifecycle', 'started');
          if (!isNull(started)) add(`lifecycle.started is only supported in direct deployment mode (resources.${type}.${resource.key}.lifecycle.started)`, started!, resource.address, 'Use the direct engine (bundle.engine: direct) or remove lifecycle.started.');
        }
      }
      for (const pipeline of target.pipelines) {
        const cascade = pipeline.node.entries.get('cascade_on_destroy');
        if (!isNull(cascade)) add(`cascade_on_destroy is only supported in direct deployment mode (resources.${pipeline.address}.cascade_on_destroy)`, cascade!, pipeline.address, 'Use the direct engine (bundle.engine: direct) or remove cascade_on_destroy.');
      }
    }
    for (const run of target.resources.get('job_runs')?.values() ?? []) {
      const lifecycle = asMap(run.node.entries.get('lifecycle'));
      if (!lifecycle) continue;
      const triggers = asSeq(lifecycle.entries.get('triggers'))?.items ?? [];
      const preventDestroy = lifecycle.entries.get('prevent_destroy');
      const onDeploy = triggers.some((t) => get(t, 'on_bundle_deploy')?.kind === 'scalar' && (get(t, 'on_bundle_deploy') as { value: unknown }).value === true);
      if (onDeploy && preventDestroy?.kind === 'scalar' && preventDestroy.value === true) {
        add('lifecycle.triggers.on_bundle_deploy is incompatible with lifecycle.prevent_destroy', lifecycle, run.address, 'Remove prevent_destroy or the on_bundle_deploy trigger.');
      }
      triggers.forEach((trigger) => {
        const flag = get(trigger, 'on_bundle_deploy');
        if (isNull(flag)) add('lifecycle.triggers entry must set on_bundle_deploy: true', trigger, run.address, 'Write the trigger as `- on_bundle_deploy: true`.');
        else if (flag!.kind === 'scalar' && flag!.value === false) add('lifecycle.triggers.on_bundle_deploy must be true when set', flag!, run.address, 'Set on_bundle_deploy: true or remove the trigger.');
      });
    }
    return findings;
  },
};
