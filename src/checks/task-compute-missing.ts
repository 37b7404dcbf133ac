import type { Bundle, Check, Job, MapNode, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { nodeMemo } from './lib/node-memo.js';
import { asMap, asSeq, asString, get, isNull } from './lib/nodes.js';

const COMPUTE_FIELDS = ['job_cluster_key', 'environment_key', 'existing_cluster_id', 'new_cluster'];
/** Task types that run on a cluster or serverless environment and name none by default (cli job_task_cluster_spec.go isComputeTask). */
const NEEDS_COMPUTE = ['python_wheel_task', 'dbt_task', 'spark_jar_task', 'spark_submit_task', 'spark_python_task'];

export const taskComputeMissing: Check = {
  id: 'task-compute-missing',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Tasks that need compute name it',
  successMessage: 'Every wheel, Python, JAR, spark-submit and dbt task names a cluster or an environment.',
  docs: `A \`python_wheel_task\`, \`spark_python_task\`, \`spark_jar_task\`, \`spark_submit_task\` or \`dbt_task\` must say where it
runs: one of \`job_cluster_key\`, \`environment_key\`, \`existing_cluster_id\` or \`new_cluster\`. Otherwise
\`bundle validate\` fails with \`Missing required cluster or environment settings\` (\`Task "x" requires a cluster
or an environment to run.\`). Notebook tasks may leave it out (they use the notebook environment), and
\`bundle.cluster_id\` (\`--cluster-id\`) fills it in for every task.
Fix: add one of the four fields to the task.
Reference: https://docs.databricks.com/dev-tools/bundles/job-task-types ; https://github.com/databricks/cli/blob/main/bundle/config/validate/job_task_cluster_spec.go`,
  breaksDeploy: true,
  run(bundle, target) {
    if (!isNull(get(target.config, 'bundle', 'cluster_id'))) return [];
    return target.jobs.flatMap((job) => jobFindings(bundle, job));
  },
};

const memo = nodeMemo<readonly RawFinding[]>();
const jobFindings = (bundle: Bundle, job: Job) => memo(job.node, job.address, () => jobFindingsUncached(bundle, job));

function jobFindingsUncached(bundle: Bundle, job: Job): RawFinding[] {
  const findings: RawFinding[] = [];
  const check = (task: MapNode, path: string) => {
    const inner = asMap(get(task, 'for_each_task', 'task'));
    if (inner) check(inner, `${path}.for_each_task.task`);
    const missing = COMPUTE_FIELDS.filter((f) => isNull(task.entries.get(f)) || asString(task.entries.get(f)) === '');
    if (missing.length < COMPUTE_FIELDS.length || !NEEDS_COMPUTE.some((t) => task.entries.has(t))) return;
    const key = asString(task.entries.get('task_key')) ?? '';
    findings.push({
      check: 'task-compute-missing',
      message: `Missing required cluster or environment settings: task "${key}" requires a cluster or an environment to run (${path})`,
      loc: task.loc,
      resources: [job.address],
      evidence: evidenceAt(bundle, task.loc, 0, 3),
      impact: '`bundle validate` and `bundle deploy` fail.',
      fix: { text: `Specify one of the following fields: ${COMPUTE_FIELDS.join(', ')}.` },
    });
  };
  (asSeq(job.node.entries.get('tasks'))?.items ?? []).forEach((task, i) => {
    const map = asMap(task);
    if (map) check(map, `resources.${job.address}.tasks[${i}]`);
  });
  return findings;
}
