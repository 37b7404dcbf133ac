"""Ditto training on Databricks (heavy libraries are imported only when training runs)."""

from __future__ import annotations

from entity_matching.text import normalize_company_name


def serialize(name: str) -> str:
    return f"COL name VAL {normalize_company_name(name)}"


def train(training_table: str, output_path: str, epochs: int = 10, base_model: str = "roberta-base") -> str:
    """Fine-tune `base_model` on the pairs in `training_table`, log it with MLflow, return the run id."""
    import mlflow
    from pyspark.sql import SparkSession
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments

    pairs = SparkSession.builder.getOrCreate().read.table(training_table).toPandas()
    tokenizer = AutoTokenizer.from_pretrained(base_model)
    model = AutoModelForSequenceClassification.from_pretrained(base_model, num_labels=2)
    encoded = tokenizer(
        [serialize(left) for left in pairs["left"]],
        [serialize(right) for right in pairs["right"]],
        truncation=True,
        max_length=128,
        padding=True,
    )
    dataset = [
        {**{key: encoded[key][i] for key in encoded}, "labels": int(label)}
        for i, label in enumerate(pairs["label"])
    ]
    arguments = TrainingArguments(output_dir=output_path, num_train_epochs=epochs, per_device_train_batch_size=32)
    Trainer(model=model, args=arguments, train_dataset=dataset).train()
    with mlflow.start_run() as run:
        mlflow.transformers.log_model({"model": model, "tokenizer": tokenizer}, artifact_path="model")
    return run.info.run_id
