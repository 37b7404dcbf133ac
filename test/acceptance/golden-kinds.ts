import fs from 'node:fs';
import path from 'node:path';

// What each golden `bundle validate` diagnostic of the CLI's acceptance cases is, for the recall
// test: the dab-ready checks that report it, how to recognise the finding when the CLI gives no
// location (its subject), and whether it can only be known with a workspace.

export interface GoldenKind {
  kind: string;
  /** Matches the diagnostic's summary. */
  summary: RegExp;
  /** dab-ready check ids whose findings count for it. */
  checks: string[];
  /** Text a matching finding's message must contain when the diagnostic has no location. */
  subject?: (summary: string, paths: string[]) => string;
  /** Why it is out of reach without a workspace (or without running the project's Python code). */
  needsWorkspace?: string;
  /** For kinds that are static in some cases only: why this case needs the workspace, read from its files. */
  needsWorkspaceIn?: (caseDir: string) => string | undefined;
}

/** The YAML files of a case (top level and one folder down), as text. */
function caseYaml(caseDir: string): string {
  const out: string[] = [];
  const read = (dir: string, depth: number) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 1) read(abs, depth + 1);
      else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) out.push(fs.readFileSync(abs, 'utf8'));
    }
  };
  read(caseDir, 0);
  return out.join('\n');
}


export const GOLDEN_KINDS: GoldenKind[] = [
  { kind: 'unknown field', summary: /^unknown field: /, checks: ['unknown-field'] },
  { kind: 'required field', summary: /^required field "[^"]+" is not set/, checks: ['required-field-missing', 'entry-point-missing'] },
  { kind: 'enum value', summary: /^invalid value ".*" for enum field/, checks: ['enum-invalid', 'variable-type-invalid'], subject: (s) => /^invalid value ("[^"]*")/.exec(s)![1] },
  { kind: 'value type', summary: /^expected (map|sequence|string|int|float|bool), found |^cannot parse ".*" as /, checks: ['value-type-invalid'] },
  { kind: 'merge conflict', summary: /^failed to perform target override for target=\S+: failed to merge/, checks: ['config-invalid'], subject: (s) => /cannot merge .*$/.exec(s)![0] },
  { kind: 'read-only field', summary: /is computed and read-only/, checks: ['read-only-field'], subject: (s) => s.split(' ')[0] },
  { kind: 'undefined resource', summary: /^\w+ \S+ is not defined$/, checks: ['resource-undefined'] },
  { kind: 'unique keys', summary: /^multiple resources or scripts have been defined with the same key/, checks: ['config-invalid'] },
  { kind: 'include non-yaml', summary: /^Files in the 'include' configuration section must be YAML or JSON files/, checks: ['include-non-yaml'] },
  { kind: 'include outside root', summary: /^Include section is defined outside root file/, checks: ['include-outside-root'] },
  { kind: 'artifact', summary: /^Artifact not properly configured/, checks: ['artifact-not-configured'] },
  { kind: 'artifact files glob', summary: /: no matching files$/, checks: ['path-not-found'], subject: (s) => s.replace(/: no matching files$/, '') },
  {
    kind: 'path not found',
    summary: /^(file|notebook|directory) .* not found|^stat .*: no such file or directory/,
    checks: ['path-not-found'],
    subject: (s) => {
      const m = /^(?:file|notebook|directory) "?([^"]+?)"? not found|^stat (.*): no such file/.exec(s);
      return m?.[1] ?? m?.[2] ?? s;
    },
  },
  {
    kind: 'path kind',
    summary: /^expected a (file|notebook|directory) for "[^"]+" but got a/,
    checks: ['path-kind-mismatch'],
    subject: (s) => /for "([^"]+)"/.exec(s)![1].replace(/^resources\./, ''),
  },
  { kind: 'alert file interpolation', summary: /^\.alert file .* must not contain variable interpolations/, checks: ['alert-file-interpolation'] },
  { kind: 'terraform-only reference', summary: /Terraform-only field; cross-resource references/, checks: ['terraform-only-reference'] },
  { kind: 'target mode', summary: /^target with 'mode: (development|production)'/, checks: ['target-mode-violation'] },
  { kind: 'run_as', summary: /^run_as section must specify exactly one identity|legacy mode of run_as/, checks: ['run-as-invalid'] },
  {
    kind: 'run_as vs owner',
    summary: /do not support a setting a run_as user that is different from the owner/,
    checks: ['run-as-invalid'],
    needsWorkspace: 'compares run_as with the identity that deploys (the current user from the workspace)',
  },
  {
    kind: 'deployment identity',
    summary: /^permissions section should explicitly include the current deployment identity/,
    checks: [],
    needsWorkspace: 'needs the current user and their groups from the workspace',
  },
  {
    kind: 'wheel DBR',
    summary: /uses cluster with incompatible DBR version|^Python wheel tasks require compute with DBR 13\.3\+/,
    checks: ['wheel-dbr-too-old'],
    subject: (s) => /DBR version (\S+)/.exec(s)?.[1] ?? 'DBR 13.3+',
    needsWorkspaceIn: (caseDir) =>
      /spark_version:/.test(caseYaml(caseDir)) ? undefined : 'the task runs on an existing_cluster_id: the CLI reads its DBR version from the workspace',
  },
  { kind: 'required (bespoke)', summary: /^(dashboard display_name|dashboard warehouse_id|sql_warehouse name|grant principal|grant privileges|secret scope permission principal) is required$/, checks: ['required-field-missing'] },
  { kind: 'managed field', summary: /must not be set in bundle configuration|has an etag set\. Etags must not be set/, checks: ['managed-field-set'] },
  { kind: 'genie space', summary: /^both file_path and serialized_space are set/, checks: ['resource-spec-conflict'] },
  { kind: 'model serving', summary: /^Cannot use both served_models and served_entities|^Using served_models is deprecated/, checks: ['resource-spec-conflict'] },
  { kind: 'app job permissions', summary: /^app ".*" references jobs ".*" which has permissions set/, checks: ['app-permissions-overridden'] },
  { kind: 'volume path', summary: /starts with \/Volumes\. \/Volumes can only be used with workspace\.artifact_path/, checks: ['volume-path-invalid'] },
  { kind: 'auth interpolation', summary: /^Variable interpolation is not supported for fields that configure authentication/, checks: ['auth-interpolation'] },
  { kind: 'auth host unparsable', summary: /^failed during request visitor: parse ".*": invalid character/, checks: ['auth-interpolation'], subject: (s) => /parse "([^"]+)"/.exec(s)![1] },
  { kind: 'bundle name interpolation', summary: /^Please do not use variable interpolation in the name of your bundle/, checks: ['bundle-name-interpolation'] },
  { kind: 'undefined reference', summary: /^reference does not exist: /, checks: ['undefined-variable'], subject: (s) => /(\$\{[^}]+\})/.exec(s)![1] },
  { kind: 'variable unset', summary: /^no value assigned to required variable /, checks: ['variable-required-unset'], subject: (s) => /required variable (\S+?)\./.exec(s)![1] },
  { kind: 'variable undeclared in target', summary: /variable \S+ is not defined but is assigned a value/, checks: ['undefined-variable'], subject: (s) => /variable (\S+) is not defined/.exec(s)![1] },
  { kind: 'variable file', summary: /^failed to parse variables file |in the variable file is (not )?a complex type/, checks: ['variable-file-invalid'], subject: (s) => /variables file \S*\.databricks\/bundle\/([^/]+)\/|^variable (\S+) is/.exec(s)!.slice(1).find(Boolean)! },
  { kind: 'variable cycle', summary: /^cycle detected in field resolution|^Variables references are too deep/, checks: ['variable-cycle'], subject: (s) => (/^cycle detected/.test(s) ? 'cycle' : 'too deep') },
  { kind: 'complex variable index', summary: /^expected a map to index "[^"]+", found /, checks: ['undefined-variable'], subject: (s) => /to index "([^"]+)"/.exec(s)![1] },
  { kind: 'python config', summary: /^failed to apply python mutator: 'experimental\/python' and 'python'/, checks: ['config-invalid'], subject: () => "'experimental/python' and 'python'" },
  {
    kind: 'python code output',
    summary: /^This is a warning message with unicode characters/,
    checks: [],
    needsWorkspace: 'printed by the project’s Python resource code (python: mutators), which dab-ready does not run',
  },
  {
    kind: 'lookup',
    summary: /^failed to resolve (service-principal|cluster|job|warehouse|pipeline|alert|dashboard|query|metastore|instance-pool|cluster-policy|notification-destination)/,
    checks: [],
    needsWorkspace: 'lookup variables resolve names through the workspace API',
  },
  { kind: 'repeated --var', summary: /^failed to assign .* variable has already been assigned value/, checks: ['usage-error'], subject: () => 'given twice' },
];

export function classify(summary: string): GoldenKind | undefined {
  return GOLDEN_KINDS.find((k) => k.summary.test(summary));
}
