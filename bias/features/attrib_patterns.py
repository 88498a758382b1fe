"""Word sets and regular expressions of the attribution rules (:mod:`bias.features.attrib_find`),
compiled once per process and named by what they find."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import repeat

PASSIVE = frozenset(["was", "were", "is", "are", "been", "being", "be"])
CONFIDENTIAL = re.compile(
    r"condition of anonymity|on condition (?:that )?(?:he|she|they) not be (?:named|identified)|"
    r"asked not to be (?:named|identified)|declined to be (?:named|identified)|requested anonymity|"
    r"(?:was|were|is|are|wasn’t|weren’t) not authori[sz]ed to|speaking anonymously|familiar with",
    re.I,
)
# Every match of CONFIDENTIAL holds one of these, lower-cased ("anonymity", "not be named", "declined",
# "familiar"); re.I matches their letters only as ASCII letters, so a text whose lower-cased copy
# holds none of them in a range has no match of CONFIDENTIAL there.
CONFIDENTIAL_WORDS = ("anonym", "not ", "decl", "fam")
REASON = re.compile(
    r"\b(?:because|since|given|as (?:he|she|they) (?:was|were|is|are))\b[^.;,“”\"]*|"
    r"\bnot authori[sz]ed to [^.;,“”\"]*|\bto (?:discuss|describe|speak about) [^.;,“”\"]*",
    re.I,
)
CLAUSE_AFTER = re.compile(r"\s*(?:[,.;:!?“\"‘—]|that\b|$)|(?:\s+[^\s,.;“”]+){1,6}?\s+that\b")


# A short introductory phrase before the subject ("In a statement, X said ..."): never the content.
OPENER = re.compile(
    r"\s*(?:in|on|at(?!\s+(?:least|most)\b)|during|after|before|earlier|later|speaking|asked|in an?|on an?)\b"
    r"[^,]{0,40},$", re.I
)
# A reason or concession right after a source ("according to a doctor ... because he feared
# reprisals"): not what the source said.
AFTER_REASON = re.compile(r"\s*(?:because|although|though|whereas)\b", re.I)
MODALS = frozenset(
    ["do", "did", "does", "will", "would", "could", "can", "may", "might", "should", "must", "to"]
)
LETTER = re.compile(r"[^\W_]")
TRAILING_JOINERS = re.compile(r"(?:[\s,;]|\b(?:and|but|while|though|although|whereas|then)\b)*$")
CONJUNCTION = re.compile(r"\b(?:and|but|while|though|although|whereas)\b")
LAST_WORD = re.compile(r"([A-Za-z’']+)\W*$")
BY = re.compile(r"\s+by\s+")
PASSIVE_REPORT = re.compile(r"(?:\s+[^\s,.;]+){0,4}?\s+that\b|\s*[:,]?\s*[“\"]|\s+to\s+(?:be|have)\b")
QUOTE_MARK = re.compile(r"[“\"]")
THAT = re.compile(r"\s+that\b")
# An object right after a verb: a word that is not a preposition ("described a quiet man", not
# "described in the case").
OBJECT = re.compile(
    r"\s+(?!(?:in|on|at|by|as|to|from|with|for|of|during|after|before|over|under|about|since|until)\b)[^\W\d_]",
    re.I,
)
# An age after a name, left when an insertion after it is dropped ("Hana Suleiman, 34").
AGE_TAIL = re.compile(r",\s*\d{1,3}$")
# "who" right before a clause start, after a word (no comma): a relative clause inside the subject.
RELATIVE_BEFORE = re.compile(r"(?<=[^\W\d_])\s+who\s*$", re.I)
# A possessive right before a cue makes the cue a noun ("the Council's reports", "Reuters' reports").
POSSESSIVE_BEFORE = re.compile(r"[^\W\d_](?:['’]s|s['’])\s+$")
# "reports of shelling", "reports about the row", "claims of fraud": the plural noun, not the verb.
PLURAL_NOUN_CUE = re.compile(r"(?:reports\s+(?:of|about)|claims\s+of)\b", re.I)
PREPOSITION_START = re.compile(
    r"(?:in|on|at|from|with|for|of|to|by|into|onto|over|under|after|before|during|since|until)\s", re.I
)
# Everything after a cue up to the end of its sentence is a time ("reports next week", "will testify
# later this month", "said on Monday."): the verb reports nothing in this sentence.
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"])
_TIME_WORD = (r"(?:today|tonight|tomorrow|yesterday|now|soon|later|earlier|again|\d{1,4}(?:st|nd|rd|th)?|"
              r"week(?:end)?|month|year|quarter|morning|afternoon|evening|night|"
              + "|".join(sorted(WEEKDAYS | MONTHS)) + ")")
_TIME_LINK = r"(?:on|in|at|by|until|next|last|this|that|the|of|each|every|early|late)"
TIME_ONLY = re.compile(r"(?:\s+" + _TIME_LINK + r")*\s+" + _TIME_WORD + r"(?:\s+(?:" + _TIME_LINK[3:-1] + "|"
                       + _TIME_WORD[3:-1] + r"))*\s*[.!?]?\s*$", re.IGNORECASE)
FROM_BY = re.compile(r"\s+(?:from|by)\s+[^,;.“”\"]+")
PLAIN_RUN = re.compile(r"\s*([^,;.“”\"]+)")
COLON_QUOTE = re.compile(r":\s*[“\"]")
DASH_CREDIT = re.compile(r"[”\"]\s*(—|–|--)\s*|^(—|–|--)\s*", re.M)
_DASH_AFTER_QUOTE = re.compile(r"[”\"]\s*(—|–|--)\s*")  # DASH_CREDIT's first branch
_DASH = re.compile(r"(—|–|--)\s*")  # its second, at a line start
HANDLE = re.compile(r"\s*\(@\w+\)")
DATELINE = re.compile(r"\s*[A-Z][a-z]+ \d{1,2}, \d{4}")
FOLLOW_ON = re.compile(r",\s*(?:adding|saying|noting|citing|according to)\b")
FOLLOW_ON_OPEN = re.compile(r",\s*(?:adding|saying|noting|citing|according to)")  # FOLLOW_ON minus \b
WORD_CHAR = re.compile(r"\w")
CONTENT_START = re.compile(r"(?:\s+[^\s,.;“”\"]+){0,8}?\s+that\s+|\s*[,:]?\s*")
GAP_BEFORE = re.compile(r"[ \t,—–-]*")
GAP_AFTER = re.compile(r"[ \t,:]*")
BOUNDARY = re.compile(r"\b")


def last_run(text: str, lo: int, hi: int, reverse: re.Pattern[str]) -> tuple[int, int] | None:
    """``(start, end)`` of group 1 of ``reverse`` matched on ``text[lo:hi]`` read backwards, or None.

    With ``reverse = (X+)`` this is where ``(X+)$`` searched in ``text[lo:hi]`` matches, and with
    ``reverse = \\s*(X+)`` where ``(X+)\\s*$`` does (X without whitespace), but one anchored
    match instead of a search that tries every start position.
    """
    m = reverse.match(text[lo:hi][::-1])
    return None if m is None else (hi - m.end(1), hi - m.start(1))


def is_word_char(ch: str) -> bool:
    """True for a character ``\\w`` matches (a Unicode letter, digit or "_")."""
    return ch.isalnum() or ch == "_"


def whole_word_starts(text: str, word: str) -> Iterator[int]:
    """Where ``\\bword\\b`` matches in ``text`` (``word`` non-empty), left to right, found with
    ``str.find`` (a word boundary: a word character on one side only, the text's ends counting as
    non-word characters)."""
    n, first, last = len(word), is_word_char(word[0]), is_word_char(word[-1])
    i = text.find(word)
    while i >= 0:
        j = i + n
        before = i > 0 and is_word_char(text[i - 1])
        if before != first and (j < len(text) and is_word_char(text[j])) != last:
            yield i
            i = text.find(word, j)
        else:
            i = text.find(word, i + 1)


_WORD_PART_RUN = re.compile(r"[A-Za-z’']*")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def last_word(text: str, lo: int, hi: int) -> str:
    """Group 1 of ``LAST_WORD.search(text[lo:hi])``, or "" when it does not match.

    That match covers everything after the last word character (``\\W*``), so it is the run of
    letters and apostrophes around the last word character when that is an ASCII letter, else
    the first run of apostrophes after it.
    """
    k = hi
    while k > lo and not (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    if k > lo and text[k - 1] in _ASCII_LETTERS:
        run = last_run(text, lo, k, WORD_REV)
        return text[run[0] : _WORD_PART_RUN.match(text, k, hi).end()]  # type: ignore[index,union-attr]
    for i in range(k, hi):
        if text[i] in "’'":
            return text[i : _WORD_PART_RUN.match(text, i, hi).end()]  # type: ignore[union-attr]
    return ""


# Reversed forms of end-anchored patterns, for :func:`last_run`.
WORD_REV = re.compile(r"([A-Za-z’']+)")  # (word)$
LETTERS_REV = re.compile(r"([A-Za-z]+)")  # (letters)$
WORD_SPACE_REV = re.compile(r"\s*([A-Za-z’']+)")  # (word)\s*$
LETTERS_SPACE_REV = re.compile(r"\s*([A-Za-z]+)")  # (letters)\s*$
DOTTED_REV = re.compile(r"([A-Za-z.]+)")  # (letters and dots)$


def dash_credits(text: str) -> Iterator[tuple[int, int, int, bool]]:
    """``(dash start, dash end, match end, after a quotation mark)`` for each match of ``DASH_CREDIT``
    in ``text``, in order.

    The same matches as ``DASH_CREDIT.finditer(text)``, but its second branch is only tried at line
    starts (so the first, which opens with a quotation mark, can skip ahead). A match never holds the
    start of another candidate, except a line start inside a first-branch match ('”\\n— X'),
    which the search then passes over.
    """
    lines = [0]
    i = text.find("\n")
    while i >= 0:
        lines.append(i + 1)
        i = text.find("\n", i + 1)
    found = [(m.start(), m.start(1), m.end(1), m.end(), True) for m in _DASH_AFTER_QUOTE.finditer(text)]
    at_lines = filter(None, map(_DASH.match, repeat(text), lines))
    found += [(m.start(), m.start(1), m.end(1), m.end(), False) for m in at_lines]
    found.sort()
    end = 0
    for start, a, b, e, quoted in found:
        if start >= end:
            yield a, b, e, quoted
            end = e
