import { noticeCheck } from './lib/notice-check.js';

export const setupPyIgnored = noticeCheck(
  {
    id: 'setup-py-ignored',
    category: 'Python Package Build',
    severity: 'high',
    effortHours: 0.5,
    title: 'Packaging metadata is declared in one place',
    successMessage: 'setup.py and pyproject.toml do not contradict each other.',
    docs: `When pyproject.toml has a [project] table, setuptools takes the metadata from it: a name,
entry_points or packages passed to setup() in setup.py are ignored or overridden (recent setuptools
versions warn, then error). The wheel that deploy builds then lacks the entry points a
python_wheel_task names, although setup.py shows them. With another build backend (hatchling,
poetry-core, flit) setup.py is not read at all.
Fix: declare the metadata once, in pyproject.toml ([project.scripts] for entry points), and reduce
setup.py to setup() or remove it.`,
    breaksDeploy: false,
  },
  (bundle) => bundle.python.flatMap((p) => p.notes),
);
