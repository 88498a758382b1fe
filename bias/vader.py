"""VADER sentence scores, shared by every extractor that needs them (computed once per sentence).

Both the tone extractor and the opinion model score each sentence with VADER (Hutto and Gilbert
2014), through :class:`bias.fast_vader.FastAnalyzer`, which returns exactly the stock
``vaderSentiment`` scores, only faster. The analyser is built once per process, and the scores of
recent sentences are kept in a bounded cache of immutable tuples, so a sentence is scored once
however many extractors ask.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

from bias.fast_vader import FastAnalyzer


class Polarity(NamedTuple):
    """VADER's proportions of negative, neutral and positive words, and its compound score (-1..1)."""

    neg: float
    neu: float
    pos: float
    compound: float


@cache
def analyzer() -> FastAnalyzer:
    """The VADER analyser, built once per process; it is only read from after construction."""
    return FastAnalyzer()


@lru_cache(maxsize=16_384)
def polarity(sentence: str) -> Polarity:
    """VADER's scores for one sentence (cached: the same sentence is never scored twice in a row)."""
    return Polarity._make(analyzer().scores(sentence))
