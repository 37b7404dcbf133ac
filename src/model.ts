// The shapes at the seams. `project` builds a Bundle (read-only afterwards), `checks` turn it into
// findings, `verify` adds findings from real runs, `readiness` folds them into a result, `report`
// renders it, `github`/`deploy` act on it.

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** A place in a file. `file` is POSIX and relative to the bundle root (may start with `../`). */
export interface Loc {
  file: string;
  line: number;
  column: number;
}

// ---------------------------------------------------------------------------------------------
// Located YAML values. Every value keeps where it was written (the use site for aliases/merges).

export type Node = MapNode | SeqNode | ScalarNode;
export interface MapNode {
  kind: 'map';
  loc: Loc;
  entries: Map<string, Node>;
  keyLocs: KeyLocs;
}
/** Where each key of a mapping is written: a Map<string, Loc> is one; the parsers keep a packed one (src/project/key-locs.ts). */
export interface KeyLocs extends Iterable<[string, Loc]> {
  readonly size: number;
  get(key: string): Loc | undefined;
  has(key: string): boolean;
  set(key: string, loc: Loc): unknown;
  delete(key: string): boolean;
  clear(): void;
  entries(): IterableIterator<[string, Loc]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<Loc>;
}
export interface SeqNode {
  kind: 'seq';
  loc: Loc;
  items: Node[];
}
export type Scalar = string | number | boolean | null;
export interface ScalarNode {
  kind: 'scalar';
  loc: Loc;
  value: Scalar;
}

// ---------------------------------------------------------------------------------------------
// Findings

export interface Fix {
  text: string;
  patch?: string;
}

/** What a check returns; the engine adds the targets (and phases) it applies to. */
export interface RawFinding {
  check: string;
  severity?: Severity; // defaults to the check's severity
  message: string;
  loc?: Loc;
  /** Resource addresses such as `jobs.train_ditto` the finding concerns (drives phase attachment). */
  resources?: string[];
  /** Source lines quoted as evidence (already cut from the file, without line numbers). */
  evidence?: string;
  impact?: string;
  fix?: Fix;
  /** Set by verify when a real run confirmed the finding. */
  verified?: boolean;
  /** Set when `databricks bundle validate` reported the same problem. */
  validateAgrees?: boolean;
  /** Overrides the check's `breaksDeploy` for this finding (a wheel nobody attaches only fails the run). */
  breaksDeploy?: boolean;
  /** For load-time findings that concern only some targets (a target assigning an undeclared variable). */
  targets?: string[];
}

export interface Finding extends RawFinding {
  severity: Severity;
  targets: string[];
  phases: string[];
  /** In the baseline (`--baseline`, or the base branch with `fail-on-new-only`): reported, but it
   *  does not fail the gate. */
  existing?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Checks

export type Category =
  | 'Bundle Configuration'
  | 'Python Package Build'
  | 'Entry Points'
  | 'Vector Search Integration'
  | 'Vector Search Endpoints'
  | 'File Sync Configuration'
  | 'Library Dependencies'
  | 'Model Registry Integration'
  | 'DLT Pipeline'
  | 'Developer Setup'
  | 'Verification';

export interface Check {
  id: string; // stable kebab-case public name
  category: Category;
  severity: Severity;
  effortHours: number;
  title: string;
  /** Shown in the report when the check has no finding (the seed's ✅ rows). */
  successMessage: string;
  /** Why it fails on Databricks and how to fix it (printed by `dab-ready explain <id>`). */
  docs: string;
  /** True when a finding makes `databricks bundle deploy` itself fail (not only the job runs). */
  breaksDeploy: boolean;
  run(bundle: Bundle, target: TargetView): RawFinding[];
}

// ---------------------------------------------------------------------------------------------
// The project model

export interface ConfigFile {
  path: string; // relative to the bundle root, POSIX
  text: string;
  lines: string[];
  root?: MapNode; // undefined when the file could not be parsed (a notice says why)
}

export interface Resource {
  type: string; // 'jobs', 'pipelines', 'vector_search_endpoints', ...
  key: string;
  address: string; // `${type}.${key}`
  node: MapNode;
  loc: Loc; // where the key is written
  file: string; // the file that defines it (its first definition)
}

export interface Library {
  kind: string; // 'whl' | 'jar' | 'pypi' | 'requirements' | 'maven' | 'egg' | 'cran' | 'dependency'
  value: string; // the path / package spec as written
  node: Node;
}

export interface Task {
  key: string;
  node: MapNode;
  loc: Loc;
  /** notebook_task, spark_python_task, python_wheel_task, ... (the first *_task key). */
  type?: string;
  typeNode?: MapNode;
  libraries: Library[];
  /** Libraries that reach the task through its environment (environment_key) or job cluster. */
  environmentDependencies: Library[];
}

export interface Job extends Resource {
  tasks: Task[];
  gitSource: boolean;
}

export interface Pipeline extends Resource {
  libraries: { kind: 'notebook' | 'file' | 'glob' | string; path: string; node: ScalarNode }[];
}

export interface Artifact {
  name: string;
  node: MapNode;
  loc: Loc;
  type?: string;
  build?: string;
  /** Directory the build runs in, relative to the bundle root. */
  path: string;
  files: { source: string; loc: Loc }[];
  implicit: boolean; // synthesised `python_artifact` (root setup.py + local library, no artifacts key)
}

export interface VariableDef {
  name: string;
  loc: Loc;
  node: Node;
  type?: string;
  default?: Node;
  lookup?: Node;
  /** A `value:` written in the definition: the variable is set, nothing overrides it (the CLI's HasValue). */
  value?: Node;
  description?: string;
}

export type VariableSource = 'value' | 'default' | 'target' | 'overrides-file' | 'env' | 'cli' | 'lookup';
export interface VariableValue {
  name: string;
  def: VariableDef;
  value?: Node; // undefined for a lookup or an unset required variable
  source?: VariableSource;
}

export interface Reference {
  text: string; // `${var.x}`
  path: string; // `var.x`
  loc: Loc;
  /** Why it resolves to nothing when the CLI says more than `reference does not exist` (indexing into a string). */
  reason?: string;
}

export interface Interpolation {
  value: string; // the string with every resolvable reference replaced
  resolved: boolean; // no reference left
  unresolved: Reference[]; // references that could not be resolved (unknown or not resolvable statically)
  undefinedRefs: Reference[]; // references that name nothing (a typo, an undeclared variable)
  /** References that lead into a cycle between variables (also listed in `unresolved`). */
  cycles?: Reference[];
}

export interface SyncConfig {
  paths: string[]; // relative to the bundle root
  include: string[];
  exclude: string[];
  includeLocs: Loc[];
  excludeLocs: Loc[];
  /** Where each `sync.paths` entry is written (absent for the default ['.']). */
  pathLocs?: Loc[];
}

export interface SyncVerdict {
  synced: boolean;
  /** Why not: the rule that excludes it. */
  reason?: { kind: 'gitignore' | 'sync.exclude' | 'outside-sync-paths' | 'always-excluded'; pattern?: string; loc?: Loc };
}

export interface TargetView {
  name: string;
  loc?: Loc;
  isDefault: boolean;
  mode?: string;
  /** The configuration after merging `targets.<name>` into the root and merging list elements by key. */
  config: MapNode;
  variables: Map<string, VariableValue>;
  resources: Map<string, Map<string, Resource>>;
  jobs: Job[];
  pipelines: Pipeline[];
  artifacts: Artifact[];
  sync: SyncConfig;
  /** Interpolate `${...}` in a string written at `loc`. */
  interpolate(text: string, loc: Loc): Interpolation;
  /** Whether a file (relative to the bundle root) is uploaded by `bundle deploy` for this target. */
  syncVerdict(file: string): SyncVerdict;
}

export interface EntryPoint {
  group: string;
  name: string;
  value: string; // 'module.sub:function'
  loc: Loc;
}

export interface PythonProject {
  dir: string; // relative to the bundle root, POSIX ('.' or '../lib')
  name?: string;
  nameLoc?: Loc;
  normalizedName?: string; // PEP 503
  metadataFiles: string[]; // pyproject.toml / setup.cfg / setup.py found, relative to the bundle root
  entryPoints: EntryPoint[];
  /** Top-level import packages/modules that the wheel would contain, and the dir they live in. */
  packages: { name: string; dir: string }[];
  buildBackend?: string;
  hasSetupPy: boolean;
  /** True when setup.py is what names the distribution but builds its name dynamically (`setup(**kwargs)`). */
  nameUnknown?: boolean;
  /** What setup.py declares that the built wheel does not get as written (set only when there is something). */
  setupPy?: SetupPyFacts;
  /** Static facts worth reporting (invalid TOML, a flat layout setuptools refuses, ...). */
  notes: RawFinding[];
}

/** A setup() argument whose value does not reach the wheel as written. */
export interface SetupPyField {
  keyword: string; // the setup() keyword, e.g. install_requires
  field: string; // the pyproject.toml field that governs it, e.g. dependencies
  /** lost: the wheel does not get it at all; differs: pyproject.toml declares another value, which wins. */
  outcome: 'lost' | 'differs';
  /** What exactly, e.g. `install_requires transformers>=4.40.0 vs dependencies transformers>=4.30.0`. */
  detail?: string;
  loc: Loc;
}

export interface SetupPyFacts {
  file: string; // setup.py, relative to the bundle root
  call: Loc; // the setup( call
  backend: string;
  /** Whether the build backend runs setup.py at all (setuptools does; hatchling, poetry, flit do not). */
  runs: boolean;
  fields: SetupPyField[];
  /** Entry points setup.py declares that the wheel does not have as declared. */
  lostEntryPoints: EntryPoint[];
}

export interface PythonFunction {
  name: string;
  line: number;
  requiredPositional: number;
}

export interface SourceFacts {
  file: string;
  kind: 'notebook' | 'file';
  language?: 'python' | 'sql' | 'scala' | 'r';
  pipInstalls: { line: number; text: string; packages: string[]; requirements?: string[] }[];
  imports: { line: number; module: string }[];
  sysPathAppends: { line: number; expr: string }[];
  widgetsGet: { line: number; name: string }[];
  widgetDefaults: { line: number; name: string; default?: string }[];
  faiss: { line: number; text: string }[];
  vectorSearchClient: { line: number; text: string }[];
  createEndpoints: { line: number; name?: string; text: string }[];
  dlt: { line: number; text: string }[];
  registersModels: { line: number; name?: string; text: string }[];
  functions: PythonFunction[];
}

export type FileKind = 'notebook' | 'file' | 'dir' | 'missing';

export interface FileIndex {
  /** Absolute directory the relative paths are resolved from (the bundle root). */
  root: string;
  kind(rel: string): FileKind;
  exists(rel: string): boolean;
  read(rel: string): string | undefined;
  lines(rel: string): string[] | undefined;
  facts(rel: string): SourceFacts | undefined;
  /** Every regular file below `dir` (relative to the bundle root), excluding .git/.databricks/node_modules. */
  list(dir?: string): string[];
  /** Glob relative to the bundle root (Go filepath.Glob semantics for includes; gitignore for sync). */
  glob(pattern: string): string[];
  /** Problems met while reading files (symlink out of the repository, unreadable, too large). */
  notices: RawFinding[];
}

export interface Bundle {
  root: string; // absolute
  relRoot: string; // relative to the analysed path, POSIX ('.' for the same folder)
  /** Absolute: the repository the bundle lives in (nothing outside it is read, builds run in a copy of it; messages name paths relative to the bundle root). */
  repoRoot?: string;
  rootFile: string;
  name: string;
  nameLoc?: Loc;
  files: Map<string, ConfigFile>;
  /** Root config merged with every included file, before target overrides. */
  base: MapNode;
  targets: Map<string, TargetView>;
  defaultTarget: string;
  python: PythonProject[];
  fileIndex: FileIndex;
  /** Load-time problems: config-invalid and friends, at their file:line. */
  notices: RawFinding[];
  /** Set when `python: resources:` defines resources in Python code (not analysed). */
  pythonResources?: Loc;
  /** DATABRICKS_BUNDLE_ENGINE of the environment dab-ready runs in (`direct` / `terraform`), when set. */
  engineFromEnv?: string;
}

export interface Project {
  path: string; // absolute, the path given
  bundles: Bundle[];
  notices: RawFinding[]; // repository-level (template trees to render first, unreadable folders)
}

// ---------------------------------------------------------------------------------------------
// Configuration (.dab-ready.yml)

export interface PhaseConfig {
  name: string;
  id?: string;
  include: string[]; // globs over resource files, or resource keys / addresses
  dependsOn?: string[];
}

export interface IgnoreRule {
  check: string;
  path?: string;
  reason?: string;
}

export interface DabReadyConfig {
  file?: string;
  phases?: PhaseConfig[];
  ignore: IgnoreRule[];
  severity: Record<string, Severity | 'off'>;
  failOn?: Severity | 'none';
  minScore?: number;
}

// ---------------------------------------------------------------------------------------------
// Results

export type PhaseStatus = 'ready' | 'partial' | 'blocked';

export interface PhaseResult {
  id: string;
  name: string;
  order: number;
  status: PhaseStatus;
  resources: string[]; // resource addresses
  jobs: string[]; // job keys, in definition order
  files: string[];
  checklist: { text: string; ok: boolean; severity?: Severity; check?: string }[];
  dependsOn: string[];
  /** The phase's python_wheel_tasks (for the report's testing strategy; not in the JSON). */
  wheelTasks?: PhaseWheelTask[];
}

export interface PhaseWheelTask {
  job: string; // job key
  task: string; // task key
  packageName?: string;
  entryPoint?: string;
  /** The Python project (dir relative to the bundle root) whose distribution name is the package. */
  projectDir?: string;
}

export interface VerificationStep {
  step: 'build' | 'inspect' | 'smoke' | 'validate';
  target?: string;
  subject?: string; // project dir / entry point / wheel file
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  command: string;
  detail: string;
  output?: string[]; // the tool's own last lines, for failures
  /** Set on a step skipped because a program or module is not installed on the runner (not the project's fault). */
  missingTool?: { name: string; install: string };
}

export interface EffortRow {
  check: string;
  title: string;
  severity: Severity;
  hours: number;
}

export interface BundleResult {
  root: string; // relative to the analysed path
  /** The bundle's root config file relative to `root` (`databricks.yml`); where bundle-wide findings point. */
  rootFile?: string;
  name: string;
  targets: string[];
  defaultTarget: string;
  score: number;
  targetScores: Record<string, number>;
  ready: boolean;
  counts: Record<Severity, number>;
  phases: PhaseResult[];
  findings: Finding[];
  passed: { check: string; title: string; message: string; category: Category }[];
  effort: { rows: EffortRow[]; criticalPath: number; withHigh: number; full: number };
  verification: VerificationStep[];
  suppressed: number;
}

export interface Result {
  schemaVersion: 1;
  tool: { name: string; version: string };
  path: string; // as given
  bundles: BundleResult[];
  notices: Finding[];
}

// ---------------------------------------------------------------------------------------------
// Logging: the CLI writes to stderr, the action to the runner log with groups.

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Run `fn` inside a collapsible log group (the action) or under a heading (the CLI). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** One line of a program's streamed output. */
  output(line: string): void;
}

export const silentLogger: Logger = {
  info() {},
  warn() {},
  group: (_name, fn) => fn(),
  output() {},
};

export interface VerifyOptions {
  python: string; // the Python executable used for builds and venvs
  isolation: boolean; // false adds --no-isolation to python -m build (offline runners)
  installDeps: boolean; // false installs the wheel with --no-deps
  timeoutMs: number; // per program
}

export interface ValidateOptions {
  mode: 'auto' | 'required';
  strict: boolean;
  timeoutMs: number;
  vars: Record<string, string>;
}
