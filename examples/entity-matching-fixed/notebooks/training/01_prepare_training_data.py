# Databricks notebook source
# MAGIC %md
# MAGIC # Phase 2 - Prepare Ditto training pairs
# MAGIC Builds labelled (source, reference) pairs from the curated match history.

# COMMAND ----------

from pyspark.sql import functions as F

dbutils.widgets.text("catalog_name", "entity_matching_dev", "Catalog")
catalog_name = dbutils.widgets.get("catalog_name")

# COMMAND ----------

history = spark.read.table(f"{catalog_name}.silver.match_history")
reference = spark.read.table(f"{catalog_name}.silver.reference_entities")

pairs = (
    history.join(reference, "ciq_id")
    .select(
        F.col("source_name").alias("left"),
        F.col("company_name").alias("right"),
        F.col("is_match").cast("int").alias("label"),
    )
)

# COMMAND ----------

pairs.write.mode("overwrite").saveAsTable(f"{catalog_name}.silver.training_pairs")
