import type { Check, MapNode, RawFinding, ScalarNode, TargetView } from '../model.js';
import { taskClusterSpec } from './lib/compute.js';
import { evidenceAt } from './lib/evidence.js';
import { asScalar, asSeq, asString, get } from './lib/nodes.js';
import { isLocalLibraryPath } from './lib/paths.js';

export const wheelDbrTooOld: Check = {
  id: 'wheel-dbr-too-old',
  category: 'Python Package Build',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Local wheels run on DBR 13.3 or newer',
  successMessage: 'Every task with a local wheel library runs on DBR 13.3+ (or serverless).',
  docs: `Local wheel libraries are uploaded to the workspace file system, which clusters before DBR 13.3
cannot install from. \`bundle validate\` fails with \`task <t> uses cluster with incompatible DBR version
<v>\` and \`Python wheel tasks require compute with DBR 13.3+ to include local libraries\`. The check
follows new_cluster, job_cluster_key and \`existing_cluster_id: \${resources.clusters.<k>.id}\`.
Fix: use spark_version 13.3.x or newer (or serverless), or set \`experimental.python_wheel_wrapper: true\`.
Reference: https://docs.databricks.com/dev-tools/bundles/library-dependencies`,
  breaksDeploy: true,
  run(bundle, target) {
    if (asScalar(get(target.config, 'experimental', 'python_wheel_wrapper'))?.value === true) return [];
    const findings: RawFinding[] = [];
    for (const job of target.jobs) {
      for (const task of job.tasks) {
        const local = (asSeq(get(task.node, 'libraries'))?.items ?? []).some((lib) => {
          const whl = asString(get(lib, 'whl'));
          return whl !== undefined && isLocalLibraryPath(whl);
        });
        if (!local) continue;
        const version = sparkVersion(target, job.node, task.node);
        if (!version) continue;
        const text = target.interpolate(String(version.value), version.loc);
        if (!text.resolved || !tooOld(text.value)) continue;
        findings.push({
          check: 'wheel-dbr-too-old',
          message:
            `task ${task.key} uses cluster with incompatible DBR version ${text.value}: Python wheel tasks require compute ` +
            'with DBR 13.3+ to include local libraries',
          loc: version.loc,
          resources: [job.address],
          evidence: evidenceAt(bundle, version.loc, 0, 0),
          impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
          fix: { text: 'Use spark_version 13.3.x-scala2.12 or newer (or serverless), or set `experimental.python_wheel_wrapper: true`.' },
        });
      }
    }
    return findings;
  },
};

function sparkVersion(target: TargetView, job: MapNode, task: MapNode): ScalarNode | undefined {
  return asScalar(get(taskClusterSpec(target, { node: job }, { node: task }), 'spark_version'));
}

function tooOld(version: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major < 13 || (major === 13 && minor < 3);
}
