// The part of the CLI's configuration schema (bundle/schema/jsonschema.json, CLI v1.13) that
// dab-ready checks for unknown and null fields. Objects listed here are complete; anything not
// listed (`ANY`) is not checked, so a missing entry costs recall, never a false warning.

export type Schema =
  | { kind: 'any' }
  | { kind: 'string' }
  | { kind: 'object'; fields: Record<string, Schema> }
  | { kind: 'mapOf'; value: Schema }
  | { kind: 'seqOf'; item: Schema };

export const ANY: Schema = { kind: 'any' };
export const STRING: Schema = { kind: 'string' };
const obj = (fields: Record<string, Schema>): Schema => ({ kind: 'object', fields });
const mapOf = (value: Schema): Schema => ({ kind: 'mapOf', value });
const seqOf = (item: Schema): Schema => ({ kind: 'seqOf', item });
const anyOf = (...names: string[]): Record<string, Schema> => Object.fromEntries(names.map((n) => [n, ANY]));
const strings = (...names: string[]): Record<string, Schema> => Object.fromEntries(names.map((n) => [n, STRING]));

const permissions = seqOf(obj(strings('level', 'user_name', 'group_name', 'service_principal_name')));

const trigger = obj(anyOf('file_arrival', 'model', 'pause_status', 'periodic', 'sql_condition', 'table', 'table_update'));

const taskFields: Record<string, Schema> = {
  ...strings('task_key', 'description', 'job_cluster_key', 'existing_cluster_id', 'environment_key', 'run_if'),
  ...anyOf(
    'alert_task', 'clean_rooms_notebook_task', 'compute', 'condition_task', 'dashboard_task', 'dbt_cloud_task',
    'dbt_platform_task', 'dbt_task', 'depends_on', 'disable_auto_optimization', 'disabled', 'email_notifications',
    'gen_ai_compute_task', 'health', 'libraries', 'max_retries', 'min_retry_interval_millis', 'new_cluster',
    'notebook_task', 'notification_settings', 'pipeline_task', 'power_bi_task', 'python_wheel_task',
    'retry_on_timeout', 'run_job_task', 'spark_jar_task', 'spark_python_task', 'spark_submit_task', 'sql_task',
    'timeout_seconds', 'webhook_notifications',
  ),
};
const forEachTask = obj({ ...anyOf('inputs', 'concurrency'), task: obj(taskFields) });
const task = obj({ ...taskFields, for_each_task: forEachTask });

const job = obj({
  ...strings('name', 'description', 'budget_policy_id', 'usage_policy_id'),
  ...anyOf(
    'continuous', 'deployment', 'edit_mode', 'email_notifications', 'environments', 'format', 'git_source', 'health',
    'job_clusters', 'max_concurrent_runs', 'notification_settings', 'parameters', 'performance_target', 'queue',
    'run_as', 'schedule', 'tags', 'timeout_seconds', 'webhook_notifications', 'lifecycle', 'compute',
    'id', 'url', 'modified_status',
  ),
  tasks: seqOf(task),
  trigger,
  permissions,
});

const experiment = obj({
  ...strings('name', 'artifact_location'),
  ...anyOf('tags', 'lifecycle', 'experiment_id', 'creation_time', 'last_update_time', 'lifecycle_stage', 'id', 'url', 'modified_status'),
  permissions,
});

export const RESOURCE_TYPES = [
  'jobs', 'job_runs', 'pipelines', 'models', 'experiments', 'model_serving_endpoints', 'registered_models',
  'quality_monitors', 'catalogs', 'schemas', 'volumes', 'external_locations', 'clusters', 'dashboards',
  'genie_spaces', 'apps', 'secret_scopes', 'alerts', 'sql_warehouses', 'database_instances', 'database_catalogs',
  'synced_database_tables', 'postgres_projects', 'postgres_branches', 'postgres_endpoints', 'postgres_catalogs',
  'postgres_databases', 'postgres_roles', 'postgres_synced_tables', 'vector_search_endpoints',
  'vector_search_indexes', 'instance_pools', 'secrets',
] as const;

const resources = obj({
  ...Object.fromEntries(RESOURCE_TYPES.map((t) => [t, mapOf(ANY)])),
  jobs: mapOf(job),
  experiments: mapOf(experiment),
});

const workspace = obj({
  ...strings(
    'host', 'profile', 'auth_type', 'metadata_service_url', 'client_id', 'account_id', 'google_service_account',
    'azure_workspace_resource_id', 'azure_resource_id', 'azure_client_id', 'azure_tenant_id', 'azure_environment',
    'azure_login_app_id', 'workspace_id', 'root_path', 'file_path', 'resource_path', 'artifact_path', 'state_path',
  ),
  ...anyOf('azure_use_msi', 'experimental_is_unified_host', 'current_user'),
});

const bundle = obj({
  ...strings('name', 'cluster_id', 'compute_id', 'databricks_cli_version', 'uuid', 'engine'),
  ...anyOf('target', 'environment', 'git', 'mode'),
  deployment: obj({ ...anyOf('fail_on_active_runs'), lock: obj(anyOf('enabled', 'force')) }),
});

const artifact = obj({
  ...strings('type', 'path', 'build', 'executable'),
  ...anyOf('dynamic_version'),
  files: seqOf(obj(strings('source'))),
});

const variable = obj({ ...strings('description', 'type'), ...anyOf('default', 'lookup') });

const sync = obj(anyOf('paths', 'include', 'exclude'));
const presets = obj(
  anyOf('name_prefix', 'pipelines_development', 'trigger_pause_status', 'jobs_max_concurrent_runs', 'tags', 'source_linked_deployment', 'artifacts_dynamic_version'),
);
const runAs = obj(strings('service_principal_name', 'user_name'));

const target = obj({
  ...anyOf('default', 'mode', 'compute_id', 'cluster_id', 'git', 'variables', 'experimental'),
  bundle,
  workspace,
  artifacts: mapOf(artifact),
  resources,
  sync,
  run_as: runAs,
  presets,
  permissions,
});

export const ROOT_SCHEMA: Schema = obj({
  bundle,
  include: ANY,
  variables: mapOf(variable),
  workspace,
  artifacts: mapOf(artifact),
  resources,
  targets: mapOf(target),
  environments: mapOf(target),
  sync,
  permissions,
  run_as: runAs,
  presets,
  experimental: ANY,
  python: obj(anyOf('venv_path', 'resources', 'mutators')),
  scripts: mapOf(obj(strings('content'))),
});
