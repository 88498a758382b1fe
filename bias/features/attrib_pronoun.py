"""Resolving pronoun sources ("he said", "it added", "they warned") with gender and number agreement.

The rules, in order:

* ``he``/``she``: a person named in the sentences just before the pronoun's (outside quotation marks;
  nearest sentence first, up to four, not beyond the previous paragraph): in each, the leftmost name
  whose gender fits, else the leftmost full name of unknown gender ("Morag Findlay unlocks the post
  office ... she says"); failing that, the most recent earlier source that is a person whose gender
  fits or is unknown. Gender comes from a gendered title or noun ("Mrs.", "councilwoman",
  "spokesman"), a common given name in the phrase, or, for a bare surname ("Marsh"), a given name
  written before that surname elsewhere in the article ("Ellen Marsh"). Both lists are rows of the
  ``source_nouns`` lexicon (categories ``female`` and ``male``); names used by both sexes are left out,
  so an unknown gender never blocks a match, while a known, conflicting one does. When nothing fits,
  the pronoun stays unresolved (the source then counts as unnamed) rather than being guessed.
* ``it``: the most recent earlier source that is an institution, outlet or document.
* ``they``: the most recent earlier source that is plural (a plural role noun such as "officials",
  "X and Y") or an institution or outlet (collective nouns take "they" in British usage).
* ``we``/``I``: the speaker of the quotation the pronoun stands in.

All functions are pure; they read offsets into the article text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bias.corpus.parsed import Parsed
from bias.features.attrib_lexicon import Tables, classify_source, gender_of, head_kind, role_of, strip_dot
from bias.features.attrib_patterns import is_word_char
from bias.model import Span

GENDER = {"he": "male", "him": "male", "she": "female", "her": "female"}
_STOP = frozenset({"of", "for", "at", "with", "from", "in", "on", "who", "which", "to"})
_POSSESSIVE = re.compile(r"[’']s$")
_NAME_RUN = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Mme|Sir|Dame)\.?\s+)?[A-Z][\w’'\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'\-]+)*"
)


@dataclass(frozen=True, slots=True)
class Antecedent:
    """A source a later pronoun may stand for: its name as written (or resolved), kind, role, agreement."""

    name: str
    kind: str
    named: bool
    role: str
    gender: str | None = None  # known gender ("" = not looked up yet: see ``said``)
    plural: bool = False
    said: str = ""  # the phrase as written, for a gender look-up on demand


def head_words(text: str) -> list[str]:
    """The words of a source phrase before its first modifier ("A spokesman for Mills" -> A spokesman)."""
    out = []
    for w in text.split():
        low = strip_dot(w)
        if low in _STOP or out and (low.endswith("ing") and len(low) > 5 or low.endswith("ed")):
            break
        out.append(w.rstrip(","))
        if w.endswith(","):
            break
    return out


def person_gender(tables: Tables, phrase: str, text: str) -> str | None:
    """ "female", "male" or None for a person named by ``phrase`` (see the module docstring)."""
    words = [w.strip(",") for w in head_words(phrase)]
    own = [w for w in words if not _POSSESSIVE.search(w)]
    g = gender_of(tables, own)
    if g is not None or not own:
        return g
    last = _POSSESSIVE.sub("", own[-1]).rstrip(".")
    if not last[:1].isupper():
        return None
    for given in given_names_before(last, text):
        g = tables.genders.get(given.lower())
        if g is not None:
            return g
    return None


# Read backwards from a surname: spaces, an optional initial ("A. "), spaces, a capitalized word (group 1).
_GIVEN_BEFORE_REV = re.compile(r"(?:\s+\.[A-Z])?\s+([a-z]+[A-Z])")


def given_names_before(surname: str, text: str) -> Iterator[str]:
    """The capitalized words written before ``surname`` (starting with a capital), optionally with an initial
    between ("Ellen Marsh", "Tom A. Marsh"), left to right.

    These are group 1 of the matches of ``\\b([A-Z][a-z]+)\\s+(?:[A-Z]\\.\\s+)?SURNAME\\b`` found by
    ``finditer``, read backwards from each occurrence of the surname (such a match is fixed by the
    occurrence it ends at, and does not start before the end of the previous match).
    """
    n, last = len(surname), is_word_char(surname[-1])
    pos, q = 0, text.find(surname)
    while q >= 0:
        j = q + n
        m = None
        if (j < len(text) and is_word_char(text[j])) != last:
            m = _GIVEN_BEFORE_REV.match(text[pos:q][::-1])
        s = q - m.end() if m else -1
        if m and not (s > 0 and is_word_char(text[s - 1])):
            yield text[s : q - m.start(1)]
            pos, q = j, text.find(surname, j)
        else:
            q = text.find(surname, q + 1)


def is_plural(tables: Tables, phrase: str) -> bool:
    """True when a source phrase names several speakers ("officials", "Smith and Jones")."""
    words = head_words(phrase)
    if not words:
        return False
    if " and " in f" {' '.join(words)} ":
        return True
    row = head_kind(tables, words[-1])
    if row is not None:
        return row.plural
    w = strip_dot(words[-1])
    return w.endswith("s") and not w.endswith("ss") and not words[-1][:1].isupper()


def mentions(parsed: Parsed, window: Span, tables: Tables) -> Iterator[tuple[re.Match[str], str | None]]:
    """Capitalized name runs in ``window`` outside quotation marks, left to right, each with the
    gender its words tell (:func:`person_gender`; None when unknown)."""
    text = parsed.text
    for m in _NAME_RUN.finditer(text, window.start, window.end):
        if parsed.in_quote(Span(m.start(), m.end())) is None:
            yield m, person_gender(tables, m.group(), text)


# Capitalized words that open a sentence without naming anyone ("The", "Last winter", "In March").
_OPENERS = frozenset({
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "of", "to", "this", "that", "these",
    "those", "last", "next", "after", "before", "when", "while", "as", "but", "and", "or", "so", "yet",
    "if", "then", "there", "here", "it", "its", "his", "her", "their", "our", "my", "your", "not",
    "no", "every", "each", "some", "all", "many", "most", "one", "two", "three",
})
_LOOK_BACK = 4  # sentences before the pronoun's, within its paragraph and the one before


def _person_like(text: str, start: int, name: str, tables: Tables) -> bool:
    """True when the capitalized run ``name`` at ``start`` reads as a person's full name: two or more
    words, not after "the" ("the Northern Brigades"), not opening with a function word ("Last
    winter"), and not made an institution, outlet or place by the source lexicon."""
    words = name.split()
    if len(words) < 2 or strip_dot(words[0]) in _OPENERS or text[max(0, start - 4) : start].lower() == "the ":
        return False
    kind = classify_source(tables, words, words, determiner=False)
    return kind is not None and kind[0] == "person"


def _nearby_people(parsed: Parsed, windows: Sequence[Span], i: int, tables: Tables,
                   want: str) -> Iterator[tuple[str, str | None]]:
    """Person names outside quotations in the sentences before sentence ``i``, nearest sentence first
    (at most :data:`_LOOK_BACK`, not beyond the previous paragraph): in each sentence the leftmost
    name whose gender is known to be ``want``, else the leftmost person-like name of unknown gender
    (an unknown gender never blocks a match; a known, conflicting one does). Yields (name, gender)."""
    text = parsed.text
    breaks = 0  # paragraph breaks crossed so far
    for k in range(i - 1, max(i - 1 - _LOOK_BACK, -1), -1):
        if "\n" in text[windows[k].end : windows[k + 1].start]:
            breaks += 1
            if breaks > 1:
                return
        unknown = None
        for m, g in mentions(parsed, windows[k], tables):
            if g == want:
                yield m.group(), g
                return
            if g is None and unknown is None and _person_like(text, m.start(), m.group(), tables):
                unknown = m.group()
        if unknown is not None:
            yield unknown, None
            return


def antecedent(
    pronoun: str,
    cue: Span,
    earlier: Sequence[Antecedent],
    *,
    parsed: Parsed,
    windows: Sequence[Span],
    tables: Tables,
) -> Antecedent | None:
    """The source a pronoun subject stands for, or None when nothing fits (see the module docstring)."""
    if pronoun in {"he", "she"}:
        want = GENDER[pronoun]
        i = bisect_right([w.start for w in windows], cue.start) - 1
        for name, g in _nearby_people(parsed, windows, i, tables, want):
            last = name.split()[-1]
            same = next((b for b in reversed(earlier) if b.kind == "person" and last in b.name.split()), None)
            if same is not None:
                return same
            return Antecedent(name, "person", True, role_of(tables, name.split()), g)
        for b in reversed(earlier):
            if b.kind != "person":
                continue
            g = b.gender if b.gender != "" else person_gender(tables, b.said, parsed.text)
            if g in {None, want}:
                return b
        return None
    if pronoun == "it":
        for b in reversed(earlier):
            if b.kind in {"organization", "media", "document"} and not b.plural:
                return b
        return None
    if pronoun == "they":
        for b in reversed(earlier):
            if (
                b.kind in {"organization", "media"}
                or b.plural
                and b.kind in {"unnamed", "vague", "confidential"}
            ):
                return b
            if b.plural and b.kind == "person":
                return b
        return None
    return None


__all__ = ["GENDER", "Antecedent", "antecedent", "head_words", "is_plural", "mentions", "person_gender"]
