"""Sentence-level flags as functions ``text -> bool``, for ``bias evaluate sentences``.

Each gold sentence is scored on its own, as a one-sentence article, so the flags are judged exactly
as the report computes them per sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from bias.corpus.segment import parse
from bias.features.loaded import LOADED_THRESHOLD, loaded_sentence_scores
from bias.model import Article


def is_loaded(text: str) -> bool:
    """True when the lexicon layer flags the sentence as loaded (max over its sentence pieces)."""
    parsed = parse(Article(id="sentence", outlet="", title="", text=text))
    scores = loaded_sentence_scores(parsed)
    return bool(scores) and max(scores) >= LOADED_THRESHOLD


def sentence_predictors() -> dict[str, Callable[[str], bool]]:
    """Flags other than ``opinion`` (which the opinion evaluator knows itself)."""
    return {"loaded": is_loaded}
