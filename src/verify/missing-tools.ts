import type { Result } from '../model.js';

// Verification skipped because the runner lacks a program (uv, poetry, Python's `build` module) is
// silent in the report's step list: one warning line names each missing tool and how to install it.

export function missingToolsWarning(result: Result): string | undefined {
  const tools = new Map<string, { install: string; steps: number }>();
  for (const bundle of result.bundles) {
    for (const step of bundle.verification) {
      if (step.status !== 'skipped' || !step.missingTool) continue;
      const known = tools.get(step.missingTool.name);
      if (known) known.steps++;
      else tools.set(step.missingTool.name, { install: step.missingTool.install, steps: 1 });
    }
  }
  if (tools.size === 0) return undefined;
  const total = [...tools.values()].reduce((n, t) => n + t.steps, 0);
  const named = [...tools].map(([name, t]) => `${name} (fix: ${t.install})`).join('; ');
  return `dab-ready: ${total} verification step${total === 1 ? ' was' : 's were'} skipped because a tool is missing on this runner: ${named}. Nothing was built or tested for ${total === 1 ? 'it' : 'them'}.`;
}
