"""What a worker does with one chunk of articles: the same per-article analysis as in-process.

A chunk travels as bytes (see :mod:`bias.engine.wire`): the articles, the user's extra lexicons and
what to send back, either finished JSON Lines (``"jsonl"``, for ``bias analyze``: the cheapest
reply) or the :class:`~bias.model.ArticleScores` themselves (``"scores"``, for the report). The
extractors are rebuilt from the lexicons once per worker process and kept in a small cache of
immutable tuples, so no worker re-reads a lexicon per chunk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bias.analysis import analyze_article
from bias.engine.wire import dumps, loads
from bias.export import article_record, to_json_line
from bias.features import Extractor, build_extractors
from bias.lexicons import Lexicon
from bias.model import Article, ArticleScores

MODES = ("jsonl", "scores")


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a worker needs besides the articles (the same for every chunk of a run)."""

    lexicons: tuple[Lexicon, ...] = ()
    mode: str = "jsonl"  # one of MODES
    stamp: Mapping[str, str] | None = None  # versions written into each JSON record

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {self.mode!r}")


@lru_cache(maxsize=8)
def _extractors(lexicons_blob: bytes) -> tuple[Extractor, ...]:
    return build_extractors(loads(lexicons_blob))


def extractors_for(lexicons: Sequence[Lexicon]) -> tuple[Extractor, ...]:
    """The registry with ``lexicons`` added, built once per process for the same lexicons."""
    return _extractors(dumps(tuple(lexicons))) if lexicons else build_extractors(())


def analyse(articles: Iterable[Article], job: Job,
            extractors: Sequence[Extractor] | None = None) -> list[str] | list[ArticleScores]:
    """One result per article, in order: a JSON line (without newline) or the scores."""
    exts = extractors if extractors is not None else extractors_for(job.lexicons)
    scores = (analyze_article(a, exts) for a in articles)
    if job.mode == "scores":
        return list(scores)
    return [to_json_line(article_record(s, job.stamp)) for s in scores]


def analyse_chunk(payload: bytes) -> bytes:
    """Worker entry point: ``dumps((job, articles))`` in, ``dumps(results)`` out."""
    job, articles = loads(payload)
    return dumps(analyse(articles, job))
