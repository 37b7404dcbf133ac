"""Nearest-neighbour search over reference embeddings (in-memory FAISS index)."""

from __future__ import annotations

import faiss
import numpy as np


class VectorSearchIndex:
    """An inner-product FAISS index rebuilt from the reference embeddings on every run."""

    def __init__(self, embedding_dim: int = 1024):
        self.index = faiss.IndexFlatIP(embedding_dim)
        self.ids: list[str] = []
        self.metadata: list[dict] = []

    def build_index(self, embeddings: np.ndarray, ids: list[str], metadata: list[dict] | None = None) -> None:
        self.index.reset()
        self.index.add(np.ascontiguousarray(embeddings, dtype="float32"))
        self.ids = list(ids)
        self.metadata = list(metadata) if metadata else [{} for _ in ids]

    def search(self, queries: np.ndarray, top_k: int = 10) -> list[list[tuple[str, float]]]:
        scores, positions = self.index.search(np.ascontiguousarray(queries, dtype="float32"), top_k)
        return [
            [(self.ids[p], float(s)) for p, s in zip(row_positions, row_scores) if p >= 0]
            for row_positions, row_scores in zip(positions, scores)
        ]
