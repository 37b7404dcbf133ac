import { describe, expect, test } from 'vitest';
import { localVectorSearch } from '../../src/checks/local-vector-search.js';
import { vectorSearchEndpointMissing } from '../../src/checks/vector-search-endpoint-missing.js';
import { expectWellFormed, runCheck, runOnDefault, where } from './seed-helpers.js';

describe('local-vector-search', () => {
  test('fires where task code (and the modules it imports) builds an in-process index', () => {
    const findings = runOnDefault(localVectorSearch, 'local-vector-search/broken');
    expectWellFormed(findings);
    expect(findings.map((f) => [where(f), f.resources])).toEqual([
      ['jobs/score.py:1:1', ['jobs.retrieval']],
      ['src/search/index.py:1:1', ['jobs.retrieval']],
    ]);
    expect(findings[1].message).toContain('builds an in-process faiss index (imported by notebooks/search.py:');
    expect(findings[0].message).toContain('annoy');
    // scratch/experiments.py imports chromadb and hnswlib but no job runs it
    expect(findings.some((f) => f.loc!.file.startsWith('scratch/'))).toBe(false);
  });

  test('silent when the code queries Databricks Vector Search', () => {
    expect(runCheck(localVectorSearch, 'local-vector-search/fixed')).toEqual([]);
  });
});

describe('vector-search-endpoint-missing', () => {
  test('fires for an endpoint name (after interpolation) that no resource creates', () => {
    const findings = runCheck(vectorSearchEndpointMissing, 'vector-search-endpoint-missing/broken');
    expectWellFormed(findings);
    expect(findings).toHaveLength(1);
    expect(where(findings[0])).toBe('databricks.yml:20:20');
    expect(findings[0].resources).toEqual(['jobs.pipeline']);
    expect(findings[0].message).toContain('Vector Search endpoint ${var.vs_endpoint} is referenced by jobs.pipeline but nothing creates it');
    expect(findings[0].impact).toContain('resolves to matching-vs-dev');
    expect(findings[0].fix?.patch).toContain('vector_search_endpoints:');
  });

  test('silent when a vector_search_endpoints resource has the interpolated name (or is referenced as ${resources...name})', () => {
    expect(runCheck(vectorSearchEndpointMissing, 'vector-search-endpoint-missing/fixed')).toEqual([]);
  });

  test('silent when a task creates the endpoint with create_endpoint', () => {
    expect(runCheck(vectorSearchEndpointMissing, 'vector-search-endpoint-missing/created-in-code')).toEqual([]);
  });
});
