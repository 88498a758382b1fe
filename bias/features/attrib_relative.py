"""The source of a cue inside a relative clause: "Dean Whitcombe, a night guard, who said he saw ...",
"the newsletter Byte Street, which said it had obtained ...".

The relative pronoun stands for the noun phrase before the comma that opens the clause. That phrase
is read forwards (:func:`bias.features.attrib_right.right_source`, appositions included) from the
nearest word before the comma that can start a noun phrase (a capital or a determiner), and extended
leftwards over capitalized words, determiners and source nouns ("Dean Whitcombe, a night guard"),
never over other lower-case words ("The jury heard from ..." stays outside).
"""

from __future__ import annotations

import re

from bias.features.attrib_lexicon import Tables, strip_dot
from bias.features.attrib_right import right_source
from bias.features.attrib_source import DETERMINERS, POSTMODIFIERS, SourceHit

_WORD = re.compile(r"[^\W_][\w’'\-.]*")
_MAX_BACK = 160  # characters scanned before the comma (a subject is short)


# The relative clause is the anonymity formula, not speech ("who asked not to be named").
_ANONYMITY = re.compile(r"\s+(?:not\s+to\s+be|that\s+(?:his|her|their)\s+names?)\b", re.I)
# Prepositions that take the object of a verb before them ("heard from X, who said"): the phrase after
# them can stand alone. After any other ("an official in Al-Hadra, who"), the head comes before it.
_VERB_PREPOSITIONS = frozenset({"from", "to", "by", "with"})


def relative_source(text: str, lo: int, pronoun_start: int, tables: Tables, cue_end: int) -> SourceHit | None:
    """The source phrase that "who"/"which" at ``pronoun_start`` stands for, or None when the pronoun
    does not follow a comma, the clause is the anonymity formula, or no source phrase ends at that
    comma (``cue_end``: the end of the cue after the pronoun)."""
    if _ANONYMITY.match(text, cue_end):
        return None
    c = pronoun_start
    while c > lo and text[c - 1].isspace():
        c -= 1
    if c <= lo or text[c - 1] != ",":
        return None
    comma = c - 1
    words = list(_WORD.finditer(text, max(lo, comma - _MAX_BACK), comma))
    best: SourceHit | None = None
    after_preposition = False  # the words left of ``best`` so far include a preposition
    for m in reversed(words):
        w = m.group()
        low = strip_dot(w)
        if best is not None and not (w[:1].isupper() or low in DETERMINERS or low in tables.heads):
            if low in POSTMODIFIERS and not after_preposition:
                if low in _VERB_PREPOSITIONS:
                    break  # "heard from Dean Whitcombe": keep the phrase after it
                after_preposition = True  # "an official in Al-Hadra": look for the head on the left
                continue
            if not after_preposition:
                break  # a lower-case word that is no part of a noun phrase: the clause goes on left
        if not (w[:1].isupper() or low in DETERMINERS):
            continue
        hit = right_source(text, m.start(), comma, tables)
        if hit is None or text[hit.span.end : comma].strip():
            continue
        if after_preposition and not (hit.head and strip_dot(hit.head[-1]) in tables.heads):
            continue
        best = hit
        if after_preposition:
            break
    if best is None or best.kind == "pronoun" or after_preposition and not (
            best.head and strip_dot(best.head[-1]) in tables.heads):
        return None
    return best
