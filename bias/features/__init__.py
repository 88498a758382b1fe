"""The registry of feature extractors, in report order."""

from __future__ import annotations

# Each module exposes EXTRACTOR; the registry is an immutable tuple, built at import.
from bias.features import readability, sentiment  # noqa: E402
from bias.features.base import Extractor, FeatureTransformer

EXTRACTORS: tuple[Extractor, ...] = (readability.EXTRACTOR, sentiment.EXTRACTOR)


def get_extractor(name: str) -> Extractor:
    """The registered extractor called ``name`` (KeyError naming the known ones otherwise)."""
    for ext in EXTRACTORS:
        if ext.name == name:
            return ext
    raise KeyError(f"unknown extractor {name!r}; known: {', '.join(e.name for e in EXTRACTORS)}")


__all__ = ["EXTRACTORS", "Extractor", "FeatureTransformer", "get_extractor"]
