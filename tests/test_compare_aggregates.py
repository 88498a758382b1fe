"""Outlet aggregates: means, medians, seeded bootstrap intervals and the noise verdict."""

from __future__ import annotations

import math

import pytest

from bias.compare.aggregates import MIN_ARTICLES, compare_outlets, outlet_metrics
from bias.model import Article, ArticleScores

M = "loaded__narration_per_1000"


def _s(i: int, outlet: str, value: float) -> ArticleScores:
    art = Article(id=f"{outlet}-{i}", outlet=outlet, title="t", text="x")
    return ArticleScores(article=art, values={M: value}, evidence=(), sentences=())


def _corpus(a: list[float], b: list[float]) -> list[ArticleScores]:
    return [_s(i, "A", v) for i, v in enumerate(a)] + [_s(i, "B", v) for i, v in enumerate(b)]


def test_mean_median_interval():
    recs = outlet_metrics(_corpus([1.0, 2.0, 3.0, 10.0], [5.0]), [M])
    a, b = recs
    assert (a.outlet, a.n, a.mean, a.median, a.enough) == ("A", 4, 4.0, 2.5, True)
    assert 1.0 <= a.low < a.mean < a.high <= 10.0
    assert (b.outlet, b.n, b.mean, b.low, b.high, b.enough) == ("B", 1, 5.0, 5.0, 5.0, False)
    assert MIN_ARTICLES == 3


def test_bootstrap_is_deterministic_and_order_free():
    c = _corpus([1.3, 2.7, 3.1, 10.4, 5.9, 0.2], [4.0, 6.0, 5.0])
    assert outlet_metrics(c, [M]) == outlet_metrics(list(reversed(c)), [M])
    assert outlet_metrics(c, [M], seed=1) != outlet_metrics(c, [M], seed=2)


def test_missing_metric_gives_nan_and_not_enough():
    (rec,) = outlet_metrics([_s(0, "A", 1.0)], ["other__metric"])
    assert rec.n == 0 and math.isnan(rec.mean) and not rec.enough


def test_differ_within_noise_too_few():
    far = compare_outlets(_corpus([1, 1.2, 0.9, 1.1, 1.0], [9, 9.5, 8.8, 9.2, 9.1]), M, "A", "B")
    assert far.verdict == "differ" and far.p_value < 0.05 and not far.intervals_overlap
    assert far.diff == pytest.approx(1.04 - 9.12)
    near = compare_outlets(_corpus([1, 3, 2, 4], [2, 3, 1, 4]), M, "A", "B")
    assert near.verdict == "within noise" and near.p_value > 0.5 and near.intervals_overlap
    few = compare_outlets(_corpus([1, 2], [9, 9, 9]), M, "A", "B")
    assert few.verdict == "too few articles" and few.p_value is None


def _tally(a: list[float], b: list[float]):
    from bias.compare.tally import CorpusTally

    tally = CorpusTally()
    for outlet, values in (("A", a), ("B", b)):
        for i, v in enumerate(values):
            tally.add(f"{outlet}-{i}", outlet, None, {M: v}, {})
    return tally


def test_large_samples_use_the_normal_interval_and_welch_test():
    from scipy import stats

    from bias.compare.aggregates import LARGE_SAMPLE

    a = [float(i % 10) for i in range(LARGE_SAMPLE + 1)]  # 0..9 repeated: mean 4.5 (nearly)
    b = [float(i % 10) + 0.5 for i in range(1500)]
    tally = _tally(a, b)
    ra, rb = outlet_metrics(tally, [M])
    sd = statistics_sd(a)
    assert ra.n == LARGE_SAMPLE + 1 and ra.mean == pytest.approx(sum(a) / len(a))
    assert ra.low == pytest.approx(ra.mean - 1.959963984540054 * sd / math.sqrt(len(a)))
    assert ra.high == pytest.approx(ra.mean + 1.959963984540054 * sd / math.sqrt(len(a)))
    assert rb.n == 1500 and rb.low < rb.mean < rb.high  # 1,500 articles: still the bootstrap
    diff = compare_outlets(tally, M, "A", "B")
    assert diff.method == "Welch's t-test"
    assert diff.p_value == pytest.approx(stats.ttest_ind(a, b, equal_var=False).pvalue)
    assert diff.verdict == "differ"
    same = compare_outlets(_tally(a, a[:1500]), M, "A", "B")
    assert same.verdict == "within noise" and same.p_value > 0.5


def test_a_tally_gives_the_same_figures_as_the_articles():
    a, b = [1.3, 2.7, 3.1, 10.4, 5.9, 0.2], [4.0, 6.0, 5.0]
    assert outlet_metrics(_tally(a, b), [M]) == outlet_metrics(_corpus(a, b), [M])
    assert compare_outlets(_tally(a, b), M, "A", "B") == compare_outlets(_corpus(a, b), M, "A", "B")


def statistics_sd(values: list[float]) -> float:
    import statistics

    return statistics.stdev(values)
