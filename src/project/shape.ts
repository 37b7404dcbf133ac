// Values that must be mappings (or lists) where the configuration expects them. A wrong type is a
// `config-invalid` finding at the value and the value is left out, so loading goes on.
import type { MapNode, Node, RawFinding } from '../model.js';
import { MergeSession, asMap, isNull } from './merge.js';
import { configInvalid, describe } from './yaml.js';

const TOP_LEVEL_MAPS = ['bundle', 'workspace', 'resources', 'variables', 'artifacts', 'sync', 'python', 'presets', 'experimental', 'scripts', 'run_as'];
const TARGET_MAPS = ['bundle', 'workspace', 'resources', 'variables', 'artifacts', 'sync', 'presets', 'run_as', 'git'];
const LISTS = ['include', 'permissions'];

/** Check a file's top level; returns the mapping without the values of the wrong type. */
export function checkShapes(root: MapNode, notices: RawFinding[]): MapNode {
  let clean = checkSection(root, '', TOP_LEVEL_MAPS, notices);
  for (const key of ['targets', 'environments']) {
    const targets = asMap(clean.entries.get(key));
    if (!targets) continue;
    let changedTargets: MapNode | undefined;
    for (const [name, body] of targets.entries) {
      const bodyMap = asMap(body);
      if (!bodyMap) continue;
      const checked = checkSection(bodyMap, `${key}.${name}.`, TARGET_MAPS, notices);
      if (checked === bodyMap) continue;
      changedTargets ??= copy(targets);
      changedTargets.entries.set(name, checked);
    }
    if (!changedTargets) continue;
    if (clean === root) clean = copy(root);
    clean.entries.set(key, changedTargets);
  }
  return clean;
}

function checkSection(map: MapNode, prefix: string, mapKeys: string[], notices: RawFinding[]): MapNode {
  let clean: MapNode | undefined;
  const drop = (key: string) => {
    clean ??= copy(map);
    clean.entries.delete(key);
    clean.keyLocs.delete(key);
  };
  for (const key of mapKeys) {
    const value = map.entries.get(key);
    if (value && !isNull(value) && value.kind !== 'map') {
      notices.push(configInvalid(`${prefix}${key} must be a mapping, found a ${describe(value)}`, value.loc));
      drop(key);
    }
  }
  for (const key of LISTS) {
    const value = map.entries.get(key);
    if (value && !isNull(value) && value.kind !== 'seq') {
      notices.push(configInvalid(`${prefix}${key} must be a list, found a ${describe(value)}`, value.loc));
      drop(key);
    }
  }
  const resources = asMap((clean ?? map).entries.get('resources'));
  if (resources) {
    const checked = checkResources(resources, `${prefix}resources`, notices);
    if (checked !== resources) {
      clean ??= copy(map);
      clean.entries.set('resources', checked);
    }
  }
  return clean ?? map;
}

function checkResources(resources: MapNode, prefix: string, notices: RawFinding[]): MapNode {
  let clean: MapNode | undefined;
  const seen: Checked = new Map();
  for (const [type, byKey] of resources.entries) {
    if (isNull(byKey)) continue;
    if (byKey.kind !== 'map') {
      notices.push(configInvalid(`${prefix}.${type} must be a mapping of resource keys, found a ${describe(byKey)}`, byKey.loc));
      clean ??= copy(resources);
      clean.entries.delete(type);
      continue;
    }
    let cleanKeys: MapNode | undefined;
    for (const [key, body] of byKey.entries) {
      if (isNull(body)) continue;
      if (body.kind === 'map') {
        const spec = RESOURCE_SPECS[type];
        const checked = spec ? checkValue(body, spec, `${prefix}.${type}.${key}`, notices, seen) : body;
        if (checked === body) continue;
        cleanKeys ??= copy(byKey);
        cleanKeys.entries.set(key, checked!);
        continue;
      }
      notices.push(configInvalid(`${prefix}.${type}.${key} must be a mapping, found a ${describe(body as Node)}`, body.loc));
      cleanKeys ??= copy(byKey);
      cleanKeys.entries.delete(key);
    }
    if (cleanKeys) {
      clean ??= copy(resources);
      clean.entries.set(type, cleanKeys);
    }
  }
  return clean ?? resources;
}

function copy(map: MapNode): MapNode {
  return new MergeSession().own(map);
}

/** The expected kind of a value inside a resource (only the fields whose readers need the kind). */
type Spec = MapSpec | SeqSpec;
interface MapSpec {
  kind: 'map';
  fields?: Record<string, Spec>;
  byName?: (key: string) => Spec | undefined;
}
interface SeqSpec {
  kind: 'seq';
  items?: Spec;
}

const MAP: MapSpec = { kind: 'map' };
const LIST: SeqSpec = { kind: 'seq' };
const LIST_OF_MAPS: SeqSpec = { kind: 'seq', items: MAP };
const CLUSTER: MapSpec = { kind: 'map', fields: { libraries: LIST_OF_MAPS, spark_conf: MAP, custom_tags: MAP, spark_env_vars: MAP, autoscale: MAP } };
const TASK: MapSpec = {
  kind: 'map',
  fields: { depends_on: LIST_OF_MAPS, libraries: LIST_OF_MAPS, new_cluster: CLUSTER, email_notifications: MAP, health: MAP },
  byName: (key) => (key.endsWith('_task') ? MAP : undefined),
};
TASK.fields!.for_each_task = { kind: 'map', fields: { task: TASK } };
const PERMISSIONS = LIST_OF_MAPS;
const RESOURCE_SPECS: Record<string, MapSpec> = {
  jobs: {
    kind: 'map',
    fields: {
      tasks: { kind: 'seq', items: TASK },
      job_clusters: { kind: 'seq', items: { kind: 'map', fields: { new_cluster: CLUSTER } } },
      environments: { kind: 'seq', items: { kind: 'map', fields: { spec: { kind: 'map', fields: { dependencies: LIST } } } } },
      parameters: LIST_OF_MAPS,
      permissions: PERMISSIONS,
      tags: MAP,
      git_source: MAP,
      schedule: MAP,
      trigger: MAP,
      email_notifications: MAP,
    },
  },
  pipelines: {
    kind: 'map',
    fields: { libraries: LIST_OF_MAPS, clusters: { kind: 'seq', items: CLUSTER }, configuration: MAP, permissions: PERMISSIONS, tags: MAP },
  },
};

const PURE_REFERENCE = /^\$\{[^{}]+\}$/;
/** Per notice list, where a wrong kind was already reported. */
const reportedWrongKinds = new WeakMap<RawFinding[], Set<string>>();

/** Per spec, the nodes already checked and their result. */
type Checked = Map<Spec, Map<Node, Node | undefined>>;

/**
 * `value` checked against `spec`: a value of the wrong kind is a `config-invalid` at its line and is
 * left out (undefined), so the rest loads. Nodes shared through YAML aliases are checked once.
 */
function checkValue(value: Node, spec: Spec, where: string, notices: RawFinding[], seen: Checked): Node | undefined {
  if (isNull(value)) return value;
  // A complex variable (`tasks: ${var.tasks}`) stands for a value of any kind.
  if (value.kind === 'scalar' && typeof value.value === 'string' && PURE_REFERENCE.test(value.value.trim())) return value;
  const done = seen.get(spec) ?? new Map<Node, Node | undefined>();
  seen.set(spec, done);
  if (done.has(value)) return done.get(value);
  let result: Node | undefined = value;
  if (value.kind !== spec.kind) {
    // One finding per written value, also when YAML aliases reach it from several resources.
    const at = value.loc;
    const reported = reportedWrongKinds.get(notices) ?? new Set<string>();
    reportedWrongKinds.set(notices, reported);
    const key = `${at.file}\0${at.line}\0${at.column}`;
    if (!reported.has(key)) notices.push(configInvalid(`${where} must be a ${spec.kind === 'map' ? 'mapping' : 'list'}, found a ${describe(value)}`, at));
    reported.add(key);
    result = undefined;
  } else if (spec.kind === 'seq' && value.kind === 'seq' && spec.items) {
    const items: Node[] = [];
    let changed = false;
    value.items.forEach((item, i) => {
      const checked = checkValue(item, spec.items!, `${where}[${i}]`, notices, seen);
      if (checked !== item) changed = true;
      if (checked) items.push(checked);
    });
    if (changed) result = { kind: 'seq', loc: value.loc, items };
  } else if (spec.kind === 'map' && value.kind === 'map' && (spec.fields || spec.byName)) {
    let clean: MapNode | undefined;
    for (const [key, child] of value.entries) {
      const childSpec = spec.fields?.[key] ?? spec.byName?.(key);
      if (!childSpec) continue;
      const checked = checkValue(child, childSpec, `${where}.${key}`, notices, seen);
      if (checked === child) continue;
      clean ??= copy(value);
      if (checked) clean.entries.set(key, checked);
      else {
        clean.entries.delete(key);
        clean.keyLocs.delete(key);
      }
    }
    if (clean) result = clean;
  }
  done.set(value, result);
  return result;
}
