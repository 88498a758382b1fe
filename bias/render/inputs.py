"""What the report is built from: running totals for every figure, and the few whole articles it shows.

The tables, sentences and map need only a :class:`~bias.compare.tally.CorpusTally`; the article
reader, the story comparisons and the distinctive-word examples need whole articles, but only a
bounded number of them. :class:`ReportInput` holds both, so a report can be built from a list of
analysed articles (:func:`from_scores`) or streamed from a large ``bias analyze`` file
(:mod:`bias.results`) with the same view-model code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bias.compare.stories import StoryAssignment, assign_stories
from bias.compare.tally import CorpusTally
from bias.model import ArticleScores

__all__ = ["MAX_READER_ARTICLES", "VOCABULARY_SAMPLE", "ReportInput", "from_scores", "reader_positions"]

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
                limit: int = MAX_READER_ARTICLES) -> ReportInput:
    """The report input for articles held in memory (stories grouped here unless given)."""
    positions = reader_positions([s.article.outlet for s in scores], limit)
    return ReportInput(
        tally=CorpusTally.from_scores(scores),
        shown=tuple(scores[i] for i in positions),
        vocabulary=tuple(scores),
        stories=stories if stories is not None else assign_stories([s.article for s in scores]),
        story_scores=tuple(scores),
    )
