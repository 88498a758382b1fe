"""CONFIDENTIAL_WORDS: every match of CONFIDENTIAL holds one of them (bias.features.attrib_patterns)."""

from __future__ import annotations

import pytest

from bias.features.attrib_patterns import CONFIDENTIAL, CONFIDENTIAL_WORDS

PHRASES = [
    "spoke on Condition of Anonymity",
    "on condition that she not be named",
    "on condition they not be identified",
    "asked not to be named",
    "DECLINED to be identified",
    "requested anonymity",
    "wasn’t not authorised to",
    "were not authorized to",
    "speaking anonymously",
    "people familiar with the talks",
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_every_match_holds_a_word(phrase: str) -> None:
    m = CONFIDENTIAL.search(phrase)
    assert m is not None
    assert any(w in m.group().lower() for w in CONFIDENTIAL_WORDS)


def test_words_are_lower_case() -> None:
    assert CONFIDENTIAL_WORDS == ("anonym", "not ", "decl", "fam")


def test_dash_credits() -> None:
    from bias.features.attrib_patterns import dash_credits

    text = "“We will stay,” — Jane Doe\n— ICE spokesperson\nA--B ”\n— X"
    assert list(dash_credits(text)) == [(16, 17, 18, True), (27, 28, 29, False), (53, 54, 55, True)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("officials have ", "have"),
        ("the county’s ", "county’s"),
        ("as he ‘", "he"),
        ("in the U.S. ", "S"),
        ("about 40 ", ""),
        ("the 1990s’ ", "s’"),
        ("about 40’ ", "’"),
        ("", ""),
    ],
)
def test_last_word(text: str, word: str) -> None:
    from bias.features.attrib_patterns import LAST_WORD, last_word

    assert last_word(text, 0, len(text)) == word
    m = LAST_WORD.search(text)
    assert (m.group(1) if m else "") == word
