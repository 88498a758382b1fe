"""Segmentation: paragraphs, sentences, words and quotations of a cleaned article.

:func:`parse` runs once per article; every extractor reads the resulting :class:`Parsed` and none
re-tokenises the text. Everything is a :class:`~bias.model.Span` into ``Article.text`` and every
tuple is sorted by start offset. The rules are hand-written for English news copy (no model, no
download) and tuned to be fast: one regular-expression pass per unit, Python only at the few
candidate sentence ends and quotation marks.

Paragraphs
    Non-empty lines, trimmed of surrounding whitespace.

Sentences
    Never cross a paragraph, so a heading or list item without final punctuation is its own
    sentence. A leading list marker (``- ``, ``* ``, ``• ``, ``— ``, ``1. ``, ``2) ``) is not part
    of the sentence. A candidate end is ``.``, ``!``, ``?`` or an ellipsis, optionally followed by
    closing marks (``”`` ``"`` ``’`` ``)`` ...), then whitespace. It is a boundary when:

    * the next word (after any opening mark) starts with a lower-case letter: never;
    * ``!`` / ``?`` or a closing mark after the terminator (``waiting.” The``): always;
    * an ellipsis (``…``, ``...``, ``. . .``): only before a capitalised word (``failure. . . .
      Right now`` ends, ``migrants . . . so we`` does not); the ellipsis stays with the first part;
    * a period after a title (``Mr.``, ``Dr.``, ``Gen.``, ``Cmdr.``, ``St.`` ...): never; after an
      initial (``Antoinette T. Bacon``, ``J. R. R. Tolkien``): only before a number;
    * after ``No.`` / ``Aug.`` / ``Sept.`` etc.: not before a number (``No. 5``, ``Aug. 9``);
    * after ``a.m.`` / ``p.m.``: yes, unless the next word continues the time (a time zone such
      as ``ET`` or ``Eastern``, or a weekday): ``at 5 p.m. The next day`` ends, ``5 p.m. EST``
      does not;
    * after a dotted acronym (``U.S.``, ``D.C.``): only when the next word is a common
      sentence opener (``The``, ``He``, ``But`` ...), so ``U.S. Customs`` stays together;
    * after any other word (including ``Jr.``, ``Inc.``, ``Co.``): yes.

    Decimals (``$2.2 million``) and glued forms (``U.S.-Mexico``) are never candidates because no
    whitespace follows the period. No sentence is empty or starts/ends with whitespace, and a
    piece with no letter or digit (``?! ...``) is never split off on its own. Known limits: a
    sentence that really ends on ``U.S.`` before a name, or on an initial (``Plan B.``), runs on.

Words
    Runs of letters and digits joined by internal apostrophes (``don’t``), hyphens
    (``long-standing``), periods (``2.2``) or digit-group commas (``10,000``). A dotted acronym
    keeps its final period (``U.S.``, ``p.m.``, ``U.S.-Mexico``). Punctuation alone is never a word.
    Found by :func:`bias.corpus.words.word_table`.

Quotations
    Only outer quotations are returned: in ``“He said ‘no’ to me”`` the single quote is nested
    and not listed. Double marks (``“ ”`` and straight ``"``) are read by context: a mark after
    whitespace (or the paragraph start) and before a non-space opens, one after a non-space and
    before whitespace or punctuation closes; a straight mark with no clear context alternates
    (opens when no quotation is open, else closes). Nested double quotations are balanced, and a
    straight mark closes a curly opening (mixed marks are common in scraped copy). Single curly
    marks are a quotation only when ``‘`` starts a word (not a decade such as ``‘90s``) and a
    later ``’`` ends a word before a non-letter in the same paragraph, so apostrophes
    (``don’t``, ``Panama’s``, ``rock’n’roll``, ``’90s``) never open or close anything.
    A quotation never crosses a paragraph. One still open at the paragraph's end is cut there
    (``closed=False``), except that when the paragraph ends on a closing double mark the outer
    quotation is taken to close there (``“... spoke of “100%” ... “the officer in their
    pocket.’”``). When an unclosed quotation's paragraph is followed by one that opens with a
    quotation mark (the news convention for long quotations), that paragraph's first quotation
    gets ``paragraph_continued=True``. Quotations with no letter or digit inside are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import starmap

from bias.corpus.parsed import Parsed, Quote
from bias.corpus.words import word_table
from bias.model import Article, Span, trusted_span

_PARA = re.compile(r"\S(?:[^\n]*\S)?")
_LIST_MARK = re.compile(r"(?:[-–—•*·▪‣►]|\(?\d{1,3}[.)])\s+(?=\S)")
# The pattern starts with a character class so the regex engine can skip ahead quickly; the
# lookbehinds come after that first character for the same reason.
_CANDIDATE = re.compile(
    # terminator: a period, ! or ?, or an ellipsis (". . .", "...", "…"); it only starts where a run of
    # terminators starts and is possessive, so long runs of dots cost linear time
    r"([.!?…](?<![.!?…][.!?…])(?<![.!?…]\s[.!?…])(?:\s?[.!?…])*+)"
    r"([\"'”’»)\]]*)"  # closing marks that belong to the sentence
    r"(?=\s+(\S))"  # whitespace, then the next sentence's first character
)
_NEXT_WORD = re.compile(r"[^\W_]+")
_ALNUM = re.compile(r"[^\W_]")
_MARK = re.compile(r"[\"“”‘’]")
_DECADE = re.compile(r"\d0s\b")


def _word_set(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words in ``words`` (keeps long lists readable)."""
    return frozenset(words.split())


_OPENERS = "\"'“‘«([{—–-"
_OPEN_CONTEXT = "([{<«—–-/"

# Titles and name prefixes: a period after them never ends a sentence (case-sensitive).
_TITLES = _word_set(
    """Mr Mrs Ms Mx Messrs Mmes Dr Drs Prof Rev Revs Hon Fr Msgr Gen Gens Lt Col Maj Capt Cmdr Cmdt
    Sgt Cpl Pvt Spc Adm Brig Cdr Ens Sen Sens Rep Reps Gov Govs Pres Supt Det Insp Ofc Atty Amb Sec
    Dep Asst Assoc St Mt Ft"""
)
# Abbreviations that are followed by a number (``No. 5``, ``Aug. 9``): no break before a digit.
_NUMBER_ABBREVS = _word_set("No Nos no nos Vol vol Art art Fig fig p pp Ch ch Rm Apt Ex")
_MONTHS = _word_set("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
_NO_BREAK_DOTTED = frozenset({"e.g", "i.e", "viz", "cf"})
_TIMES = frozenset({"a.m", "p.m"})
# Words that may follow a time and continue the same sentence (``5 p.m. EST``, ``9 a.m. Monday``).
_TIME_CONTINUATIONS = _word_set(
    """ET EST EDT CT CST CDT MT MST MDT PT PST PDT AKST HST GMT UTC BST CET CEST Eastern Central
    Mountain Pacific Monday Tuesday Wednesday Thursday Friday Saturday Sunday"""
)
# Common sentence openers: after ``U.S.`` a capitalised word from this list starts a new sentence.
_SENTENCE_OPENERS = _word_set(
    """A An The This That These Those There Then Thus Here He She It I We You They His Her Its Our
    Their My Your But And Or So Yet Nor For In On At By To From With Without Of As If When While
    After Before Since Until Although Though Because However Meanwhile Still Also Instead Indeed
    Now Today Yesterday Tomorrow Last Next Some Many Most Several Few Both Each Every All No Not
    One Two Three Officials Authorities According Under Over During Despite Among What Who Why How
    Where Which Such Other Another More Less Even Only Just Asked"""
)


_match_span = re.Match.span


def _spans(matches: Iterator[re.Match[str]]) -> tuple[Span, ...]:
    """The spans of ``matches``, consumed one at a time: each match object is freed as soon as its
    span is built, so a thousand of them never pile up (and trigger garbage collections) at once."""
    return tuple(starmap(trusted_span, map(_match_span, matches)))


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """The paragraphs of ``text``: runs of non-blank text between line breaks (as :func:`parse` finds
    them, without the rest of the parse)."""
    return _spans(_PARA.finditer(text))


def _is_boundary(text: str, ps: int, pe: int, m: re.Match[str]) -> bool:
    """Decide whether candidate ``m`` (inside paragraph ``[ps, pe)``) ends a sentence."""
    term, closing, j = m.group(1), m.group(2), m.start(3)
    while j < pe and text[j] in _OPENERS:
        j += 1
    nc = text[j] if j < pe else ""
    if nc.islower():
        return False
    if term != ".":
        if "…" in term or term.count(".") > 1:  # an ellipsis: ends only before a capitalised word
            return nc.isalpha()
        return True  # ! or ?
    if closing:
        return True
    pos = m.start(1)
    k = pos
    while k > ps and not text[k - 1].isspace():
        k -= 1
    token = text[k:pos].lstrip(_OPENERS)
    if not token:
        return True
    if token in _TITLES:
        return False
    if token in _NUMBER_ABBREVS and nc.isdigit():
        return False
    if token in _MONTHS:
        return not nc.isdigit()
    if len(token) == 1 and token.isupper():  # an initial
        return nc.isdigit()
    if "." in token:
        low = token.lower()
        if low in _NO_BREAK_DOTTED:
            return False
        word = _NEXT_WORD.match(text, j, pe)
        nxt = word.group() if word else ""
        if low in _TIMES:
            return nxt not in _TIME_CONTINUATIONS
        acronym = token.rsplit("-", 1)[-1].split(".")  # Canada-U.S -> ["U", "S"]
        if all(len(part) == 1 and part.isalpha() for part in acronym):  # U.S, D.C, J.R.R
            return nxt in _SENTENCE_OPENERS
    return True


def _sentences(text: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
    out: list[Span] = []
    for p in paragraphs:
        ps, pe = p.start, p.end
        start = ps
        marker = _LIST_MARK.match(text, ps, pe)
        if marker:
            start = marker.end()
        checked, has_word = start, False  # a sentence needs a letter or digit before its end
        for m in _CANDIDATE.finditer(text, start, pe):
            if not _is_boundary(text, ps, pe, m):
                continue
            if not has_word:
                has_word = _ALNUM.search(text, checked, m.start(1)) is not None
                checked = m.start(1)
                if not has_word:
                    continue
            out.append(trusted_span(start, m.end()))
            start = checked = m.start(3)
            has_word = False
        out.append(trusted_span(start, pe))
    return tuple(out)


def _role(text: str, p: int, ps: int, pe: int) -> str:
    """``"open"``, ``"close"`` or ``""`` (no clear context) for the double mark at ``p``."""
    prev = text[p - 1] if p > ps else " "
    nxt = text[p + 1] if p + 1 < pe else " "
    opening = (prev.isspace() or prev in _OPEN_CONTEXT) and not nxt.isspace()
    closing = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return ""


def _single_closer(text: str, marks: list[tuple[int, str]], i: int, ps: int, pe: int) -> int:
    """Index in ``marks`` of the ``’`` closing the ``‘`` at ``marks[i]``.

    -1 when that ``‘`` does not open a quotation, -2 when no later mark could close one.
    """
    p = marks[i][0]
    nxt = text[p + 1] if p + 1 < pe else " "
    prev = text[p - 1] if p > ps else " "
    if not (prev.isspace() or prev in _OPEN_CONTEXT or prev in "\"“") or nxt.isspace():
        return -1
    if _DECADE.match(text, p + 1, pe):
        return -1
    for j in range(i + 1, len(marks)):
        q, ch = marks[j]
        if ch == "’" and not text[q - 1].isspace():
            after = text[q + 1] if q + 1 < pe else " "
            if not after.isalpha():
                return j
    return -2


def _paragraph_quotes(text: str, ps: int, pe: int,
                      marks: list[tuple[int, str]]) -> list[tuple[int, int, bool]]:
    """Outer quotations of one paragraph as ``(start, end, closed)`` with ``end`` past the mark, given
    the paragraph's quotation ``marks`` as ``(offset, mark)``."""
    out: list[tuple[int, int, bool]] = []
    depth = 0
    start = 0
    last_close = -1  # offset of the last double mark that closed something or was read as a closer
    singles = True
    i = 0
    while i < len(marks):
        p, ch = marks[i]
        if ch in "‘’":
            if depth == 0 and ch == "‘" and singles:
                j = _single_closer(text, marks, i, ps, pe)
                if j >= 0:
                    out.append((p, marks[j][0] + 1, True))
                    i = j
                singles = j != -2  # no closer left: later openings cannot close either
            i += 1
            continue
        role = _role(text, p, ps, pe)
        if not role:
            role = "open" if ch == "“" or (ch == '"' and depth == 0) else "close"
        if role == "open":
            if depth == 0:
                start = p
            depth += 1
        else:
            last_close = p
            if depth > 0:
                depth -= 1
                if depth == 0:
                    out.append((start, p + 1, True))
        i += 1
    if depth > 0:
        if last_close > start and not _ALNUM.search(text, last_close, pe):
            out.append((start, last_close + 1, True))  # the paragraph ends on a closing mark
        else:
            out.append((start, pe, False))
    return out


def _quotes(text: str, paragraphs: tuple[Span, ...]) -> tuple[Quote, ...]:
    # The marks of the whole text, found in one pass: a mark is never whitespace, so each lies in a
    # paragraph, and the paragraphs (sorted, disjoint) take them in turn.
    marks = [(m.start(), m.group()) for m in _MARK.finditer(text)]
    if not marks:
        return ()
    out: list[Quote] = []
    pending = False  # the previous paragraph ended inside an unclosed quotation
    j, last = 0, len(marks)
    for p in paragraphs:
        ps, pe = p.start, p.end
        k = j
        while k < last and marks[k][0] < pe:
            k += 1
        if k == j:  # no mark: no quotation, and none runs on into the next paragraph
            pending = False
            continue
        found = [q for q in _paragraph_quotes(text, ps, pe, marks[j:k]) if _ALNUM.search(text, q[0], q[1])]
        j = k
        for n, (s, e, closed) in enumerate(found):
            continued = pending and n == 0 and s == ps
            inner = Span(s + 1, e - 1 if closed else e)
            out.append(Quote(Span(s, e), inner, closed, continued))
        pending = bool(found) and not found[-1][2]
    return tuple(out)


def parse(article: Article) -> Parsed:
    """Split ``article.text`` into paragraphs, sentences, words and quotations (once per article).

    Never raises on any text; see the module docstring for the rules and their known limits.
    """
    text = article.text
    paragraphs = paragraph_spans(text)
    word_starts, word_ends, word_lower = word_table(text)
    return Parsed.from_word_offsets(
        article=article,
        paragraphs=paragraphs,
        sentences=_sentences(text, paragraphs),
        word_starts=word_starts,
        word_ends=word_ends,
        quotes=_quotes(text, paragraphs),
        word_lower=word_lower,
    )
