import type { Check } from '../model.js';
import { entryPointMissing } from './entry-point-missing.js';
import { entryPointUnresolvable } from './entry-point-unresolvable.js';
import { packageNameMismatch } from './package-name-mismatch.js';
import { wheelNotBuilt } from './wheel-not-built.js';
import { localVectorSearch } from './local-vector-search.js';
import { vectorSearchEndpointMissing } from './vector-search-endpoint-missing.js';
import { syncExcludesSource } from './sync-excludes-source.js';
import { libraryDepsInconsistent } from './library-deps-inconsistent.js';
import { dltPipelineDisabled } from './dlt-pipeline-disabled.js';
import { resourceFileDisabled } from './resource-file-disabled.js';
import { cliInitMissing } from './cli-init-missing.js';
import { modelRegistryUnresolved } from './model-registry-unresolved.js';
import { pythonResourcesNotAnalysed } from './python-resources-not-analysed.js';
// checks validate would also fail on
import { configInvalid } from './config-invalid.js';
import { rootPathGlobChars } from './root-path-glob-chars.js';
import { includeNonYaml } from './include-non-yaml.js';
import { includeOutsideRoot } from './include-outside-root.js';
import { includeGlobNonrecursive } from './include-glob-nonrecursive.js';
import { unknownField } from './unknown-field.js';
import { nullValue } from './null-value.js';
import { valueTypeInvalid } from './value-type-invalid.js';
import { deprecatedField } from './deprecated-field.js';
import { readOnlyField } from './read-only-field.js';
import { resourceUndefined } from './resource-undefined.js';
import { artifactNotConfigured } from './artifact-not-configured.js';
import { variableTypeInvalid } from './variable-type-invalid.js';
import { variableRequiredUnset } from './variable-required-unset.js';
import { variableFileInvalid } from './variable-file-invalid.js';
import { variableCycle } from './variable-cycle.js';
import { undefinedVariable } from './undefined-variable.js';
import { bundleNameInterpolation } from './bundle-name-interpolation.js';
import { enumInvalid } from './enum-invalid.js';
import { requiredFieldMissing } from './required-field-missing.js';
import { pathNotFound } from './path-not-found.js';
import { pathKindMismatch } from './path-kind-mismatch.js';
import { pathOutsideSyncRoot } from './path-outside-sync-root.js';
import { resourceReferenceInvalid } from './resource-reference-invalid.js';
import { duplicateLibraryName } from './duplicate-library-name.js';
import { wheelDbrTooOld } from './wheel-dbr-too-old.js';
import { directOnlyResource } from './direct-only-resource.js';
import { environmentClientInvalid } from './environment-client-invalid.js';
import { jobClusterKeyUndefined } from './job-cluster-key-undefined.js';
import { taskDependencyUndefined } from './task-dependency-undefined.js';
import { authInterpolation } from './auth-interpolation.js';
import { targetModeViolation } from './target-mode-violation.js';
import { runAsInvalid } from './run-as-invalid.js';
import { volumePathInvalid } from './volume-path-invalid.js';
import { managedFieldSet } from './managed-field-set.js';
import { resourceKeyInterpolation } from './resource-key-interpolation.js';
import { taskComputeMissing } from './task-compute-missing.js';
import { singleNodeCluster } from './single-node-cluster.js';
import { syncPatternUnmatched } from './sync-pattern-unmatched.js';
import { scriptInvalid } from './script-invalid.js';
import { lifecycleInvalid } from './lifecycle-invalid.js';
import { secretValueLiteral } from './secret-value-literal.js';
import { engineInvalid } from './engine-invalid.js';
import { resourceSpecConflict } from './resource-spec-conflict.js';
import { appPermissionsOverridden } from './app-permissions-overridden.js';
import { terraformOnlyReference } from './terraform-only-reference.js';
import { alertFileInterpolation } from './alert-file-interpolation.js';

import { includeOutsideRepository } from './include-outside-repository.js';
import { packageDiscoveryFailed } from './package-discovery-failed.js';
import { setupPyIgnored } from './setup-py-ignored.js';
import { symlinkOutsideRepo } from './symlink-outside-repo.js';
import { pathOutsideRepository } from './path-outside-repository.js';
// Every check, in report order. Adding a check = adding a file + one line here.
export const checks: readonly Check[] = [
  packageNameMismatch,
  wheelNotBuilt,
  entryPointMissing,
  entryPointUnresolvable,
  localVectorSearch,
  vectorSearchEndpointMissing,
  syncExcludesSource,
  libraryDepsInconsistent,
  modelRegistryUnresolved,
  dltPipelineDisabled,
  resourceFileDisabled,
  cliInitMissing,
  pythonResourcesNotAnalysed,
  // checks validate would also fail on
  rootPathGlobChars,
  includeNonYaml,
  includeOutsideRoot,
  includeGlobNonrecursive,
  unknownField,
  nullValue,
  valueTypeInvalid,
  deprecatedField,
  readOnlyField,
  resourceUndefined,
  artifactNotConfigured,
  variableTypeInvalid,
  variableRequiredUnset,
  variableFileInvalid,
  variableCycle,
  undefinedVariable,
  bundleNameInterpolation,
  enumInvalid,
  requiredFieldMissing,
  pathNotFound,
  pathKindMismatch,
  pathOutsideSyncRoot,
  resourceReferenceInvalid,
  duplicateLibraryName,
  wheelDbrTooOld,
  directOnlyResource,
  environmentClientInvalid,
  jobClusterKeyUndefined,
  taskDependencyUndefined,
  authInterpolation,
  targetModeViolation,
  runAsInvalid,
  volumePathInvalid,
  managedFieldSet,
  resourceKeyInterpolation,
  taskComputeMissing,
  singleNodeCluster,
  syncPatternUnmatched,
  scriptInvalid,
  lifecycleInvalid,
  secretValueLiteral,
  engineInvalid,
  resourceSpecConflict,
  appPermissionsOverridden,
  terraformOnlyReference,
  alertFileInterpolation,
  pathOutsideRepository,
  // what the readers noticed while loading; last, because the file index fills its notices lazily
  symlinkOutsideRepo,
  setupPyIgnored,
  packageDiscoveryFailed,
  includeOutsideRepository,
  configInvalid,
];

export function findCheck(id: string): Check | undefined {
  return checks.find((c) => c.id === id);
}
