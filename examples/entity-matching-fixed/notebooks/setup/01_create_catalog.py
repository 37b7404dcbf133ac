# Databricks notebook source
# MAGIC %md
# MAGIC # Phase 0 - Create catalog and schemas
# MAGIC Creates the Unity Catalog objects every later phase writes to.

# COMMAND ----------

dbutils.widgets.text("catalog_name", "entity_matching_dev", "Catalog")
catalog_name = dbutils.widgets.get("catalog_name")

# COMMAND ----------

spark.sql(f"CREATE CATALOG IF NOT EXISTS {catalog_name}")
for schema in ["bronze", "silver", "gold", "models"]:
    spark.sql(f"CREATE SCHEMA IF NOT EXISTS {catalog_name}.{schema}")
spark.sql(f"CREATE VOLUME IF NOT EXISTS {catalog_name}.models.artifacts")

# COMMAND ----------

display(spark.sql(f"SHOW SCHEMAS IN {catalog_name}"))
