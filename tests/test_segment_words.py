"""The vectorised word finder of the parse gives exactly the matches of the word pattern."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bias.corpus.words import (
    COMMA,
    DASH,
    DIGIT,
    DOT,
    JOINER,
    LETTER,
    OTHER,
    WORD,
    char_classes,
    window_table,
    word_table,
)

ROOT = Path(__file__).resolve().parents[1]


def _words(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    starts, ends, _lower = word_table(text)
    return starts, ends, tuple(text[s:e] for s, e in zip(starts, ends, strict=True))


def _reference(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    matches = list(WORD.finditer(text))
    return (tuple(m.start() for m in matches), tuple(m.end() for m in matches),
            tuple(m.group() for m in matches))


def test_words_exact() -> None:
    text = "U.S.-Mexico talks: don’t say 10,000 or $2.2 million, p.m. Mr. Perez's ‑long-standing 'no'."
    starts, ends, texts = _words(text)
    assert texts == ("U.S.-Mexico", "talks", "don’t", "say", "10,000", "or", "2.2", "million", "p.m.",
                     "Mr", "Perez's", "long-standing", "no")
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == list(texts)
    assert _words("") == ((), (), ())
    assert _words("?! --") == ((), (), ())
    assert _words("a") == ((0,), (1,), ("a",))
    assert _words("x.a.--b") == ((0, 6), (4, 7), ("x.a.", "b"))
    assert _words("A 𝟘1 é½ x_y") == ((0, 2, 5, 8, 10), (1, 4, 7, 9, 11), ("A", "𝟘1", "é½", "x", "y"))


def test_char_classes() -> None:
    classes = char_classes()
    assert [int(classes[ord(c)]) for c in "a1-’.,_ é٣½'‑"] == [
        LETTER, DIGIT, DASH, JOINER, DOT, COMMA, OTHER, OTHER, LETTER, DIGIT, LETTER, JOINER, JOINER]
    assert not classes.flags.writeable


def _window(c0: int, c1: int, c2: int, c3: int, c4: int) -> bool:
    return bool(window_table()[c0 << 12 | c1 << 9 | c2 << 6 | c3 << 3 | c4])


def test_window_table() -> None:
    assert _window(OTHER, OTHER, LETTER, OTHER, OTHER)  # any alphanumeric
    assert not _window(LETTER, LETTER, OTHER, LETTER, LETTER)
    assert _window(OTHER, LETTER, DASH, LETTER, OTHER) and _window(OTHER, DIGIT, JOINER, LETTER, OTHER)
    assert _window(OTHER, DIGIT, DOT, DIGIT, OTHER)  # "2.2"
    assert not _window(OTHER, LETTER, DASH, OTHER, LETTER)
    assert _window(OTHER, DIGIT, COMMA, DIGIT, OTHER) and not _window(OTHER, LETTER, COMMA, DIGIT, OTHER)
    assert _window(OTHER, LETTER, DOT, DASH, LETTER)  # the "." of "S.-M"
    assert _window(LETTER, DOT, DASH, LETTER, OTHER)  # the "-" of "S.-M"
    assert not _window(OTHER, OTHER, DASH, LETTER, OTHER)
    assert _window(DOT, LETTER, DOT, OTHER, OTHER)  # the final "." of "U.S."
    assert not _window(DOT, DIGIT, DOT, OTHER, OTHER) and not _window(OTHER, LETTER, DOT, OTHER, OTHER)
    assert not window_table().flags.writeable


def test_words_match_the_pattern_on_the_seeds_and_test_data() -> None:
    files = sorted(p for d in ("seeds", "tests/data") for p in (ROOT / d).rglob("*") if p.is_file())
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert _words(text) == _reference(text), path


_TRICKY = st.text(alphabet=st.sampled_from(list("ab1Z2.-,'’‑ \n_Σ9\0\t") +
                                           ["\U0001d7d8", "é", "½", "٣", "𝐀", "\ud800", "…", "“"]),
                  max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TRICKY, st.text(max_size=40)))
def test_words_match_the_pattern_on_any_text(text: str) -> None:
    assert _words(text) == _reference(text)


def test_word_table_lower_exact() -> None:
    assert word_table("ΟΔΟΣ:A İx ΣΑ Don’t") == (
        (0, 5, 7, 10, 13), (4, 6, 9, 12, 18), ("οδος", "a", "i\u0307x", "σα", "don’t"))
    assert word_table("") == ((), (), ())


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TRICKY, st.text(max_size=40)))
def test_word_table_lower_is_each_word_lowered(text: str) -> None:
    starts, ends, lower = word_table(text)
    assert lower == tuple(text[s:e].lower() for s, e in zip(starts, ends, strict=True))
