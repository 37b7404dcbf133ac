import { describe, expect, test } from 'vitest';
import { cliInitMissing } from '../../src/checks/cli-init-missing.js';
import { dltPipelineDisabled } from '../../src/checks/dlt-pipeline-disabled.js';
import { modelRegistryUnresolved } from '../../src/checks/model-registry-unresolved.js';
import { pythonResourcesNotAnalysed } from '../../src/checks/python-resources-not-analysed.js';
import { expectWellFormed, runCheck, runOnDefault, where } from './seed-helpers.js';

describe('dlt-pipeline-disabled', () => {
  test('one finding for a commented-out pipeline file, naming the DLT source it would run (not a second finding for the source)', () => {
    const findings = runOnDefault(dltPipelineDisabled, 'dlt-pipeline-disabled/broken');
    expectWellFormed(findings);
    expect(findings.map(where)).toEqual(['resources/pipelines.yml:3:1']);
    expect(findings[0].message).toBe('resources/pipelines.yml is entirely commented out: pipelines.orders_dlt is not deployed and src/dlt/orders.py never runs');
    // resources/notes.yml is all comments too, but holds no resources: not reported
    expect(findings.some((f) => f.loc!.file === 'resources/notes.yml')).toBe(false);
  });

  test('silent when the pipeline is enabled and uses the DLT source', () => {
    expect(runCheck(dltPipelineDisabled, 'dlt-pipeline-disabled/fixed')).toEqual([]);
  });
});

describe('cli-init-missing', () => {
  test('fires without a template or init script, for the target that sets no workspace.host only', () => {
    const findings = runCheck(cliInitMissing, 'cli-init-missing/broken');
    expectWellFormed(findings);
    // prod sets workspace.host: a newcomer needs no profile to find that workspace
    expect(findings.map((f) => f.target)).toEqual(['dev']);
    expect(findings.map((f) => f.message)).toEqual([
      'no .databrickscfg template or CLI init script, and target dev sets no workspace.host: newcomers must find the workspace and configure the CLI by hand',
    ]);
    expect(findings[0].fix?.patch).toContain('databricks auth login');
  });

  test('silent with a .databrickscfg template', () => {
    expect(runCheck(cliInitMissing, 'cli-init-missing/fixed')).toEqual([]);
  });
});

describe('model-registry-unresolved', () => {
  test('fires for a served model and a job model_name that nothing registers (foundation models excluded)', () => {
    const findings = runOnDefault(modelRegistryUnresolved, 'model-registry-unresolved/broken');
    expectWellFormed(findings);
    // A served model nothing registers fails the endpoint's deploy (high); one only task code loads fails a run (low).
    expect(findings.map((f) => [where(f), f.resources, f.severity, f.breaksDeploy])).toEqual([
      ['databricks.yml:12:26', ['model_serving_endpoints.churn'], 'high', true],
      ['databricks.yml:31:27', ['jobs.scoring'], 'low', false],
    ]);
    expect(findings[0].message).toBe('model ${var.catalog}.ml.churn_model is served by model_serving_endpoints.churn but nothing in the bundle registers it');
    expect(findings[1].message).toBe('model ${var.catalog}.ml.propensity_model is used by jobs.scoring but nothing in the bundle registers it');
    expect(findings[0].fix?.patch).toBe('resources:\n  registered_models:\n    churn_model:\n      catalog_name: ${var.catalog}\n      schema_name: ml\n      name: churn_model');
  });

  test('silent with a registered_models resource and mlflow.register_model in the training task', () => {
    expect(runCheck(modelRegistryUnresolved, 'model-registry-unresolved/fixed')).toEqual([]);
  });
});

describe('python-resources-not-analysed', () => {
  test('one info finding when python.resources is set', () => {
    const findings = runOnDefault(pythonResourcesNotAnalysed, 'python-resources-not-analysed/broken');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('resources defined in Python (python.resources) are not analysed');
    expect(findings[0].loc?.file).toBe('databricks.yml');
    expect(pythonResourcesNotAnalysed.severity).toBe('info');
  });

  test('silent without python.resources', () => {
    expect(runCheck(pythonResourcesNotAnalysed, 'python-resources-not-analysed/fixed')).toEqual([]);
  });
});
