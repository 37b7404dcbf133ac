# Databricks notebook source
# MAGIC %md
# MAGIC # Phase 3 - Register the Ditto matcher
# MAGIC Registers the latest training run's model as a new version in Unity Catalog.

# COMMAND ----------

import mlflow

dbutils.widgets.text("catalog_name", "entity_matching_dev", "Catalog")
dbutils.widgets.text("model_name", "entity_matching_dev.models.ditto_matcher", "Model")
catalog_name = dbutils.widgets.get("catalog_name")
model_name = dbutils.widgets.get("model_name")

# COMMAND ----------

mlflow.set_registry_uri("databricks-uc")
runs = mlflow.search_runs(
    experiment_names=["/Shared/entity_matching/ditto"],
    order_by=["start_time DESC"],
    max_results=1,
)
run_id = runs.iloc[0]["run_id"]
version = mlflow.register_model(f"runs:/{run_id}/model", model_name)
print(f"Registered {model_name} version {version.version}")
