"""Text normalisation shared by training and matching."""

import re
import unicodedata

_LEGAL_SUFFIXES = re.compile(r"\b(inc|corp|corporation|ltd|llc|plc|gmbh|sa|ag|co)\.?$", re.IGNORECASE)


def normalize_company_name(name: str) -> str:
    """Lower-case, strip accents, punctuation and a trailing legal suffix."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9 ]+", " ", text).strip().lower()
    text = _LEGAL_SUFFIXES.sub("", text).strip()
    return re.sub(r"\s+", " ", text)
