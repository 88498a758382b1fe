"""What the report is built from: running totals for every figure, and the few whole articles it shows.

The tables, sentences and map need only a :class:`~bias.compare.tally.CorpusTally`; the article
reader, the story comparisons and the distinctive-word examples need whole articles, but only a
bounded number of them. :class:`ReportInput` holds both, so a report can be built from a list of
analysed articles (:func:`from_scores`) or streamed from a large ``bias analyze`` file
(:mod:`bias.results`) with the same view-model code.
"""

from __future__ import annotations

import heapq
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from bias.compare.stories import StoryAssignment, assign_stories
from bias.compare.tally import CorpusTally
from bias.model import ArticleScores

__all__ = ["MAX_READER_ARTICLES", "VOCABULARY_SAMPLE", "HashSample", "ReportInput", "from_scores", "id_rank",
           "reader_positions"]

MAX_READER_ARTICLES = 60  # articles shown in full in the reader; the rest are in the exports
VOCABULARY_SAMPLE = 200  # articles per outlet whose words are compared in a large corpus


@dataclass(frozen=True)
class ReportInput:
    """``tally``: every article counted. ``shown``: the reader's articles (input order).
    ``vocabulary``: the articles whose words are compared (all, or a sample of
    ``vocabulary_of`` articles when the corpus is large). ``stories``: the story grouping (None
    when skipped) and ``story_scores`` the articles it refers to. ``full_data``: where a reader finds
    every article's data (the exports, or the analysis file the report was read from)."""

    tally: CorpusTally
    shown: tuple[ArticleScores, ...]
    vocabulary: tuple[ArticleScores, ...]
    stories: StoryAssignment | None
    story_scores: tuple[ArticleScores, ...] = ()
    full_data: str = "the exports"
    full_data_hint: str = " (bias report --export, bias analyze)"

    @property
    def vocabulary_sampled(self) -> bool:
        return len(self.vocabulary) < len(self.tally)


def id_rank(article_id: str) -> int:
    """A fixed pseudo-random rank of an article (CRC-32 of its id): samples taken by it are the same
    for the same corpus whatever the order of its articles, and do not follow any period in it."""
    return zlib.crc32(article_id.encode("utf-8"))


class HashSample:
    """A fixed sample of up to ``size`` articles per outlet: those with the smallest CRC-32 of their
    id, so the same corpus gives the same sample whatever the order of its articles. Items arrive
    with their input position; :meth:`items` gives the kept ones in input order."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._heaps: dict[str, list[tuple[int, int, Any]]] = {}  # outlet -> heap of (-crc, position, item)

    def add(self, outlet: str, article_id: str, position: int, item: Any) -> None:  # noqa: ANN401
        heap = self._heaps.setdefault(outlet, [])
        key = (-id_rank(article_id), position)
        if len(heap) < self.size:
            heapq.heappush(heap, (*key, item))
        elif key > heap[0][:2]:
            heapq.heapreplace(heap, (*key, item))

    def items(self) -> list[Any]:
        kept = [(pos, item) for heap in self._heaps.values() for _, pos, item in heap]
        return [item for _, item in sorted(kept, key=itemgetter(0))]


def reader_positions(outlets: Sequence[str], limit: int = MAX_READER_ARTICLES) -> list[int]:
    """Positions (input order) of at most ``limit`` articles for the reader, given each article's
    outlet: taken in turn from each outlet (in order of first appearance), so every outlet is
    represented; all of them when there are few enough."""
    if len(outlets) <= limit:
        return list(range(len(outlets)))
    queues: dict[str, list[int]] = {}
    for i, o in enumerate(outlets):
        queues.setdefault(o, []).append(i)
    picked: list[int] = []
    depth = 0
    while len(picked) < limit:
        for q in queues.values():
            if depth < len(q) and len(picked) < limit:
                picked.append(q[depth])
        depth += 1
    return sorted(picked)


def from_scores(scores: Sequence[ArticleScores], stories: StoryAssignment | None = None,
                limit: int = MAX_READER_ARTICLES, tally: CorpusTally | None = None) -> ReportInput:
    """The report input for articles held in memory (stories grouped here unless given; ``tally``:
    their running totals when already counted)."""
    positions = reader_positions([s.article.outlet for s in scores], limit)
    return ReportInput(
        tally=tally if tally is not None else CorpusTally.from_scores(scores),
        shown=tuple(scores[i] for i in positions),
        vocabulary=tuple(scores),
        stories=stories if stories is not None else assign_stories([s.article for s in scores]),
        story_scores=tuple(scores),
    )
