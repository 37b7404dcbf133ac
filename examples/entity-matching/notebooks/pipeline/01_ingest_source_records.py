# Databricks notebook source
# MAGIC %md
# MAGIC # Phase 4 - Ingest source records
# MAGIC Picks up the new company records that need a Capital IQ match.

# COMMAND ----------

from pyspark.sql import functions as F

dbutils.widgets.text("catalog_name", "entity_matching_dev", "Catalog")
catalog_name = dbutils.widgets.get("catalog_name")

# COMMAND ----------

incoming = spark.read.table(f"{catalog_name}.bronze.source_records_raw")
incoming = incoming.withColumn("ingested_at", F.current_timestamp())
incoming.write.mode("overwrite").saveAsTable(f"{catalog_name}.bronze.source_records")
