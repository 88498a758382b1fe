"""Running totals over a corpus: what the report's tables need, gathered one article at a time.

The report compares outlets through sums, counts and per-article metric values. A
:class:`CorpusTally` keeps exactly those and nothing else, so a corpus of any size can be summarised
in one pass without keeping its articles: per article it keeps one float per metric (a column per
metric, ``NaN`` where the article has no value), its id, outlet and title; per outlet it keeps
counters of attributions (:class:`SourceTally`) and loaded terms (:class:`TermTally`); for the whole
corpus the word-choice cells. Articles are added in input order and every sum is taken in that
order, so the figures are the same floating-point numbers as when computed from a list of articles.

It is fed either from :class:`~bias.model.ArticleScores` (:meth:`CorpusTally.add_scores`) or from
the records of ``bias analyze`` JSON Lines (:meth:`CorpusTally.add`): both carry the same metric
names and record dictionaries.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bias.features.attrib_resolve import ANONYMOUS_KINDS
from bias.model import ArticleScores

__all__ = ["ANONYMOUS_KINDS", "QUALIFIERS", "CorpusTally", "SourceTally", "TermTally", "as_tally"]

QUALIFIERS = frozenset({"hedge", "booster"})  # qualify certainty rather than judge
_NAN = float("nan")


def _who(att: Mapping[str, Any]) -> str:
    """The source an attribution belongs to: the resolved antecedent if any, else its own text."""
    src = att.get("source") or {}
    return (src.get("resolved") or src.get("text") or "").lower()


@dataclass
class SourceTally:
    """One outlet's attributions, counted: ``total``; source ``kinds`` ("none" when no source);
    cue ``categories`` and ``lemmas``; ``loaded_lemmas`` (cues whose category is not neutral);
    ``anonymous`` (unnamed, confidential or vague sources); ``named`` (distinct named sources);
    ``direct`` (direct or mixed quotations); confidential sources by who they are, in all and with a
    stated reason (a later mention inherits the reason given earlier)."""

    total: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    lemmas: Counter[str] = field(default_factory=Counter)
    loaded_lemmas: Counter[str] = field(default_factory=Counter)
    anonymous: int = 0
    named: set[str] = field(default_factory=set)
    direct: int = 0
    confidential: Counter[str] = field(default_factory=Counter)
    confidential_reasoned: Counter[str] = field(default_factory=Counter)

    def add(self, att: Mapping[str, Any]) -> None:
        self.total += 1
        src = att.get("source") or {}
        kind = src.get("kind", "none")
        self.kinds[kind] += 1
        cue = att.get("cue") or {}
        self.categories[cue["category"]] += 1
        self.lemmas[cue["lemma"]] += 1
        if cue and cue.get("category") != "neutral":
            self.loaded_lemmas[cue["lemma"]] += 1
        if src and kind in ANONYMOUS_KINDS:
            self.anonymous += 1
        if src and src.get("named"):
            self.named.add(src.get("resolved") or src["text"])
        if att["quote"] in {"direct", "mixed"}:
            self.direct += 1
        if kind == "confidential":
            who = _who(att)
            self.confidential[who] += 1
            if att.get("anonymity_reason"):
                self.confidential_reasoned[who] += 1

    @property
    def n_confidential(self) -> int:
        return sum(self.confidential.values())

    @property
    def with_reason(self) -> int:
        """Confidential attributions whose source was given a reason for anonymity (here or earlier)."""
        return sum(n for who, n in self.confidential.items() if self.confidential_reasoned[who])


@dataclass
class TermTally:
    """One outlet's loaded-language hits from the ``loaded_terms`` records.

    Per voice (``narration``/``quote``/...) and lexicon term, judging terms only (not hedges or
    boosters): summed ``weight``, ``count``, the first record seen (``info``) and who said it
    (``speakers``, in order of first mention). ``qualifiers``: hedges and boosters in the outlet's
    own voice, by lower-cased text. ``headline_terms``: summed weight of own-voice terms other than
    hedges and scare quotes (the overview sentence's "mainly" terms).
    """

    weight: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    count: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    info: dict[str, dict[str, Mapping[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    speakers: dict[str, dict[str, Counter[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counter)))
    qualifiers: Counter[str] = field(default_factory=Counter)
    headline_terms: Counter[str] = field(default_factory=Counter)

    def add(self, t: Mapping[str, Any]) -> None:
        voice, category = t["voice"], t["category"]
        if voice == "narration" and category not in ("hedge", "scare_quote"):
            self.headline_terms[t["term"]] += float(t.get("weight", 1.0))
        if category in QUALIFIERS:
            if voice == "narration":
                self.qualifiers[t["text"].lower()] += 1
            return
        key = t["term"]
        self.weight[voice][key] += t["weight"]
        self.count[voice][key] += 1
        self.info[voice].setdefault(key, t)
        if t.get("speaker"):
            self.speakers[voice][key][t["speaker"]] += 1


class CorpusTally:
    """Per-article metric values and per-outlet running counts (see the module docstring)."""

    def __init__(self) -> None:
        self.outlets: list[str] = []  # in order of first appearance
        self.counts: Counter[str] = Counter()
        self.ids: list[str] = []
        self.titles: list[str | None] = []
        self.outlet_of = array("I")  # index into ``outlets``, per article
        self.record_names: set[str] = set()
        self.sources: dict[str, SourceTally] = {}
        self.terms: dict[str, TermTally] = {}
        # (referent, term) -> outlet -> [own-voice uses, quoted uses]
        self.word_choice: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(dict)
        self._index: dict[str, int] = {}
        self._columns: dict[str, array] = {}
        self._arrays: dict[str, np.ndarray] = {}  # numpy copies of columns, dropped on every add

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, article_id: str, outlet: str, title: str | None, values: Mapping[str, float],
            records: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
        """Count one article (its metrics and its ``attributions``, ``loaded_terms`` and
        ``word_choice`` records)."""
        n = len(self.ids)
        self._arrays.clear()
        if outlet not in self._index:
            self._index[outlet] = len(self.outlets)
            self.outlets.append(outlet)
            self.sources[outlet] = SourceTally()
            self.terms[outlet] = TermTally()
        self.counts[outlet] += 1
        self.ids.append(article_id)
        self.titles.append(title)
        self.outlet_of.append(self._index[outlet])
        for name in values:
            if name not in self._columns:
                self._columns[name] = array("d", [_NAN]) * n
        for name, col in self._columns.items():
            v = values.get(name)
            col.append(_NAN if v is None else float(v))
        self.record_names.update(records)
        sources = self.sources[outlet]
        for att in records.get("attributions", ()):
            sources.add(att)
        terms = self.terms[outlet]
        for t in records.get("loaded_terms", ()):
            terms.add(t)
        for w in records.get("word_choice", ()):
            cell = self.word_choice[(w["referent"], w["term"])].setdefault(outlet, [0, 0])
            cell[0] += w["narration"]
            cell[1] += w["quote"] + w.get("embedded", 0)

    def add_scores(self, s: ArticleScores) -> None:
        self.add(s.article.id, s.article.outlet, s.article.title, s.values, s.records)

    @classmethod
    def from_scores(cls, scores: Iterable[ArticleScores]) -> CorpusTally:
        tally = cls()
        for s in scores:
            tally.add_scores(s)
        return tally

    @property
    def metrics(self) -> list[str]:
        """Every metric name seen, in order of first appearance."""
        return list(self._columns)

    def column(self, metric: str) -> np.ndarray:
        """Every article's value of ``metric`` in input order (``NaN`` where it has none)."""
        if metric not in self._arrays:
            col = self._columns.get(metric)
            self._arrays[metric] = np.full(len(self), np.nan) if col is None else np.array(col, dtype=float)
        return self._arrays[metric]

    def outlet_mask(self, outlet: str) -> np.ndarray:
        """True for the articles of ``outlet``, in input order."""
        key = "\x00outlet:" + outlet
        if key not in self._arrays:
            self._arrays[key] = np.array(self.outlet_of, dtype=np.int64) == self._index[outlet]
        return self._arrays[key]

    def values(self, metric: str, outlet: str) -> list[float]:
        """The outlet's articles' values of ``metric`` that exist, in input order."""
        x = self.column(metric)[self.outlet_mask(outlet)]
        return x[~np.isnan(x)].tolist()

    def values_or_zero(self, metric: str, outlet: str) -> list[float]:
        """The outlet's articles' values of ``metric`` in input order, 0.0 where an article has none."""
        x = self.column(metric)[self.outlet_mask(outlet)]
        return np.nan_to_num(x, nan=0.0).tolist()


def as_tally(scores: CorpusTally | Iterable[ArticleScores]) -> CorpusTally:
    """``scores`` as a tally (built here when given articles)."""
    return scores if isinstance(scores, CorpusTally) else CorpusTally.from_scores(scores)
