"""Log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008), checked by hand."""

from __future__ import annotations

import pytest

from bias.compare.vocabulary import distinctive_terms, log_odds_z
from bias.model import Article, ArticleScores, Span


def test_hand_computed_two_words():
    # Outlet i: x=3, y=1 (n_i=4); rest j: x=1, y=3 (n_j=4). Corpus x=4, y=4; alpha_0=8 -> a_x=a_y=4.
    # delta_x = log(7/(4+8-3-4)) - log(5/(4+8-1-4)) = log(7/5) - log(5/7) = 0.672944
    # var_x = 1/7 + 1/5 = 0.342857 -> z_x = 0.672944 / 0.585540 = 1.149271
    got = log_odds_z({"x": 3, "y": 1}, {"x": 1, "y": 3}, {"x": 4.0, "y": 4.0})
    assert got["x"] == pytest.approx((0.672944, 1.149271), abs=1e-5)
    assert got["y"] == pytest.approx((-0.672944, -1.149271), abs=1e-5)


def test_hand_computed_uneven_prior():
    # i: x=2 (n_i=2); j: y=2 (n_j=2); prior a_x=1, a_y=1 (alpha_0=2).
    # delta_x = log(3/(2+2-2-1)) - log(1/(2+2-0-1)) = log 3 - log(1/3) = 2.197225
    # var = 1/3 + 1/1 -> z = 2.197225 / 1.154701 = 1.902852
    got = log_odds_z({"x": 2}, {"y": 2}, {"x": 1.0, "y": 1.0})
    assert got["x"] == pytest.approx((2.197225, 1.902852), abs=1e-5)


def _scores(aid: str, outlet: str, text: str) -> ArticleScores:
    sents, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        sents.append(Span(start, min(end, len(text))))
        start = end + 1
    art = Article(id=aid, outlet=outlet, title="", text=text)
    return ArticleScores(article=art, values={}, evidence=(), sentences=tuple(sents))


def test_distinctive_terms_with_example_sentence():
    arts = [
        _scores("a1", "A", "The mob stormed the hall. The mob chanted loudly. Officials counted votes."),
        _scores("b1", "B", "Protesters gathered at the hall. Protesters chanted. Officials counted votes."),
        _scores("c1", "C", "Officials counted votes. Officials counted votes again."),
    ]
    got = distinctive_terms(arts, k=3, alpha_0=10.0)
    assert list(got) == ["A", "B", "C"]
    top = got["A"][0]
    assert (top.term, top.count, top.rest_count) == ("mob", 2, 0)
    assert (top.article_id, top.sentence.start, top.sentence.end, top.example) == (
        "a1",
        0,
        25,
        "The mob stormed the hall.",
    )
    assert top.z > 0
    assert [t.term for t in got["B"]] == ["protesters"]
    assert got["C"][0].term in ("counted", "officials", "votes")


def test_single_outlet_has_no_rest():
    assert distinctive_terms([_scores("a", "A", "Words words words.")]) == {"A": ()}
