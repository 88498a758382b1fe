"""Collecting a report's input in bounded memory: the same figures, only the needed articles kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from bias.analysis import analyze_article
from bias.corpus.load import iter_inputs
from bias.model import Article
from bias.render.collect import ReportCollector
from bias.render.inputs import reader_positions
from bias.render.viewmodel import build_report

STORIES = Path(__file__).resolve().parents[1] / "tests" / "data" / "stories" / "articles"


@pytest.fixture(scope="module")
def scores() -> list:
    return [analyze_article(a) for a in iter_inputs([STORIES]) if isinstance(a, Article)]


def test_small_input_is_kept_whole(scores: list) -> None:
    c = ReportCollector()
    for s in scores:
        c.add(s)
    data = c.finish()
    assert data is not None and data.stories is not None and data.story_scores == tuple(scores)


def test_streamed_input_keeps_only_what_the_report_shows(scores: list) -> None:
    c = ReportCollector(hold_whole=5, reader=4, vocabulary=2)
    for s in scores:
        c.add(s)
    data = c.finish()
    assert data is not None and c.whole is None and data.stories is None
    want = [scores[i].article.id for i in reader_positions([s.article.outlet for s in scores], 4)]
    assert [s.article.id for s in data.shown] == want
    assert len(c._candidates) < len(scores)  # deeper articles were let go
    outlets = {s.article.outlet for s in scores}
    assert len(data.vocabulary) == 2 * len(outlets)
    assert all(not s.evidence and not s.values for s in data.vocabulary)
    whole = build_report(scores, title=None, generated="x", versions={})
    streamed = build_report(data, title=None, generated="x", versions={})
    for key in ("summary", "overview", "glance", "sentences", "who_speaks", "language", "map"):
        assert streamed[key] == whole[key], key


def test_nothing_added_gives_nothing() -> None:
    assert ReportCollector().finish() is None


def test_hash_sample_is_the_same_whatever_the_order() -> None:
    from bias.render.inputs import HashSample

    ids = [(f"o{i % 3}", f"article-{i}") for i in range(40)]

    def kept(order: list[int]) -> set[str]:
        sample = HashSample(4)
        for pos, i in enumerate(order):
            sample.add(ids[i][0], ids[i][1], pos, ids[i][1])
        return set(sample.items())

    forward = kept(list(range(40)))
    assert len(forward) == 12 and forward == kept(list(range(39, -1, -1)))
    sample = HashSample(4)
    for pos, (outlet, aid) in enumerate(ids):
        sample.add(outlet, aid, pos, pos)
    assert sample.items() == sorted(sample.items())  # kept items come back in input order
