"""Story clustering on the invented multi-story corpus (tests/data/stories)."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest
from sklearn.metrics import adjusted_rand_score

from bias.compare.stories import DEFAULT_THRESHOLD, cluster_stories
from bias.compare.tokens import content_tokens
from bias.corpus.load import iter_inputs
from bias.model import Article

DATA = Path(__file__).parent / "data" / "stories"


@pytest.fixture(scope="module")
def corpus() -> list[Article]:
    arts = list(iter_inputs([str(DATA / "articles")]))
    assert all(isinstance(a, Article) for a in arts)
    return arts


@pytest.fixture(scope="module")
def truth() -> dict[str, str]:
    return tomllib.loads((DATA / "expected.toml").read_text(encoding="utf-8"))["story"]


def _ari(arts: list[Article], truth: dict[str, str], threshold: float = DEFAULT_THRESHOLD) -> float:
    got = cluster_stories(arts, distance_threshold=threshold)
    return adjusted_rand_score([truth[a.id] for a in arts], [got.of(a.id) for a in arts])


def test_corpus_shape(corpus, truth):
    assert len(corpus) == 20 and set(truth) == {a.id for a in corpus}
    for a in corpus:
        assert a.story is None  # the manifest must not pin the answer
        assert 120 <= len(a.text.split()) <= 250, a.id


def test_ari_on_corpus(corpus, truth):
    assert _ari(corpus, truth) >= 0.9


def test_ari_without_headlines(corpus, truth):
    bodies = [dataclasses.replace(a, text=a.text[len(a.title) :].lstrip(), title="") for a in corpus]
    assert _ari(bodies, truth) >= 0.9


def test_threshold_matters(corpus, truth):
    # At a very low threshold nothing merges, so the index collapses: the test can fail.
    assert _ari(corpus, truth, threshold=0.3) < 0.5


def test_ids_ordered_by_first_article_and_labels(corpus):
    got = cluster_stories(corpus)
    assert [s.id for s in got.stories] == [f"story-{i}" for i in range(1, 9)]
    first = got.stories[0]
    assert first.article_ids == ("a1", "a2", "a3", "a4")
    assert first.outlets == ("Harbor Wire", "Liberty Sentinel", "Metro Flash", "The Civic Ledger")
    assert "Port of Calder" in first.terms and 3 <= len(first.terms) <= 4
    assert "Novalink" in got.stories[4].terms
    assert got.of("e3") == "story-5"


def test_deterministic(corpus):
    assert cluster_stories(corpus) == cluster_stories(corpus)


def test_pinned_articles_keep_their_story(corpus):
    pinned = [dataclasses.replace(a, story="port-strike") if a.id in ("a1", "a2") else a for a in corpus]
    got = cluster_stories(pinned)
    assert got.of("a1") == got.of("a2") == "port-strike"
    assert got.of("a3") == "port-strike"  # clustered with pinned articles: joins their story
    assert got.stories[0].id == "port-strike" and got.stories[0].pinned
    assert got.of("b1") == "story-1"  # generated ids restart for unpinned clusters


def test_generated_ids_skip_pinned_ones(corpus):
    arts = [dataclasses.replace(a, story="story-1") if a.id == "s1" else a for a in corpus]
    got = cluster_stories(arts)
    assert got.of("s1") == "story-1"
    assert got.of("a1") == "story-2"


def test_tiny_inputs():
    assert cluster_stories([]).stories == ()
    one = Article(id="x", outlet="O", title="T", text="Lone article about Calder port.")
    got = cluster_stories([one])
    assert got.story_of == (("x", "story-1"),)


def test_tokens_names_and_spans():
    text = "The Port Authority of Calder said Novalink’s data was safe."
    got = [(t, s.start, s.end, s.of(text)) for t, s in content_tokens(text)]
    assert got == [
        ("port", 4, 8, "Port"),
        ("authority", 9, 18, "Authority"),
        ("calder", 22, 28, "Calder"),
        ("port_authority_of_calder", 4, 28, "Port Authority of Calder"),
        ("novalink", 34, 42, "Novalink"),
        ("data", 45, 49, "data"),
        ("safe", 54, 58, "safe"),
    ]
