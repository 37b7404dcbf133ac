// Which static checks report the same kind of problem as a `databricks bundle validate` diagnostic.
// A diagnostic is merged into a static finding (which is then marked validateAgrees) only when both
// belong to one family and share the place or the subject: a warning about `entry_point` must not
// vanish into cli-init-missing because they sit on the same line.

export type Family = 'paths' | 'variables' | 'includes' | 'resources' | 'schema' | 'required' | 'artifacts' | 'compute';

/** Families of the static checks (a check may belong to several). */
const CHECK_FAMILIES: Record<string, Family[]> = {
  'path-not-found': ['paths'],
  'path-kind-mismatch': ['paths'],
  'path-outside-sync-root': ['paths'],
  'sync-excludes-source': ['paths'],
  'symlink-outside-repo': ['paths'],
  'wheel-not-built': ['paths', 'artifacts'],
  'duplicate-library-name': ['artifacts'],
  'artifact-not-configured': ['artifacts', 'required'],
  'wheel-dbr-too-old': ['artifacts', 'compute'],
  'entry-point-missing': ['required'],
  'required-field-missing': ['required'],
  'variable-required-unset': ['variables'],
  'undefined-variable': ['variables'],
  'variable-cycle': ['variables'],
  'variable-file-invalid': ['variables'],
  'variable-type-invalid': ['variables', 'schema'],
  'bundle-name-interpolation': ['variables'],
  'include-non-yaml': ['includes'],
  'include-outside-root': ['includes'],
  'include-glob-nonrecursive': ['includes'],
  'include-outside-repository': ['includes'],
  'root-path-glob-chars': ['includes'],
  'config-invalid': ['includes', 'resources', 'schema'],
  'resource-undefined': ['resources'],
  'resource-reference-invalid': ['resources'],
  'job-cluster-key-undefined': ['resources'],
  'task-dependency-undefined': ['resources'],
  'unknown-field': ['schema'],
  'null-value': ['schema'],
  'enum-invalid': ['schema'],
  'environment-client-invalid': ['compute', 'schema'],
  'direct-only-resource': ['compute'],
};

/** Check ids not listed above (checks added later) fall into a family by their name. */
const BY_NAME: [RegExp, Family][] = [
  [/^path-|-path-|sync/, 'paths'],
  [/^variable-|variable/, 'variables'],
  [/^include-/, 'includes'],
  [/^resource-|-undefined$|unique-|duplicate-key/, 'resources'],
  [/required/, 'required'],
  [/field|enum|schema|type-invalid|null/, 'schema'],
  [/artifact|wheel|library/, 'artifacts'],
  [/cluster|compute|environment|engine|dbr|mode|preset|run-as|permission/, 'compute'],
];

export function checkFamilies(check: string): Family[] {
  const known = CHECK_FAMILIES[check];
  if (known) return known;
  return BY_NAME.filter(([re]) => re.test(check)).map(([, family]) => family);
}

/** A diagnostic's family from its summary (cli bundle/config/validate/*, translate_paths, resolve). */
const DIAGNOSTIC_FAMILIES: [RegExp, Family][] = [
  [/^required field "/, 'required'],
  [/^reference does not exist|required variable|variable \S+ is (?:not defined|of type|not of type)|variables file|cycle detected|variable interpolation in the name|complex variable|lookup variables/i, 'variables'],
  [/include|glob pattern characters/i, 'includes'],
  [/not found|no matching files|no files match pattern|doesn't exist|not contained in sync root|is defined relative to the|expected a (?:file|notebook) for|is not a notebook|is a notebook|does not match any files|no files to sync/i, 'paths'],
  [/ is not defined\b|^multiple resources or scripts|depends on|task_key/i, 'resources'],
  [/^unknown field|for enum field|^expected (?:a|an) \S+(?: value)?, found|found null|must be a mapping/i, 'schema'],
  [/artifact|build failed|local library|wheel|\.whl|\.jar/i, 'artifacts'],
  [/cluster|environment|DBR|compute|direct deployment|engine|mode|root_path|run_as/i, 'compute'],
];

export function diagnosticFamilies(summary: string): Family[] {
  return DIAGNOSTIC_FAMILIES.filter(([re]) => re.test(summary)).map(([, family]) => family);
}

export function sameFamily(check: string, summary: string): boolean {
  const mine = checkFamilies(check);
  return diagnosticFamilies(summary).some((f) => mine.includes(f));
}
