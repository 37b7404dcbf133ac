# Databricks notebook source
# MAGIC %md
# MAGIC # Ad-hoc matching
# MAGIC Embeds a handful of company names and prints the closest reference entities (cosine similarity).

# COMMAND ----------

dbutils.widgets.text("catalog_name", "entity_matching_dev", "Catalog")
dbutils.widgets.text("embedding_model", "BAAI/bge-large-en-v1.5", "Embedding model")
dbutils.widgets.text("workspace_path", "", "Synced bundle files")
dbutils.widgets.text("names", "Acme Corp, Globex Inc", "Company names")
catalog_name = dbutils.widgets.get("catalog_name")
embedding_model = dbutils.widgets.get("embedding_model")
workspace_path = dbutils.widgets.get("workspace_path")
names = [n.strip() for n in dbutils.widgets.get("names").split(",") if n.strip()]

# COMMAND ----------

if workspace_path:
    import sys
    sys.path.append(workspace_path)

from src.models.embeddings import BGEEmbeddings

# COMMAND ----------

reference = spark.read.table(f"{catalog_name}.silver.reference_entities").limit(50000).toPandas()
embedder = BGEEmbeddings(model_name=embedding_model)
reference_vectors = embedder.encode(reference["company_name"].tolist())
query_vectors = embedder.encode(names)

scores = query_vectors @ reference_vectors.T
for name, row in zip(names, scores):
    best = row.argsort()[::-1][:5]
    print(name, "->", reference.iloc[best]["company_name"].tolist())
