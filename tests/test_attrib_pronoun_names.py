"""given_names_before: the given names written before a surname (bias.features.attrib_pronoun)."""

from __future__ import annotations

from bias.features.attrib_lexicon import default_tables
from bias.features.attrib_pronoun import given_names_before, person_gender


def test_given_names_before_in_order() -> None:
    text = "Ellen Marsh spoke first. Later, Mayor Tom A. Marsh and the Marshes left; Marsh said no."
    assert list(given_names_before("Marsh", text)) == ["Ellen", "Tom"]


def test_given_names_before_needs_a_word_boundary() -> None:
    assert list(given_names_before("Lee", "Ann Leeds and Bob Lee")) == ["Bob"]
    assert list(given_names_before("Lee", "no surname here")) == []


def test_given_names_before_after_comma_and_newline() -> None:
    assert list(given_names_before("Osei", "Daniel,\nOsei and Ruth\n Osei")) == ["Ruth"]


def test_person_gender_from_a_given_name_elsewhere() -> None:
    text = "Ellen Marsh runs the office. Marsh said it would reopen."
    assert person_gender(default_tables(), "Marsh", text) == "female"
