"""Sentiment extractor: VADER per sentence, exact evidence spans on tiny texts."""

from __future__ import annotations

import pytest

from bias import vader
from bias.corpus.segment import parse
from bias.features import sentiment as st
from bias.model import Article


def _parsed(text: str):
    return parse(Article(id="t", outlet="o", title="", text=text))


def _triples(evidence, text):
    return [(e.kind, e.span.start, e.span.end, e.span.of(text)) for e in evidence]


MIXED = "The plan is a disaster. The meeting starts at noon. We love it."


def test_mixed_text_evidence_and_values():
    result = st.run(_parsed(MIXED))
    assert _triples(result.evidence, MIXED) == [
        ("negative_sentence", 0, 23, "The plan is a disaster."),
        ("positive_sentence", 52, 63, "We love it."),
        ("most_negative", 0, 23, "The plan is a disaster."),
        ("most_positive", 52, 63, "We love it."),
    ]
    neg, pos = result.evidence[0], result.evidence[1]
    assert neg.weight == pytest.approx(-0.6249) and neg.label == "tone -0.62"
    assert pos.weight == pytest.approx(0.6369) and pos.label == "tone +0.64"
    assert neg.note == "VADER tone -0.62: the words of this sentence read as negative"
    assert result.sentence_fields["sentiment"] == pytest.approx((-0.6249, 0.0, 0.6369))
    v = result.values
    assert v["sentiment__sentences_scored"] == 3
    assert v["sentiment__negative_share"] == pytest.approx(1 / 3)
    assert v["sentiment__positive_share"] == pytest.approx(1 / 3)
    assert v["sentiment__mean_compound"] == pytest.approx((-0.6249 + 0.6369) / 3)


def test_sentences_are_scored_one_by_one():
    # Scoring the whole text as one string would give a single, different compound.
    parsed = _parsed(MIXED)
    whole = vader.analyzer().polarity_scores(MIXED)["compound"]
    per_sentence = st.sentence_compounds(parsed)
    assert len(per_sentence) == len(parsed.sentences) == 3
    assert st.run(parsed).values["sentiment__mean_compound"] != pytest.approx(whole)


def test_ties_mark_the_earlier_sentence_and_no_positive_extreme():
    text = "Bad. Bad."
    result = st.run(_parsed(text))
    assert _triples(result.evidence, text) == [
        ("negative_sentence", 0, 4, "Bad."),
        ("negative_sentence", 5, 9, "Bad."),
        ("most_negative", 0, 4, "Bad."),
    ]
    assert result.values["sentiment__negative_share"] == 1.0
    assert result.values["sentiment__positive_share"] == 0.0


def test_neutral_text_has_no_evidence():
    result = st.run(_parsed("The meeting starts at noon. It ends at one."))
    assert result.evidence == ()
    assert dict(result.values) == {
        "sentiment__mean_compound": 0.0,
        "sentiment__negative_share": 0.0,
        "sentiment__positive_share": 0.0,
        "sentiment__sentences_scored": 2.0,
    }
    assert result.sentence_fields["sentiment"] == (0.0, 0.0)


def test_thresholds_are_inclusive():
    parsed = _parsed("One. Two. Three.")
    evidence = list(st.find_toned_sentences(parsed, compounds=(-0.05, 0.0499, 0.05)))
    assert [(e.kind, e.span.start, e.span.end) for e in evidence] == [
        ("negative_sentence", 0, 4), ("positive_sentence", 10, 16)]


def test_analyzer_built_once():
    assert vader.analyzer() is vader.analyzer()


@pytest.mark.parametrize("text", ["", "  \n "])
def test_empty_text_gives_zeros(text):
    result = st.run(_parsed(text))
    assert set(result.values) == {s.name for s in st.SPECS}
    assert all(v == 0.0 for v in result.values.values())
    assert result.evidence == ()
    assert result.sentence_fields["sentiment"] == ()


def test_caveat_says_tone_not_bias():
    for s in st.SPECS[:3]:
        assert "social-media" in s.caveat and "not bias" in s.caveat
