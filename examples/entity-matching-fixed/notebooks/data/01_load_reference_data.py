# Databricks notebook source
# MAGIC %md
# MAGIC # Phase 1 - Load S&P Capital IQ reference entities
# MAGIC Reads the raw reference extract and writes cleaned bronze and silver tables.

# COMMAND ----------

from pyspark.sql import functions as F

dbutils.widgets.text("catalog_name", "entity_matching_dev", "Catalog")
catalog_name = dbutils.widgets.get("catalog_name")

# COMMAND ----------

raw = spark.read.table(f"{catalog_name}.bronze.ciq_reference_raw")
reference = (
    raw.select(
        F.col("ciq_id").cast("string"),
        F.trim(F.col("company_name")).alias("company_name"),
        F.upper(F.col("country_code")).alias("country_code"),
        F.col("website"),
    )
    .where(F.col("ciq_id").isNotNull())
    .dropDuplicates(["ciq_id"])
)

# COMMAND ----------

reference.write.mode("overwrite").saveAsTable(f"{catalog_name}.silver.reference_entities")
