"""The small text tests of bias/features/attrib_checks.py, with exact answers."""

from __future__ import annotations

from bias.features.attrib_checks import comma_before, first_word, name_elsewhere


def test_first_word() -> None:
    assert first_word("  -- Ana said", 0) == 5
    assert first_word("said", 2) == 2
    assert first_word("... !!", 1) == 1  # no letter: the offset itself


def test_comma_before() -> None:
    assert comma_before("Ana, \t said", 7) is True
    assert comma_before("Ana said", 4) is False
    assert comma_before("said", 0) is False


def test_name_elsewhere() -> None:
    text = "Rose said no. Later, Rose agreed. A rose bloomed."
    assert name_elsewhere(text, "Rose", 0) is True  # "Rose" also stands inside a sentence
    assert name_elsewhere("Rose said no. The end.", "Rose", 0) is False  # only at a sentence start
