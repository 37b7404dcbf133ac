"""Ditto: pairwise entity matching with a fine-tuned transformer (Li et al., 2020)."""

from __future__ import annotations

from dataclasses import dataclass


def serialize(record: dict) -> str:
    """Ditto's serialisation: `COL name VAL value` for every attribute."""
    return " ".join(f"COL {key} VAL {value}" for key, value in record.items() if value is not None)


@dataclass
class DittoMatcher:
    base_model: str = "roberta-base"
    max_length: int = 128
    model: object | None = None

    def train(self, training_pairs, output_path: str, epochs: int = 10) -> str:
        """Fine-tune on (left, right, label) pairs and log the model with MLflow."""
        import mlflow
        from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments

        tokenizer = AutoTokenizer.from_pretrained(self.base_model)
        model = AutoModelForSequenceClassification.from_pretrained(self.base_model, num_labels=2)
        encoded = tokenizer(
            [serialize({"name": left}) for left in training_pairs["left"]],
            [serialize({"name": right}) for right in training_pairs["right"]],
            truncation=True,
            max_length=self.max_length,
            padding=True,
        )
        dataset = [
            {**{key: encoded[key][i] for key in encoded}, "labels": int(label)}
            for i, label in enumerate(training_pairs["label"])
        ]
        args = TrainingArguments(output_dir=output_path, num_train_epochs=epochs, per_device_train_batch_size=32)
        Trainer(model=model, args=args, train_dataset=dataset).train()
        with mlflow.start_run() as run:
            mlflow.transformers.log_model({"model": model, "tokenizer": tokenizer}, artifact_path="model")
        self.model = model
        return run.info.run_id

    @classmethod
    def load(cls, model_uri: str) -> "DittoMatcher":
        import mlflow

        return cls(model=mlflow.pyfunc.load_model(model_uri))

    def score_candidates(self, records, reference, candidates):
        rows = []
        names = dict(zip(reference["ciq_id"], reference["company_name"]))
        for record, record_candidates in zip(records.to_dict("records"), candidates):
            for ciq_id, similarity in record_candidates:
                rows.append({
                    "record_id": record["record_id"],
                    "ciq_id": ciq_id,
                    "similarity": similarity,
                    "pair": serialize({"name": record["company_name"]}) + " [SEP] " + serialize({"name": names[ciq_id]}),
                })
        if not rows:
            return rows
        import pandas as pd

        frame = pd.DataFrame(rows)
        frame["match_probability"] = self.model.predict(frame[["pair"]])
        return frame
