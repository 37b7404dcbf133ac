// Short, problem-phrased names for failing checks ("Python Package Not Built"): check titles state
// the expectation, a gap is named by what is wrong. Unknown ids fall back to their own words.
import { humanizeCheckId } from './check-info.js';

const GAP_TITLES: Record<string, string> = {
  'package-name-mismatch': 'Wheel Task Package Name Matches No Distribution',
  'wheel-not-built': 'Python Package Not Built',
  'entry-point-missing': 'Python Wheel Entry Points Missing',
  'entry-point-unresolvable': 'Python Wheel Entry Point Not Callable',
  'local-vector-search': 'Vector Search Not Using Databricks Managed Service',
  'vector-search-endpoint-missing': 'Vector Search Endpoint Not Created',
  'sync-excludes-source': 'Task Code Not Synced',
  'library-deps-inconsistent': 'Library Dependencies Not Consistently Specified',
  'model-registry-unresolved': 'Model Not Registered',
  'dlt-pipeline-disabled': 'DLT Pipeline Not Implemented',
  'resource-file-disabled': 'Resource File Commented Out',
  'cli-init-missing': 'No Databricks CLI Init/Config Files',
  'python-resources-not-analysed': 'Resources Defined in Python Not Analysed',
  'config-invalid': 'Configuration File Does Not Load',
  'root-path-glob-chars': 'Bundle Root Path Has Glob Characters',
  'include-non-yaml': 'Include Matches Non-YAML Files',
  'include-outside-root': 'Include Written Outside the Root File',
  'include-glob-nonrecursive': 'Include Glob Relies on Recursive **',
  'include-outside-repository': 'Include Leads Outside the Repository',
  'unknown-field': 'Unknown Configuration Key',
  'null-value': 'Setting Left Empty',
  'resource-undefined': 'Resource Without Definition',
  'artifact-not-configured': 'Artifact Without Properties',
  'variable-type-invalid': 'Invalid Variable Type',
  'variable-required-unset': 'Required Variable Without Value',
  'variable-file-invalid': 'Invalid Variable Overrides File',
  'variable-cycle': 'Variables Reference Each Other in a Cycle',
  'undefined-variable': 'Reference That Does Not Resolve',
  'bundle-name-interpolation': 'Bundle Name Is Not a Literal',
  'enum-invalid': 'Invalid Enumerated Setting',
  'required-field-missing': 'Required Field Missing',
  'path-not-found': 'Local Path Not Found',
  'path-kind-mismatch': 'Path Points at the Wrong Kind of File',
  'path-outside-sync-root': 'Path Outside the Sync Root',
  'resource-reference-invalid': 'Reference to an Undeclared Resource',
  'duplicate-library-name': 'Local Libraries Share a File Name',
  'wheel-dbr-too-old': 'Local Wheel Needs DBR 13.3 or Newer',
  'direct-only-resource': 'Resource Type Needs the Direct Deployment Engine',
  'environment-client-invalid': 'Serverless Environment Without Client Version',
  'job-cluster-key-undefined': 'Task Uses an Undefined Job Cluster',
  'task-dependency-undefined': 'Task Depends on an Undefined Task',
  'package-discovery-failed': 'setuptools Cannot Tell Which Packages to Ship',
  'setup-py-ignored': 'Packaging Metadata Declared in Two Places',
  'symlink-outside-repo': 'Symbolic Link Leads Out of the Repository',
  'bundle-validate-error': 'Bundle Validation Reports an Error',
  'bundle-validate-warning': 'Bundle Validation Reports a Warning',
  'bundle-validate-recommendation': 'Bundle Validation Recommends a Change',
  'bundle-validate-unavailable': 'Bundle Validation Could Not Run',
  'wheel-build-failed': 'Wheel Build Failed',
  'entry-point-smoke-failed': 'Entry Point Fails When Run',
};

/** The gap name for a check id: the known wording, else the id's words in title case. */
export function gapTitle(check: string): string {
  const known = GAP_TITLES[check];
  if (known) return known;
  return humanizeCheckId(check)
    .split(' ')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}
