import type { Bundle, Check, RawFinding } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { oncePerShared } from './lib/node-memo.js';
import { reachableCode, taskEntries, type SharedReachedFile } from './lib/task-code.js';

/** In-process vector indexes: rebuilt on every run, not persistent, bounded by one machine's memory. */
const LOCAL_INDEX_LIBRARIES = ['faiss', 'annoy', 'hnswlib', 'chromadb'];

export const localVectorSearch: Check = {
  id: 'local-vector-search',
  category: 'Vector Search Integration',
  severity: 'high',
  effortHours: 4,
  title: 'Jobs use Databricks Vector Search, not an in-process index',
  successMessage: 'No job builds an in-process vector index (FAISS, Annoy, hnswlib, Chroma)',
  docs: `Code that jobs run builds an in-memory vector index (FAISS, Annoy, hnswlib, Chroma). On Databricks
the index lives only as long as the job's driver: it is rebuilt from all embeddings on every run, is
not persistent, cannot be shared with serving, and is bounded by one node's memory. Databricks Vector
Search keeps a managed, persistent index (Delta Sync or Direct Access) in Unity Catalog with
incremental updates.
Fix: create the endpoint and index (bundle resources \`vector_search_endpoints\` / \`vector_search_indexes\`,
CLI >= 0.298 / 1.1 with the direct engine, or VectorSearchClient.create_endpoint /
create_delta_sync_index), then query it:
  from databricks.vector_search.client import VectorSearchClient
  index = VectorSearchClient().get_index(endpoint_name=..., index_name="<catalog>.<schema>.<index>")
  index.similarity_search(query_vector=..., columns=["id"], num_results=10)
Reference: https://docs.databricks.com/dev-tools/bundles/resources#vector_search_endpoints ; https://docs.databricks.com/aws/generative-ai/create-query-vector-search`,
  breaksDeploy: false,
  run(bundle, target) {
    return [...codeFindings(bundle, reachableCode(bundle, taskEntries(bundle, target), 2))];
  },
};

/** The findings in the code tasks reach: once per walk, which targets with the same task entries share. */
const codeFindings = oncePerShared((bundle: Bundle, code: readonly SharedReachedFile[]): readonly RawFinding[] => {
  const findings: RawFinding[] = [];
  for (const reached of code) {
    const uses = localIndexUses(bundle, reached.file);
    if (uses.length === 0) continue;
    findings.push(finding(bundle, reached, uses));
  }
  return findings;
});

interface IndexUse {
  line: number;
  library: string;
}

function localIndexUses(bundle: Bundle, file: string): IndexUse[] {
  const facts = bundle.fileIndex.facts(file);
  if (!facts) return [];
  const uses = new Map<number, IndexUse>();
  for (const imp of facts.imports) {
    const top = imp.module.split('.')[0];
    if (LOCAL_INDEX_LIBRARIES.includes(top)) uses.set(imp.line, { line: imp.line, library: top });
  }
  for (const f of facts.faiss) if (!uses.has(f.line)) uses.set(f.line, { line: f.line, library: 'faiss' });
  return [...uses.values()].sort((a, b) => a.line - b.line);
}

function finding(bundle: Bundle, reached: SharedReachedFile, uses: IndexUse[]): RawFinding {
  const first = uses[0];
  const libraries = [...new Set(uses.map((u) => u.library))];
  const resources = [...new Set(reached.entries.map((e) => e.job.address))].sort();
  const tasks = [...new Set(reached.entries.map((e) => `${e.job.key}.${e.task.key}`))].sort();
  const how = reached.via ? ` (imported by ${reached.via.file}:${reached.via.line})` : '';
  return {
    check: localVectorSearch.id,
    message: `${reached.file} builds an in-process ${libraries.join('/')} index${how}, run by ${tasks.join(', ')}`,
    loc: { file: reached.file, line: first.line, column: 1 },
    resources,
    evidence: evidenceAt(bundle, { file: reached.file, line: first.line, column: 1 }, 0, 1),
    impact: 'The vector index is rebuilt in memory on every run, is lost afterwards and cannot scale beyond the driver; serving cannot share it.',
    fix: {
      text: 'Create a Databricks Vector Search endpoint and index, and query the index instead of building a local one.',
      patch: `from databricks.vector_search.client import VectorSearchClient\n\nvsc = VectorSearchClient()\nindex = vsc.get_index(endpoint_name=vector_search_endpoint, index_name=f"{catalog_name}.models.reference_embeddings_idx")\nresults = index.similarity_search(query_vector=query_embedding, columns=["id"], num_results=10)`,
    },
  };
}
