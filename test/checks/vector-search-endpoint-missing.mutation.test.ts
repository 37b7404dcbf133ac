// vector-search-endpoint-missing on small bundles on disk: each place an endpoint name is written
// (task parameters as --flag value / --flag=value, job parameters, pipeline configuration, code),
// what creates one (resource, create_endpoint with a literal or a computed name), what is not judged,
// and the finding's wording and patch.
import { describe, expect, test } from 'vitest';
import { vectorSearchEndpointMissing } from '../../src/checks/vector-search-endpoint-missing.js';
import type { RawFinding } from '../../src/model.js';
import { runOnFiles } from './seed-helpers.js';

const run = (resources: string, files: Record<string, string> = {}): RawFinding[] =>
  runOnFiles(vectorSearchEndpointMissing, {
    'databricks.yml': `bundle:\n  name: vs\nvariables:\n  vs:\n    default: vs-dev\nresources:\n${resources}`,
    ...files,
  });

/** A job `j` whose task `t` runs notebooks/t.py with the base_parameters given. */
const notebookJob = (params: string) =>
  `  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ./notebooks/t.py\n            base_parameters:\n${params}`;
const at = (f: RawFinding) => `${f.loc?.file}:${f.loc?.line}:${f.loc?.column}`;

describe('vector-search-endpoint-missing: the finding', () => {
  test('an interpolated name: message as written, impact with the resolved name, patch with a resource key from the literal part', () => {
    const [finding, ...rest] = run(notebookJob('              vector_search_endpoint: matching-${var.vs}\n'), { 'notebooks/t.py': 'print(1)\n' });
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'Vector Search endpoint matching-${var.vs} is referenced by jobs.j but nothing creates it (no vector_search_endpoints resource, no create_endpoint in task code)',
    );
    expect(at(finding)).toBe('databricks.yml:15:39');
    expect(finding.impact).toBe('Runs that use the endpoint fail with "Endpoint not found" (matching-${var.vs} resolves to matching-vs-dev).');
    expect(finding.fix).toEqual({
      text: 'Declare the endpoint as a bundle resource (direct deployment engine) or create it in a setup task before the jobs that use it.',
      patch: 'resources:\n  vector_search_endpoints:\n    matching:\n      name: matching-${var.vs}\n      endpoint_type: STANDARD',
    });
  });

  test('a literal name: the impact names it once; a name of references only gets the key vector_search', () => {
    const [literal] = run(notebookJob('              vs_endpoint_name: " My-VS.Endpoint "\n'), { 'notebooks/t.py': 'print(1)\n' });
    expect(literal.impact).toBe('Runs that use the endpoint fail with "Endpoint not found" (My-VS.Endpoint).');
    expect(literal.fix?.patch).toBe('resources:\n  vector_search_endpoints:\n    my_vs_endpoint:\n      name: My-VS.Endpoint\n      endpoint_type: STANDARD');
    const [onlyRef] = run(notebookJob('              endpoint_name: ${var.vs}\n'), { 'notebooks/t.py': 'print(1)\n' });
    expect(onlyRef.fix?.patch).toBe('resources:\n  vector_search_endpoints:\n    vector_search:\n      name: ${var.vs}\n      endpoint_type: STANDARD');
  });

  test('one name in two jobs: one finding listing both jobs, sorted', () => {
    const job = (key: string) =>
      `    ${key}:\n      name: ${key}\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ./notebooks/t.py\n            base_parameters:\n              vs_endpoint: shared\n`;
    const findings = run(`  jobs:\n${job('z_job')}${job('a_job')}`, { 'notebooks/t.py': 'print(1)\n' });
    expect(findings.map((f) => [f.resources, f.loc?.line])).toEqual([[['jobs.a_job', 'jobs.z_job'], 15]]);
  });
});

describe('vector-search-endpoint-missing: where names are written', () => {
  const pythonJob = (params: string) =>
    `  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n          spark_python_task:\n            python_file: ./run.py\n            parameters: [${params}]\n`;

  test('task parameters: --flag value and --flag=value (dashes or underscores); another flag is no endpoint', () => {
    const findings = run(pythonJob('"--vs-endpoint", "a", "--vector_search_endpoint_name=b", "--other", "c", "-endpoint_name", "d"'), { 'run.py': 'print(1)\n' });
    expect(findings.map((f) => f.message.split(' is ')[0])).toEqual(['Vector Search endpoint a', 'Vector Search endpoint b', 'Vector Search endpoint d']);
  });

  test('a flag at the end of the parameters has no value: nothing', () => {
    expect(run(pythonJob('"--vs-endpoint"'), { 'run.py': 'print(1)\n' })).toEqual([]);
  });

  test('a job parameter named like an endpoint: its default', () => {
    const yaml = `  jobs:\n    j:\n      name: j\n      parameters:\n        - name: vs_endpoint\n          default: from-param\n        - name: other\n          default: not-an-endpoint\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ./notebooks/t.py\n`;
    expect(run(yaml, { 'notebooks/t.py': 'print(1)\n' }).map((f) => [f.message.split(' is ')[0], f.loc?.line])).toEqual([['Vector Search endpoint from-param', 12]]);
  });

  test('pipeline configuration keys (the last dotted part names the endpoint)', () => {
    const yaml = `  pipelines:\n    p:\n      name: p\n      configuration:\n        app.vs_endpoint: from-pipeline\n        app.endpoint: not-this\n`;
    expect(run(yaml).map((f) => [f.message, f.resources])).toEqual([
      ['Vector Search endpoint from-pipeline is referenced by pipelines.p but nothing creates it (no vector_search_endpoints resource, no create_endpoint in task code)', ['pipelines.p']],
    ]);
  });

  test('endpoint_name="..." in task code that uses the Vector Search client, at its column', () => {
    const code = '# Databricks notebook source\nfrom databricks.vector_search.client import VectorSearchClient\nindex = VectorSearchClient().get_index(endpoint_name="from-code", index_name="a.b.c")\n';
    const findings = run(notebookJob('              x: y\n'), { 'notebooks/t.py': code });
    expect(findings.map((f) => [f.message.split(' is ')[0], at(f), f.resources])).toEqual([['Vector Search endpoint from-code', 'notebooks/t.py:3:40', ['jobs.j']]]);
  });

  test('endpoint_name= in code without the Vector Search client is another endpoint (serving): nothing', () => {
    expect(run(notebookJob('              x: y\n'), { 'notebooks/t.py': 'client.query(endpoint_name="chat")\n' })).toEqual([]);
  });
});

describe('vector-search-endpoint-missing: what creates an endpoint, and what is not judged', () => {
  test('a vector_search_endpoints resource with the interpolated name', () => {
    const created = '  vector_search_endpoints:\n    e:\n      name: matching-${var.vs}\n      endpoint_type: STANDARD\n';
    expect(run(created + notebookJob('              vs_endpoint: matching-vs-dev\n'), { 'notebooks/t.py': 'print(1)\n' })).toEqual([]);
    expect(run(created + notebookJob('              vs_endpoint: other\n'), { 'notebooks/t.py': 'print(1)\n' })).toHaveLength(1);
  });

  test('create_endpoint in task code: a literal name creates that one; a computed name may create any', () => {
    const literal = 'from databricks.vector_search.client import VectorSearchClient\nVectorSearchClient().create_endpoint(name="vs-dev", endpoint_type="STANDARD")\n';
    expect(run(notebookJob('              vs_endpoint: ${var.vs}\n'), { 'notebooks/t.py': literal })).toEqual([]);
    expect(run(notebookJob('              vs_endpoint: other\n'), { 'notebooks/t.py': literal })).toHaveLength(1);
    const computed = 'from databricks.vector_search.client import VectorSearchClient\nVectorSearchClient().create_endpoint(name=f"vs-{env}", endpoint_type="STANDARD")\n';
    expect(run(notebookJob('              vs_endpoint: other\n'), { 'notebooks/t.py': computed })).toEqual([]);
  });

  test('an endpoint_name that names a model serving endpoint of the bundle', () => {
    const serving = '  model_serving_endpoints:\n    chat:\n      name: chat-${var.vs}\n';
    expect(run(serving + notebookJob('              endpoint_name: chat-vs-dev\n'), { 'notebooks/t.py': 'print(1)\n' })).toEqual([]);
  });

  test('a reference that stays unresolved, or an empty value', () => {
    expect(run(notebookJob('              vs_endpoint: ${resources.vector_search_endpoints.e.name}\n              endpoint_name: " "\n'), { 'notebooks/t.py': 'print(1)\n' })).toEqual([]);
  });
});

describe('vector-search-endpoint-missing: wording and incomplete config', () => {
  const pythonJob = (params: string) =>
    `  jobs:\n    j:\n      name: j\n      tasks:\n        - task_key: t\n          spark_python_task:\n            python_file: ./run.py\n            parameters: [${params}]\n`;

  test('one name in two jobs: the message lists both', () => {
    const job = (key: string) =>
      `    ${key}:\n      name: ${key}\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ./notebooks/t.py\n            base_parameters:\n              vs_endpoint: shared\n`;
    const [finding] = run(`  jobs:\n${job('z_job')}${job('a_job')}`, { 'notebooks/t.py': 'print(1)\n' });
    expect(finding.message).toBe(
      'Vector Search endpoint shared is referenced by jobs.a_job, jobs.z_job but nothing creates it (no vector_search_endpoints resource, no create_endpoint in task code)',
    );
  });

  test('--flag=value as the last parameter, with a value longer than one character', () => {
    expect(run(pythonJob('"--vs_endpoint=vs-main"'), { 'run.py': 'print(1)\n' }).map((f) => f.message.split(' is ')[0])).toEqual(['Vector Search endpoint vs-main']);
  });

  test('the resource key turns each run of other characters into one underscore', () => {
    const [finding] = run(notebookJob('              vs_endpoint: vs--main\n'), { 'notebooks/t.py': 'print(1)\n' });
    expect(finding.fix?.patch).toBe('resources:\n  vector_search_endpoints:\n    vs_main:\n      name: vs--main\n      endpoint_type: STANDARD');
  });

  test('an endpoint key without a value, a job parameter without default, and resources without a name are no names', () => {
    const resources =
      '  vector_search_endpoints:\n    nameless:\n      endpoint_type: STANDARD\n' +
      '  model_serving_endpoints:\n    serving:\n      config:\n        served_entities: []\n' +
      '  pipelines:\n    p:\n      name: p\n' +
      '  jobs:\n    j:\n      name: j\n      parameters:\n        - name: vector_search_endpoint\n      tasks:\n        - task_key: t\n          notebook_task:\n            notebook_path: ./notebooks/t.sql\n            base_parameters:\n              vs_endpoint:\n';
    expect(run(resources, { 'notebooks/t.sql': '-- Databricks notebook source\nselect 1\n' })).toEqual([]);
  });
});
