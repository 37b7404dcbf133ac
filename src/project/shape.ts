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
      if (isNull(body) || body.kind === 'map') continue;
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
