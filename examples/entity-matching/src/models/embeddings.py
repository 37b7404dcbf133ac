"""Sentence embeddings for company names (BGE models through sentence-transformers)."""

from __future__ import annotations

import numpy as np


class BGEEmbeddings:
    """Normalised BGE embeddings, so that a dot product is a cosine similarity."""

    def __init__(self, model_name: str = "BAAI/bge-large-en-v1.5", batch_size: int = 64):
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(model_name)
        self.batch_size = batch_size

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True)
        return np.asarray(vectors, dtype="float32")
