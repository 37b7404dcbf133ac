// The cluster a job task runs on: its own new_cluster, the job cluster its job_cluster_key names, or
// the bundle cluster its existing_cluster_id references (`${resources.clusters.<key>.id}`).
import type { Job, MapNode, Node, Task, TargetView } from '../../model.js';
import { asMap, asSeq, asString, get } from './nodes.js';

const CLUSTER_REF = /^\$\{resources\.clusters\.([A-Za-z0-9_-]+)\.(?:id|cluster_id)\}$/;

/** The cluster specification of a task (a new_cluster-shaped mapping), when the bundle defines it. */
export function taskClusterSpec(target: TargetView, job: Job | { node: MapNode }, task: Task | { node: MapNode }): MapNode | undefined {
  const own = asMap(get(task.node, 'new_cluster'));
  if (own) return own;
  const key = asString(get(task.node, 'job_cluster_key'));
  if (key !== undefined) {
    for (const jc of asSeq(get(job.node, 'job_clusters'))?.items ?? []) {
      if (asString(get(jc, 'job_cluster_key')) === key) return asMap(get(jc, 'new_cluster'));
    }
    return undefined;
  }
  const existing = asString(get(task.node, 'existing_cluster_id'));
  const ref = existing ? CLUSTER_REF.exec(existing.trim()) : null;
  return ref ? asMap(target.resources.get('clusters')?.get(ref[1])?.node as Node | undefined) : undefined;
}

/** Whether the task's cluster runs a custom Docker image (`docker_image`, however its value is given). */
export function runsDockerImage(target: TargetView, job: Job, task: Task): boolean {
  const spec = taskClusterSpec(target, job, task);
  const image = spec?.entries.get('docker_image');
  return image !== undefined && !(image.kind === 'scalar' && (image.value === null || image.value === ''));
}
