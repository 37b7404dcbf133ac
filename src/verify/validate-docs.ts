import type { Check } from '../model.js';

// Metadata for the finding ids `databricks bundle validate` produces (verify, not checks), so that
// `dab-ready explain <id>`, suppressions and the deploy gate know them like any check.

export const validateCheckDocs: Check[] = [
  {
    id: 'bundle-validate-error',
    category: 'Verification',
    severity: 'critical',
    effortHours: 0.5,
    title: 'databricks bundle validate reports an error',
    successMessage: 'databricks bundle validate reports no error',
    docs:
      'The Databricks CLI itself rejected the bundle configuration for this target: `databricks bundle validate -t <target>` ' +
      'exited with an error, and `bundle deploy` runs the same validation first, so it fails too. The finding quotes the ' +
      "CLI's own message at the file:line it points to. Fix the configuration there, then run " +
      '`databricks bundle validate -t <target>` locally to confirm. When dab-ready also reports the problem statically, ' +
      'the static finding is kept and marked "validate agrees".',
    breaksDeploy: true,
    run: () => [],
  },
  {
    id: 'bundle-validate-warning',
    category: 'Verification',
    severity: 'medium',
    effortHours: 0.25,
    title: 'databricks bundle validate reports a warning',
    successMessage: 'databricks bundle validate reports no warning',
    docs:
      'The Databricks CLI warned about the configuration (an unknown field that is then silently ignored, a required field ' +
      'that is not set, an invalid enum value, an include outside the root file). Deploy still goes ahead, but what is ' +
      'deployed may not be what the YAML says: an unknown field is dropped, a missing `entry_point` fails the run. ' +
      'With `--strict` (CLI v0.286.0+) warnings fail validate. Fix the field at the location given.',
    breaksDeploy: false,
    run: () => [],
  },
  {
    id: 'bundle-validate-recommendation',
    category: 'Verification',
    severity: 'low',
    effortHours: 0.25,
    title: 'databricks bundle validate makes a recommendation',
    successMessage: 'databricks bundle validate makes no recommendation',
    docs:
      'The Databricks CLI recommends a change (for example setting `workspace.root_path` for a `mode: production` target ' +
      'deployed by a service principal). Nothing fails today; follow the recommendation to avoid surprises later.',
    breaksDeploy: false,
    run: () => [],
  },
  {
    id: 'bundle-validate-unavailable',
    category: 'Verification',
    severity: 'critical',
    effortHours: 0.25,
    title: 'databricks bundle validate could not run although it is required',
    successMessage: 'databricks bundle validate ran',
    docs:
      '`--require-validate` (action input `validate: required`) asks for `databricks bundle validate` to run, and it could ' +
      'not: the CLI is not on PATH (install it with the `databricks/setup-cli` action, pinned to a version), no ' +
      'credentials were configured (DATABRICKS_HOST with a token or OAuth client, a profile in ~/.databrickscfg, or GitHub ' +
      'OIDC with `DATABRICKS_AUTH_TYPE: github-oidc` and `permissions: id-token: write`), or authentication failed. Fork ' +
      'pull requests get no secrets, so require validate only in workflows that have them.',
    breaksDeploy: false,
    run: () => [],
  },
];
