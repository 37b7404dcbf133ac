import type { Bundle, Check, Loc, MapNode, Node, RawFinding, TargetView } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asScalar, asSeq, asString, get, walkMapNodes } from './lib/nodes.js';
import { reachableCode, taskEntries } from './lib/task-code.js';

/** Task / job parameter keys that name a registered model. */
const MODEL_KEY = /^(?:registered_)?model_name$/i;

export const modelRegistryUnresolved: Check = {
  id: 'model-registry-unresolved',
  category: 'Model Registry Integration',
  severity: 'low',
  effortHours: 1,
  title: 'Models that are served or used are registered',
  successMessage: 'Every model the serving endpoints and jobs name is registered by the bundle or its code',
  docs: `A model serving endpoint (\`config.served_entities[].entity_name\`, legacy \`served_models[].model_name\`)
or a job parameter (\`model_name\`, \`registered_model_name\`) names a registered model that nothing in
the bundle registers: no \`registered_models\` resource (Unity Catalog, compared as
catalog.schema.name after \${...} interpolation), no \`models\` resource, and no
\`mlflow.register_model\` / \`log_model(registered_model_name=...)\` / \`create_registered_model\` in code
a task runs. The serving endpoint or the job then depends on a model created by hand (or not at all).
High for a serving endpoint: deploying it fails while the model version does not exist. Low when only
task code loads the model: the run fails in a fresh workspace, but the model may be registered elsewhere.
Fix: declare the model
  resources:
    registered_models:
      ditto_matcher:
        catalog_name: \${var.catalog_name}
        schema_name: models
        name: ditto_matcher
and register versions from the training job (mlflow.register_model / log_model(registered_model_name=...)).
Reference: https://docs.databricks.com/dev-tools/bundles/resources#registered_models ; https://docs.databricks.com/dev-tools/bundles/variables`,
  breaksDeploy: false,
  run(bundle, target) {
    const registered = registeredModels(bundle, target);
    if (registered.any) return [];
    const missing = new Map<string, { raw: string; loc: Loc; resources: Set<string> }>();
    for (const ref of modelReferences(target)) {
      if (isRegistered(ref.name, registered.names)) continue;
      const entry = missing.get(ref.name) ?? { raw: ref.raw, loc: ref.loc, resources: new Set<string>() };
      entry.resources.add(ref.resource);
      missing.set(ref.name, entry);
    }
    const findings: RawFinding[] = [];
    for (const [name, ref] of missing) {
      const parts = name.split('.');
      const uc = parts.length === 3;
      const resources = [...ref.resources].sort();
      // A serving endpoint whose model version does not exist fails to deploy; task code that loads
      // the model only fails when it runs, and may well load a model registered elsewhere.
      const served = resources.some((r) => r.startsWith('model_serving_endpoints.'));
      findings.push({
        check: modelRegistryUnresolved.id,
        severity: served ? 'high' : 'low',
        breaksDeploy: served,
        message: `model ${ref.raw} is ${served ? 'served' : 'used'} by ${resources.join(', ')} but nothing in the bundle registers it`,
        loc: ref.loc,
        resources,
        evidence: evidenceAt(bundle, ref.loc, 0, 0),
        impact: served
          ? 'Deploying the serving endpoint fails while the model (version) does not exist: a fresh workspace or target has no such model.'
          : 'The job loads a model registered by hand: in a fresh workspace or target the run fails until someone registers it.',
        fix: {
          text: 'Declare the model as a bundle resource and register versions from the training code.',
          patch: uc
            ? `resources:\n  registered_models:\n    ${parts[2].replace(/[^A-Za-z0-9_]+/g, '_')}:\n      catalog_name: ${rawPart(ref.raw, 0) ?? parts[0]}\n      schema_name: ${rawPart(ref.raw, 1) ?? parts[1]}\n      name: ${parts[2]}`
            : `mlflow.register_model(f"runs:/{run_id}/model", "${name}")`,
        },
      });
    }
    return findings;
  },
};

interface ModelReference {
  name: string;
  raw: string;
  loc: Loc;
  resource: string;
}

function modelReferences(target: TargetView): ModelReference[] {
  const refs: ModelReference[] = [];
  const add = (node: Node | undefined, resource: string) => {
    const scalar = asScalar(node);
    const raw = asString(scalar)?.trim();
    if (!scalar || !raw) return;
    const interp = target.interpolate(raw, scalar.loc);
    // ${resources.registered_models.x.name} names a declared model; other unresolved references
    // (lookups, deploy-time values) cannot be compared statically.
    if (!interp.resolved) return;
    if (interp.value.startsWith('system.')) return; // foundation models served from the system catalog
    refs.push({ name: interp.value, raw, loc: scalar.loc, resource });
  };
  for (const endpoint of target.resources.get('model_serving_endpoints')?.values() ?? []) {
    for (const entity of asSeq(get(endpoint.node, 'config', 'served_entities'))?.items ?? []) {
      if (get(entity, 'external_model')) continue;
      add(get(entity, 'entity_name'), endpoint.address);
    }
    for (const model of asSeq(get(endpoint.node, 'config', 'served_models'))?.items ?? []) add(get(model, 'model_name'), endpoint.address);
  }
  for (const job of target.jobs) {
    for (const value of modelValuesWritten(job.node)) add(value, job.address);
  }
  return refs;
}

const valuesByJob = new WeakMap<MapNode, readonly (Node | undefined)[]>();

/** The model-name values written in a job (before interpolation), once per job node: targets share unchanged jobs. */
function modelValuesWritten(jobNode: MapNode): readonly (Node | undefined)[] {
  let values = valuesByJob.get(jobNode);
  if (values) return values;
  const found: (Node | undefined)[] = [];
  walkMapNodes(jobNode, (map) => {
    for (const [key, value] of map.entries) if (MODEL_KEY.test(key)) found.push(value);
    const name = asString(map.entries.get('name'));
    if (name && MODEL_KEY.test(name) && map !== jobNode) found.push(map.entries.get('default'));
  });
  valuesByJob.set(jobNode, (values = found));
  return values;
}

function registeredModels(bundle: Bundle, target: TargetView): { names: Set<string>; any: boolean } {
  const names = new Set<string>();
  let any = false;
  const value = (node: Node | undefined): string | undefined => {
    const scalar = asScalar(node);
    const raw = asString(scalar);
    return scalar && raw ? target.interpolate(raw, scalar.loc).value : undefined;
  };
  for (const res of target.resources.get('registered_models')?.values() ?? []) {
    const parts = [value(get(res.node, 'catalog_name')), value(get(res.node, 'schema_name')), value(get(res.node, 'name'))];
    names.add(parts.filter((p) => p !== undefined).join('.'));
  }
  for (const res of target.resources.get('models')?.values() ?? []) {
    const name = value(get(res.node, 'name'));
    if (name) names.add(name);
  }
  for (const reached of reachableCode(bundle, taskEntries(bundle, target), 2)) {
    for (const reg of bundle.fileIndex.facts(reached.file)?.registersModels ?? []) {
      if (/set_registry_uri/.test(reg.text) && !/register_model|log_model|create_registered_model/.test(reg.text)) continue;
      if (reg.name) names.add(reg.name);
      else any = true; // registered under a computed name: assume it is the one referenced
    }
  }
  return { names, any };
}

function isRegistered(name: string, registered: Set<string>): boolean {
  if (registered.has(name)) return true;
  const last = name.split('.').pop();
  // a one- or two-part name matches a UC name by its last part (the catalog/schema come from defaults)
  return [...registered].some((r) => (r.split('.').length !== 3 || name.split('.').length !== 3) && r.split('.').pop() === last);
}

/** The n-th dot-separated part of a name as written (keeps `${var.catalog_name}` for the patch). */
function rawPart(raw: string, n: number): string | undefined {
  const parts = raw.split(/\.(?![^{]*\})/);
  return parts.length === 3 ? parts[n] : undefined;
}
