# Databricks notebook source
# MAGIC %md
# MAGIC # Phase 4 - Candidate retrieval (vector search) and Ditto matching
# MAGIC Embeds the source records, retrieves the closest reference entities and scores each pair with Ditto.

# COMMAND ----------

# MAGIC %pip install --upgrade transformers>=4.40.0 sentence-transformers>=2.3.0 torch>=2.1.0 faiss-cpu scikit-learn mlflow

# COMMAND ----------

dbutils.library.restartPython()

# COMMAND ----------

dbutils.widgets.text("catalog_name", "entity_matching_dev", "Catalog")
dbutils.widgets.text("workspace_path", "", "Synced bundle files")
dbutils.widgets.text("vector_search_endpoint", "", "Vector Search endpoint")
catalog_name = dbutils.widgets.get("catalog_name")
workspace_path = dbutils.widgets.get("workspace_path")
vector_search_endpoint = dbutils.widgets.get("vector_search_endpoint")

# COMMAND ----------

if workspace_path:
    import sys
    sys.path.append(workspace_path)

from src.models.embeddings import BGEEmbeddings
from src.models.vector_search import VectorSearchIndex
from src.models.ditto_matcher import DittoMatcher

# COMMAND ----------

reference = spark.read.table(f"{catalog_name}.silver.reference_entities").toPandas()
records = spark.read.table(f"{catalog_name}.silver.source_records").toPandas()

embedder = BGEEmbeddings()
reference_embeddings = embedder.encode(reference["company_name"].tolist())
record_embeddings = embedder.encode(records["company_name"].tolist())

# COMMAND ----------

vector_index = VectorSearchIndex(embedding_dim=reference_embeddings.shape[1])
vector_index.build_index(reference_embeddings, reference["ciq_id"].tolist())
candidates = vector_index.search(record_embeddings, top_k=10)

# COMMAND ----------

matcher = DittoMatcher.load(f"models:/{catalog_name}.models.ditto_matcher@champion")
scored = matcher.score_candidates(records, reference, candidates)
spark.createDataFrame(scored).write.mode("overwrite").saveAsTable(f"{catalog_name}.gold.match_candidates")
