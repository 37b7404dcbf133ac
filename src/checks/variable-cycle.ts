import type { Check, Node, RawFinding, ScalarNode, TargetView } from '../model.js';
import { findReferences, parsePath } from '../project/interpolate.js';
import { evidenceAt } from './lib/evidence.js';
import { collectReferences } from './lib/references.js';

/** A string inside a variable's value that references variables. */
interface RefSite {
  variable: string;
  /** Where in the value (tokens); empty for a variable whose whole value is this string. */
  at: (string | number)[];
  node: ScalarNode;
  /** The variables and paths it references. */
  targets: { variable: string; path: (string | number)[] }[];
}

function sitesOf(target: TargetView): RefSite[] {
  const sites: RefSite[] = [];
  for (const [name, v] of target.variables) {
    const walk = (node: Node | undefined, at: (string | number)[]) => {
      if (!node) return;
      if (node.kind === 'map') for (const [k, child] of node.entries) walk(child, [...at, k]);
      else if (node.kind === 'seq') node.items.forEach((child, i) => walk(child, [...at, i]));
      else if (typeof node.value === 'string' && node.value.includes('${')) {
        const targets: RefSite['targets'] = [];
        for (const ref of findReferences(node.value, node.loc)) {
          const tokens = parsePath(ref.path);
          const [head, second] = tokens;
          if (head === 'var' && typeof second === 'string') targets.push({ variable: second, path: tokens.slice(2) });
          else if (head === 'variables' && typeof second === 'string' && tokens[2] === 'value') targets.push({ variable: second, path: tokens.slice(3) });
        }
        if (targets.length > 0) sites.push({ variable: name, at, node, targets });
      }
    };
    walk(v.value, []);
  }
  return sites;
}

const isPrefix = (a: (string | number)[], b: (string | number)[]) => a.length <= b.length && a.every((t, i) => t === b[i]);

export const variableCycle: Check = {
  id: 'variable-cycle',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Variables do not reference each other in a cycle',
  successMessage: 'No variable value depends on itself through other variables.',
  docs: `Variable values may reference other variables (\`default: \${var.prefix}_x\`), and fields of a complex variable
may reference other fields; a chain that comes back to where it started cannot be resolved. Between variables
whose whole value is such a string, \`bundle validate\` fails with \`cycle detected in field resolution:
variables.a.default -> var.b -> var.a -> var.b\`. When the chain runs through a complex (mapping or list) value, the
CLI substitutes round after round and stops with \`Warning: Variables references are too deep, stopping resolution
after 11 rounds. Unresolved variables may remain.\`: a resource that uses such a variable keeps the unresolved
\`\${...}\` text (reported as high), an unused one costs nothing yet (medium).
Fix: break the cycle by giving one of the values a literal.
Reference: https://docs.databricks.com/dev-tools/bundles/variables ; https://github.com/databricks/cli/tree/main/acceptance/bundle/variables/cycle ; https://github.com/databricks/cli/tree/main/acceptance/bundle/variables/complex-cycle`,
  breaksDeploy: true,
  run(bundle, target) {
    const sites = sitesOf(target);
    if (sites.length === 0) return [];
    // Edges: a site depends on every site inside the value (or the part of it) it references.
    const edges = new Map<RefSite, RefSite[]>();
    for (const site of sites) {
      const next = sites.filter((other) => site.targets.some((t) => t.variable === other.variable && isPrefix(t.path, other.at)));
      edges.set(site, next);
    }
    const used = new Set(collectReferences(target).filter((u) => !u.field.startsWith('variables.')).map((u) => parsePath(u.ref.path)[1]));
    const findings: RawFinding[] = [];
    const reported = new Set<string>();
    for (const start of sites) {
      const cycle = findCycle(start, edges);
      if (!cycle) continue;
      const variables = [...new Set(cycle.map((s) => s.variable))];
      const key = [...variables].sort().join(',');
      if (reported.has(key)) continue;
      reported.add(key);
      const plain = cycle.every((s) => s.at.length === 0 && target.variables.get(s.variable)?.value?.kind === 'scalar');
      const names = cycle.map((s) => s.variable);
      const loc = start.node.loc;
      if (plain) {
        const chain = [`variables.${names[0]}.default`, ...names.slice(1).map((c) => `var.${c}`), `var.${names[0]}`, `var.${names[1 % names.length]}`];
        findings.push({
          check: 'variable-cycle',
          message: `cycle detected in field resolution: ${chain.join(' -> ')}`,
          loc,
          evidence: evidenceAt(bundle, loc, 0, 0),
          impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
          fix: { text: `Give one of ${variables.map((c) => `var.${c}`).join(', ')} a value that does not reference the others.` },
        });
        continue;
      }
      const inUse = variables.some((v) => used.has(v));
      findings.push({
        check: 'variable-cycle',
        severity: inUse ? 'high' : 'medium',
        message: `Variables references are too deep, stopping resolution after 11 rounds. Unresolved variables may remain. (${variables.map((v) => `var.${v}`).join(', ')} reference each other in a cycle)`,
        loc,
        evidence: evidenceAt(bundle, loc, 0, 0),
        impact: inUse
          ? 'Resources that use these variables keep unresolved ${...} text: deploy or the run fails.'
          : 'Nothing uses these variables yet; any resource that does will keep unresolved ${...} text.',
        fix: { text: `Break the cycle: give one of ${variables.map((c) => `var.${c}`).join(', ')} (or one of its fields) a literal value.` },
      });
    }
    return findings;
  },
};

/** A cycle through `start` (the sites in order, starting with `start`), if any. */
function findCycle(start: RefSite, edges: Map<RefSite, RefSite[]>): RefSite[] | undefined {
  const stack: RefSite[] = [];
  const visited = new Set<RefSite>();
  const dfs = (site: RefSite): RefSite[] | undefined => {
    stack.push(site);
    visited.add(site);
    for (const next of edges.get(site) ?? []) {
      if (next === start) return [...stack];
      if (!visited.has(next)) {
        const found = dfs(next);
        if (found) return found;
      }
    }
    stack.pop();
    return undefined;
  };
  return dfs(start);
}
