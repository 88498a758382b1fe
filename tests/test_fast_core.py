"""Fast paths of the core data: Span/Evidence constructors, lazy word fields of Parsed, vocabulary."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from bias.corpus.parsed import Parsed
from bias.corpus.segment import parse
from bias.engine import wire
from bias.features import readability as rd
from bias.model import Article, Evidence, Span, trusted_span

_TEXT = "The U.S. officials said “no way” today.\n\nWell-known Officials don’t agree, officials said."


def _article(text: str = _TEXT) -> Article:
    return Article(id="t", outlet="o", title="", text=text)


def test_span_keeps_dataclass_behaviour() -> None:
    s = Span(2, 5)
    assert (s.start, s.end, len(s), repr(s)) == (2, 5, 3, "Span(start=2, end=5)")
    assert s == Span(2, 5) and s != Span(2, 6) and s != (2, 5)
    assert hash(s) == hash(Span(2, 5)) == hash((2, 5))
    assert sorted([Span(3, 4), Span(1, 9), Span(1, 2)]) == [Span(1, 2), Span(1, 9), Span(3, 4)]
    with pytest.raises(TypeError):
        _ = s < (1, 2)  # type: ignore[operator]
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 1  # type: ignore[misc]
    assert dataclasses.replace(s, end=9) == Span(2, 9)
    assert pickle.loads(pickle.dumps(s)) == s
    assert Span(start=0, end=0) == Span(0, 0)


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 4)])
def test_span_rejects_invalid_offsets(start: int, end: int) -> None:
    with pytest.raises(ValueError, match=rf"invalid span \[{start}, {end}\)"):
        Span(start, end)


def test_trusted_span_equals_span() -> None:
    t = trusted_span(3, 7)
    assert type(t) is Span and t == Span(3, 7) and hash(t) == hash(Span(3, 7))
    assert repr(t) == "Span(start=3, end=7)"


def test_evidence_keeps_dataclass_behaviour() -> None:
    ev = Evidence(Span(0, 3), "f", "k", "l", 1.5, "n")
    same = Evidence(span=Span(0, 3), feature="f", kind="k", label="l", weight=1.5, note="n")
    assert ev == same and hash(ev) == hash(same)
    assert repr(ev) == ("Evidence(span=Span(start=0, end=3), feature='f', kind='k', label='l', weight=1.5, "
                        "note='n')")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ev.note = "x"  # type: ignore[misc]
    assert dataclasses.replace(ev, weight=2.0).weight == 2.0
    assert pickle.loads(pickle.dumps(ev)) == ev


def test_parse_builds_words_lazily_and_equal_to_eager_parsed() -> None:
    parsed = parse(_article())
    assert parsed.word_starts[:3] == (0, 4, 9) and parsed.word_ends[:3] == (3, 8, 18)
    assert parsed.word_texts[:3] == ("The", "U.S.", "officials")
    assert parsed.word_lower[7:11] == ("well-known", "officials", "don’t", "agree")
    words = parsed.words
    assert words[:2] == (Span(0, 3), Span(4, 8))
    assert parsed.words is words  # built once, then stored
    eager = Parsed(parsed.article, parsed.paragraphs, parsed.sentences, words, parsed.quotes)
    assert eager == parsed and repr(eager) == repr(parsed)
    assert eager.word_ends == parsed.word_ends and eager.word_lower == parsed.word_lower
    assert wire.loads(wire.dumps(parse(_article()))) == parsed  # as the process pool sends it


def test_parsed_unknown_attribute_still_raises() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = parse(_article()).nope  # type: ignore[attr-defined]


def test_words_in_and_count_words_in() -> None:
    parsed = parse(_article())
    q = parsed.quotes[0]
    assert parsed.words_in(q.inner) == (Span(25, 27), Span(28, 31))
    assert parsed.count_words_in(q.inner) == 2
    assert parsed.count_words_in(Span(0, 2)) == 0  # no whole word inside
    assert parsed.words_in(Span(0, len(_TEXT))) == parsed.words
    assert parse(_article("")).words == ()


def test_vocabulary_counts_each_lower_cased_word_once() -> None:
    vocab = rd.vocabulary(parse(_article("Officials met. officials left, Officials said.")))
    assert vocab == rd.Vocabulary(words=("officials", "met", "left", "said"), uses=(3, 1, 1, 1),
                                  syllables=(3, 1, 1, 1))
