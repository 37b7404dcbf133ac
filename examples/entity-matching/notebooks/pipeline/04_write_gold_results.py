# Databricks notebook source
# MAGIC %md
# MAGIC # Phase 4 - Publish the best match per record

# COMMAND ----------

from pyspark.sql import Window
from pyspark.sql import functions as F

dbutils.widgets.text("catalog_name", "entity_matching_dev", "Catalog")
catalog_name = dbutils.widgets.get("catalog_name")

# COMMAND ----------

candidates = spark.read.table(f"{catalog_name}.gold.match_candidates")
best = Window.partitionBy("record_id").orderBy(F.desc("match_probability"))
results = (
    candidates.withColumn("rank", F.row_number().over(best))
    .where("rank = 1")
    .drop("rank")
)
results.write.mode("overwrite").saveAsTable(f"{catalog_name}.gold.entity_matches")
