import type { Check, MapNode, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asMap, asScalar, asSeq, asString, get } from './lib/nodes.js';

/** Jobs without an undefined key: the same in every target that shares the job's node. */
const cleanJobs = new WeakSet<MapNode>();

export const jobClusterKeyUndefined: Check = {
  id: 'job-cluster-key-undefined',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.1,
  title: 'Tasks use job clusters their job defines',
  successMessage: "Every task's job_cluster_key names a cluster in its job's job_clusters.",
  docs: `A task's \`job_cluster_key\` must name an entry of the same job's \`job_clusters\` (after target merging,
clusters are matched by job_cluster_key). \`bundle validate\` reports \`job_cluster_key <k> is not defined\`
and the Jobs API rejects the job when it is deployed.
Fix: add the cluster to \`job_clusters\` or correct the key.
Reference: https://docs.databricks.com/dev-tools/cli/bundle-commands#validate ; https://github.com/databricks/cli/blob/main/bundle/config/validate/job_cluster_key_defined.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const job of target.jobs) {
      if (cleanJobs.has(job.node)) continue;
      const before = findings.length;
      const defined = new Set(
        (asSeq(get(job.node, 'job_clusters'))?.items ?? []).map((c) => asString(get(c, 'job_cluster_key'))).filter((k): k is string => !!k),
      );
      const tasks = (asSeq(get(job.node, 'tasks'))?.items ?? []).flatMap((t) => [asMap(t), asMap(get(t, 'for_each_task', 'task'))]);
      for (const task of tasks) {
        const node = asScalar(get(task, 'job_cluster_key'));
        const key = asString(node);
        if (!node || key === undefined || key.includes('${') || defined.has(key)) continue;
        findings.push({
          check: 'job-cluster-key-undefined',
          message: `job_cluster_key ${key} is not defined`,
          loc: node.loc,
          resources: [job.address],
          evidence: evidenceAt(bundle, node.loc, 0, 0),
          impact: `\`bundle deploy\` fails for target ${target.name}: the Jobs API rejects the task.`,
          fix: {
            text: defined.size > 0
              ? `Use one of ${[...defined].sort().join(', ')}, or add a job_clusters entry with job_cluster_key: ${key}.`
              : `Add \`job_clusters: [{job_cluster_key: ${key}, new_cluster: {...}}]\` to ${job.address}.`,
          },
        });
      }
      if (findings.length === before) cleanJobs.add(job.node);
    }
    return findings;
  },
};
