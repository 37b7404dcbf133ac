# Databricks notebook source
# MAGIC %md
# MAGIC # Phase 4 - Normalise source records

# COMMAND ----------

from pyspark.sql import functions as F

dbutils.widgets.text("catalog_name", "entity_matching_dev", "Catalog")
catalog_name = dbutils.widgets.get("catalog_name")

# COMMAND ----------

records = spark.read.table(f"{catalog_name}.bronze.source_records")
normalized = records.select(
    "record_id",
    F.lower(F.regexp_replace("company_name", r"[^A-Za-z0-9 ]", "")).alias("company_name"),
    F.upper("country_code").alias("country_code"),
)
normalized.write.mode("overwrite").saveAsTable(f"{catalog_name}.silver.source_records")
