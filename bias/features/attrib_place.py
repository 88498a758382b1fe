"""Commas inside a place name before a verb ("Nogales, Sonora disclosed", "El Paso, Texas, said"), told
apart from an opening phrase before the subject ("On Tuesday, Whitlow said"), for the clause scan of
:mod:`bias.features.attrib_source`."""

from __future__ import annotations

from bias.features.attrib_lexicon import PRONOUNS, Tables, head_kind, strip_dot
from bias.features.attrib_patterns import LETTERS_SPACE_REV, last_run

# Words that show a capitalized run before a comma is an opening phrase, not a place ("On Tuesday,
# Whitlow said", "Asked about the talks on Friday, Whitlow said"): its first word, or a day or month
# as its last word.
_OPENING_FIRST = frozenset({"on", "in", "at", "during", "after", "before", "since", "until", "by", "last",
                            "this", "next", "earlier", "later", "speaking", "asked", "when", "while", "as"})
_DAYS_MONTHS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                          "january", "february", "march", "april", "may", "june", "july", "august",
                          "september", "october", "november", "december"})


def city_state_comma(text: str, lo: int, j: int, end: int, tables: Tables) -> bool:
    """A comma inside a place name ("Nogales, Sonora disclosed" / "El Paso, Texas, said")."""
    after = text[j + 1 : end].split()
    before = last_run(text, lo, j, LETTERS_SPACE_REV)
    if not (
        len(after) == 1
        and after[0][:1].isupper()
        and head_kind(tables, after[0]) is None
        and strip_dot(after[0]) not in PRONOUNS
        and before is not None
        and text[before[0]].isupper()
    ):
        return False
    words = text[before[0] : before[1]].lower().split()  # type: ignore[index]
    return not (words[0] in _OPENING_FIRST or words[-1] in _DAYS_MONTHS)
