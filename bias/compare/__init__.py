"""The comparison layer: pure functions over :class:`~bias.model.ArticleScores` (no I/O).

- :mod:`~bias.compare.aggregates`: per-outlet mean, median, bootstrap interval; differences vs noise.
- :mod:`~bias.compare.stories`: articles clustered into stories, labelled by their telling terms.
- :mod:`~bias.compare.align`: one story side by side (sentence alignment, "only in X", source ledger).
- :mod:`~bias.compare.vocabulary`: distinctive terms per outlet (log-odds with a Dirichlet prior).
- :mod:`~bias.compare.mapping`: a two-dimensional framing map (PCA of standardised metrics).
- :mod:`~bias.compare.sentences`: the overview's sentences, generated from the figures.

Every result is a frozen dataclass documented where it is defined.
"""

from bias.compare.aggregates import Difference, OutletMetric, compare_outlets, outlet_metrics
from bias.compare.align import ArticleAlignment, LedgerEntry, align_story, source_ledger
from bias.compare.mapping import FramingMap, framing_map
from bias.compare.sentences import OverviewSentence, overview_sentences
from bias.compare.stories import Story, StoryAssignment, cluster_stories
from bias.compare.vocabulary import DistinctiveTerm, distinctive_terms

__all__ = [
    "ArticleAlignment",
    "Difference",
    "DistinctiveTerm",
    "FramingMap",
    "LedgerEntry",
    "OutletMetric",
    "OverviewSentence",
    "Story",
    "StoryAssignment",
    "align_story",
    "cluster_stories",
    "compare_outlets",
    "distinctive_terms",
    "framing_map",
    "outlet_metrics",
    "overview_sentences",
    "source_ledger",
]
