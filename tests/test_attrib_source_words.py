"""The source-phrase rules that read the parsed words (bias.features.attrib_source)."""

from __future__ import annotations

from bias.corpus.segment import parse
from bias.features.attrib_lexicon import default_tables
from bias.features.attrib_source import _clause_start, left_source
from bias.model import Article


def _parsed(text: str):
    return parse(Article(id="t", outlet="o", title="t", text=text))


def test_clause_start_after_boundary_word() -> None:
    text = "He argued that the minister said it."
    p = _parsed(text)
    end = text.index(" said")
    assert _clause_start(text, 0, 0, end, default_tables(), p) == text.index(" the")


def test_clause_start_after_mark_and_none() -> None:
    text = "Prices rose, the minister said."
    p = _parsed(text)
    end = text.index(" said")
    assert _clause_start(text, 0, 0, end, default_tables(), p) == text.index(",") + 1
    assert _clause_start(text, 0, 0, text.index(","), default_tables(), p) is None


def test_clause_start_word_with_apostrophe_is_read_from_the_text() -> None:
    text = "It is what’s officials said."  # "what’s" starts with the boundary word "what"
    p = _parsed(text)
    end = text.index(" said")
    assert _clause_start(text, 0, 0, end, default_tables(), p) == text.index("’s")


def test_clause_start_as_only_after_comma() -> None:
    text = "Rates fell as officials said."
    p = _parsed(text)
    assert _clause_start(text, 0, 0, text.index(" said"), default_tables(), p) is None
    text = "Rates fell, as officials said."
    p = _parsed(text)
    assert _clause_start(text, 0, 0, text.index(" said"), default_tables(), p) == text.index(" officials")


def test_left_source_reads_subject() -> None:
    text = "Prices rose, the finance minister said on Monday."
    p = _parsed(text)
    hit, why = left_source(text, 0, text.index("said"), default_tables(), p)
    assert why == ""
    assert hit is not None and text[hit.span.start : hit.span.end] == "the finance minister"


def test_whole_word_starts() -> None:
    from bias.features.attrib_patterns import whole_word_starts

    assert list(whole_word_starts("Marsh met Marshall; Marsh_ and (Marsh).", "Marsh")) == [0, 32]
    assert list(whole_word_starts("aaa aa aa", "aa")) == [4, 7]
    assert list(whole_word_starts("x .5 a.5", ".5")) == [6]  # \b before "." needs a word character


def test_tables_framing_lemmas() -> None:
    tables = default_tables()
    forms = [f for fs in tables.cues_by_first.values() for f in fs]
    assert tables.framing == frozenset(f.lemma for f in forms if f.needs == "alone")
    assert "in a statement" in tables.framing
