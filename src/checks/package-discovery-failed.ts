import { noticeCheck } from './lib/notice-check.js';

export const packageDiscoveryFailed = noticeCheck(
  {
    id: 'package-discovery-failed',
    category: 'Python Package Build',
    severity: 'high',
    effortHours: 0.5,
    title: 'setuptools can tell which packages to ship',
    successMessage: 'Every Python project names or lays out its packages so setuptools can find them.',
    docs: `setuptools' automatic discovery refuses a flat layout with several top-level packages
("Multiple top-level packages discovered in a flat-layout"), or, when there is no package at all,
several top-level modules ("Multiple top-level modules ..."): python -m build, and so the wheel build
of \`databricks bundle deploy\`, fails. One package beside top-level modules (a notebook.py next to
my_pkg/) is fine: setuptools then ships the package and ignores the modules.
Fix: list the packages ([tool.setuptools] packages = [...] or packages.find include), or move the code
into a src/ layout.`,
    breaksDeploy: true,
  },
  (bundle) => bundle.python.flatMap((p) => p.notes),
);
