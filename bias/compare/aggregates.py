"""Per-outlet summaries of article metrics, and whether two outlets differ beyond noise.

The unit is the *article*: an outlet's figure for a metric is the mean (and median) of its articles'
values, so one long article does not outweigh several short ones. Rates per 1,000 words are already
metrics of their own (``loaded__narration_per_1000``, ``attribution__per_1000_words``); aggregate
those rather than raw counts when articles differ in length.

Uncertainty: a percentile bootstrap over articles (:data:`BOOTSTRAP_RESAMPLES` resamples of the
outlet's articles with replacement; the 2.5th and 97.5th percentiles of the resampled means).
Randomness comes from ``numpy.random.default_rng`` seeded from ``seed`` and the outlet and metric
names, so every figure is reproducible and does not depend on the order outlets are listed in.
With fewer than :data:`MIN_ARTICLES` articles an outlet is flagged ``enough=False``: the report
should then state its figures but draw no conclusion about the outlet. A bootstrap over one or
two articles says nothing, so the interval then collapses to the observed range.

Large corpora: resampling costs memory and time in proportion to the articles (a bootstrap over
50,000 articles would draw 100 million indices). Above :data:`LARGE_SAMPLE` articles the interval
is the normal one (mean ± 1.96 standard errors) and the test is Welch's t-test: the large-sample
results that the bootstrap and the permutation test converge to (central limit theorem).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from bias.compare.tally import CorpusTally, as_tally
from bias.model import ArticleScores

__all__ = [
    "BOOTSTRAP_RESAMPLES",
    "MIN_ARTICLES",
    "Difference",
    "OutletMetric",
    "compare_outlets",
    "outlet_metrics",
    "outlet_values",
]

MIN_ARTICLES = 3
LARGE_SAMPLE = 2000  # above this many articles, large-sample formulas replace resampling (see above)
NORMAL_95 = 1.959963984540054  # the 97.5th percentile of the standard normal distribution
BOOTSTRAP_RESAMPLES = 2000
PERMUTATIONS = 5000
ALPHA = 0.05
SEED = 20240501


@dataclass(frozen=True, slots=True)
class OutletMetric:
    """One outlet's figure for one metric.

    ``n``: articles with a value; ``mean``/``median`` of their values; ``low``/``high``: the 95%
    bootstrap interval of the mean (equal to the min and max when ``n`` < :data:`MIN_ARTICLES`);
    ``enough``: ``n >= MIN_ARTICLES`` (if False, say nothing about the outlet from this figure).
    """

    outlet: str
    metric: str
    n: int
    mean: float
    median: float
    low: float
    high: float
    enough: bool


@dataclass(frozen=True, slots=True)
class Difference:
    """Whether two outlets differ on one metric.

    ``diff`` = mean of ``outlet_a`` minus mean of ``outlet_b``; ``p_value``: two-sided permutation
    test on the difference of means (None when either outlet has too few articles);
    ``intervals_overlap``: whether the two bootstrap intervals overlap. ``verdict`` is one of
    ``"too few articles"``, ``"within noise"`` or ``"differ"`` (p < :data:`ALPHA`).
    """

    metric: str
    outlet_a: str
    outlet_b: str
    diff: float
    p_value: float | None
    intervals_overlap: bool
    verdict: str
    method: str = "permutation test"  # or "Welch's t-test" above LARGE_SAMPLE articles


def _rng(seed: int, *names: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32("\x1f".join(names).encode("utf-8"))])


def outlet_values(scores: CorpusTally | Iterable[ArticleScores], metric: str) -> dict[str, list[float]]:
    """Article values of ``metric`` per outlet (outlets sorted by name; NaN and missing skipped)."""
    tally = as_tally(scores)
    return {o: tally.values(metric, o) for o in sorted(tally.outlets)}


def _summary(outlet: str, metric: str, values: Sequence[float], seed: int) -> OutletMetric:
    x = np.sort(np.asarray(values, dtype=float))  # sorted: the result does not depend on input order
    n = len(x)
    if n == 0:
        nan = float("nan")
        return OutletMetric(outlet, metric, 0, nan, nan, nan, nan, False)
    if n < MIN_ARTICLES:
        low, high = float(x.min()), float(x.max())
    elif n > LARGE_SAMPLE:  # the bootstrap's interval converges to the normal one; it would not fit
        half = NORMAL_95 * float(x.std(ddof=1)) / math.sqrt(n)
        low, high = float(x.mean()) - half, float(x.mean()) + half
    else:
        idx = _rng(seed, outlet, metric).integers(0, n, size=(BOOTSTRAP_RESAMPLES, n))
        means = x[idx].mean(axis=1)
        low, high = (float(v) for v in np.percentile(means, [2.5, 97.5]))
    return OutletMetric(outlet, metric, n, float(x.mean()), float(np.median(x)), low, high, n >= MIN_ARTICLES)


def outlet_metrics(
    scores: CorpusTally | Iterable[ArticleScores], metrics: Sequence[str], *, seed: int = SEED
) -> tuple[OutletMetric, ...]:
    """One :class:`OutletMetric` per outlet and metric, ordered by metric (as given), then outlet."""
    tally = as_tally(scores)
    out = []
    for metric in metrics:
        for outlet, values in outlet_values(tally, metric).items():
            out.append(_summary(outlet, metric, values, seed))
    return tuple(out)


def _permutation_p(a: np.ndarray, b: np.ndarray, rng: np.random.Generator) -> float:
    observed = abs(a.mean() - b.mean())
    pooled = np.concatenate([a, b])
    hits = 0
    for _ in range(PERMUTATIONS):
        perm = rng.permutation(pooled)
        if abs(perm[: len(a)].mean() - perm[len(a) :].mean()) >= observed - 1e-12:
            hits += 1
    return (hits + 1) / (PERMUTATIONS + 1)


def _welch_p(a: np.ndarray, b: np.ndarray) -> float:
    """Two-sided p of Welch's t-test (unequal variances): the large-sample stand-in for the
    permutation test, whose p-value it approaches when both outlets have many articles."""
    if a.var() == 0 and b.var() == 0:
        return 1.0 if a.mean() == b.mean() else 0.0
    return float(stats.ttest_ind(a, b, equal_var=False).pvalue)


def compare_outlets(
    scores: CorpusTally | Iterable[ArticleScores], metric: str, outlet_a: str, outlet_b: str, *,
    seed: int = SEED,
) -> Difference:
    """Do ``outlet_a`` and ``outlet_b`` differ on ``metric`` beyond noise? (see :class:`Difference`)

    The permutation test shuffles the outlet labels of the two outlets' articles
    (:data:`PERMUTATIONS` times, seeded) and asks how often a difference at least as large as the
    observed one arises by chance; p = (hits + 1) / (permutations + 1).
    """
    vals = outlet_values(scores, metric)
    a = np.asarray(vals.get(outlet_a, []), dtype=float)
    b = np.asarray(vals.get(outlet_b, []), dtype=float)
    sa, sb = _summary(outlet_a, metric, a, seed), _summary(outlet_b, metric, b, seed)
    overlap = not (sa.high < sb.low or sb.high < sa.low)
    diff = float(a.mean() - b.mean()) if len(a) and len(b) else float("nan")
    if not (sa.enough and sb.enough):
        return Difference(metric, outlet_a, outlet_b, diff, None, overlap, "too few articles")
    if len(a) + len(b) > LARGE_SAMPLE:
        p, method = _welch_p(a, b), "Welch's t-test"
    else:
        rng = _rng(seed, *sorted((outlet_a, outlet_b)), metric)
        p, method = _permutation_p(a, b, rng), "permutation test"
    verdict = "differ" if p < ALPHA else "within noise"
    return Difference(metric, outlet_a, outlet_b, diff, p, overlap, verdict, method)
