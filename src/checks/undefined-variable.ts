import type { Check, MapNode, Node, RawFinding, TargetView } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asMap, getMap, keyLoc } from './lib/nodes.js';
import { collectReferences, resourceOf, type RefUse } from './lib/references.js';
import { closeMatches, didYouMean } from './lib/suggest.js';
import { includeRootCause } from './lib/unmatched-includes.js';

/** Fields the CLI fills in for `${workspace.*}` and `${bundle.*}` even when the config does not set them. */
const BUILTIN: Record<string, string[]> = {
  '': ['bundle', 'workspace', 'variables', 'resources', 'artifacts', 'sync', 'presets'],
  workspace: [
    'host', 'profile', 'root_path', 'file_path', 'resource_path', 'artifact_path', 'state_path', 'current_user',
    'auth_type', 'client_id', 'azure_client_id', 'azure_tenant_id', 'azure_environment', 'azure_login_app_id',
    'azure_workspace_resource_id', 'google_service_account', 'account_id', 'metadata_service_url',
    'experimental_is_unified_host', 'workspace_id',
  ],
  bundle: ['name', 'target', 'environment', 'git', 'uuid', 'cluster_id', 'compute_id', 'databricks_cli_version', 'deployment', 'engine', 'mode'],
  'workspace.current_user': ['userName', 'short_name', 'domain_friendly_name', 'id', 'displayName', 'active', 'emails', 'groups', 'name', 'entitlements', 'roles', 'externalId'],
  'bundle.git': ['branch', 'commit', 'origin_url', 'actual_branch', 'bundle_root_path', 'inferred'],
};

export const undefinedVariable: Check = {
  id: 'undefined-variable',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.5,
  title: 'Every ${...} reference resolves',
  successMessage: 'Every ${var.*}, ${bundle.*} and ${workspace.*} reference names something, and targets assign only declared variables.',
  docs: `\`bundle validate\` resolves every \`\${var.*}\`, \`\${bundle.*}\` and \`\${workspace.*}\` reference on the
configuration merged for the selected target. A reference that names nothing fails with
\`reference does not exist: \${var.hst}\` (since CLI v1.13.0 followed by \`did you mean:\` suggestions within
edit distance 2). References are target-scoped: a variable used by a job that only some targets
include breaks only those targets. A target that assigns an undeclared variable fails with
\`failed to perform target override for target=<t>: variable c is not defined but is assigned a value\`.
One finding per reference that names nothing (its other uses are listed). When an include outside
the bundle matches nothing, an undeclared \`\${var.x}\` names that include as the likely cause.
Fix: correct the typo or declare the variable under top-level \`variables:\`.
Reference: https://docs.databricks.com/dev-tools/bundles/variables`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    const rootCause = includeRootCause(bundle);
    // One finding per reference that names nothing (one root cause), at its first use; the other uses are listed.
    const byRef = new Map<string, RefUse[]>();
    for (const use of collectReferences(target)) {
      if (!use.undefinedRef || use.ref.path.startsWith('resources.')) continue;
      const uses = byRef.get(use.ref.text) ?? [];
      uses.push(use);
      byRef.set(use.ref.text, uses);
    }
    for (const [text, uses] of byRef) {
      const use = uses[0];
      const suggestions = suggest(target, use.ref.path);
      const resources = [...new Set(uses.map((u) => resourceOf(u.field)).filter((r): r is string => r !== undefined))].sort();
      // An undeclared variable and an include outside the bundle that matches nothing: name the likely cause.
      const cause = use.ref.path.startsWith('var.') && suggestions.length === 0 && !target.variables.has(use.ref.path.split('.')[1]) ? rootCause : undefined;
      const others = uses.slice(1).map((u) => `${u.node.loc.file}:${u.node.loc.line}`);
      const also = others.length === 0 ? '' : ` (also used at ${others.slice(0, 5).join(', ')}${others.length > 5 ? `, and ${others.length - 5} more` : ''})`;
      findings.push({
        check: 'undefined-variable',
        message: use.ref.reason
          ? `${use.ref.reason} (in ${text})${also}`
          : `reference does not exist: ${text}${also}${cause ? cause.note : didYouMean(suggestions.map((s) => `\${${s}}`))}`,
        loc: use.node.loc,
        ...(resources.length > 0 ? { resources } : {}),
        evidence: evidenceAt(bundle, use.node.loc, 0, 0),
        impact: '`bundle validate` and `bundle deploy` fail for the targets listed.',
        fix: {
          text: cause
            ? `${cause.fix} Otherwise declare the variable under top-level \`variables:\`.`
            : suggestions.length > 0
            ? `Replace ${text} with \${${suggestions[0]}}${uses.length > 1 ? ' everywhere' : ''}.`
            : use.ref.path.startsWith('var.') && !target.variables.has(use.ref.path.split('.')[1])
              ? `Declare \`variables: {${use.ref.path.split('.')[1]}: {default: ...}}\` or fix the reference.`
              : `Fix the reference ${text}.`,
        },
      });
    }
    findings.push(...undeclaredAssignments(bundle.base, target, (loc) => evidenceAt(bundle, loc, 0, 0)));
    return findings;
  },
};

/** `targets.<t>.variables.<x>` for an `x` not declared at the top level. */
function undeclaredAssignments(base: MapNode, target: TargetView, evidence: (loc: MapNode['loc']) => string | undefined): RawFinding[] {
  const declared = getMap(base, 'variables');
  const assigned = getMap(base, 'targets', target.name, 'variables');
  if (!assigned) return [];
  const out: RawFinding[] = [];
  for (const name of assigned.entries.keys()) {
    if (declared?.entries.has(name)) continue;
    const loc = keyLoc(assigned, name);
    const close = closeMatches(name, declared?.entries.keys() ?? []);
    out.push({
      check: 'undefined-variable',
      message: `failed to perform target override for target=${target.name}: variable ${name} is not defined but is assigned a value`,
      ...(loc ? { loc, evidence: evidence(loc) } : {}),
      impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
      fix: {
        text: close.length > 0
          ? `Did you mean ${close.join(' or ')}? Otherwise declare \`variables: {${name}: {}}\` at the top level.`
          : `Declare \`variables: {${name}: {description: ...}}\` at the top level, or remove the assignment.`,
      },
    });
  }
  return out;
}

/** Suggestions in the CLI's manner: replace the first segment that names nothing with close names. */
function suggest(target: TargetView, refPath: string): string[] {
  const segments = refPath.split('.');
  let node: Node | undefined;
  let prefix: string[];
  let rest: string[];
  if (segments[0] === 'var') {
    const name = segments[1] ?? '';
    if (!target.variables.has(name)) {
      return closeMatches(name, target.variables.keys()).map((c) => ['var', c, ...segments.slice(2)].join('.'));
    }
    const v = target.variables.get(name)!;
    node = v.value ?? v.def.default;
    prefix = ['var', name];
    rest = segments.slice(2);
  } else {
    node = target.config;
    prefix = [];
    rest = segments;
  }
  for (let i = 0; i < rest.length; i++) {
    const seg = rest[i].replace(/\[\d+\]$/, '');
    const map = asMap(node);
    const here = [...prefix, ...rest.slice(0, i)].join('.');
    const keys = new Set<string>([...(map?.entries.keys() ?? []), ...(BUILTIN[here] ?? [])]);
    if (keys.has(seg)) {
      node = map?.entries.get(seg);
      continue;
    }
    // the index written after the segment (`lst[0]`) stays on the suggestion (`list[0]`)
    return closeMatches(seg, keys).map((c) => [...prefix, ...rest.slice(0, i), c + rest[i].slice(seg.length), ...rest.slice(i + 1)].join('.'));
  }
  return [];
}
