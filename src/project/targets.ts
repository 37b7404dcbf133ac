// Targets (reference §4): selection of the default target, and `targets.<name>` merged into the
// root configuration followed by the CLI's merges of list elements by key.
import type { Loc, MapNode, Node, RawFinding, SeqNode } from '../model.js';
import { MergeSession, asMap, asSeq, asString, isNull, mergeElementsByKey } from './merge.js';
import { kindName } from '../schema/normalize.js';
import { configInvalid, describe } from './yaml.js';

export interface TargetDecl {
  name: string;
  loc?: Loc;
  node?: MapNode; // the override body (undefined for the implicit `default` or a null body)
}

export interface TargetSelection {
  targets: TargetDecl[];
  defaultTarget: string;
  notices: RawFinding[];
}

export function readTargets(base: MapNode): TargetSelection {
  const notices: RawFinding[] = [];
  let node = base.entries.get('targets');
  const environments = base.entries.get('environments');
  if (node && environments && !isNull(node) && !isNull(environments)) {
    notices.push(configInvalid(`both 'environments' and 'targets' are specified; only 'targets' should be used`, environments.loc));
  } else if ((!node || isNull(node)) && environments) {
    node = environments;
  }
  const map = asMap(node);
  if (node && !isNull(node) && !map) {
    notices.push(configInvalid(`targets must be a mapping of target names to target settings, found a ${describe(node)}`, node.loc));
  }
  const targets: TargetDecl[] = [];
  for (const [name, body] of map?.entries ?? []) {
    const loc = map!.keyLocs.get(name) ?? body.loc;
    const bodyMap = asMap(body);
    if (!bodyMap && !isNull(body)) {
      notices.push(configInvalid(`targets.${name} must be a mapping, found a ${describe(body)}`, body.loc));
    }
    targets.push(bodyMap ? { name, loc, node: bodyMap } : { name, loc });
  }
  if (targets.length === 0) return { targets: [{ name: 'default' }], defaultTarget: 'default', notices };

  const defaults = targets.filter((t) => {
    const flag = t.node?.entries.get('default');
    return flag?.kind === 'scalar' && (flag.value === true || flag.value === 'true');
  });
  if (defaults.length > 1) {
    notices.push(
      configInvalid(
        `multiple targets are marked as default (${defaults.map((t) => t.name).join(', ')})`,
        defaults[1].node?.entries.get('default')?.loc ?? defaults[1].loc,
      ),
    );
  }
  const defaultTarget = targets.length === 1 ? targets[0].name : (defaults[0]?.name ?? targets[0].name);
  return { targets, defaultTarget, notices };
}

/** Sections of a target that merge recursively into the same top-level key. */
const MERGED_SECTIONS = ['bundle', 'workspace', 'artifacts', 'resources', 'sync', 'permissions', 'presets'];

/**
 * The configuration for one target: `base` with the target's sections merged in (variables are
 * handled by variables.ts and stay as in `base`), then list elements merged by key.
 */
export function mergeTarget(base: MapNode, target: TargetDecl): { config: MapNode; mode?: string; notices: RawFinding[] } {
  const notices: RawFinding[] = [];
  let section = '';
  const session = new MergeSession((a, b) => {
    // The CLI stops at the first conflict of a target (libs/dyn/merge/merge.go).
    if (notices.length > 0) return;
    notices.push({
      ...configInvalid(
        `failed to perform target override for target=${target.name}: failed to merge target=${target.name} field=${section}: cannot merge ${kindName(a)} with ${kindName(b)}`,
        b.loc,
      ),
      targets: [target.name],
    });
  });
  let config = session.own(base);
  const body = target.node;
  let mode: string | undefined;
  if (body) {
    for (const name of MERGED_SECTIONS) {
      const value = body.entries.get(name);
      if (value === undefined || isNull(value)) continue;
      section = name;
      setKey(config, name, session.merge(config.entries.get(name), value), body.keyLocs.get(name));
    }
    const runAs = body.entries.get('run_as');
    if (runAs !== undefined && !isNull(runAs)) setKey(config, 'run_as', runAs, body.keyLocs.get('run_as'));
    const bundleFields: [string, string][] = [
      ['cluster_id', 'cluster_id'],
      ['compute_id', 'compute_id'],
      ['mode', 'mode'],
    ];
    for (const [from, to] of bundleFields) {
      const value = body.entries.get(from);
      if (value === undefined || isNull(value)) continue;
      const bundle = session.own(asMap(config.entries.get('bundle')) ?? session.newMap(body.loc));
      setKey(bundle, to, value, body.keyLocs.get(from));
      setKey(config, 'bundle', bundle);
    }
    const git = body.entries.get('git');
    if (git !== undefined && !isNull(git)) {
      const bundle = session.own(asMap(config.entries.get('bundle')) ?? session.newMap(body.loc));
      setKey(bundle, 'git', session.merge(bundle.entries.get('git'), git), body.keyLocs.get('git'));
      setKey(config, 'bundle', bundle);
    }
    mode = asString(body.entries.get('mode'));
  }
  section = 'resources';
  config = mergeResourceElements(session, config);
  return mode !== undefined ? { config, mode, notices } : { config, notices };
}

function setKey(map: MapNode, key: string, value: Node, keyLoc?: Loc): void {
  if (!map.entries.has(key) || !map.keyLocs.has(key)) map.keyLocs.set(key, keyLoc ?? value.loc);
  map.entries.set(key, value);
}

type KeyOf = ((item: Node) => string) & { field?: string };
function byField(field: string, lower = false, fallback = ''): KeyOf {
  const keyOf: KeyOf = (item) => {
    const value = asString(asMap(item)?.entries.get(field));
    if (value === undefined) return fallback;
    return lower ? value.toLowerCase() : value;
  };
  keyOf.field = field;
  return keyOf;
}

/** Per resource type, the list fields whose elements merge by key (resourcemutator/merge_*.go). */
const ELEMENT_KEYS: Record<string, [string, KeyOf][]> = {
  jobs: [
    ['tasks', byField('task_key')],
    ['job_clusters', byField('job_cluster_key')],
    ['parameters', byField('name')],
  ],
  pipelines: [['clusters', byField('label', true, 'default')]],
  apps: [['resources', byField('name')]],
};
const GRANTS: [string, KeyOf] = ['grants', byField('principal')];

/** List elements merged by key again, after complex variables brought in whole lists (the CLI merges after resolving). */
export function mergeElementsAfterSubstitution(config: MapNode): MapNode {
  const session = new MergeSession();
  return mergeResourceElements(session, session.own(config));
}

function mergeResourceElements(session: MergeSession, config: MapNode): MapNode {
  const resources = asMap(config.entries.get('resources'));
  if (!resources) return config;
  let ownedResources: MapNode | undefined;
  for (const [type, byKey] of resources.entries) {
    const keys = asMap(byKey);
    if (!keys) continue;
    const fields = [...(ELEMENT_KEYS[type] ?? []), GRANTS];
    let ownedKeys: MapNode | undefined;
    for (const [key, resource] of keys.entries) {
      const body = asMap(resource);
      if (!body) continue;
      let ownedBody: MapNode | undefined;
      for (const [field, keyOf] of fields) {
        const seq = asSeq(body.entries.get(field));
        if (!seq || seq.items.length < 2) continue;
        const merged: SeqNode = mergeElementsByKey(session, seq, keyOf, keyOf.field);
        if (merged === seq) continue;
        ownedBody ??= session.own(body);
        ownedBody.entries.set(field, merged);
      }
      if (!ownedBody) continue;
      ownedResources ??= session.own(resources);
      ownedKeys ??= session.own(keys);
      ownedKeys.entries.set(key, ownedBody);
    }
    if (ownedKeys) ownedResources!.entries.set(type, ownedKeys);
  }
  if (ownedResources) config.entries.set('resources', ownedResources);
  return config;
}
