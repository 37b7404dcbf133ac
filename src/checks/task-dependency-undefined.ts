import type { Check, MapNode, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asScalar, asSeq, asString, get } from './lib/nodes.js';
import { closeMatches } from './lib/suggest.js';

/** Jobs whose dependencies all resolve: the same in every target that shares the job's node. */
const cleanJobs = new WeakSet<MapNode>();

export const taskDependencyUndefined: Check = {
  id: 'task-dependency-undefined',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.1,
  title: 'Task dependencies name tasks of the same job',
  successMessage: 'Every depends_on entry names a task of the same job.',
  docs: `\`depends_on: [{task_key: x}]\` must name a task of the same job (after target merging by task_key).
\`bundle validate\` does not check it; the Jobs API rejects the job at deploy (invalid dependency graph).
A target that drops or renames a task breaks the tasks that depend on it only in that target.
Fix: correct the task_key or add the task.
Reference: https://docs.databricks.com/dev-tools/bundles/settings#targets ; https://docs.databricks.com/api/workspace/jobs/create#tasks-depends_on`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const job of target.jobs) {
      if (cleanJobs.has(job.node)) continue;
      const before = findings.length;
      const tasks = asSeq(get(job.node, 'tasks'))?.items ?? [];
      const keys = new Set(tasks.map((t) => asString(get(t, 'task_key'))).filter((k): k is string => !!k));
      for (const task of tasks) {
        for (const dep of asSeq(get(task, 'depends_on'))?.items ?? []) {
          const node = asScalar(get(dep, 'task_key'));
          const key = asString(node);
          if (!node || key === undefined || key.includes('${') || keys.has(key)) continue;
          const close = closeMatches(key, keys);
          findings.push({
            check: 'task-dependency-undefined',
            message: `task ${asString(get(task, 'task_key')) ?? '?'} depends on task ${key}, which job ${job.key} does not define in target ${target.name}`,
            loc: node.loc,
            resources: [job.address],
            evidence: evidenceAt(bundle, node.loc, 0, 0),
            impact: `\`bundle deploy\` fails for target ${target.name}: the Jobs API rejects the dependency graph.`,
            fix: { text: close.length > 0 ? `Did you mean ${close.join(' or ')}?` : `Add task ${key} to ${job.address} or remove the dependency.` },
          });
        }
      }
      if (findings.length === before) cleanJobs.add(job.node);
    }
    return findings;
  },
};
