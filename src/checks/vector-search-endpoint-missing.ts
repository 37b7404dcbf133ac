import type { Bundle, Check, Job, Loc, MapNode, RawFinding, TargetView } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { oncePerShared } from './lib/node-memo.js';
import { asMap, asScalar, asSeq, asString, get, walkMapNodes } from './lib/nodes.js';
import { reachableCode, taskEntries, type SharedReachedFile } from './lib/task-code.js';

/** Parameter / configuration keys that name a Vector Search endpoint. */
const ENDPOINT_KEY = /^(?:(?:vector_search|vs)_endpoint(?:_name)?|endpoint_name)$/i;
/** `endpoint_name="..."` passed to the Vector Search client in code. */
const CODE_ENDPOINT = /\bendpoint_name\s*=\s*(["'])([^"'{}]+)\1/g;

export const vectorSearchEndpointMissing: Check = {
  id: 'vector-search-endpoint-missing',
  category: 'Vector Search Endpoints',
  severity: 'high',
  effortHours: 2,
  title: 'Referenced Vector Search endpoints are created',
  successMessage: 'Every Vector Search endpoint the jobs reference is created by the bundle or its setup code',
  docs: `Jobs pass a Vector Search endpoint name (task base_parameters / named_parameters, job
parameters, pipeline configuration, or endpoint_name= in code), but nothing creates an endpoint of
that name: no \`vector_search_endpoints\` resource and no \`create_endpoint\` call in code a task runs.
The runs fail with "Endpoint not found" when they use it. Names are compared after \${...}
interpolation, per target.
Fix: declare the endpoint in the bundle (CLI >= 0.298.0, direct engine: \`bundle.engine: direct\` on
CLIs older than 1.3.0 or existing terraform deployments; \`target_qps\`, not \`min_qps\`, since 0.299.2):
  resources:
    vector_search_endpoints:
      entity_matching_vs:
        name: entity-matching-vs-\${bundle.target}
        endpoint_type: STANDARD
or create it idempotently in a setup task with VectorSearchClient().create_endpoint(name=..., endpoint_type="STANDARD").
Reference: https://docs.databricks.com/dev-tools/bundles/resources#vector_search_endpoints ; https://docs.databricks.com/aws/generative-ai/create-query-vector-search`,
  breaksDeploy: false,
  run(bundle, target) {
    const created = createdEndpoints(bundle, target);
    if (created.any) return [];
    const missing = new Map<string, { raw: string; loc: Loc; resources: Set<string> }>();
    let serving: Set<string> | undefined;
    for (const ref of endpointReferences(bundle, target)) {
      if (created.names.has(ref.name) || (serving ??= servingEndpointNames(target)).has(ref.name)) continue;
      const entry = missing.get(ref.name) ?? { raw: ref.raw, loc: ref.loc, resources: new Set<string>() };
      entry.resources.add(ref.resource);
      missing.set(ref.name, entry);
    }
    const findings: RawFinding[] = [];
    for (const [name, ref] of missing) {
      const resources = [...ref.resources].sort();
      findings.push({
        check: vectorSearchEndpointMissing.id,
        message: `Vector Search endpoint ${ref.raw} is referenced by ${resources.join(', ')} but nothing creates it (no vector_search_endpoints resource, no create_endpoint in task code)`,
        loc: ref.loc,
        resources,
        evidence: evidenceAt(bundle, ref.loc, 0, 0),
        impact: `Runs that use the endpoint fail with "Endpoint not found" (${name === ref.raw ? name : `${ref.raw} resolves to ${name}`}).`,
        fix: {
          text: 'Declare the endpoint as a bundle resource (direct deployment engine) or create it in a setup task before the jobs that use it.',
          patch: `resources:\n  vector_search_endpoints:\n    ${resourceKey(ref.raw)}:\n      name: ${ref.raw}\n      endpoint_type: STANDARD`,
        },
      });
    }
    return findings;
  },
};

interface EndpointReference {
  name: string; // interpolated
  raw: string; // as written
  loc: Loc;
  resource: string;
}

function endpointReferences(bundle: Bundle, target: TargetView): EndpointReference[] {
  const refs: EndpointReference[] = [];
  const add = (raw: string | undefined, loc: Loc, resource: string) => {
    const text = raw?.trim();
    if (!text) return;
    const interp = target.interpolate(text, loc);
    if (!interp.resolved) return; // ${resources.vector_search_endpoints.x.name}, lookups: not comparable statically
    refs.push({ name: interp.value, raw: text, loc, resource });
  };
  for (const job of target.jobs) for (const value of jobEndpointValues(job)) add(value.raw, value.loc, job.address);
  for (const pipeline of target.pipelines) {
    const config = asMap(get(pipeline.node, 'configuration'));
    for (const [key, value] of config?.entries ?? []) {
      const scalar = asScalar(value);
      if (scalar && ENDPOINT_KEY.test(key.split('.').pop() ?? key)) add(asString(scalar), scalar.loc, pipeline.address);
    }
  }
  for (const ref of codeFacts(bundle, reachableCode(bundle, taskEntries(bundle, target), 2)).refs) refs.push(ref);
  return refs;
}

interface CodeFacts {
  /** `endpoint_name="..."` in code that uses the Vector Search client. */
  refs: readonly EndpointReference[];
  /** Endpoint names code creates; `any` when one is created under a name that is not a literal. */
  created: readonly string[];
  any: boolean;
}

/** What the code tasks reach says about endpoints: once per walk, which targets with the same task entries share. */
const codeFacts = oncePerShared((bundle: Bundle, code: readonly SharedReachedFile[]): CodeFacts => {
  const refs: EndpointReference[] = [];
  const created: string[] = [];
  let any = false;
  for (const reached of code) {
    const facts = bundle.fileIndex.facts(reached.file);
    if (!facts) continue;
    for (const c of facts.createEndpoints) {
      if (c.name) created.push(c.name);
      else any = true;
    }
    if (facts.vectorSearchClient.length === 0) continue;
    const lines = bundle.fileIndex.lines(reached.file) ?? [];
    lines.forEach((line, i) => {
      for (const m of line.matchAll(CODE_ENDPOINT)) {
        for (const resource of new Set(reached.entries.map((e) => e.job.address))) {
          refs.push({ name: m[2], raw: m[2], loc: { file: reached.file, line: i + 1, column: (m.index ?? 0) + 1 }, resource });
        }
      }
    });
  }
  return { refs, created, any };
});

const valuesByJob = new WeakMap<Job, readonly { raw: string | undefined; loc: Loc }[]>();

/** The endpoint names a job writes (keys, job parameters, `--endpoint-name x` task parameters), in order: once per job. */
function jobEndpointValues(job: Job): readonly { raw: string | undefined; loc: Loc }[] {
  let values = valuesByJob.get(job);
  if (values) return values;
  const found = [...endpointsWritten(job.node)];
  for (const task of job.tasks) {
    const params = asSeq(get(task.typeNode, 'parameters'))?.items ?? [];
    params.forEach((p, i) => {
      const text = asString(p) ?? '';
      const flag = /^--?([\w-]+)(?:=(.*))?$/.exec(text);
      if (!flag || !ENDPOINT_KEY.test(flag[1].replace(/-/g, '_'))) return;
      const valueNode = flag[2] !== undefined ? asScalar(p) : asScalar(params[i + 1]);
      const value = flag[2] ?? asString(valueNode);
      if (valueNode) found.push({ raw: value, loc: valueNode.loc });
    });
  }
  valuesByJob.set(job, (values = found));
  return values;
}

const writtenByJob = new WeakMap<MapNode, readonly { raw: string | undefined; loc: Loc }[]>();

/** The endpoint-name values written in a job (before interpolation), once per job node: targets share unchanged jobs. */
function endpointsWritten(jobNode: MapNode): readonly { raw: string | undefined; loc: Loc }[] {
  let written = writtenByJob.get(jobNode);
  if (written) return written;
  const found: { raw: string | undefined; loc: Loc }[] = [];
  walkMapNodes(jobNode, (map) => {
    for (const [key, value] of map.entries) {
      const scalar = asScalar(value);
      if (scalar && ENDPOINT_KEY.test(key)) found.push({ raw: asString(scalar), loc: scalar.loc });
    }
    // job parameters: [{name: vector_search_endpoint, default: ...}]
    const name = asString(map.entries.get('name'));
    const def = asScalar(map.entries.get('default'));
    if (name && def && ENDPOINT_KEY.test(name) && map !== jobNode) found.push({ raw: asString(def), loc: def.loc });
  });
  writtenByJob.set(jobNode, (written = found));
  return written;
}

/** Endpoint names the target creates; `any` when code creates one whose name is not a literal. */
function createdEndpoints(bundle: Bundle, target: TargetView): { names: Set<string>; any: boolean } {
  const names = new Set<string>();
  let any = false;
  for (const res of target.resources.get('vector_search_endpoints')?.values() ?? []) {
    const nameNode = asScalar(get(res.node, 'name'));
    const raw = asString(nameNode);
    if (raw && nameNode) names.add(target.interpolate(raw, nameNode.loc).value);
  }
  const code = codeFacts(bundle, reachableCode(bundle, taskEntries(bundle, target), 2));
  for (const name of code.created) names.add(name);
  if (code.any) any = true;
  return { names, any };
}

/** Model serving endpoint names: an `endpoint_name` parameter may name one of those instead. */
function servingEndpointNames(target: TargetView): Set<string> {
  const names = new Set<string>();
  for (const res of target.resources.get('model_serving_endpoints')?.values() ?? []) {
    const nameNode = asScalar(get(res.node, 'name'));
    const raw = asString(nameNode);
    if (raw && nameNode) names.add(target.interpolate(raw, nameNode.loc).value);
  }
  return names;
}

function resourceKey(raw: string): string {
  const key = raw
    .replace(/\$\{[^}]*\}/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  return key || 'vector_search';
}
