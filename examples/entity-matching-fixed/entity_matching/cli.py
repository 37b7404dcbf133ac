"""Command-line entry points of the entity_matching wheel.

Databricks calls a `python_wheel_task` entry point with no arguments and passes the task's
parameters through `sys.argv` (named parameters arrive as `--name=value`).
"""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="train_ditto", description="Train the Ditto entity matcher.")
    parser.add_argument("--training-data", required=True, help="Unity Catalog table with (left, right, label) pairs")
    parser.add_argument("--output-path", required=True, help="Directory (e.g. a UC volume) for checkpoints")
    parser.add_argument("--epochs", type=int, default=10, help="Training epochs (default: 10)")
    parser.add_argument("--base-model", default="roberta-base", help="Transformer to fine-tune")
    return parser


def train_cli(argv: list[str] | None = None) -> int:
    """Entry point `train_ditto`: parse the task parameters and train."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    from entity_matching.training import train

    run_id = train(args.training_data, args.output_path, epochs=args.epochs, base_model=args.base_model)
    print(f"trained Ditto matcher, MLflow run {run_id}")
    return 0


if __name__ == "__main__":
    sys.exit(train_cli())
