import type { Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { distributionNamed, LIKELY_REASON, likelyDistribution, packageFromElsewhere, wheelTasks, type WheelTask } from './lib/wheel-tasks.js';

export const packageNameMismatch: Check = {
  id: 'package-name-mismatch',
  category: 'Python Package Build',
  severity: 'critical',
  effortHours: 0.5,
  title: 'Wheel task package names match a distribution',
  successMessage: "Every python_wheel_task package_name names a distribution of the repository",
  docs: `\`python_wheel_task.package_name\` must be the distribution name of the wheel (the \`name\` in
pyproject.toml [project] / setup.py / setup.cfg), compared as pip does (PEP 503: case-insensitive,
runs of -, _ and . are equal). When the task installs a wheel built from this repository but names
another package, the runtime finds no such distribution and the run fails; deploy does not check it.
Not judged when the package evidently comes from elsewhere: installed by name (PyPI), remote wheels
only, libraries from a variable, or - with no wheel attached - the existing cluster or its Docker
image; nor when a distribution's name is computed at build time (setup(**kwargs)).
Fix: set package_name to the distribution name (or rename the distribution).
Reference: https://docs.databricks.com/jobs/python-wheel.html`,
  breaksDeploy: false,
  run(bundle, target) {
    const names = bundle.python.filter((p) => p.name).map((p) => p.name!);
    // Without any distribution in the repository there is nothing to compare with (a PyPI package,
    // or a wheel built elsewhere); a distribution whose name setup.py computes (setup(**kwargs)) may be the one.
    if (names.length === 0 || bundle.python.some((p) => p.nameUnknown)) return [];
    // Tasks that write the same wrong package_name share one finding, at the first of them.
    const byName = new Map<string, WheelTask[]>();
    for (const wt of wheelTasks(target)) {
      if (!wt.packageName || distributionNamed(bundle, wt.packageName)) continue;
      // Installed from PyPI, a remote wheel, the cluster or its image: not a repository distribution.
      if (packageFromElsewhere(target, wt)) continue;
      byName.set(wt.packageName, [...(byName.get(wt.packageName) ?? []), wt]);
    }
    const findings: RawFinding[] = [];
    for (const [packageName, tasks] of byName) {
      const wt = tasks[0];
      const likely = likelyDistribution(bundle, packageName);
      const loc = wt.packageNode?.loc ?? wt.node.loc;
      const existing = `the repository's distribution${names.length === 1 ? ' is' : 's are'} ${names.join(', ')}`;
      const others = tasks.slice(1).map((t) => t.packageNode?.loc ?? t.node.loc).map((l) => `${l.file}:${l.line}`);
      const whose = tasks.length === 1 ? `task ${wt.task.key}` : `tasks ${tasks.map((t) => `${t.task.key} of ${t.resource}`).join(', ')}`;
      findings.push({
        check: packageNameMismatch.id,
        message: `package_name ${packageName} of ${whose} matches no distribution in the repository (${existing})${others.length ? `; also written at ${others.join(', ')}` : ''}`,
        loc,
        resources: [...new Set(tasks.map((t) => t.resource))].sort(),
        evidence: evidenceAt(bundle, wt.node.loc, 1, 2),
        impact: `${tasks.length === 1 ? `Task ${wt.task.key} of ${wt.resource} fails` : 'These tasks fail'} at run time: no installed distribution is named ${packageName}.`,
        fix: likely
          ? {
              text: `Use the name of the distribution the task most likely runs (${LIKELY_REASON[likely.why]}) as package_name${tasks.length > 1 ? ' in each of them' : ''}.`,
              patch: `package_name: ${likely.project.name}`,
            }
          : { text: `Set package_name to the name of the distribution the task's wheel is built from (one of ${names.join(', ')}).` },
      });
    }
    return findings;
  },
};
