"""Framing map: standardised metrics projected by PCA, deterministic axis signs."""

from __future__ import annotations

import pytest

from bias.compare.mapping import framing_map
from bias.model import Article, ArticleScores

A, B, C = "loaded__narration_per_1000", "sentiment__mean_compound", "readability__flesch_kincaid_grade"


def _s(aid: str, outlet: str, a: float, b: float, c: float) -> ArticleScores:
    art = Article(id=aid, outlet=outlet, title="t", text="x")
    return ArticleScores(
        article=art, values={A: a, B: b, C: c, "opinion__share": 0.5}, evidence=(), sentences=()
    )


def test_axis_one_follows_the_dominant_metric():
    # Loaded language varies most and tone moves against it: axis 1 = more loaded, more negative.
    arts = [
        _s("1", "X", 10, -0.5, 8.0),
        _s("2", "X", 12, -0.6, 8.2),
        _s("3", "Y", 0, 0.4, 8.1),
        _s("4", "Y", 1, 0.5, 7.9),
        _s("5", "Y", 2, 0.3, 8.0),
    ]
    m = framing_map(arts)
    assert m is not None
    assert m.metrics == (A, B, C)  # opinion__share does not vary: left out
    first = dict(m.loadings[0])
    assert abs(first[A]) > 0.6 and abs(first[B]) > 0.6 and first[A] * first[B] < 0
    assert m.loadings[0][0][1] > 0  # the largest-magnitude loading is oriented positive
    pos, neg = m.axis_terms(0)
    assert {pos[0], neg[0]} == {A, B}
    xs = {p.id: p.x for p in m.articles}
    side = 1 if first[A] > 0 else -1  # loaded articles lie on the side loaded language points to
    assert side * xs["1"] > 0 and side * xs["2"] > 0 and side * xs["3"] < 0
    cx = {p.outlet: p.x for p in m.outlets}
    assert cx["X"] == pytest.approx((xs["1"] + xs["2"]) / 2)
    assert m.explained[0] > m.explained[1] > 0
    # Same input in another order: same positions per article (signs are fixed).
    again = framing_map(list(reversed(arts)))
    assert {p.id: round(p.x, 9) for p in again.articles} == {k: round(v, 9) for k, v in xs.items()}


def test_too_few_articles():
    assert framing_map([_s("1", "X", 1, 0, 8), _s("2", "Y", 2, 0, 9)]) is None


def test_large_maps_draw_a_sample_of_every_outlet() -> None:
    import random

    from bias.compare.mapping import MAP_METRICS
    from bias.compare.tally import CorpusTally
    from bias.render.mapview import MAX_POINTS, map_view

    rng = random.Random(3)
    tally = CorpusTally()
    for i in range(2_000):  # outlets repeat every 5 articles: every k-th article would be one outlet
        tally.add(f"a{i}", f"Outlet {i % 5}", f"Title {i}", {m: rng.random() for m in MAP_METRICS}, {})
    view = map_view(tally, {})
    drawn = view["articles"]
    assert len(drawn) == MAX_POINTS
    assert {d["outlet"] for d in drawn} == {f"Outlet {k}" for k in range(5)}
    assert view["sampled"].startswith("400 of the 2,000 articles are drawn")
