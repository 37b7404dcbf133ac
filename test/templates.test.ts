import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import type { WorkflowTemplate } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

// The workflow templates (and action.yml) parsed by GitHub's own parser, then invariants on their
// structure: no pull_request_target, least permissions per job, pinned third-party actions, deploy
// jobs one at a time in an environment, and a guard for an empty matrix.

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATES = path.join(REPO, 'workflows-templates');
const ACTION = path.join(REPO, 'action.yml');
const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.yml')).sort();

type Yaml = Record<string, unknown>;
interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string> | string;
  environment?: unknown;
  strategy?: { matrix?: unknown; 'max-parallel'?: number; 'fail-fast'?: boolean };
  if?: string;
  needs?: string | string[];
  steps?: Step[];
  uses?: string;
}

function load(file: string): { raw: Yaml; jobs: Record<string, Job> } {
  const raw = YAML.parse(readFileSync(path.join(TEMPLATES, file), 'utf8')) as Yaml;
  return { raw, jobs: raw.jobs as Record<string, Job> };
}

async function githubParse(file: string): Promise<{ errors: string[]; template: WorkflowTemplate }> {
  const content = readFileSync(path.join(TEMPLATES, file), 'utf8');
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
  return { errors: [...errors, ...(template.errors ?? []).map((e) => e.Message)], template };
}

const FIRST_PARTY = /^(actions|github)\//;
const OWN_ACTION = 'org/dab-ready@v1';
const isDeployJob = (job: Job) => (job.steps ?? []).some((s) => s.uses === OWN_ACTION && s.with?.mode === 'deploy');

/** The permissions a job may have, by what it does. */
function allowedPermissions(job: Job): Record<string, string> {
  const allowed: Record<string, string> = { contents: 'read' };
  const steps = job.steps ?? [];
  if (steps.some((s) => s.uses === OWN_ACTION && (s.with?.mode ?? 'check') === 'check' && s.with?.comment !== 'false')) allowed['pull-requests'] = 'write';
  if (isDeployJob(job)) allowed['id-token'] = 'write';
  return allowed;
}

describe('workflow templates', () => {
  it('ships the four templates', () => {
    expect(files).toEqual(['dab-ready-deploy-reusable.yml', 'dab-ready-deploy.yml', 'dab-ready-pr-reusable.yml', 'dab-ready-pr.yml']);
  });

  for (const file of files) {
    describe(file, () => {
      it("parses and converts with GitHub's workflow parser without errors", async () => {
        const { errors, template } = await githubParse(file);
        expect(errors).toEqual([]);
        expect(template.jobs.length).toBeGreaterThan(0);
      });

      it('never uses pull_request_target, and sets no default permissions at the workflow level', () => {
        const { raw } = load(file);
        const on = raw.on as Yaml;
        expect(Object.keys(on)).not.toContain('pull_request_target');
        expect(readFileSync(path.join(TEMPLATES, file), 'utf8')).not.toMatch(/^\s*pull_request_target\s*:/m);
        expect(raw.permissions).toEqual({});
      });

      it('gives each job only the permissions it needs', () => {
        const { jobs } = load(file);
        for (const [id, job] of Object.entries(jobs)) {
          expect(typeof job.permissions, `${file} job ${id} declares its permissions`).toBe('object');
          const allowed = allowedPermissions(job);
          for (const [scope, level] of Object.entries(job.permissions as Record<string, string>)) {
            expect(allowed[scope], `${file} job ${id}: ${scope}: ${level} is more than it needs`).toBe(level);
          }
        }
      });

      it('pins third-party actions to an exact version tag or a commit SHA', () => {
        const { jobs } = load(file);
        const uses = Object.values(jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses).filter((u): u is string => !!u));
        expect(uses.length).toBeGreaterThan(0);
        for (const u of uses) {
          if (u === OWN_ACTION || u.startsWith('./')) continue;
          const [name, ref] = u.split('@');
          expect(ref, `${u} has a ref`).toBeTruthy();
          if (FIRST_PARTY.test(name)) expect(ref).toMatch(/^(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
          else expect(ref, `${u} is pinned`).toMatch(/^(v\d+\.\d+\.\d+|[0-9a-f]{40})$/);
        }
      });

      it('passes only inputs the action declares', () => {
        if (!existsSync(ACTION)) return;
        const declared = Object.keys((YAML.parse(readFileSync(ACTION, 'utf8')) as { inputs: Yaml }).inputs);
        const { jobs } = load(file);
        for (const step of Object.values(jobs).flatMap((j) => j.steps ?? [])) {
          if (step.uses !== OWN_ACTION) continue;
          for (const key of Object.keys(step.with ?? {})) expect(declared, `input ${key}`).toContain(key);
        }
      });
    });
  }

  for (const file of ['dab-ready-deploy.yml', 'dab-ready-deploy-reusable.yml']) {
    describe(`${file}: deploy invariants`, () => {
      it('deploys one phase at a time from the plan matrix, fail-fast, in an environment, guarded against an empty matrix', async () => {
        const { jobs } = load(file);
        const deployJobs = Object.entries(jobs).filter(([, j]) => isDeployJob(j));
        expect(deployJobs.map(([id]) => id)).toEqual(['deploy']);
        const [, deploy] = deployJobs[0];
        expect(deploy.strategy?.['max-parallel']).toBe(1);
        expect(deploy.strategy?.['fail-fast']).toBe(true);
        expect(deploy.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}');
        expect(String(deploy.environment)).toMatch(/^\$\{\{ inputs\.target( \|\| '\w+')? \}\}$/);
        expect(deploy.needs).toBe('plan');
        expect(deploy.if).toBe("needs.plan.outputs.has-phases == 'true'");
        expect(jobs.plan.steps!.find((s) => s.uses === OWN_ACTION)?.with?.mode).toBe('plan');
        expect(Object.keys((jobs.plan as { outputs: Yaml }).outputs)).toEqual(expect.arrayContaining(['matrix', 'has-phases']));

        // what GitHub's parser made of it
        const { template } = await githubParse(file);
        const parsedDeploy = template.jobs.find((j) => j.id.value === 'deploy')!;
        expect(parsedDeploy.needs?.map((n) => n.value)).toEqual(['plan']);
        expect(parsedDeploy.if.expression).toBe("success() && (needs.plan.outputs.has-phases == 'true')");
      });

      it('serialises deploys per target without cancelling a running one', () => {
        const { raw } = load(file);
        const concurrency = raw.concurrency as { group: string; 'cancel-in-progress': boolean };
        expect(concurrency.group).toMatch(/inputs\.target/);
        expect(concurrency['cancel-in-progress']).toBe(false);
      });

      it('authenticates the deploy with GitHub OIDC (id-token: write) and documents the token fallback', () => {
        const { jobs } = load(file);
        const env = jobs.deploy as { env: Record<string, string>; permissions: Record<string, string> };
        expect(env.permissions['id-token']).toBe('write');
        expect(String(env.env.DATABRICKS_AUTH_TYPE)).toContain('github-oidc');
        expect(Object.keys(env.env)).toEqual(expect.arrayContaining(['DATABRICKS_HOST', 'DATABRICKS_CLIENT_ID']));
        expect(readFileSync(path.join(TEMPLATES, file), 'utf8')).toMatch(/DATABRICKS_TOKEN: \$\{\{ secrets\.DATABRICKS_TOKEN \}\}/);
      });
    });
  }

  for (const file of ['dab-ready-pr.yml', 'dab-ready-pr-reusable.yml']) {
    it(`${file}: checks out with history, sets up Python and the pinned CLI, runs the action with verify on`, () => {
      const { jobs } = load(file);
      const steps = Object.values(jobs).flatMap((j) => j.steps ?? []);
      expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
      expect(steps.some((s) => s.uses?.startsWith('actions/setup-python@'))).toBe(true);
      expect(steps.some((s) => s.uses === 'databricks/setup-cli@v1.13.0')).toBe(true);
      // setup-python has no `build` module: without this step verify skips every wheel build
      const setupPython = steps.findIndex((s) => s.uses?.startsWith('actions/setup-python@'));
      const installBuild = steps.findIndex((s) => /^python -m pip install build\b/.test(String((s as { run?: string }).run ?? '')));
      expect(installBuild).toBeGreaterThan(setupPython);
      expect(installBuild).toBeLessThan(steps.findIndex((s) => s.uses === OWN_ACTION));
      expect(readFileSync(path.join(TEMPLATES, file), 'utf8')).toMatch(/uv build --wheel/);
      const action = steps.find((s) => s.uses === OWN_ACTION)!;
      expect(String(action.with?.verify)).toMatch(/^(true|\$\{\{ inputs\.verify \}\})$/);
      // fork pull requests: no comment (their token is read-only), the summary still works
      expect(String(action.with?.comment)).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    });
  }

  for (const file of ['dab-ready-pr-reusable.yml', 'dab-ready-deploy-reusable.yml']) {
    it(`${file}: is a reusable workflow with typed inputs and declared secrets`, async () => {
      const { template } = await githubParse(file);
      const call = template.events.workflow_call!;
      expect(Object.keys(call.inputs ?? {}).length).toBeGreaterThan(3);
      // the converter keeps only string/boolean types; the raw YAML shows every input is typed
      const raw = (load(file).raw.on as { workflow_call: { inputs: Record<string, { type: string }> } }).workflow_call.inputs;
      expect(Object.keys(raw)).toEqual(Object.keys(call.inputs ?? {}));
      for (const [name, input] of Object.entries(raw)) expect(['string', 'boolean', 'number'], name).toContain(input.type);
      expect(Object.keys(call.secrets ?? {})).toEqual(['DATABRICKS_TOKEN']);
      expect(call.secrets!.DATABRICKS_TOKEN.required).toBe(false);
    });
  }

  it('the parser does report errors (so an empty error list means something)', async () => {
    const parsed = parseWorkflow({ name: 'bad.yml', content: 'on: pushh\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n' }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().length).toBeGreaterThan(0);
  });
});

describe('action.yml', () => {
  it.runIf(existsSync(ACTION))("parses and converts with GitHub's action parser without errors, and declares the plan/deploy interface", () => {
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
