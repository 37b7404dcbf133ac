import type { Check, Node, RawFinding, ScalarNode } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { walkScalars } from './lib/nodes.js';

const VAR_REF = /\$\{(?:var\.([\p{L}][\p{L}\p{N}_-]*)|variables\.([\p{L}][\p{L}\p{N}_-]*)\.value)(?=[}.[])/gu;

export const variableCycle: Check = {
  id: 'variable-cycle',
  category: 'Bundle Configuration',
  severity: 'critical',
  effortHours: 0.25,
  title: 'Variables do not reference each other in a cycle',
  successMessage: 'No variable value depends on itself through other variables.',
  docs: `Variable values may reference other variables (\`default: \${var.prefix}_x\`), but a chain that comes
back to its start cannot be resolved: \`bundle validate\` fails with
\`cycle detected in field resolution: variables.a.default -> var.b -> var.a -> var.b\`.
Fix: break the cycle by giving one of the variables a literal value.
Reference: https://docs.databricks.com/dev-tools/bundles/variables ; https://github.com/databricks/cli/tree/main/acceptance/bundle/variables/cycle`,
  breaksDeploy: true,
  run(bundle, target) {
    const edges = new Map<string, { to: string; node: ScalarNode }[]>();
    for (const [name, v] of target.variables) {
      const list: { to: string; node: ScalarNode }[] = [];
      walkScalars(v.value as Node | undefined, '', ({ node }) => {
        if (typeof node.value !== 'string') return;
        for (const m of node.value.matchAll(VAR_REF)) {
          const to = m[1] ?? m[2];
          if (target.variables.has(to)) list.push({ to, node });
        }
      });
      edges.set(name, list);
    }
    const findings: RawFinding[] = [];
    const reported = new Set<string>();
    for (const start of [...edges.keys()].sort()) {
      const cycle = findCycle(start, edges);
      if (!cycle) continue;
      const key = [...cycle].sort().join(',');
      if (reported.has(key)) continue;
      reported.add(key);
      const first = edges.get(cycle[0])!.find((e) => e.to === cycle[1 % cycle.length])!;
      const chain = [`variables.${cycle[0]}.default`, ...cycle.slice(1).map((c) => `var.${c}`), `var.${cycle[0]}`, `var.${cycle[1 % cycle.length]}`];
      findings.push({
        check: 'variable-cycle',
        message: `cycle detected in field resolution: ${chain.join(' -> ')}`,
        loc: first.node.loc,
        evidence: evidenceAt(bundle, first.node.loc, 0, 0),
        impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
        fix: { text: `Give one of ${cycle.map((c) => `var.${c}`).join(', ')} a value that does not reference the others.` },
      });
    }
    return findings;
  },
};

/** A cycle through `start` (as the list of variables starting with `start`), if any. */
function findCycle(start: string, edges: Map<string, { to: string }[]>): string[] | undefined {
  const stack: string[] = [];
  const visited = new Set<string>();
  const dfs = (name: string): string[] | undefined => {
    stack.push(name);
    visited.add(name);
    for (const { to } of edges.get(name) ?? []) {
      if (to === start) return [...stack];
      if (!visited.has(to)) {
        const found = dfs(to);
        if (found) return found;
      }
    }
    stack.pop();
    return undefined;
  };
  return dfs(start);
}
