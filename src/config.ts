// `.dab-ready.yml`: phases, ignore rules, severity overrides, gate settings. A bad file never throws:
// each problem is a `config-invalid` notice at its line and the faulty part falls back to defaults.
import fs from 'node:fs';
import path from 'node:path';
import type { DabReadyConfig, IgnoreRule, MapNode, Node, PhaseConfig, RawFinding, Severity } from './model.js';
import { SEVERITIES } from './model.js';
import { catalog, describeCheck } from './checks/catalog.js';
import { configInvalid, readConfigFile } from './project/yaml.js';

export const CONFIG_FILE_NAMES = ['.dab-ready.yml', '.dab-ready.yaml'] as const;

export function defaultConfig(): DabReadyConfig {
  return { ignore: [], severity: {} };
}

const TOP_LEVEL_KEYS = ['phases', 'ignore', 'severity', 'fail-on', 'min-score'];
const KEY_ALIASES: Record<string, string> = { failOn: 'fail-on', fail_on: 'fail-on', minScore: 'min-score', min_score: 'min-score' };

/** Read `.dab-ready.yml` (or `.yaml`) at `repoPath`, or `explicitFile` (absolute or relative to `repoPath`).
 *  Notice locations are relative to `repoPath` (POSIX). No file = defaults, no notice. */
export function loadConfig(repoPath: string, explicitFile?: string): { config: DabReadyConfig; notices: RawFinding[] } {
  let abs: string | undefined;
  if (explicitFile) {
    abs = path.resolve(repoPath, explicitFile);
    if (!fs.existsSync(abs)) {
      return {
        config: defaultConfig(),
        notices: [configInvalid(`${explicitFile}: configuration file not found`, { file: displayPath(repoPath, abs), line: 1, column: 1 })],
      };
    }
  } else {
    abs = CONFIG_FILE_NAMES.map((n) => path.join(repoPath, n)).find((p) => isFile(p));
    if (!abs) return { config: defaultConfig(), notices: [] };
  }
  const rel = displayPath(repoPath, abs);
  const parsed = readConfigFile(abs, rel);
  const notices = [...parsed.notices];
  const config = defaultConfig();
  config.file = rel;
  if (parsed.file.root) interpretConfig(parsed.file.root, config, notices);
  return { config, notices };
}

/** Turn a parsed config mapping into a DabReadyConfig, reporting every wrong value. Exported for tests. */
export function interpretConfig(root: MapNode, config: DabReadyConfig, notices: RawFinding[]): void {
  const file = root.loc.file;
  for (const [rawKey, value] of root.entries) {
    const key = KEY_ALIASES[rawKey] ?? rawKey;
    const keyLoc = root.keyLocs.get(rawKey) ?? root.loc;
    switch (key) {
      case 'phases':
        config.phases = readPhases(value, notices, file);
        break;
      case 'ignore':
        config.ignore = readIgnore(value, notices, file);
        break;
      case 'severity':
        config.severity = readSeverity(value, notices, file);
        break;
      case 'fail-on': {
        const v = scalarString(value);
        if (v !== undefined && (v === 'none' || isSeverity(v))) config.failOn = v as Severity | 'none';
        else notices.push(configInvalid(`${file}: fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')}`, value.loc));
        break;
      }
      case 'min-score': {
        const v = value.kind === 'scalar' ? value.value : undefined;
        const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
        if (Number.isFinite(n) && n >= 0 && n <= 100) config.minScore = n;
        else notices.push(configInvalid(`${file}: min-score must be a number from 0 to 100`, value.loc));
        break;
      }
      default:
        notices.push(configInvalid(`${file}: unknown key '${rawKey}' (expected ${TOP_LEVEL_KEYS.join(', ')})`, keyLoc));
    }
  }
}

function readPhases(node: Node, notices: RawFinding[], file: string): PhaseConfig[] | undefined {
  if (node.kind === 'scalar' && node.value === null) return undefined;
  if (node.kind !== 'seq') {
    notices.push(configInvalid(`${file}: phases must be a list of {name, include}`, node.loc));
    return undefined;
  }
  const phases: PhaseConfig[] = [];
  node.items.forEach((item, index) => {
    if (item.kind !== 'map') {
      notices.push(configInvalid(`${file}: phases[${index}] must be a mapping with name and include`, item.loc));
      return;
    }
    const name = scalarString(item.entries.get('name'));
    if (!name) {
      notices.push(configInvalid(`${file}: phases[${index}] needs a name`, item.loc));
      return;
    }
    const include = stringList(item.entries.get('include'), notices, file, `phases[${index}].include`);
    if (!include || include.length === 0) {
      notices.push(configInvalid(`${file}: phases[${index}] (${name}) needs an include list`, item.entries.get('include')?.loc ?? item.loc));
      return;
    }
    const phase: PhaseConfig = { name, include };
    const idNode = item.entries.get('id');
    if (idNode) {
      const id = scalarString(idNode);
      if (id) phase.id = id;
      else notices.push(configInvalid(`${file}: phases[${index}].id must be a string or number`, idNode.loc));
    }
    const depNode = item.entries.get('depends_on') ?? item.entries.get('depends-on') ?? item.entries.get('dependsOn');
    if (depNode) {
      const deps = stringList(depNode, notices, file, `phases[${index}].depends_on`);
      if (deps) phase.dependsOn = deps;
    }
    for (const [k, v] of item.entries) {
      if (!['name', 'id', 'include', 'depends_on', 'depends-on', 'dependsOn'].includes(k)) {
        notices.push(configInvalid(`${file}: phases[${index}]: unknown key '${k}'`, item.keyLocs.get(k) ?? v.loc));
      }
    }
    phases.push(phase);
  });
  return phases.length > 0 ? phases : undefined;
}

function readIgnore(node: Node, notices: RawFinding[], file: string): IgnoreRule[] {
  if (node.kind === 'scalar' && node.value === null) return [];
  if (node.kind !== 'seq') {
    notices.push(configInvalid(`${file}: ignore must be a list of {check, path?, reason?}`, node.loc));
    return [];
  }
  const rules: IgnoreRule[] = [];
  node.items.forEach((item, index) => {
    if (item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim()) {
      rules.push({ check: item.value.trim() });
      return;
    }
    if (item.kind !== 'map') {
      notices.push(configInvalid(`${file}: ignore[${index}] must be a mapping with a check`, item.loc));
      return;
    }
    const check = scalarString(item.entries.get('check'));
    if (!check) {
      notices.push(configInvalid(`${file}: ignore[${index}] needs a check id`, item.loc));
      return;
    }
    const typo = likelyTypo(check, item.entries.get('check')!.loc, file);
    if (typo) notices.push(typo);
    const rule: IgnoreRule = { check };
    for (const field of ['path', 'reason'] as const) {
      const v = item.entries.get(field);
      if (!v || (v.kind === 'scalar' && v.value === null)) continue;
      const s = scalarString(v);
      if (s) rule[field] = s;
      else notices.push(configInvalid(`${file}: ignore[${index}].${field} must be a string`, v.loc));
    }
    for (const [k, v] of item.entries) {
      if (!['check', 'path', 'reason'].includes(k)) {
        notices.push(configInvalid(`${file}: ignore[${index}]: unknown key '${k}'`, item.keyLocs.get(k) ?? v.loc));
      }
    }
    rules.push(rule);
  });
  return rules;
}

function readSeverity(node: Node, notices: RawFinding[], file: string): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  if (node.kind === 'scalar' && node.value === null) return out;
  if (node.kind !== 'map') {
    notices.push(configInvalid(`${file}: severity must map check ids to ${[...SEVERITIES, 'off'].join('|')}`, node.loc));
    return out;
  }
  for (const [check, value] of node.entries) {
    const typo = likelyTypo(check, node.keyLocs.get(check) ?? value.loc, file);
    if (typo) notices.push(typo);
    const v = scalarString(value)?.toLowerCase();
    if (v && (v === 'off' || isSeverity(v))) out[check] = v as Severity | 'off';
    else if (value.kind === 'scalar' && value.value === false) out[check] = 'off';
    else {
      notices.push(
        configInvalid(`${file}: severity.${check}: '${describeValue(value)}' is not one of ${[...SEVERITIES, 'off'].join(', ')}`, value.loc),
      );
    }
  }
  return out;
}

/** A check id no check or verify step reports: the rule would silently do nothing. */
function likelyTypo(id: string, loc: RawFinding['loc'], file: string): RawFinding | undefined {
  if (id === '*' || describeCheck(id)) return undefined;
  const close = catalog.map((c) => c.id).filter((known) => editDistance(id, known) <= 2);
  const hint = close.length > 0 ? `did you mean '${close[0]}'?` : 'dab-ready checks lists the ids';
  return { ...configInvalid(`${file}: unknown check '${id}'; ${hint}`, loc), severity: 'medium' };
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function stringList(node: Node | undefined, notices: RawFinding[], file: string, what: string): string[] | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') {
    const s = scalarString(node);
    if (s) return [s];
    notices.push(configInvalid(`${file}: ${what} must be a list of strings`, node.loc));
    return undefined;
  }
  if (node.kind !== 'seq') {
    notices.push(configInvalid(`${file}: ${what} must be a list of strings`, node.loc));
    return undefined;
  }
  const out: string[] = [];
  for (const item of node.items) {
    const s = scalarString(item);
    if (s) out.push(s);
    else notices.push(configInvalid(`${file}: ${what}: every entry must be a string`, item.loc));
  }
  return out;
}

function scalarString(node: Node | undefined): string | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  if (typeof node.value === 'string') return node.value.trim() || undefined;
  if (typeof node.value === 'number') return String(node.value);
  return undefined;
}

function describeValue(node: Node): string {
  if (node.kind === 'scalar') return String(node.value);
  return node.kind === 'map' ? 'a mapping' : 'a list';
}

function isSeverity(v: string): v is Severity {
  return (SEVERITIES as readonly string[]).includes(v);
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function displayPath(repoPath: string, abs: string): string {
  const rel = path.relative(path.resolve(repoPath), abs);
  return (rel === '' ? path.basename(abs) : rel).split(path.sep).join('/');
}

