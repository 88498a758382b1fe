"""What the rest of the text tells about capitalized words near a cue, for
:mod:`bias.features.attrib_source`: a comma inside a place name ("Nogales, Sonora disclosed", "El Paso,
Texas, said") told apart from an opening phrase ("On Tuesday, Whitlow said"), and a company's short
name ("Corran said" after "Corran Energy")."""

from __future__ import annotations

from bias.features.attrib_lexicon import PRONOUNS, Tables, head_kind, strip_dot
from bias.features.attrib_patterns import LETTERS_SPACE_REV, MONTHS, WEEKDAYS, last_run
from bias.features.attrib_pronoun import given_names_before

# Words that show a capitalized run before a comma is an opening phrase, not a place ("On Tuesday,
# Whitlow said", "Asked about the talks on Friday, Whitlow said"): its first word, or a day or month
# as its last word.
_OPENING_FIRST = frozenset({"on", "in", "at", "during", "after", "before", "since", "until", "by", "last",
                            "this", "next", "earlier", "later", "speaking", "asked", "when", "while", "as"})


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
    return not (words[0] in _OPENING_FIRST or words[-1] in WEEKDAYS | MONTHS)


def short_company_name(text: str, word: str, tables: Tables) -> bool:
    """True when ``word`` is written elsewhere in ``text`` as the first word of a company or
    institution name ("Corran" and "Corran Energy"), so on its own it names that body; not when a
    given name stands before it too ("Graham Mayhew" and "Mayhew Construction": a person)."""
    key = word + " "
    i = text.find(key)
    while i != -1:
        after = text[i + len(key) : i + len(key) + 24].split(" ", 1)[0].rstrip(".,;:’'")
        if after[:1].isupper() and any(r.kind == "org_word" for r in tables.nouns.get(after.lower(), ())):
            return next(given_names_before(word, text), None) is None
        i = text.find(key, i + 1)
    return False
