"""The registry of feature extractors, in report order."""

from __future__ import annotations

from collections.abc import Iterable

from bias.features import attribution, frames, loaded, opinion, readability, sentiment, wordchoice
from bias.features.base import Extractor, FeatureTransformer
from bias.lexicons import Lexicon

# Each module exposes EXTRACTOR (built with the packaged lexicons); the registry is an immutable tuple.
EXTRACTORS: tuple[Extractor, ...] = (
    attribution.EXTRACTOR,
    loaded.EXTRACTOR,
    wordchoice.EXTRACTOR,
    frames.EXTRACTOR,
    opinion.EXTRACTOR,
    sentiment.EXTRACTOR,
    readability.EXTRACTOR,
)

# Extractors whose lexicons a user may extend with --lexicon FILE.
_EXTENSIBLE = {"loaded": loaded.make_extractor, "wordchoice": wordchoice.make_extractor,
               "frames": frames.make_extractor}


def build_extractors(extra_lexicons: Iterable[Lexicon] = ()) -> tuple[Extractor, ...]:
    """The registry, with the lexicon-based extractors rebuilt to include ``extra_lexicons``."""
    extra = tuple(extra_lexicons)
    if not extra:
        return EXTRACTORS
    return tuple(_EXTENSIBLE[e.name](extra) if e.name in _EXTENSIBLE else e for e in EXTRACTORS)


def get_extractor(name: str) -> Extractor:
    """The registered extractor called ``name`` (KeyError naming the known ones otherwise)."""
    for ext in EXTRACTORS:
        if ext.name == name:
            return ext
    raise KeyError(f"unknown extractor {name!r}; known: {', '.join(e.name for e in EXTRACTORS)}")


__all__ = ["EXTRACTORS", "Extractor", "FeatureTransformer", "build_extractors", "get_extractor"]
