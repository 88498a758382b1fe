"""Sources after a reporting cue ("said X", "according to X") and clause subjects ("X went further,
saying ..."): the rightward and subject rules of the source finder (see :mod:`attrib_source`).

Pure functions on offsets into the article text, returning a :class:`SourceHit` or None.
"""

from __future__ import annotations

import re

from bias.features import attrib_patterns as pat
from bias.features.attrib_lexicon import Tables, head_kind, is_acronym, is_capitalized, strip_dot, tokens
from bias.features.attrib_patterns import WORD_SPACE_REV, last_run
from bias.features.attrib_source import DETERMINERS, SourceHit, phrase_from
from bias.features.attrib_window import abbrev_before as _abbrev_before

_COMMA = re.compile(r",")
_TRAILING_DATE = re.compile(r"\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")
_SENTENCE_MARK = re.compile(r"[.!?](?=\s|$|[”\"’])")
NOUN_DETERMINERS = DETERMINERS - {"that"}  # "the report": a noun, not a cue
_RIGHT_STOP = re.compile(
    r",\s*(?:after|before|during|in|on|at|when|while|who|which|whose|referring|adding|"
    r"according|citing|noting|saying|as|because|speaking|told|said)\b|[;:“\"]|\s[—–]\s|\s--\s"
    r"|\s(?:because|although|though|whereas)\s"  # a reason or concession ends the source phrase
)
_WEEKDAY = pat.WEEKDAYS | {"yesterday", "today", "tonight"}


def right_source(
    text: str, start: int, hi: int, tables: Tables, *, appositions: bool = True
) -> SourceHit | None:
    """The source after a cue ("said X, who ...", "according to X, ..."), up to ``hi``.

    With ``appositions`` a comma followed by an apposition ("said Jane Doe, a migrant advocate")
    continues the phrase; otherwise the phrase ends at the first comma (except "City, State").
    """
    while start < hi and text[start] in " \t,":
        start += 1
    stop = _RIGHT_STOP.search(text, start, hi)
    end = stop.start() if stop else hi
    for m in _COMMA.finditer(text[start:end]):
        k = start + m.start()
        nxt = text[k + 1 : end].split()
        if not nxt:
            end = k
            break
        first = nxt[0].lower()
        if appositions and (
            first in {"a", "an", "the", "executive", "chief", "senior", "former", "director", "head"}
            or head_kind(tables, nxt[0]) is not None
            or first[:1].isdigit()
        ):
            continue
        if nxt[0][:1].isupper() and len(nxt) == 1:
            continue
        end = k
        break
    date = _TRAILING_DATE.search(text[start:end])
    if date:
        end = start + date.start()
    # sentence end that is not an abbreviation
    for m in _SENTENCE_MARK.finditer(text[start:end]):
        k = start + m.start()
        if not _abbrev_before(text, start, k):
            end = k
            break
    first = text[start:end].split(" ", 1)[0].lower().strip(",")
    if not first or first in _WEEKDAY or first in {"that", "to", "in", "on", "at", "it"}:
        return None
    hit = phrase_from(text, start, end, tables)
    if hit is None:
        return None
    # keep a trailing "(@handle)" of an embedded post, drop a trailing time word ("said X Tuesday")
    return hit


def is_noun_use(text: str, lo: int, cue_start: int) -> bool:
    """True when the cue word follows a determiner or a possessive ("the report", "any statements",
    "the Council's reports", "Reuters' reports")."""
    if pat.POSSESSIVE_BEFORE.search(text, max(lo, cue_start - 12), cue_start):
        return True
    run = last_run(text, max(lo, cue_start - 40), cue_start, WORD_SPACE_REV)
    return run is not None and text[run[0] : run[1]].lower() in NOUN_DETERMINERS


def capital_subject(text: str, lo: int, hi: int, tables: Tables) -> SourceHit | None:
    """The noun phrase that opens a clause (for "X went further, saying ...")."""
    toks = tokens(text[lo:hi])
    n = 0
    for _s, _e, w in toks:
        if is_capitalized(w) or is_acronym(w) or head_kind(tables, w) or strip_dot(w) in DETERMINERS:
            n += 1
        else:
            break
    if not n:
        return None
    return phrase_from(text, lo + toks[0][0], lo + toks[n - 1][1], tables)


_NEXT_WORD = re.compile(r"\s+([A-Za-z’'-]+)")
_OBJECT_WORDS = """
    that to of on about against for in at with over by from as the a an his her their its our my your this
    these those he she they it we i him them us me what how why whether if
"""
_OBJECT_START = frozenset(_OBJECT_WORDS.split())
_BY_NOT_AGENT = frozenset({"far", "phone", "telephone", "email", "video", "letter"})


def modifier_use(word: str, after: str) -> bool:
    """True when an "-ed" cue after "and" modifies the noun that follows ("low snowfall and repeated summer
    heat waves"), not a second reporting verb ("said ... and warned that", "and praised his goalkeeper")."""
    m = _NEXT_WORD.match(after)
    if not word.endswith("ed") or m is None:
        return False
    nxt = m.group(1)
    return nxt.islower() and nxt not in _OBJECT_START and not nxt.endswith("ly")


def is_noun_after_by(text: str, pos: int, hi: int) -> bool:
    """True when "by" + a name or noun phrase follows ``pos`` (not "by far", "by phone", "by 5%")."""
    m = pat.BY.match(text, pos, hi)
    if m is None:
        return False
    nxt = _NEXT_WORD.match(text, m.end() - 1, hi)
    return nxt is not None and nxt.group(1).lower() not in _BY_NOT_AGENT
