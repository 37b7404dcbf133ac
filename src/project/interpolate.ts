// `${...}` interpolation with the CLI's reference grammar (libs/dyn/dynvar/ref.go). Resolves
// `var.*`/`variables.*`, `bundle.*` and `workspace.*`; leaves `resources.*`, `artifacts.*` and
// runtime values unresolved; lists references that name nothing in `undefinedRefs`.
import type { Interpolation, Loc, MapNode, Node, Reference, VariableValue } from '../model.js';
import { kindName } from '../schema/normalize.js';
import { asMap } from './merge.js';
import { pureReferencePath, referencePattern } from './reference.js';

export { referencePattern } from './reference.js';
/** Shared by `replace`, which collects every match before calling back (so nested use is safe). */
const REF_GLOBAL = referencePattern();

/** Every `${...}` reference written in `text` (outermost-resolvable ones: innermost first). */
export function findReferences(text: string, loc: Loc): Reference[] {
  const out: Reference[] = [];
  if (!text.includes('${')) return out;
  for (const m of text.matchAll(referencePattern())) out.push({ text: m[0], path: m[1], loc });
  return out;
}

type Token = string | number;

export function parsePath(refPath: string): Token[] {
  const tokens: Token[] = [];
  for (const part of refPath.split('.')) {
    const m = /^([^[]+)((?:\[[0-9]+\])*)$/u.exec(part);
    if (!m) return [];
    tokens.push(m[1]);
    for (const idx of m[2].matchAll(/\[([0-9]+)\]/g)) tokens.push(Number(idx[1]));
  }
  return tokens;
}

/** Fields of `workspace` the CLI knows (bundle/config/workspace.go). */
const WORKSPACE_FIELDS = new Set([
  'host',
  'profile',
  'auth_type',
  'metadata_service_url',
  'client_id',
  'account_id',
  'google_service_account',
  'azure_resource_id',
  'azure_use_msi',
  'azure_client_id',
  'azure_tenant_id',
  'azure_environment',
  'azure_login_app_id',
  'experimental_is_unified_host',
  'workspace_id',
  'current_user',
  'root_path',
  'file_path',
  'resource_path',
  'artifact_path',
  'state_path',
]);

const WORKSPACE_DEFAULTS: Record<string, string> = {
  root_path: '~/.bundle/${bundle.name}/${bundle.target}',
  file_path: '${workspace.root_path}/files',
  resource_path: '${workspace.root_path}/resources',
  artifact_path: '${workspace.root_path}/artifacts',
  state_path: '${workspace.root_path}/state',
};

export interface InterpolationContext {
  bundleName: string;
  target: string;
  config: MapNode;
  variables: Map<string, VariableValue>;
}

type Outcome =
  | { kind: 'node'; node: Node }
  | { kind: 'text'; text: string }
  | { kind: 'unknown' }
  | { kind: 'undefined'; reason?: string }
  | { kind: 'cycle' };

const MAX_PASSES = 16;
const MAX_DEPTH = 64;

/** One interpolator per target; caches the string value of each variable. */
export class Interpolator {
  private readonly cache = new Map<string, Outcome>();

  /** Top-level expansion is a pure function of the text: remembered per text, located per call. */
  private readonly byText = new Map<string, Interpolation>();

  constructor(private readonly ctx: InterpolationContext) {}

  interpolate(text: string, loc: Loc): Interpolation {
    if (!text.includes('${')) return { value: text, resolved: true, unresolved: [], undefinedRefs: [] };
    let known = this.byText.get(text);
    if (!known) {
      known = this.interpolateUncached(text, loc);
      this.byText.set(text, known);
    }
    const located = new Map<Reference, Reference>();
    const at = (r: Reference): Reference => {
      let out = located.get(r);
      if (!out) {
        out = { text: r.text, path: r.path, loc, ...(r.reason ? { reason: r.reason } : {}) };
        located.set(r, out);
      }
      return out;
    };
    const out: Interpolation = { value: known.value, resolved: known.resolved, unresolved: known.unresolved.map(at), undefinedRefs: known.undefinedRefs.map(at) };
    if (known.cycles) out.cycles = known.cycles.map(at);
    return out;
  }

  private interpolateUncached(text: string, loc: Loc): Interpolation {
    const unresolved: Reference[] = [];
    const undefinedRefs: Reference[] = [];
    const cycles: Reference[] = [];
    const seen = new Set<string>();
    const value = this.expand(text, [], (ref, outcome) => {
      const key = `${outcome.kind}:${ref}`;
      if (seen.has(key)) return;
      seen.add(key);
      const reference: Reference = { text: ref, path: ref.slice(2, -1), loc, ...(outcome.kind === 'undefined' && outcome.reason ? { reason: outcome.reason } : {}) };
      if (outcome.kind === 'undefined') undefinedRefs.push(reference);
      else {
        unresolved.push(reference);
        if (outcome.kind === 'cycle') cycles.push(reference);
      }
    });
    const out: Interpolation = {
      value,
      // a reference that is not expanded stays in the value as written
      resolved: !value.includes('${'),
      unresolved,
      undefinedRefs,
    };
    if (cycles.length > 0) out.cycles = cycles;
    return out;
  }

  private expand(text: string, stack: string[], report: (ref: string, outcome: Outcome) => void): string {
    let value = text;
    for (let pass = 0; pass < MAX_PASSES && value.includes('${'); pass++) {
      let changed = false;
      value = value.replace(REF_GLOBAL, (whole: string, refPath: string) => {
        const outcome = this.lookup(parsePath(refPath), stack);
        const asText = outcomeText(outcome);
        if (asText !== undefined) {
          changed = true;
          return asText;
        }
        report(whole, outcome);
        return whole;
      });
      if (!changed) break;
    }
    return value;
  }

  /** A string scalar with references becomes its expanded text (or why it cannot be expanded). */
  private finish(node: Node, stack: string[]): Outcome {
    if (node.kind !== 'scalar' || typeof node.value !== 'string' || !node.value.includes('${')) return { kind: 'node', node };
    let failure: Outcome | undefined;
    const text = this.expand(node.value, stack, (_ref, outcome) => {
      if (outcome.kind === 'cycle' || !failure) failure = outcome.kind === 'cycle' ? outcome : { kind: 'unknown' };
    });
    return failure ?? { kind: 'text', text };
  }

  private lookup(tokens: Token[], stack: string[]): Outcome {
    if (stack.length > MAX_DEPTH) return { kind: 'cycle' };
    const [head, ...rest] = tokens;
    if (head === 'var') return this.variable(rest, stack);
    if (head === 'variables') {
      const [name, field, ...more] = rest;
      if (typeof name !== 'string') return { kind: 'undefined' };
      if (field === 'value') return this.variable([name, ...more], stack);
      if (!this.ctx.variables.has(name)) return { kind: 'undefined' };
      if (field === undefined) return { kind: 'unknown' };
      const def = this.ctx.variables.get(name)!.def;
      if (field === 'description' && def.description !== undefined) return { kind: 'text', text: def.description };
      if (field === 'type' && def.type !== undefined) return { kind: 'text', text: def.type };
      if (!['default', 'lookup', 'description', 'type'].includes(String(field))) return { kind: 'undefined' };
      const node = field === 'default' ? def.default : field === 'lookup' ? def.lookup : undefined;
      const key = `var:${name}`;
      if (stack.includes(key)) return { kind: 'cycle' };
      return node ? this.navigate(node, more, [...stack, key]) : { kind: 'unknown' };
    }
    if (head === 'bundle') return this.bundleField(rest, stack);
    if (head === 'workspace') return this.workspaceField(rest, stack);
    return { kind: 'unknown' };
  }

  private variable(tokens: Token[], stack: string[]): Outcome {
    const [name, ...rest] = tokens;
    if (typeof name !== 'string') return { kind: 'undefined' };
    const value = this.ctx.variables.get(name);
    if (!value) return { kind: 'undefined' };
    // Fields of one complex variable may reference each other: a cycle is a field met again.
    const key = `var:${[name, ...rest].join('.')}`;
    if (stack.includes(key)) return { kind: 'cycle' };
    if (!value.value) return { kind: 'unknown' };
    const cacheable = stack.length === 0 && rest.length === 0;
    const cached = cacheable ? this.cache.get(name) : undefined;
    if (cached) return cached;
    const outcome = this.navigate(value.value, rest, [...stack, key], `variables.${name}.value`);
    if (cacheable) this.cache.set(name, outcome);
    return outcome;
  }

  /** A scalar that is exactly one reference stands for the referenced value (complex or not). */
  private follow(node: Node, stack: string[]): Outcome {
    if (node.kind === 'scalar' && typeof node.value === 'string') {
      const refPath = pureReferencePath(node.value);
      if (refPath) {
        // An inner reference that names nothing is its own finding: the one that led here is defined.
        const outcome = this.lookup(parsePath(refPath), stack);
        return outcome.kind === 'undefined' ? { kind: 'unknown' } : outcome;
      }
    }
    return { kind: 'node', node };
  }

  /**
   * Walk `tokens` into `start`. With `indexPath` (a variable's value), indexing goes by the value as
   * written, like the CLI's resolver: a string on the way, even a `${...}` that would become a map
   * in a later round, cannot be indexed (`expected a map to index "variables.x.value.y", found string`),
   * nor can a map by position or a sequence by key; the path in the message ends at the failing step.
   */
  private navigate(start: Node, tokens: Token[], stack: string[], indexPath?: string): Outcome {
    let outcome: Outcome = indexPath && tokens.length > 0 ? { kind: 'node', node: start } : this.follow(start, stack);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (outcome.kind === 'text') return { kind: 'undefined' };
      if (outcome.kind !== 'node') return outcome;
      const node = outcome.node;
      const wanted = typeof token === 'number' ? 'seq' : 'map';
      if (indexPath && node.kind !== wanted) {
        const upTo = [indexPath, ...tokens.slice(0, i + 1).map((t) => (typeof t === 'number' ? `[${t}]` : `.${t}`))].join('');
        return { kind: 'undefined', reason: `expected a ${wanted === 'seq' ? 'sequence' : 'map'} to index "${upTo}", found ${kindName(node)}` };
      }
      let next: Node | undefined;
      if (typeof token === 'number') next = node.kind === 'seq' ? node.items[token] : undefined;
      else next = node.kind === 'map' ? node.entries.get(token) : undefined;
      if (next === undefined) return { kind: 'undefined' };
      outcome = indexPath && i < tokens.length - 1 ? { kind: 'node', node: next } : this.follow(next, stack);
    }
    return outcome.kind === 'node' ? this.finish(outcome.node, stack) : outcome;
  }

  private bundleField(tokens: Token[], stack: string[]): Outcome {
    const [field] = tokens;
    if (field === 'target' || field === 'environment') {
      return tokens.length === 1 ? { kind: 'text', text: this.ctx.target } : { kind: 'undefined' };
    }
    const key = `bundle:${tokens.join('.')}`;
    if (stack.includes(key)) return { kind: 'cycle' };
    const bundle = this.ctx.config.entries.get('bundle');
    if (field === 'name' && tokens.length === 1 && !bundle) return { kind: 'text', text: this.ctx.bundleName };
    if (!bundle) return { kind: 'unknown' };
    const outcome = this.navigate(bundle, tokens, [...stack, key]);
    return outcome.kind === 'undefined' ? { kind: 'unknown' } : outcome;
  }

  private workspaceField(tokens: Token[], stack: string[]): Outcome {
    const [field, ...rest] = tokens;
    if (typeof field !== 'string') return { kind: 'undefined' };
    const workspace = asMap(this.ctx.config.entries.get('workspace'));
    const written = workspace?.entries.get(field);
    if (!WORKSPACE_FIELDS.has(field) && written === undefined) return { kind: 'undefined' };
    if (field === 'current_user') return { kind: 'unknown' };
    const key = `workspace:${field}`;
    if (stack.includes(key)) return { kind: 'cycle' };
    const inner = [...stack, key];
    if (written !== undefined && !(written.kind === 'scalar' && written.value === null)) {
      const outcome = this.navigate(written, rest, inner);
      return outcome.kind === 'undefined' ? { kind: 'unknown' } : outcome;
    }
    const fallback = WORKSPACE_DEFAULTS[field];
    if (fallback === undefined || rest.length > 0) return { kind: 'unknown' };
    return this.finish({ kind: 'scalar', loc: this.ctx.config.loc, value: fallback }, inner);
  }
}

function outcomeText(outcome: Outcome): string | undefined {
  if (outcome.kind === 'text') return outcome.text;
  if (outcome.kind === 'node' && outcome.node.kind === 'scalar' && outcome.node.value !== null) return String(outcome.node.value);
  return undefined;
}
