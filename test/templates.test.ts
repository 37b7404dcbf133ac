import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import type { WorkflowTemplate } from '@actions/workflow-parser';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { lint, lintAll, readmeWorkflowSnippets, workflowFiles } from '../scripts/lint-workflows.mjs';
import { runPlanMode } from '../src/github/deploy-mode.js';
import { silentLogger } from '../src/model.js';
import { loadProject } from '../src/project/load.js';
import { REPO_ROOT } from './support/shared.js';

// Every workflow of the repository (.github/workflows: the reusable workflows, CI, release;
// workflows-templates: the copy-paste starters) checked by GitHub's own parser and by actionlint,
// then the rules they promise: least privilege (permissions per job; Databricks credentials never
// in a step that builds or runs the repository's code), the build tools installed where wheels are
// built, one approval per deploy run, and deploy legs that find their bundle.

const ACTION = path.join(REPO_ROOT, 'action.yml');
const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const OWN_ACTION = 'org/dab-ready@v1';
const REUSABLE = /^org\/dab-ready\/\.github\/workflows\/([\w.-]+)@v1$/;
const FIRST_PARTY = /^(actions|github)\//;

type Yaml = Record<string, unknown>;
interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  name?: string;
  permissions?: Record<string, string> | string;
  environment?: unknown;
  strategy?: { matrix?: unknown; 'max-parallel'?: number; 'fail-fast'?: boolean };
  if?: string;
  needs?: string | string[];
  env?: Record<string, unknown>;
  steps?: Step[];
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown> | string;
  outputs?: Record<string, string>;
}
interface Workflow {
  file: string;
  text: string;
  raw: Yaml;
  jobs: Record<string, Job>;
}

const files = workflowFiles(REPO_ROOT);
const workflows: Workflow[] = files.map((file) => {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const raw = YAML.parse(text) as Yaml;
  return { file, text, raw, jobs: raw.jobs as Record<string, Job> };
});
const byFile = (file: string) => workflows.find((w) => w.file === file)!;
/** The workflows about dab-ready itself (not the project's CI and release). */
const dabReady = workflows.filter((w) => /\/dab-ready-/.test(w.file));

const isOwn = (s: Step) => s.uses === OWN_ACTION || s.uses === './';
const ownSteps = (job: Job) => (job.steps ?? []).filter(isOwn);
const mode = (s: Step) => String(s.with?.mode ?? 'check');
const verifies = (s: Step) => isOwn(s) && mode(s) !== 'deploy' && String(s.with?.verify ?? 'true') !== 'false';
const deploys = (s: Step) => isOwn(s) && mode(s) === 'deploy';
const comments = (s: Step) => isOwn(s) && mode(s) === 'check' && s.with?.comment !== 'false';

async function githubParse(name: string, content: string): Promise<{ errors: string[]; template: WorkflowTemplate }> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
  return { errors: [...errors, ...(template.errors ?? []).map((e) => e.Message)], template };
}

/** The permissions a job may have, by what it does. */
function allowedPermissions(job: Job): Record<string, string> {
  const allowed: Record<string, string> = { contents: 'read' };
  const steps = job.steps ?? [];
  const reusable = REUSABLE.exec(job.uses ?? '')?.[1];
  if (steps.some(comments) || reusable === 'dab-ready-pr-reusable.yml') allowed['pull-requests'] = 'write';
  if (steps.some(deploys) || reusable === 'dab-ready-deploy-reusable.yml' || steps.some((s) => /\bnpm publish\b/.test(s.run ?? ''))) allowed['id-token'] = 'write';
  if (steps.some((s) => /scripts\/release\.mjs tag --push/.test(s.run ?? ''))) allowed.contents = 'write';
  return allowed;
}

/** Every place a value mentions `secrets.`, as a path into the YAML. */
function secretUses(node: unknown, at: string[] = []): string[][] {
  if (typeof node === 'string') return /\bsecrets\./.test(node) ? [at] : [];
  if (Array.isArray(node)) return node.flatMap((v, i) => secretUses(v, [...at, String(i)]));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => secretUses(v, [...at, k]));
  return [];
}

/** A step's `run` script with `python` replaced by a recorder: what the tools step would install. */
function runToolsStep(script: string, files: Record<string, string>): string {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-tools-step-'));
  try {
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
      writeFileSync(path.join(repo, rel), content);
    }
    const bin = path.join(repo, '.stub-bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'python'), '#!/bin/sh\necho "$*" > "$(dirname "$0")/pip-args"\n', { mode: 0o755 });
    const run = spawnSync('bash', ['-e', '-c', script], { cwd: repo, encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(run.status, run.stderr).toBe(0);
    return readFileSync(path.join(bin, 'pip-args'), 'utf8').trim();
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

function evaluate(expression: string, contexts: Record<string, unknown>): string {
  const inner = /^\$\{\{\s*([\s\S]*?)\s*\}\}$/.exec(expression)?.[1] ?? expression;
  const parsed = new Parser(new Lexer(inner).lex().tokens, Object.keys(contexts), []).parse();
  const dict = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return new Evaluator(parsed, dict).evaluate().coerceString();
}

describe('the workflow files', () => {
  it('reusable workflows live in .github/workflows (where GitHub requires them); workflows-templates holds only starters', () => {
    expect(files).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/dab-ready-deploy-reusable.yml',
      '.github/workflows/dab-ready-pr-reusable.yml',
      '.github/workflows/release.yml',
      'workflows-templates/dab-ready-deploy-call.yml',
      'workflows-templates/dab-ready-deploy.yml',
      'workflows-templates/dab-ready-pr-call.yml',
      'workflows-templates/dab-ready-pr.yml',
    ]);
    for (const w of workflows) {
      const reusable = 'workflow_call' in (w.raw.on as Yaml);
      expect(reusable, w.file).toBe(w.file.startsWith('.github/workflows/dab-ready-'));
    }
  });

  it('every workflow file and every README workflow snippet passes actionlint', async () => {
    const results = await lintAll(REPO_ROOT);
    expect(results.map((r) => r.name)).toEqual(expect.arrayContaining(files));
    expect(results.filter((r) => r.name.startsWith('README.md:')).length).toBeGreaterThanOrEqual(4);
    expect(results.filter((r) => r.problems.length).map((r) => `${r.name}: ${r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`)).toEqual([]);
  }, 60_000);

  it('actionlint does find problems (so an empty list means something)', async () => {
    const problems = await lint('on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - if: secrets.T != \'\'\n        run: echo ${{ github.event.pull_request.title }}\n', 'bad.yml');
    expect(problems.map((p) => [p.line, p.kind])).toEqual([
      [6, 'expression'],
      [7, 'expression'],
    ]);
  });

  it('the README snippets that are workflows also parse with GitHub\'s parser', async () => {
    const snippets = readmeWorkflowSnippets(REPO_ROOT);
    for (const snippet of snippets) expect((await githubParse(snippet.name, snippet.content)).errors, snippet.name).toEqual([]);
  });

  for (const w of workflows) {
    describe(w.file, () => {
      it("parses and converts with GitHub's workflow parser without errors", async () => {
        const { errors, template } = await githubParse(w.file, w.text);
        expect(errors).toEqual([]);
        expect(template.jobs.length).toBeGreaterThan(0);
      });

      it('never uses pull_request_target, and sets no default permissions at the workflow level', () => {
        expect(Object.keys(w.raw.on as Yaml)).not.toContain('pull_request_target');
        expect(w.text).not.toMatch(/^\s*pull_request_target\s*:/m);
        expect(w.raw.permissions).toEqual({});
      });

      it('gives each job only the permissions it needs', () => {
        for (const [id, job] of Object.entries(w.jobs)) {
          expect(typeof job.permissions, `${w.file} job ${id} declares its permissions`).toBe('object');
          const allowed = allowedPermissions(job);
          for (const [scope, level] of Object.entries(job.permissions as Record<string, string>)) {
            expect(allowed[scope], `${w.file} job ${id}: ${scope}: ${level} is more than it needs`).toBe(level);
          }
        }
      });

      it('pins third-party actions to an exact version tag or a commit SHA', () => {
        const uses = Object.values(w.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses).filter((u): u is string => !!u));
        for (const u of uses.filter((u) => u !== OWN_ACTION && u !== './')) {
          const [name, ref] = u.split('@');
          expect(ref, `${u} has a ref`).toBeTruthy();
          // first-party actions may float on a major tag; others are pinned to an exact version or a SHA
          const pinned = FIRST_PARTY.test(name) ? /^(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/ : /^(v\d+\.\d+\.\d+|[0-9a-f]{40})$/;
          expect(ref, `${u} is pinned`).toMatch(pinned);
        }
      });

      it('passes only inputs the action declares', () => {
        const declared = Object.keys((YAML.parse(readFileSync(ACTION, 'utf8')) as { inputs: Yaml }).inputs);
        for (const step of Object.values(w.jobs).flatMap((j) => j.steps ?? []).filter(isOwn)) {
          for (const key of Object.keys(step.with ?? {})) expect(declared, `input ${key}`).toContain(key);
        }
      });
    });
  }
});

describe('least privilege: Databricks credentials only where no repository code is built or run', () => {
  it('the rule below has secrets to judge: the pull request workflows, the reusable deploy and the callers use some', () => {
    const using = dabReady.filter((w) => secretUses({ env: w.raw.env, jobs: w.jobs }).length > 0).map((w) => w.file);
    expect(using).toEqual(['.github/workflows/dab-ready-deploy-reusable.yml', '.github/workflows/dab-ready-pr-reusable.yml', 'workflows-templates/dab-ready-pr-call.yml', 'workflows-templates/dab-ready-pr.yml']);
  });

  for (const w of dabReady) {
    it(`${w.file}: secrets appear only in the env of a validate or deploy step, as a presence test, or passed to a reusable workflow`, () => {
      for (const at of secretUses({ env: w.raw.env, jobs: w.jobs })) {
        const [, jobId, where, index, field] = at;
        const job = w.jobs[jobId];
        if (where === 'secrets' && job.uses) continue; // a caller hands the secret to the reusable workflow
        expect(where, at.join('.')).toBe('steps');
        expect(field, at.join('.')).toBe('env');
        const step = job.steps![Number(index)];
        const value = String((step.env as Record<string, unknown>)[at[5]]);
        if (/^\$\{\{ (inputs\.validate && )?secrets\.\w+ != '' \}\}$/.test(value)) continue; // presence only, never the value
        expect(isOwn(step) && String(step.with?.verify) === 'false', `${at.join('.')}: a secret on a step that builds or runs code`).toBe(true);
      }
    });
  }

  for (const file of ['workflows-templates/dab-ready-pr.yml', '.github/workflows/dab-ready-pr-reusable.yml']) {
    it(`${file}: check and verify run first without credentials; validate runs after them in a step of its own, only when a token is there`, () => {
      const steps = Object.values(byFile(file).jobs)[0].steps!;
      const verify = steps.findIndex(verifies);
      const validate = steps.findIndex((s) => isOwn(s) && s.with?.validate === 'required');
      expect(verify).toBeGreaterThanOrEqual(0);
      expect(validate).toBeGreaterThan(verify);
      expect(steps[verify].env).toBeUndefined();
      expect(steps[verify].with?.validate).toBe('off');
      expect(steps[validate].with).toMatchObject({ verify: 'false', comment: 'false', sarif: 'off' });
      expect(Object.keys(steps[validate].env ?? {}).sort()).toEqual(['DATABRICKS_HOST', 'DATABRICKS_TOKEN']);
      expect(steps[validate].if).toBe("${{ !cancelled() && steps.credentials.outputs.available == 'true' }}");
      const probe = steps.find((s) => s.id === 'credentials')!;
      expect(steps.indexOf(probe)).toBeGreaterThan(verify);
      expect(probe.run).toBe('echo "available=$AVAILABLE" >> "$GITHUB_OUTPUT"');
      // no job- or workflow-level environment that every step would see
      expect(Object.values(byFile(file).jobs).every((j) => j.env === undefined)).toBe(true);
    });
  }
});

describe('the build tools, where wheels are built', () => {
  const jobsThatBuild = dabReady.flatMap((w) => Object.entries(w.jobs).filter(([, j]) => (j.steps ?? []).some((s) => verifies(s) || deploys(s))).map(([id, j]) => ({ w, id, job: j })));
  const toolSteps = jobsThatBuild.map(({ job }) => job.steps!.find((s) => /python -m pip install .*"\$\{tools\[@\]\}"/.test(s.run ?? '')));

  it('every job that verifies or deploys sets up Python, restores the pip/uv cache, installs the tools, then runs dab-ready', () => {
    expect(jobsThatBuild.map(({ w, id }) => `${w.file}:${id}`)).toEqual([
      '.github/workflows/dab-ready-deploy-reusable.yml:plan',
      '.github/workflows/dab-ready-deploy-reusable.yml:deploy',
      '.github/workflows/dab-ready-pr-reusable.yml:readiness',
      'workflows-templates/dab-ready-deploy.yml:plan',
      'workflows-templates/dab-ready-deploy.yml:deploy',
      'workflows-templates/dab-ready-pr.yml:readiness',
    ]);
    for (const { w, id, job } of jobsThatBuild) {
      const steps = job.steps!;
      const at = (find: (s: Step) => boolean) => steps.findIndex(find);
      const python = at((s) => !!s.uses?.startsWith('actions/setup-python@'));
      const cache = at((s) => !!s.uses?.startsWith('actions/cache@'));
      const tools = at((s) => /"\$\{tools\[@\]\}"/.test(s.run ?? ''));
      const dab = at(isOwn);
      expect([python, cache, tools, dab].every((i, n, all) => i >= 0 && (n === 0 || i > all[n - 1])), `${w.file}:${id} order`).toBe(true);
      expect(steps[python].id).toBe('python');
      expect(String(steps[cache].with?.path).split('\n').filter(Boolean)).toEqual(['~/.cache/pip', '~/.cache/uv']);
      expect(String(steps[cache].with?.key)).toContain('steps.python.outputs.python-version');
    }
  });

  it('the tools step is the same script in every workflow', () => {
    expect(toolSteps.every(Boolean)).toBe(true);
    expect(new Set(toolSteps.map((s) => s!.run)).size).toBe(1);
  });

  const script = toolSteps[0]?.run ?? '';
  it('installs build for a repository with no Python project at all', () => {
    expect(runToolsStep(script, { 'databricks.yml': 'bundle:\n  name: notebooks-only\nresources:\n  jobs:\n    j:\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ./nb.py\n' })).toBe(
      '-m pip install --disable-pip-version-check build',
    );
  });

  it('adds uv when an artifact builds with uv (the default template), poetry when one builds with poetry', () => {
    const artifact = (build: string) => `bundle:\n  name: b\nartifacts:\n  w:\n    type: whl\n    build: ${build}\n    path: .\n`;
    expect(runToolsStep(script, { 'databricks.yml': artifact('uv build --wheel') })).toBe('-m pip install --disable-pip-version-check build uv');
    expect(runToolsStep(script, { 'databricks.yml': 'bundle:\n  name: b\n', 'resources/artifacts.yaml': artifact('"poetry build"') })).toBe('-m pip install --disable-pip-version-check build poetry');
    expect(runToolsStep(script, { 'a/databricks.yml': artifact('uv build --wheel'), 'b/databricks.yml': artifact('poetry build') })).toBe(
      '-m pip install --disable-pip-version-check build uv poetry',
    );
  });

  it('is not fooled by a workflow job named build, a comment, or uv in a word', () => {
    const files = {
      'databricks.yml': 'bundle:\n  name: b\nartifacts:\n  w:\n    build: python -m build --wheel\n# build: uv build --wheel\n',
      '.github/workflows/ci.yml': 'jobs:\n  build:\n    steps:\n      - run: uv pip install x\n',
      'resources/x.yml': 'artifacts:\n  w:\n    build: make luv build\n',
    };
    expect(runToolsStep(script, files)).toBe('-m pip install --disable-pip-version-check build');
  });
});

describe('deploys', () => {
  for (const file of ['workflows-templates/dab-ready-deploy.yml', '.github/workflows/dab-ready-deploy-reusable.yml']) {
    describe(file, () => {
      const w = byFile(file);
      const target = file.includes('reusable') ? '${{ inputs.target }}' : "${{ inputs.target || 'dev' }}";

      it('plans without credentials, asks for approval once per run, then deploys one phase at a time, fail-fast, guarded against an empty matrix', async () => {
        expect(Object.keys(w.jobs)).toEqual(['plan', 'approve', 'deploy']);
        const { plan, approve, deploy } = w.jobs;
        expect(ownSteps(plan).map((s) => [mode(s), s.with?.verify, s.with?.validate])).toEqual([['plan', 'true', 'off']]);
        expect(Object.keys(plan.outputs ?? {})).toEqual(expect.arrayContaining(['matrix', 'has-phases']));

        expect(approve).toMatchObject({ needs: 'plan', if: "needs.plan.outputs.has-phases == 'true'", environment: `${target}-approval`, permissions: {} });
        expect((approve.steps ?? []).some(isOwn)).toBe(false);

        expect(deploy.needs).toEqual(['plan', 'approve']);
        expect(deploy.if).toBe("needs.plan.outputs.has-phases == 'true'");
        expect(deploy.environment).toBe(target);
        expect(deploy.strategy).toEqual({ matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}', 'max-parallel': 1, 'fail-fast': true });
        expect(deploy.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
        expect(deploy.env).toBeUndefined();
        // the Databricks variables are on the deploy step only
        const withDatabricksEnv = (deploy.steps ?? []).filter((s) => Object.keys(s.env ?? {}).some((k) => k.startsWith('DATABRICKS_')));
        expect(withDatabricksEnv).toEqual([ownSteps(deploy)[0]]);
        expect(ownSteps(deploy).map((s) => [mode(s), s.with?.verify])).toEqual([['deploy', 'false']]);

        // what GitHub's parser made of it
        const { template } = await githubParse(file, w.text);
        const parsedDeploy = template.jobs.find((j) => j.id.value === 'deploy')!;
        expect(parsedDeploy.needs?.map((n) => n.value)).toEqual(['plan', 'approve']);
        expect(parsedDeploy.if.expression).toBe("success() && (needs.plan.outputs.has-phases == 'true')");
      });

      it('serialises deploys per target without cancelling a running one', () => {
        const concurrency = w.raw.concurrency as { group: string; 'cancel-in-progress': boolean };
        expect(concurrency.group).toMatch(/inputs\.target/);
        expect(concurrency['cancel-in-progress']).toBe(false);
      });

      it('authenticates the deploy step with GitHub OIDC and has a token fallback', () => {
        const env = ownSteps(w.jobs.deploy)[0].env as Record<string, string>;
        expect(String(env.DATABRICKS_AUTH_TYPE)).toContain('github-oidc');
        expect(Object.keys(env)).toEqual(expect.arrayContaining(['DATABRICKS_HOST', 'DATABRICKS_CLIENT_ID']));
        expect(w.text).toMatch(/DATABRICKS_TOKEN: \$\{\{ secrets\.DATABRICKS_TOKEN \}\}/);
      });
    });
  }

  describe('a repository with two bundles: each leg deploys from its own bundle folder', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'dab-ready-two-bundles-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    for (const name of ['entity-matching', 'entity-matching-fixed']) cpSync(path.join(REPO_ROOT, 'examples', name), path.join(work, 'bundles', name), { recursive: true });
    const output = path.join(work, 'github-output');

    it('the plan names the bundle of each leg, and both deploy workflows turn it into a folder holding exactly that bundle', async () => {
      writeFileSync(output, '');
      const saved = process.env.GITHUB_OUTPUT;
      process.env.GITHUB_OUTPUT = output;
      try {
        await runPlanMode({ path: work, target: 'dev', deploy: true, run: true, autoApprove: false, failOnActiveRuns: false, vars: {}, env: {}, log: silentLogger, summary: false });
      } finally {
        process.env.GITHUB_OUTPUT = saved;
      }
      const matrix = JSON.parse(/^matrix<<(\S+)\n([\s\S]*?)\n\1$/m.exec(readFileSync(output, 'utf8'))![2]) as { include: { bundle?: string; phase: string }[] };
      expect(new Set(matrix.include.map((l) => l.bundle))).toEqual(new Set(['bundles/entity-matching', 'bundles/entity-matching-fixed']));
      for (const file of ['workflows-templates/dab-ready-deploy.yml', '.github/workflows/dab-ready-deploy-reusable.yml']) {
        const expression = String(ownSteps(byFile(file).jobs.deploy)[0].with?.path);
        for (const leg of matrix.include) {
          const folder = evaluate(expression, { matrix: leg, inputs: { path: '.', target: 'dev' } });
          const project = loadProject(path.join(work, folder), { env: {} });
          expect(project.bundles.map((b) => b.relRoot), `${file}: ${leg.bundle}`).toEqual(['.']);
          expect(path.resolve(work, folder)).toBe(path.join(work, leg.bundle!));
        }
        // one bundle: no bundle field, the path itself
        expect(evaluate(expression, { matrix: { phase: '1' }, inputs: { path: 'bundles/x', target: 'dev' } })).toBe(file.includes('reusable') ? 'bundles/x' : '.');
      }
    }, 120_000);
  });
});

describe('pull request workflows', () => {
  for (const file of ['workflows-templates/dab-ready-pr.yml', '.github/workflows/dab-ready-pr-reusable.yml']) {
    it(`${file}: checks out with history, comments only on same-repository pull requests`, () => {
      const steps = Object.values(byFile(file).jobs).flatMap((j) => j.steps ?? []);
      expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
      expect(steps.some((s) => s.uses === 'databricks/setup-cli@v1.13.0')).toBe(true);
      const check = steps.find(verifies)!;
      expect(String(check.with?.verify)).toMatch(/^(true|\$\{\{ inputs\.verify \}\})$/);
      expect(String(check.with?.comment)).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    });
  }
});

describe('reusable workflows and the starters that call them', () => {
  for (const file of ['.github/workflows/dab-ready-pr-reusable.yml', '.github/workflows/dab-ready-deploy-reusable.yml']) {
    it(`${file}: typed inputs and declared secrets`, async () => {
      const { template } = await githubParse(file, byFile(file).text);
      const call = template.events.workflow_call!;
      const raw = (byFile(file).raw.on as { workflow_call: { inputs: Record<string, { type: string }> } }).workflow_call.inputs;
      expect(Object.keys(raw)).toEqual(Object.keys(call.inputs ?? {}));
      for (const [name, input] of Object.entries(raw)) expect(['string', 'boolean', 'number'], name).toContain(input.type);
      expect(Object.keys(call.secrets ?? {})).toEqual(['DATABRICKS_TOKEN']);
      expect(call.secrets!.DATABRICKS_TOKEN.required).toBe(false);
    });
  }

  it('every reference to a reusable workflow (starters, README) names a file in .github/workflows, with inputs and secrets it declares', () => {
    const referenced = new Set<string>();
    for (const w of workflows) {
      for (const job of Object.values(w.jobs)) {
        const name = REUSABLE.exec(job.uses ?? '')?.[1];
        if (!job.uses) continue;
        expect(name, `${w.file}: ${job.uses}`).toBeDefined();
        referenced.add(name!);
        const called = byFile(`.github/workflows/${name}`).raw.on as { workflow_call: { inputs: Yaml; secrets: Yaml } };
        for (const key of Object.keys(job.with ?? {})) expect(Object.keys(called.workflow_call.inputs), `${w.file}: with.${key}`).toContain(key);
        for (const key of Object.keys((job.secrets as Yaml) ?? {})) expect(Object.keys(called.workflow_call.secrets), `${w.file}: secrets.${key}`).toContain(key);
      }
    }
    for (const m of README.matchAll(/org\/dab-ready\/\.github\/workflows\/([\w.-]+)@v1/g)) referenced.add(m[1]);
    expect([...referenced].sort()).toEqual(['dab-ready-deploy-reusable.yml', 'dab-ready-pr-reusable.yml']);
    for (const name of referenced) expect(existsSync(path.join(REPO_ROOT, '.github', 'workflows', name)), name).toBe(true);
  });

  it('the README names every starter and reusable workflow, and only files that exist', () => {
    // outside code blocks: inside them `.github/workflows/...` is where a user puts a copy
    const prose = README.replace(/^```[\s\S]*?^```$/gm, '');
    const named = new Set([...prose.matchAll(/(?<![\w/])((?:workflows-templates|\.github\/workflows)\/[\w.-]+\.yml)\b/g)].map((m) => m[1]));
    for (const file of files.filter((f) => /dab-ready-/.test(f))) expect(named, file).toContain(file);
    for (const file of named) expect(existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
    expect(readdirSync(path.join(REPO_ROOT, 'workflows-templates')).sort()).toEqual(files.filter((f) => f.startsWith('workflows-templates/')).map((f) => path.basename(f)));
  });

  it('the README says once what org/dab-ready stands for', () => {
    expect(README.match(/`org\/dab-ready` stands for/g)).toHaveLength(1);
  });
});

describe('action.yml', () => {
  it("parses and converts with GitHub's action parser without errors, and declares the plan/deploy interface", () => {
    const content = readFileSync(ACTION, 'utf8');
    const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const action = convertActionTemplate(parsed.context, parsed.value!);
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const inputs = (action.inputs ?? []).map((i) => i.id);
    expect(inputs).toEqual(expect.arrayContaining(['mode', 'phase', 'deploy', 'run', 'auto-approve', 'fail-on-active-runs', 'vars', 'target', 'path']));
    const outputs = (action.outputs ?? []).map((o) => o.id);
    expect(outputs).toEqual(expect.arrayContaining(['matrix', 'blocked', 'has-phases', 'run-urls', 'deployed', 'phase-status']));
  });
});
