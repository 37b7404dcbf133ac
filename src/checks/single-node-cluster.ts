import type { Bundle, Check, Job, MapNode, Node, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { nodeMemo } from './lib/node-memo.js';
import { asMap, asSeq, asString, get, isNull } from './lib/nodes.js';

/** Whether the CLI warns about a cluster spec (cli bundle/config/validate/single_node_cluster.go). */
function misconfiguredSingleNode(cluster: MapNode): boolean {
  const workers = cluster.entries.get('num_workers');
  if (workers?.kind !== 'scalar' || typeof workers.value !== 'number' || workers.value > 0) return false;
  const single = cluster.entries.get('is_single_node');
  if (single?.kind === 'scalar' && single.value === true) return false;
  if (!isNull(cluster.entries.get('policy_id')) && asString(cluster.entries.get('policy_id')) !== '') return false;
  const conf = (key: string) => asString(get(cluster, 'spark_conf', key));
  const tag = asString(get(cluster, 'custom_tags', 'ResourceClass'));
  return conf('spark.databricks.cluster.profile') !== 'singleNode' || !(conf('spark.master') ?? '').startsWith('local') || tag !== 'SingleNode';
}

export const singleNodeCluster: Check = {
  id: 'single-node-cluster',
  category: 'Bundle Configuration',
  severity: 'medium',
  effortHours: 0.1,
  title: 'Single-node clusters are configured as such',
  successMessage: 'Every cluster with num_workers: 0 is configured as a single-node cluster.',
  docs: `\`num_workers: 0\` is only valid for a single-node cluster; without the single-node settings the cluster
starts without workers and Spark jobs hang. \`bundle validate\` warns \`Single node cluster is not correctly
configured\` unless the spec sets \`is_single_node: true\`, a \`policy_id\`, or
\`spark_conf: {spark.databricks.cluster.profile: singleNode, spark.master: "local[*]"}\` together with
\`custom_tags: {ResourceClass: SingleNode}\`.
Fix: set \`is_single_node: true\` (or the spark_conf and custom_tags above), or give the cluster workers.
Reference: https://docs.databricks.com/compute/configure#single-node ; https://github.com/databricks/cli/blob/main/bundle/config/validate/single_node_cluster.go`,
  breaksDeploy: false,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const check = (node: Node | undefined, path: string, address: string) => {
      for (const f of clusterFindings(bundle, node, path, address)) findings.push(f);
    };
    for (const cluster of target.resources.get('clusters')?.values() ?? []) check(cluster.node, `resources.${cluster.address}`, cluster.address);
    for (const job of target.jobs) for (const f of jobFindings(bundle, job)) findings.push(f);
    for (const pipeline of target.pipelines) {
      (asSeq(pipeline.node.entries.get('clusters'))?.items ?? []).forEach((c, i) => check(c, `resources.${pipeline.address}.clusters[${i}]`, pipeline.address));
    }
    return findings;
  },
};

const memo = nodeMemo<readonly RawFinding[]>();
const NONE: readonly RawFinding[] = [];

const byJob = nodeMemo<readonly RawFinding[]>();

/** The findings of a job's clusters, once per job node: targets share the jobs they leave as written. */
function jobFindings(bundle: Bundle, job: Job): readonly RawFinding[] {
  return byJob(job.node, job.address, () => {
    const found: RawFinding[] = [];
    const check = (node: Node | undefined, path: string) => {
      for (const f of clusterFindings(bundle, node, path, job.address)) found.push(f);
    };
    const base = `resources.${job.address}`;
    (asSeq(job.node.entries.get('job_clusters'))?.items ?? []).forEach((jc, i) => check(get(jc, 'new_cluster'), `${base}.job_clusters[${i}].new_cluster`));
    (asSeq(job.node.entries.get('tasks'))?.items ?? []).forEach((task, i) => {
      check(get(task, 'new_cluster'), `${base}.tasks[${i}].new_cluster`);
      check(get(task, 'for_each_task', 'task', 'new_cluster'), `${base}.tasks[${i}].for_each_task.task.new_cluster`);
    });
    return found.length > 0 ? found : NONE;
  });
}

function clusterFindings(bundle: Bundle, node: Node | undefined, path: string, address: string): readonly RawFinding[] {
  const cluster = asMap(node);
  return cluster ? memo(cluster, path, () => clusterFindingsUncached(bundle, cluster, path, address)) : NONE;
}

function clusterFindingsUncached(bundle: Bundle, cluster: MapNode, path: string, address: string): RawFinding[] {
  if (!misconfiguredSingleNode(cluster)) return [];
  return [
    {
      check: 'single-node-cluster',
      message: `Single node cluster is not correctly configured (${path}): num_workers should be 0 only for single-node clusters`,
      loc: cluster.loc,
      resources: [address],
      evidence: evidenceAt(bundle, cluster.loc, 0, 3),
      impact: 'The cluster starts without workers: Spark work waits for executors that never come.',
      fix: { text: 'Set `is_single_node: true`, or spark_conf spark.databricks.cluster.profile: singleNode and spark.master: local[*] with custom_tags ResourceClass: SingleNode.' },
    },
  ];
}
