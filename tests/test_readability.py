"""Readability extractor: counts, formulas and evidence spans on tiny texts."""

from __future__ import annotations

import pytest

from bias.corpus.segment import parse
from bias.features import readability as rd
from bias.features.syllables import count_syllables
from bias.model import Article


def _parsed(text: str):
    return parse(Article(id="t", outlet="o", title="", text=text))


def _triples(evidence, text):
    return [(e.span.start, e.span.end, e.span.of(text)) for e in evidence]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("cat", 1),
        ("very", 2),
        ("unusual", 4),  # CMU dictionary
        ("Ability", 4),  # case folded
        ("well-known", 2),  # hyphenated: parts counted
        ("U.S", 2),  # dotted abbreviation: letters counted
        ("Don\u2019t", 1),  # curly apostrophe normalised
        ("Perez\u2019s", 3),  # possessive not in the dictionary: stem + 1 after a hissing sound
        ("2024", 1),  # no letters: one syllable, as in textstat
        ("blorptastic", 3),  # not in the dictionary: hyphenation fallback
        ("", 0),
    ],
)
def test_count_syllables(word, expected):
    assert count_syllables(word) == expected


def test_counts_and_formulas():
    text = "The cat sat on the mat. It was a very unusual cat."
    result = rd.run(_parsed(text))
    v = result.values
    # 12 words, 2 sentences, 16 syllables (very = 2, unusual = 4, the rest 1 each)
    assert v["readability__words"] == 12
    assert v["readability__sentences"] == 2
    assert v["readability__mean_sentence_length"] == 6
    assert v["readability__syllables_per_word"] == pytest.approx(16 / 12)
    assert v["readability__complex_word_share"] == pytest.approx(1 / 12)
    assert v["readability__flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 6 - 84.6 * 16 / 12)
    assert v["readability__flesch_kincaid_grade"] == pytest.approx(0.39 * 6 + 11.8 * 16 / 12 - 15.59)
    assert _triples(result.evidence, text) == [(38, 45, "unusual")]
    (ev,) = result.evidence
    assert (ev.feature, ev.kind, ev.label, ev.weight) == ("readability", "complex_word", "4 syllables", 4.0)
    assert ev.note == "'unusual' has 4 syllables (used once): long words lower reading ease"


def test_short_fragments_are_not_sentences_but_their_words_count():
    text = "Key Takeaways\nThe cat sat on the mat."
    v = rd.run(_parsed(text)).values
    assert v["readability__words"] == 8
    assert v["readability__sentences"] == 1
    assert v["readability__mean_sentence_length"] == 8


def test_text_of_only_fragments_has_one_sentence():
    v = rd.run(_parsed("Hi there.")).values
    assert (v["readability__words"], v["readability__sentences"]) == (2, 1)
    assert v["readability__flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 2 - 84.6 * 2 / 2)


def _long_text() -> str:
    parts = ["Dogs bark."] + [" ".join([w.title()] + [w] * (n - 1)) + "." for w, n in
                              (("cat", 25), ("dog", 27), ("pig", 26), ("cow", 28))]
    return " ".join(parts)


def test_long_sentences_top_three_in_text_order():
    text = _long_text()
    evidence = list(rd.find_long_sentences(_parsed(text)))
    assert [(e.span.start, e.span.end) for e in evidence] == [(112, 220), (221, 325), (326, 438)]
    assert [e.span.of(text)[:8] for e in evidence] == ["Dog dog ", "Pig pig ", "Cow cow "]
    assert [e.weight for e in evidence] == [27.0, 26.0, 28.0]
    assert [e.label for e in evidence] == ["27 words", "26 words", "28 words"]
    assert evidence[0].note == "27 words: long sentences lower reading ease"
    assert {e.kind for e in evidence} == {"long_sentence"}


def test_long_sentences_respect_minimum_length():
    text = _long_text()
    evidence = list(rd.find_long_sentences(_parsed(text), limit=10))
    assert [(e.span.start, e.span.end) for e in evidence] == [(11, 111), (112, 220), (221, 325), (326, 438)]
    assert list(rd.find_long_sentences(_parsed("Dogs bark loudly at night."))) == []


def test_complex_words_first_use_capped_by_syllables():
    text = "Banana banana. Elephant umbrella tomato. Ability."
    parsed = _parsed(text)
    capped = list(rd.find_complex_words(parsed, limit=2))
    assert _triples(capped, text) == [(0, 6, "Banana"), (41, 48, "Ability")]
    assert capped[0].note == "'Banana' has 3 syllables (used 2 times): long words lower reading ease"
    assert [e.weight for e in capped] == [3.0, 4.0]
    every = list(rd.find_complex_words(parsed))
    assert _triples(every, text) == [(0, 6, "Banana"), (15, 23, "Elephant"), (24, 32, "umbrella"),
                                     (33, 39, "tomato"), (41, 48, "Ability")]
    # The share counts every use, not only the marked first ones: 6 of 6 words have 3+ syllables.
    assert rd.run(parsed).values["readability__complex_word_share"] == 1.0


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_gives_zeros(text):
    result = rd.run(_parsed(text))
    assert set(result.values) == {s.name for s in rd.SPECS}
    assert all(v == 0.0 for v in result.values.values())
    assert result.evidence == ()


_HELPERS_TEXT = "Key Takeaways\n\nThe committee approved it. Everybody was delighted, U.S. officials said.\n"


def test_word_syllables_aligned_with_the_words() -> None:
    ws = rd.word_syllables(_parsed(_HELPERS_TEXT))
    assert ws.texts == ("Key", "Takeaways", "The", "committee", "approved", "it", "Everybody", "was",
                        "delighted", "U.S.", "officials", "said")
    assert ws.syllables == (1, 3, 1, 3, 2, 1, 4, 1, 3, 2, 3, 1)


def test_sentence_word_counts() -> None:
    parsed = _parsed(_HELPERS_TEXT)
    assert rd.sentence_word_counts(parsed) == (2, 4, 6)
    assert rd.sentence_word_counts(_parsed("")) == ()
    assert rd.count(parsed) == rd.Counts(words=12, sentences=2, syllables=25, complex_words=5)


def test_complex_words_ties_keep_the_earlier_word() -> None:
    text = "Officials and committee members met everybody: officials again."
    found = list(rd.find_complex_words(_parsed(text), limit=2))
    assert [(e.span.of(text), e.weight, e.note.split("(")[1].split(")")[0]) for e in found] == [
        ("Officials", 3.0, "used 2 times"), ("everybody", 4.0, "used once")]


def test_overlong_words_skip_hyphenation(monkeypatch) -> None:  # noqa: ANN001
    from bias.features import syllables

    def refuse():  # noqa: ANN202
        raise AssertionError("pyphen must not see a word this long")

    monkeypatch.setattr(syllables, "_hyphenator", refuse)
    word = "zq" + "banana" * 20_000  # 120,002 letters: no dictionary word, past MAX_HYPHENATED
    assert syllables._rule_syllables(word) == 60_000
    assert syllables._rule_syllables("zqx" * 30) == 0  # no vowel group at all
