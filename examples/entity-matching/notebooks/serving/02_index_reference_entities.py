# Databricks notebook source
# MAGIC %md
# MAGIC # Phase 3 - Embed the reference entities
# MAGIC Computes embeddings for every reference entity; the pipeline searches them by similarity.
# MAGIC The Vector Search endpoint named by `vector_search_endpoint` is expected to exist.

# COMMAND ----------

dbutils.widgets.text("catalog_name", "entity_matching_dev", "Catalog")
dbutils.widgets.text("embedding_model", "BAAI/bge-large-en-v1.5", "Embedding model")
dbutils.widgets.text("vector_search_endpoint", "", "Vector Search endpoint")
catalog_name = dbutils.widgets.get("catalog_name")
embedding_model = dbutils.widgets.get("embedding_model")
vector_search_endpoint = dbutils.widgets.get("vector_search_endpoint")

# COMMAND ----------

from pyspark.sql import functions as F

reference = spark.read.table(f"{catalog_name}.silver.reference_entities")
texts = reference.select(
    "ciq_id",
    F.concat_ws(" | ", "company_name", "country_code", "website").alias("text"),
)
texts.write.mode("overwrite").saveAsTable(f"{catalog_name}.gold.reference_texts")
print(f"Reference texts ready for endpoint {vector_search_endpoint} ({embedding_model})")
