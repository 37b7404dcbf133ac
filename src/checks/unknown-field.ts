import { noticeCheck } from './lib/notice-check.js';

export const unknownField = noticeCheck(
  {
    id: 'unknown-field',
    category: 'Bundle Configuration',
    severity: 'medium',
    effortHours: 0.25,
    title: 'No unknown configuration keys',
    successMessage: 'Every configuration key is one the Databricks CLI knows.',
    docs: `The CLI reads configuration into typed structures; a key it does not know raises
\`Warning: unknown field: <key>\` and is then **dropped**: a misspelt \`trigger\` setting, a \`description\` on an
MLflow experiment or a resource type that an older CLI does not support silently does nothing (the
job deploys without its schedule). Values written with a YAML anchor, and top-level keys that only hold
anchors (\`x-common: &common ...\`), are exempt. Every key of every resource type is checked against the
CLI's own bundle JSON Schema, shipped with dab-ready (schema/provenance.json names the CLI version).
Fix: correct the key (see the suggestion) or remove it; pin \`bundle.databricks_cli_version\` when you
rely on recently added resource types.
Reference: https://docs.databricks.com/dev-tools/bundles/settings ; https://docs.databricks.com/dev-tools/bundles/resources ; https://github.com/databricks/cli/blob/main/libs/dyn/convert/normalize.go`,
    breaksDeploy: false,
  },
  (bundle) => bundle.notices,
);
