"""The overview's generated sentences state the seeds' figures (recomputed here from the records)."""

from __future__ import annotations

import dataclasses

import pytest

from bias.analysis import analyze_article
from bias.compare.sentences import overview_sentences
from bias.corpus.load import iter_inputs
from bias.features import get_extractor
from bias.model import Article

_USED = ("attribution", "loaded", "sentiment", "readability")  # the extractors the sentences read


@pytest.fixture(scope="module")
def seeds():
    arts = [a for a in iter_inputs(["seeds"]) if isinstance(a, Article)]
    assert len(arts) == 7
    return [analyze_article(a, [get_extractor(n) for n in _USED]) for a in arts]


@pytest.fixture(scope="module")
def sentences(seeds):
    return {s.topic: s for s in overview_sentences(seeds)}


def test_topics_and_caveats(sentences):
    assert list(sentences) == ["sourcing", "loaded", "verbs", "tone", "readability"]
    for s in sentences.values():  # one article per outlet in the seeds: every sentence is caveated
        assert s.caveat and "fewer than 3 articles" in s.caveat_text


def test_sourcing_figures(seeds, sentences):
    text = sentences["sourcing"].text
    assert "New York Post" in text and "to sources not identified by name" in text
    for s in seeds:
        recs = s.records["attributions"]
        k = sum(
            1 for r in recs if r["source"] and r["source"]["kind"] in ("unnamed", "confidential", "vague")
        )
        n = len(recs)
        assert k == round(s.values["attribution__anonymous_share"] * n)  # the metric agrees
        assert (
            f"{s.article.outlet} credits {k} of its {n} " in text
            or f"; {s.article.outlet} {k} of {n}" in text
        )
    assert "New York Post 4 of 8" in text and "Los Angeles Times 6 of 16" in text  # seeds, read by hand


def test_loaded_figures(seeds, sentences):
    text = sentences["loaded"].text
    for s in seeds:
        hits = sum(
            r["weight"]
            for r in s.records["loaded_terms"]
            if r["voice"] == "narration" and r["category"] != "hedge"
        )
        rate = 1000 * hits / s.values["loaded__narration_words"]
        assert rate == pytest.approx(s.values["loaded__narration_per_1000"])
        assert f"{s.article.outlet} uses {rate:.1f} " in text or f"; {s.article.outlet} {rate:.1f}" in text
    assert text.startswith("In its own voice, New York Post uses 44.0 weighted loaded terms per 1,000 words")


def test_verbs_figures(seeds, sentences):
    text = sentences["verbs"].text
    for s in seeds:
        recs = s.records["attributions"]
        k = sum(1 for r in recs if r["cue"]["category"] != "neutral")
        assert f"{s.article.outlet} introduces {k} of its {len(recs)} " in text or (
            f"; {s.article.outlet} {k} of {len(recs)}" in text
        )


def test_tone_and_readability_figures(seeds, sentences):
    tone, grade = sentences["tone"].text, sentences["readability"].text
    for s in seeds:
        scored = [v for v in s.sentence_fields["sentiment"] if v is not None]
        mean = s.values["sentiment__mean_compound"]
        if len(scored) == s.values["sentiment__sentences_scored"]:
            assert sum(scored) / len(scored) == pytest.approx(mean, abs=1e-9)
        assert f"{s.article.outlet} {mean:+.2f} (" in tone
        g = s.values["readability__flesch_kincaid_grade"]
        assert f"; {s.article.outlet} {g:.1f}" in grade or grade.startswith(
            f"{s.article.outlet} writes at about US school grade {g:.1f} "
        )
    assert tone.index("Breitbart Texas") < tone.index("New York Post")  # most negative first


def test_pooling_over_articles(seeds):
    # Two articles of one outlet: counts add up ("k of n" over both), grade is the mean.
    a, b = seeds[3], seeds[6]  # New York Post (8 attributions) and Breitbart Texas (5)
    same = [a, dataclasses.replace(b, article=dataclasses.replace(b.article, outlet=a.article.outlet))]
    s = {x.topic: x for x in overview_sentences(same)}
    assert s["sourcing"].text.startswith("New York Post credits 5 of its 13 attributions")
    fig = s["readability"].figures[0]
    assert fig.n_articles == 2
    assert fig.value == pytest.approx(
        (a.values["readability__flesch_kincaid_grade"] + b.values["readability__flesch_kincaid_grade"]) / 2
    )
