"""The words the scare-quote rule reads outside quotation marks."""

from __future__ import annotations

from bias.features.voice import _lower_words


def test_lower_words_exact() -> None:
    text = "He SAID: “no” — Don’t, U.S. 10,000"
    assert _lower_words(text, 0, len(text)) == ["he", "said", "no", "don", "t", "u", "s", "10", "000"]
    assert _lower_words(text, 3, 7) == ["said"]
    assert _lower_words(text, 7, 3) == []


def test_lower_words_letters_whose_lower_case_differs() -> None:
    # "İ" lower-cases to two characters and a final sigma depends on its neighbours: word by word
    assert _lower_words("İSAID ΟΔΟΣ:Α x", 0, 14) == ["i̇said", "οδος", "α", "x"]
    assert _lower_words("ΟΔΟΣ’Α", 0, 6) == ["οδος", "α"]
