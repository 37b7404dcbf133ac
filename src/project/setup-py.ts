// What a setup.py declares that the wheel does not get as written: with a pyproject.toml [project]
// table setuptools takes the metadata from pyproject.toml (setup.py values of fields [project] sets
// are overridden; fields neither set nor listed in `dynamic` are ignored by recent setuptools); other
// build backends (hatchling, poetry-core, flit, uv) never run setup.py at all. Read, never judged:
// the setup-py-ignored check decides what it means.
import type { EntryPoint, Loc, SetupPyFacts, SetupPyField } from '../model.js';
import { normalizeName } from './python.js';
import { resolveName, type PyValue, type PythonModuleLiterals } from './python-literal.js';

type Table = Record<string, unknown>;

/** setup() keywords that are metadata, and the pyproject [project] field each one maps to. */
export const METADATA_KEYWORDS: Record<string, string> = {
  name: 'name',
  version: 'version',
  description: 'description',
  long_description: 'readme',
  long_description_content_type: 'readme',
  author: 'authors',
  author_email: 'authors',
  maintainer: 'maintainers',
  maintainer_email: 'maintainers',
  license: 'license',
  url: 'urls',
  project_urls: 'urls',
  download_url: 'urls',
  classifiers: 'classifiers',
  keywords: 'keywords',
  python_requires: 'requires-python',
  install_requires: 'dependencies',
  extras_require: 'optional-dependencies',
  entry_points: 'entry-points',
};

/** Where poetry (tool.poetry) keeps what [project] calls `field`. */
const POETRY_KEYS: Record<string, string[]> = {
  name: ['name'],
  version: ['version'],
  description: ['description'],
  readme: ['readme'],
  authors: ['authors'],
  maintainers: ['maintainers'],
  license: ['license'],
  urls: ['homepage', 'repository', 'documentation', 'urls'],
  classifiers: ['classifiers'],
  keywords: ['keywords'],
  'requires-python': ['dependencies'],
  dependencies: ['dependencies'],
  'optional-dependencies': ['extras'],
};

const ENTRY_POINT_FIELDS = ['scripts', 'gui-scripts', 'entry-points'];

export interface SetupPyInput {
  setupPy: PythonModuleLiterals;
  setupPyFile: string;
  backend: string;
  /** The backend runs setup.py (setuptools). */
  runs: boolean;
  pep621?: Table;
  poetry?: Table;
  /** The entry points the wheel gets (pyproject's, plus setup.py's where `dynamic` lets them through). */
  wheelEntryPoints: EntryPoint[];
  /** The entry points setup.py's `entry_points=` declares. */
  setupEntryPoints: EntryPoint[];
  /** The top-level packages the wheel ships. */
  packages: { name: string }[];
}

export function setupPyFacts(input: SetupPyInput): SetupPyFacts | undefined {
  const call = input.setupPy.setup;
  if (!call) return undefined;
  const env = input.setupPy.assignments;
  const dynamic = new Set(strings(input.pep621?.dynamic) ?? []);
  const fields: SetupPyField[] = [];
  let lostEntryPoints: EntryPoint[] = [];
  const locOf = (v: PyValue): Loc => ({ file: input.setupPyFile, line: v.pos.line, column: v.pos.column });

  for (const [keyword, raw] of call.kwargs) {
    const value = resolveName(raw, env);
    const loc = locOf(raw);
    if (keyword === 'entry_points') {
      if (input.runs && ENTRY_POINT_FIELDS.every((f) => dynamic.has(f))) continue;
      const result = entryPointsOutcome(input, value);
      if (!result) continue;
      lostEntryPoints = result.lost;
      fields.push({ keyword, field: ENTRY_POINT_FIELDS.join(' / '), outcome: result.outcome, detail: result.detail, loc });
      continue;
    }
    if (keyword === 'packages') {
      // setuptools honours packages= next to [project]; other backends find packages their own way.
      if (input.runs) continue;
      const listed = literalStrings(value);
      const missing = (listed ?? []).filter((p) => !input.packages.some((s) => s.name === p.split('.')[0]));
      if (missing.length > 0) fields.push({ keyword, field: 'packages', outcome: 'lost', detail: `packages ${missing.join(', ')}`, loc });
      continue;
    }
    const field = METADATA_KEYWORDS[keyword];
    if (!field) continue;
    if (input.runs && dynamic.has(field)) continue; // setup.py provides it, as pyproject.toml says
    const declared = declaredValue(input, field);
    if (declared === undefined) {
      fields.push({ keyword, field, outcome: 'lost', detail: describeLost(keyword, value), loc });
      continue;
    }
    if (!input.runs) continue; // never read: pyproject.toml's value is the one, and there is one
    const detail = difference(keyword, value, field, declared);
    if (detail) fields.push({ keyword, field, outcome: 'differs', detail, loc });
  }
  if (fields.length === 0) return undefined;
  return {
    file: input.setupPyFile,
    call: { file: input.setupPyFile, line: call.pos.line, column: call.pos.column },
    backend: input.backend,
    runs: input.runs,
    fields,
    lostEntryPoints,
  };
}

function declaredValue(input: SetupPyInput, field: string): unknown {
  const inProject = input.pep621?.[field];
  if (inProject !== undefined) return inProject;
  if (!input.poetry || input.runs) return undefined;
  for (const key of POETRY_KEYS[field] ?? []) {
    const v = input.poetry[key];
    if (v === undefined) continue;
    if (field === 'requires-python') return (v as Table)?.python;
    return v;
  }
  return undefined;
}

/** Lost or changed entry points of setup.py, compared with what the wheel gets. */
function entryPointsOutcome(input: SetupPyInput, value: PyValue | undefined): { outcome: SetupPyField['outcome']; detail: string; lost: EntryPoint[] } | undefined {
  const declared = input.setupEntryPoints;
  if (declared.length === 0) {
    // Unreadable (built at run time) or empty: lost only when nothing else provides entry points.
    if (value?.kind === 'dict' && value.entries.length === 0) return undefined;
    const pyprojectHasSome = input.pep621 && ENTRY_POINT_FIELDS.some((f) => input.pep621![f] !== undefined);
    if (input.wheelEntryPoints.length > 0 || pyprojectHasSome) return undefined;
    return { outcome: 'lost', detail: 'entry_points (not readable statically)', lost: [] };
  }
  const lost: EntryPoint[] = [];
  const parts: string[] = [];
  let changed = false;
  for (const ep of declared) {
    const same = input.wheelEntryPoints.find((w) => w.group === ep.group && w.name === ep.name);
    if (same && same.value === ep.value) continue;
    lost.push(ep);
    if (same) {
      changed = true;
      parts.push(`${ep.group} ${ep.name}=${ep.value} vs ${same.value} in ${same.loc.file}`);
    } else parts.push(`${ep.group} ${ep.name}=${ep.value}`);
  }
  if (lost.length === 0) return undefined;
  return { outcome: changed ? 'differs' : 'lost', detail: `entry_points ${parts.join(', ')}`, lost };
}

function describeLost(keyword: string, value: PyValue | undefined): string {
  const shown = display(value);
  return shown === undefined ? keyword : `${keyword} ${shown}`;
}

/** How the two declarations differ, or undefined when they agree (or cannot be compared statically). */
function difference(keyword: string, value: PyValue | undefined, field: string, declared: unknown): string | undefined {
  if (field === 'dependencies') return requirementDifference(literalStrings(value), strings(declared));
  if (field === 'name') {
    const mine = value?.kind === 'str' ? value.value : undefined;
    if (mine === undefined || typeof declared !== 'string' || normalizeName(mine) === normalizeName(declared)) return undefined;
    return `name ${mine} vs ${declared}`;
  }
  if (['version', 'description', 'requires-python'].includes(field) || (field === 'license' && typeof declared === 'string')) {
    const mine = value?.kind === 'str' ? value.value : undefined;
    if (mine === undefined || typeof declared !== 'string' || mine.trim() === declared.trim()) return undefined;
    const shown = (v: string) => (/\s/.test(v.trim()) ? JSON.stringify(v.trim()) : v.trim());
    return `${keyword} ${shown(mine)} vs ${field} ${shown(declared)}`;
  }
  if (field === 'classifiers' || field === 'keywords') {
    const mine = literalStrings(value);
    const theirs = strings(declared);
    if (!mine || !theirs || sameSet(mine, theirs)) return undefined;
    return `${keyword} [${mine.join(', ')}] vs ${field} [${theirs.join(', ')}]`;
  }
  return undefined; // readme, authors, urls, extras: shaped differently, not compared
}

/** `install_requires transformers>=4.40.0 vs dependencies transformers>=4.30.0`; packages one side lacks. */
function requirementDifference(mine: string[] | undefined, theirs: string[] | undefined): string | undefined {
  if (!mine || !theirs) return undefined;
  const byName = (list: string[]) => new Map(list.map((r) => [requirementName(r), r.trim()]));
  const a = byName(mine);
  const b = byName(theirs);
  const parts: string[] = [];
  for (const [name, req] of a) {
    const other = b.get(name);
    if (other === undefined) parts.push(`install_requires ${req} (not in dependencies)`);
    else if (compact(other) !== compact(req)) parts.push(`install_requires ${req} vs dependencies ${other}`);
  }
  for (const [name, req] of b) if (!a.has(name)) parts.push(`dependencies ${req} (not in install_requires)`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function requirementName(req: string): string {
  return normalizeName(/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req)?.[1] ?? req.trim());
}

const compact = (s: string): string => s.replace(/\s+/g, '').toLowerCase();
const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

function display(value: PyValue | undefined): string | undefined {
  if (value?.kind === 'str') {
    const text = value.value.length > 60 ? `${value.value.slice(0, 57)}...` : value.value;
    return /\s/.test(text) ? JSON.stringify(text) : text;
  }
  const list = literalStrings(value);
  if (list) return list.length > 4 ? `${list.slice(0, 4).join(', ')}, ...` : list.join(', ');
  return undefined;
}

function literalStrings(value: PyValue | undefined): string[] | undefined {
  if (value?.kind === 'str') return [value.value];
  if (value?.kind !== 'list') return undefined;
  const out: string[] = [];
  for (const item of value.items) {
    if (item.kind !== 'str') return undefined;
    out.push(item.value);
  }
  return out;
}

function strings(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}
