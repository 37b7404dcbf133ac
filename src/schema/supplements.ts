// What the Databricks CLI knows about fields that its generated JSON Schema does not say. The schema
// is generated from the CLI's Go types but leaves out read-only and internal fields, opens the
// top level (for YAML anchor holders), and lists enums only for SDK types; the CLI itself warns and
// errors on these. Each entry names where the fact comes from. Nothing here repeats the schema.

/**
 * Fields every resource type carries (the embedded `BaseResource` of bundle/config/resources:
 * `id`, `url`, `modified_status`, tagged readonly/internal, so not in the schema). The CLI accepts
 * them without a warning.
 */
export const RESOURCE_INTERNAL_FIELDS = ['id', 'url', 'modified_status'];

/**
 * Internal or read-only fields of configuration structs, by schema definition name; the CLI's types
 * accept them silently (bundle/config/bundle.go, git.go, workspace.go, variable/variable.go).
 */
export const INTERNAL_FIELDS: Record<string, string[]> = {
  'config.Bundle': ['target', 'environment', 'mode', 'terraform'],
  'config.Git': ['commit', 'actual_branch', 'inferred', 'bundle_root_path'],
  'config.Workspace': ['current_user', 'metadata_service_url'],
  // `value` is how a variable's resolved value is stored; writing it sets the value (complex variables).
  'variable.Variable': ['value'],
  // Set by the CLI on every deploy; writing them is an error (managed-field-set, validate_deployment_fields.go,
  // validate_job_run_idempotency_token.go), not an unknown field (acceptance validate/reserved_deployment_fields).
  'resources.Job': ['deployment'],
  'resources.Pipeline': ['deployment'],
  'resources.JobRun': ['idempotency_token'],
};

/**
 * Computed fields the CLI rejects when the configuration sets them, with its message
 * (acceptance case resources/volumes/set-volume-path: `<path> is computed and read-only; remove it
 * from the configuration`).
 */
export const READ_ONLY_FIELDS: Record<string, string[]> = {
  'resources.Volume': ['volume_path'],
};

/**
 * Enums of the CLI's own string types, which the schema types as plain strings; the values in the
 * order `bundle validate` prints them (acceptance cases validate/enum and validate/strict:
 * `Valid values are [complex]`, `Valid values are [whl jar]`; libs/exec.ExecutableType).
 */
export const CLI_ENUMS: Record<string, readonly string[]> = {
  'variable.VariableType': ['complex'],
  'config.ArtifactType': ['whl', 'jar'],
  'exec.ExecutableType': ['bash', 'sh', 'cmd'],
};
