// model-registry-unresolved on small bundles on disk: which registrations count (a registered_models
// resource, a workspace `models` resource, register_model / log_model / create_registered_model in
// code a task runs), how names compare, which references are not judged, and the fix for each.
import { describe, expect, test } from 'vitest';
import { modelRegistryUnresolved } from '../../src/checks/model-registry-unresolved.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

/** A bundle whose job `scoring` runs notebooks/train.py (with `trainCode`) and passes `model_name: <model>`. */
function jobUsing(model: string, opts: { resources?: string; trainCode?: string; extra?: Record<string, string> } = {}, variables = ''): RawFinding[] {
  return runOnFiles(modelRegistryUnresolved, {
    'databricks.yml': `bundle:
  name: mru
variables:
  catalog:
    default: main
${variables}resources:
${opts.resources ?? ''}  jobs:
    scoring:
      name: scoring
      tasks:
        - task_key: train
          notebook_task:
            notebook_path: ./notebooks/train.py
            base_parameters:
              model_name: ${model}
`,
    'notebooks/train.py': `# Databricks notebook source\nimport mlflow\n\n${opts.trainCode ?? 'mlflow.log_metric("auc", 0.9)\n'}`,
    ...opts.extra,
  });
}

const messages = (findings: RawFinding[]): string[] => findings.map((f) => f.message);

/** A job `key` whose notebook task passes the base_parameters given (YAML lines at their indentation). */
const notebookJob = (key: string, params: string) =>
  `    ${key}:\n      name: ${key}\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ./run.py\n            base_parameters:\n${params}`;
const jobs = (yaml: string): RawFinding[] =>
  runOnFiles(modelRegistryUnresolved, { 'databricks.yml': `bundle:\n  name: mru\nresources:\n  jobs:\n${yaml}`, 'run.py': 'print(1)\n' });

describe('model-registry-unresolved: a model a job uses', () => {
  test('a two-part name nothing registers: low, and the fix registers it from code under that name', () => {
    const [finding, ...rest] = jobUsing('ml.churn');
    expect(rest).toEqual([]);
    expect(finding.message).toBe('model ml.churn is used by jobs.scoring but nothing in the bundle registers it');
    expect(finding.severity).toBe('low');
    expect(finding.breaksDeploy).toBe(false);
    expect(finding.loc).toMatchObject({ file: 'databricks.yml', line: 15 });
    expect(finding.impact).toBe('The job loads a model registered by hand: in a fresh workspace or target the run fails until someone registers it.');
    expect(finding.fix).toEqual({
      text: 'Declare the model as a bundle resource and register versions from the training code.',
      patch: 'mlflow.register_model(f"runs:/{run_id}/model", "ml.churn")',
    });
  });

  test('a name from a variable: the patch uses its value (one part: register_model; catalog.schema.name: the resource)', () => {
    const [finding] = jobUsing('${var.catalog}_ml_model');
    expect(finding.fix?.patch).toBe('mlflow.register_model(f"runs:/{run_id}/model", "main_ml_model")');
    const [uc] = jobUsing('${var.full}', {}, '  full:\n    default: main.ml.churn\n');
    expect(uc.fix?.patch).toBe('resources:\n  registered_models:\n    churn:\n      catalog_name: main\n      schema_name: ml\n      name: churn');
  });

  test('a catalog.schema.name: the resource key makes the name an identifier', () => {
    const [finding] = jobUsing('main.ml.churn-model');
    expect(finding.fix?.patch).toBe('resources:\n  registered_models:\n    churn_model:\n      catalog_name: main\n      schema_name: ml\n      name: churn-model');
  });

  test('registered_model_name and a job parameter named model_name (its default) are model references too', () => {
    const scoring =
      '    scoring:\n      name: scoring\n      parameters:\n        - name: model_name\n          default: main.ml.from_parameter\n' +
      '      tasks:\n        - task_key: t\n          spark_python_task:\n            python_file: ./run.py\n            parameters: ["--x"]\n          environment_key: default\n';
    const other = notebookJob('other', '              registered_model_name: main.ml.from_key\n              name: not_a_model\n');
    expect(messages(jobs(scoring + other))).toEqual([
      'model main.ml.from_parameter is used by jobs.scoring but nothing in the bundle registers it',
      'model main.ml.from_key is used by jobs.other but nothing in the bundle registers it',
    ]);
  });

  test('one model used by two jobs: one finding listing both, sorted', () => {
    const params = '              model_name: main.ml.shared\n';
    const findings = jobs(notebookJob('z_job', params) + notebookJob('a_job', params));
    expect(findings.map((f) => [f.message, f.loc?.line])).toEqual([['model main.ml.shared is used by jobs.a_job, jobs.z_job but nothing in the bundle registers it', 12]]);
    expect(findings[0].resources).toEqual(['jobs.a_job', 'jobs.z_job']);
  });
});

describe('model-registry-unresolved: what counts as registered', () => {
  test('mlflow.register_model under the name in the task code', () => {
    expect(jobUsing('main.ml.churn', { trainCode: 'mlflow.register_model("runs:/abc/model", "main.ml.churn")\n' })).toEqual([]);
  });

  test('log_model(registered_model_name=...) and create_registered_model register the name too', () => {
    expect(jobUsing('main.ml.churn', { trainCode: 'mlflow.sklearn.log_model(m, "model", registered_model_name="main.ml.churn")\n' })).toEqual([]);
    expect(jobUsing('main.ml.churn', { trainCode: 'client.create_registered_model("main.ml.churn")\n' })).toEqual([]);
  });

  test('a registration under a computed name may be the one: no finding at all', () => {
    expect(jobUsing('main.ml.churn', { trainCode: 'name = f"{catalog}.ml.churn"\nmlflow.register_model("runs:/abc/model", name)\n' })).toEqual([]);
  });

  test('set_registry_uri alone registers nothing', () => {
    expect(messages(jobUsing('main.ml.churn', { trainCode: 'mlflow.set_registry_uri("databricks-uc")\n' }))).toEqual([
      'model main.ml.churn is used by jobs.scoring but nothing in the bundle registers it',
    ]);
  });

  test('a registration of another name does not count', () => {
    expect(messages(jobUsing('main.ml.churn', { trainCode: 'mlflow.register_model("runs:/abc/model", "main.ml.other")\n' }))).toEqual([
      'model main.ml.churn is used by jobs.scoring but nothing in the bundle registers it',
    ]);
  });

  test('a registration in code no task runs does not count', () => {
    const extra = { 'scratch/register.py': 'import mlflow\nmlflow.register_model("runs:/abc/model", "main.ml.churn")\n' };
    expect(messages(jobUsing('main.ml.churn', { extra }))).toEqual(['model main.ml.churn is used by jobs.scoring but nothing in the bundle registers it']);
  });

  test('a registered_models resource: compared as catalog.schema.name after interpolation', () => {
    const resources = '  registered_models:\n    churn:\n      catalog_name: ${var.catalog}\n      schema_name: ml\n      name: churn\n';
    expect(jobUsing('main.ml.churn', { resources })).toEqual([]);
    expect(messages(jobUsing('dev.ml.churn', { resources }))).toEqual(['model dev.ml.churn is used by jobs.scoring but nothing in the bundle registers it']);
  });

  test('a one- or two-part name matches a Unity Catalog resource by its last part', () => {
    const resources = '  registered_models:\n    churn:\n      catalog_name: main\n      schema_name: ml\n      name: churn\n';
    expect(jobUsing('churn', { resources })).toEqual([]);
    expect(jobUsing('ml.churn', { resources })).toEqual([]);
    expect(messages(jobUsing('ml.other', { resources }))).toEqual(['model ml.other is used by jobs.scoring but nothing in the bundle registers it']);
  });

  test('a workspace `models` resource registers its name, which a UC name matches by its last part', () => {
    const resources = '  models:\n    churn:\n      name: churn\n';
    expect(jobUsing('churn', { resources })).toEqual([]);
    expect(jobUsing('main.ml.churn', { resources })).toEqual([]);
    expect(messages(jobUsing('main.ml.other', { resources }))).toEqual(['model main.ml.other is used by jobs.scoring but nothing in the bundle registers it']);
  });
});

describe('model-registry-unresolved: references not judged', () => {
  test('a reference that stays unresolved (a lookup, ${resources...}) cannot be compared', () => {
    expect(jobUsing('${resources.registered_models.churn.name}')).toEqual([]);
    expect(jobUsing('${var.undefined_model}')).toEqual([]);
  });

  test('an empty model_name is no reference', () => {
    expect(jobUsing('""')).toEqual([]);
  });
});

describe('model-registry-unresolved: serving endpoints', () => {
  const endpoint = (config: string) =>
    runOnFiles(modelRegistryUnresolved, {
      'databricks.yml': `bundle:\n  name: mru\nresources:\n  model_serving_endpoints:\n    churn:\n      name: churn\n      config:\n${config}`,
    });

  test('a legacy served_models model_name is served: high, breaks deploy', () => {
    const findings = endpoint('        served_models:\n          - model_name: main.ml.legacy\n            model_version: "1"\n');
    expect(findings.map((f) => [f.message, f.severity, f.breaksDeploy, f.loc?.line])).toEqual([
      ['model main.ml.legacy is served by model_serving_endpoints.churn but nothing in the bundle registers it', 'high', true, 9],
    ]);
    expect(findings[0].impact).toBe(
      'Deploying the serving endpoint fails while the model (version) does not exist: a fresh workspace or target has no such model.',
    );
  });

  test('an external model and a system.* foundation model are not registered models', () => {
    const config =
      '        served_entities:\n' +
      '          - name: ext\n            entity_name: main.ml.ignored\n            external_model:\n              name: gpt-4o\n              provider: openai\n' +
      '          - entity_name: system.ai.llama\n            entity_version: "1"\n';
    expect(endpoint(config)).toEqual([]);
  });
});

describe('model-registry-unresolved: served and used, names and spaces', () => {
  const both = (entity: string, jobModel: string) =>
    runOnFiles(modelRegistryUnresolved, {
      'databricks.yml':
        `bundle:\n  name: mru\nresources:\n  model_serving_endpoints:\n    churn:\n      name: churn\n      config:\n        served_entities:\n${entity}` +
        `  jobs:\n    scoring:\n      name: scoring\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ./run.py\n            base_parameters:\n              model_name: ${jobModel}\n`,
      'run.py': 'print(1)\n',
    });

  test('a model a job uses and an endpoint serves is served: high, naming both resources', () => {
    const findings = both('          - entity_name: main.ml.churn\n            entity_version: "1"\n', 'main.ml.churn');
    expect(findings.map((f) => [f.message, f.severity, f.breaksDeploy])).toEqual([
      ['model main.ml.churn is served by jobs.scoring, model_serving_endpoints.churn but nothing in the bundle registers it', 'high', true],
    ]);
  });

  test('a served entity without entity_name is no reference', () => {
    expect(both('          - name: nameless\n            entity_version: "1"\n', '""')).toEqual([]);
  });

  test('spaces around a quoted name are not part of it', () => {
    const findings = both('          - entity_name: " main.ml.churn "\n            entity_version: "1"\n', '""');
    expect(findings.map((f) => f.message)).toEqual(['model main.ml.churn is served by model_serving_endpoints.churn but nothing in the bundle registers it']);
  });

  test('the registered_models key turns each run of other characters into one underscore', () => {
    const [finding] = jobUsing('main.ml.churn--v2');
    expect(finding.fix?.patch).toBe('resources:\n  registered_models:\n    churn_v2:\n      catalog_name: main\n      schema_name: ml\n      name: churn--v2');
  });
});
