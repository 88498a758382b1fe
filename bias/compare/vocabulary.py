"""Distinctive vocabulary of each outlet against the rest of the corpus.

Method: the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008, "Fightin' Words", *Political Analysis* 16(4), eq. 22 and the variance that follows it). For a
word ``w``, outlet ``i`` and the rest of the corpus ``j`` (all other outlets pooled)::

    delta_w = log((y_wi + a_w) / (n_i + a_0 - y_wi - a_w)) - log((y_wj + a_w) / (n_j + a_0 - y_wj - a_w))
    var_w  ~= 1 / (y_wi + a_w) + 1 / (y_wj + a_w)
    z_w     = delta_w / sqrt(var_w)

``y_wi`` counts ``w`` in outlet ``i``, ``n_i`` all its tokens. The prior ``a_w`` is the corpus count
of ``w`` scaled so the prior counts sum to ``a_0`` (:data:`DEFAULT_ALPHA_0`); a larger ``a_0``
shrinks rare words harder towards "not distinctive". A positive ``z`` means the outlet uses the word
more than the rest of the corpus; |z| > 1.96 is the usual rough bar for "not just chance".

Tokens are those of :mod:`bias.compare.tokens` (content words and names, stop words removed),
counted over headlines and texts. Works for any number of outlets; with a single outlet there is no
"rest" and nothing is returned. Each term comes with the first sentence (in input order) of the
outlet that contains it, as a span into that article's text.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bias.compare.tokens import content_tokens
from bias.model import ArticleScores, Span

__all__ = ["DEFAULT_ALPHA_0", "DistinctiveTerm", "distinctive_terms", "log_odds_z"]

DEFAULT_ALPHA_0 = 1000.0
MIN_COUNT = 2  # a term must occur at least this often in the outlet to be listed


@dataclass(frozen=True, slots=True)
class DistinctiveTerm:
    """One term that sets an outlet apart.

    ``delta``: log-odds ratio (outlet vs rest), ``z``: its z-score (higher = more typical of this
    outlet), ``count``/``rest_count``: raw occurrences; ``article_id`` and ``sentence``: an example
    sentence of the outlet containing the term (span into that article's text), ``example`` its text.
    """

    outlet: str
    term: str
    delta: float
    z: float
    count: int
    rest_count: int
    article_id: str
    sentence: Span
    example: str


def log_odds_z(
    counts_i: Mapping[str, int], counts_j: Mapping[str, int], prior: Mapping[str, float]
) -> dict[str, tuple[float, float]]:
    """``{word: (delta, z)}`` of group ``i`` against group ``j`` with prior counts ``prior`` (eq. 22).

    ``prior`` holds ``a_w`` for every word (already scaled); ``a_0`` is their sum.
    """
    a0 = sum(prior.values())
    n_i, n_j = sum(counts_i.values()), sum(counts_j.values())
    out = {}
    for w, a in prior.items():
        yi, yj = counts_i.get(w, 0), counts_j.get(w, 0)
        delta = math.log((yi + a) / (n_i + a0 - yi - a)) - math.log((yj + a) / (n_j + a0 - yj - a))
        out[w] = (delta, delta / math.sqrt(1.0 / (yi + a) + 1.0 / (yj + a)))
    return out


def _document(s: ArticleScores) -> str:
    return s.article.text


def distinctive_terms(
    scores: Iterable[ArticleScores], *, k: int = 10, alpha_0: float = DEFAULT_ALPHA_0
) -> dict[str, tuple[DistinctiveTerm, ...]]:
    """The top ``k`` terms per outlet by z-score (only z > 0 and count >= :data:`MIN_COUNT`).

    Returns ``{outlet: terms}`` with outlets sorted by name; ties broken by term.
    """
    arts = list(scores)
    counts: dict[str, Counter[str]] = {}
    for s in arts:
        counts.setdefault(s.article.outlet, Counter()).update(t for t, _ in content_tokens(_document(s)))
    if len(counts) < 2:
        return {o: () for o in sorted(counts)}
    corpus: Counter[str] = Counter()
    for c in counts.values():
        corpus.update(c)
    total = sum(corpus.values())
    prior = {w: alpha_0 * c / total for w, c in corpus.items()}
    result = {}
    for outlet in sorted(counts):
        rest: Counter[str] = Counter()
        for other, c in counts.items():
            if other != outlet:
                rest.update(c)
        stats = log_odds_z(counts[outlet], rest, prior)
        ranked = sorted(
            (w for w, (_, z) in stats.items() if z > 0 and counts[outlet][w] >= MIN_COUNT),
            key=lambda w: (-stats[w][1], w),
        )[:k]
        own = [s for s in arts if s.article.outlet == outlet]
        result[outlet] = tuple(
            _with_example(outlet, w, stats[w], counts[outlet][w], rest[w], own) for w in ranked
        )
    return result


def _with_example(
    outlet: str, term: str, stat: tuple[float, float], count: int, rest: int, own: list[ArticleScores]
) -> DistinctiveTerm:
    for s in own:
        text = s.article.text
        for sent in s.sentences:
            if any(t == term for t, _ in content_tokens(text, sent)):
                return DistinctiveTerm(
                    outlet, term, stat[0], stat[1], count, rest, s.article.id, sent, sent.of(text)
                )
    return DistinctiveTerm(outlet, term, stat[0], stat[1], count, rest, own[0].article.id, Span(0, 0), "")
