"""Collecting a report's input from analysed articles as they arrive, in bounded memory.

``bias report corpus/`` analyses the articles itself. Up to ``hold_whole`` articles it keeps them
all (the report can then group stories and compare them side by side). Past that it keeps only what
:class:`~bias.render.inputs.ReportInput` needs: the running totals, the articles that can still be
among the reader's (taken in turn from each outlet, so only the first few of each outlet can be),
and a fixed sample of up to ``vocabulary`` articles per outlet (text and sentences only) for the
distinctive words, chosen by the smallest CRC-32 of the article id as for a stored analysis
(:mod:`bias.results`). Memory then stays bounded however many articles stream through.
"""

from __future__ import annotations

from collections import Counter

from bias.compare.stories import MAX_CLUSTERED
from bias.compare.tally import CorpusTally
from bias.model import ArticleScores
from bias.render.inputs import (
    MAX_READER_ARTICLES,
    VOCABULARY_SAMPLE,
    HashSample,
    ReportInput,
    from_scores,
    reader_positions,
)

__all__ = ["ReportCollector"]

_PRUNE_EVERY = 64  # articles between two prunings of the reader candidates


class ReportCollector:
    """Feed :meth:`add` with analysed articles in input order, then call :meth:`finish`."""

    def __init__(self, *, hold_whole: int = MAX_CLUSTERED, reader: int = MAX_READER_ARTICLES,
                 vocabulary: int = VOCABULARY_SAMPLE) -> None:
        self.tally = CorpusTally()
        self.whole: list[ArticleScores] | None = []  # None once more than hold_whole arrived
        self._hold_whole, self._reader = hold_whole, reader
        self._outlets: list[str] = []  # each article's outlet, by position
        self._seen: Counter[str] = Counter()  # articles per outlet so far
        self._candidates: dict[int, tuple[int, ArticleScores]] = {}  # position -> (depth, article)
        self._sample = HashSample(vocabulary)

    def add(self, s: ArticleScores) -> None:
        pos, outlet = len(self._outlets), s.article.outlet
        self.tally.add_scores(s)
        self._outlets.append(outlet)
        if self.whole is not None:
            self.whole.append(s)
            if len(self.whole) > self._hold_whole:
                self.whole = None
        depth = self._seen[outlet]
        self._seen[outlet] += 1
        if depth < self._reader:
            self._candidates[pos] = (depth, s)
        if pos % _PRUNE_EVERY == 0:
            self._prune()
        light = ArticleScores(article=s.article, values={}, evidence=(), sentences=s.sentences)
        self._sample.add(outlet, s.article.id, pos, light)

    def _prune(self) -> None:
        """Drop candidates too deep in their outlet to be picked: once the articles above depth
        ``d`` of all outlets together reach the reader's limit, the turn-taking never gets to ``d``."""
        cutoff, total = 0, 0
        while total < self._reader and cutoff < self._reader:
            cutoff += 1
            total = sum(min(n, cutoff) for n in self._seen.values())
        if total >= self._reader:
            self._candidates = {p: c for p, c in self._candidates.items() if c[0] < cutoff}

    def finish(self) -> ReportInput | None:
        """The report input (None when no article arrived)."""
        if not self._outlets:
            return None
        if self.whole is not None:
            return from_scores(self.whole, limit=self._reader, tally=self.tally)
        shown = tuple(self._candidates[p][1] for p in reader_positions(self._outlets, self._reader))
        return ReportInput(tally=self.tally, shown=shown, vocabulary=tuple(self._sample.items()),
                           stories=None)
