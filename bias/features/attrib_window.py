"""Sentence-like search windows for the attribution rules, and which dots end a sentence.

The attribution rules search for a cue's source and content inside one window, so a source phrase
never runs across a sentence end ("... voting no. The board claimed" gives "The board"). A dot after
an abbreviation ends a window only when the abbreviation can end a sentence and the next word says
so (see :func:`abbrev_before`).
"""

from __future__ import annotations

import re

from bias.features.attrib_patterns import DOTTED_REV, last_run
from bias.model import Span, trusted_span


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_SENT = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


# Abbreviations whose dot never ends a sentence: titles that stand before a name ("Sen. Hall").
_TITLE_ABBREV = _words(
    """
    mr mrs ms dr gen sen rep gov lt col capt cmdr sgt st prof ft mt adm supt det insp amb pres rev hon
    """
)
# Abbreviations whose dot is a sentence end unless a number follows ("No. 5", "Aug. 12", "vs. 3").
_NUMBER_ABBREV = _words(
    """
    no nos vol art fig pp rm apt aug sept oct nov dec jan feb vs
    """
)
# Abbreviations that may end a sentence ("... in the U.S. The board said"): a break when the next word
# is one that usually opens a sentence.
_END_ABBREV = _words(
    """
    u.s u.k u.n inc corp co ltd dept jr sr
    """
)
_OPENERS = _words(
    """
    The A An He She It They We I But And In On At As For If When While After Before This That These
    Those His Her Their Its Our There However Meanwhile Still Yet So Then Now Some Many Most Officials
    """
)
_NEXT_WORD = re.compile(r"[\s\"'“”‘’(\[]*([^\W_]+)")
# The longest abbreviation above: a dot after more ASCII letters than that closes no abbreviation.
_MAX_ABBREV = max(map(len, _TITLE_ABBREV | _NUMBER_ABBREV | _END_ABBREV))


def abbrev_before(text: str, lo: int, j: int) -> bool:
    """True when the dot at ``j`` closes an abbreviation rather than a sentence.

    Initials ("Antoinette T. Bacon") and titles ("Cmdr.") never end a sentence; "No."/"Aug." do unless
    a number follows; "U.S."/"Inc." do when the next word usually opens a sentence ("The", "He").
    """
    k = j - _MAX_ABBREV - 1
    if k >= lo and text[k:j].isalpha() and text[k:j].isascii():
        return False  # a word longer than any abbreviation (the common case, decided without a search)
    # The run of letters and dots that ends at ``j``: searched in the last 64 characters, and in
    # all of ``text[lo:j]`` only when the run may reach further back (same match as a full search).
    a = max(lo, j - 64)
    run = last_run(text, a, j, DOTTED_REV)
    if run is not None and run[0] == a and a > lo:
        run = last_run(text, lo, j, DOTTED_REV)
    if not run:
        return False
    w = text[run[0] : run[1]].lower()
    if len(w.replace(".", "")) == 1 or w in _TITLE_ABBREV:
        return True
    nxt = _NEXT_WORD.match(text, j + 1)
    following = nxt.group(1) if nxt else ""
    if w in _NUMBER_ABBREV:
        return following[:1].isdigit()
    if w in _END_ABBREV:
        return following not in _OPENERS
    return False


def windows(text: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
    """Sentence-like search windows that do not break after abbreviations ("Cmdr.", "T.", "U.S.")."""
    out = []
    for p in paragraphs:
        start = p.start
        for m in _SENT.finditer(text, p.start, p.end):
            dot = m.start()
            if text[dot] == "." and abbrev_before(text, start, dot):
                continue
            # the window ends after the closing marks, before the spaces (``start <= dot < that end``)
            out.append(trusted_span(start, dot + len(m.group().rstrip())))
            start = m.end()
        if start < p.end:
            out.append(trusted_span(start, p.end))
    return tuple(out)
