"""Finding the source phrase of a reporting cue: the noun phrase before it ("X said"), after it
("said X", "according to X") or nothing (agentless "it was reported that").

All functions are pure and work on offsets into the article text; they return a
:class:`SourceHit` (span, head words, whole words, kind, named) or None.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from bias.corpus.parsed import Parsed
from bias.features.attrib_lexicon import (
    PRONOUNS,
    Tables,
    classify_source,
    head_kind,
    strip_dot,
    tokens,
)
from bias.features.attrib_patterns import (
    AGE_TAIL,
    LETTERS_REV,
    RELATIVE_BEFORE,
    WORD_REV,
    WORD_SPACE_REV,
    last_run,
)
from bias.features.attrib_place import city_state_comma, short_company_name
from bias.features.attrib_window import abbrev_before as _abbrev_before
from bias.model import Span

# Patterns of the rules below, compiled once (named by what they find).
_PARENS = re.compile(r"\([^()]*\)")
_CLOSING_PARENS = re.compile(r"\s*\([^()]*\)")
_FIRST_LETTERS = re.compile(r"\s*([A-Za-z]+)")
_NON_SPACE = re.compile(r"\S")


def words_of(s: str) -> frozenset[str]:
    """A set of the whitespace-separated words of ``s``."""
    return frozenset(s.split())


# Words skipped between a subject and its verb ("officials have also said").
AUX = words_of(
    """
    has have had was were is are be been also previously later earlier then further repeatedly
    publicly privately recently again would will could did does do once first initially quickly
    flatly since just already still later reportedly separately long often frequently
    """
)
# Words that end a subject noun phrase when scanning leftwards from a cue.
BOUNDARY_WORDS = words_of(
    """
    that which who whom but because while when whereas although though if since where until however
    meanwhile moreover yet nor than after before what said says
    """
)
CLAUSE_START_WORDS = frozenset({"as", "so"})  # boundaries only after a comma or at the clause start
_SCAN_WORDS = BOUNDARY_WORDS | CLAUSE_START_WORDS
LEADING_SKIP = words_of(
    """
    but and however eventually nonetheless meanwhile also still now then yet so instead indeed
    moreover furthermore nevertheless later earlier separately or
    """
)
DETERMINERS = words_of(
    """
    the a an his her their its our my your this these those any no such every each whose that
    """
)
POSTMODIFIERS = words_of(
    """
    of for with from at in on near inside within across including among close behind
    """
)
# Words that end the head part after a head candidate ("critics of X", "people familiar with").
_HEAD_STOP = POSTMODIFIERS | {"who", "which", "familiar", "by"}
# A comma-delimited insertion between subject and verb starts with one of these ("X, who ..., said").
INSERT_START = words_of(
    """
    who which whose a an the in on at speaking now also according himself herself themselves like as
    after before during citing in including one
    """
)
# Documents typed by the person they come from ("testimony from a special agent" is that agent speaking);
# any other document keeps its kind ("a statement from his office" is a document).
SPEAKER_DOCUMENTS = words_of("testimony testimonies")
BOUNDARY_CHARS = set(',;:()“”"—–[]')


@dataclass(frozen=True, slots=True)
class SourceHit:
    span: Span
    head: tuple[str, ...]
    whole: tuple[str, ...]
    kind: str
    named: bool


def _quote_boundary(text: str, i: int) -> bool:
    """True when the apostrophe-like char at ``i`` is a quotation mark, not an apostrophe."""
    ch = text[i]
    if ch in '“”"':
        return True
    if ch in "‘’'":
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before in "sS" and after == " " and ch != "‘" and text[i + 2 : i + 3].islower():
            return False  # plural possessive: "the employers' association"
        return not (before.isalpha() and after.isalpha())
    return False


def phrase_from(text: str, start: int, end: int, tables: Tables) -> SourceHit | None:
    """Classify ``text[start:end]`` as a source phrase (strip leading connectives, find the head)."""
    seg = text[start:end]
    if "(" in seg:
        seg = _PARENS.sub(_blank, seg)
    toks = tokens(seg)
    skip = 0
    while skip < len(toks) and strip_dot(toks[skip][2]) in LEADING_SKIP:
        skip += 1
    if skip:
        toks = toks[skip:]
    if not toks or len(toks) > 18:
        return None
    words = [t[2] for t in toks]
    lows = list(map(strip_dot, words))  # each word lower-cased, without a trailing dot or possessive
    heads = tables.heads  # the words that can head a source phrase (see head_kind)
    n = len(words)
    # an apposition after a comma or dash ends the head (only possible when the phrase holds one)
    punct = "," in seg or "—" in seg
    # the head part ends at the first modifier after a head candidate ("critics of X", "a report filed as")
    head_end = n
    seen_head = False
    for i, w in enumerate(words):
        low = lows[i]
        more = i + 1 < n
        capital = w[:1].isupper()
        participle = not capital and (
            low.endswith("ed")
            or low.endswith("ing")
            and len(low) > 5
            and not (more and (lows[i + 1] in heads or words[i + 1][:1].isupper()))
        )  # "the union representing ..." ends the head; "shipping executives" does not
        if i > 0 and participle and more and lows[i + 1] == "by":
            head_end = i
            break
        if (
            seen_head
            and (participle or low in _HEAD_STOP or low == "not" and more and lows[i + 1].endswith("ed"))
            and i > 0
        ):
            head_end = i
            break
        if capital or low in heads or low in PRONOUNS:  # (acronyms are capitalized)
            seen_head = True
        # an apposition after a comma ("Jennifer Allen, executive director of ...") ends the head
        if punct and seen_head and more and seg[toks[i][1] : toks[i + 1][0]].strip() in {",", "—"}:
            head_end = i + 1
            break
    head = words[:head_end]
    if head and lows[head_end - 1] in {"’s", "'s"}:
        return None
    got = classify_source(tables, head, words, determiner=lows[0] in DETERMINERS)
    if got is None:
        return None
    kind, named = got
    if kind == "person" and len(head) == 1 and short_company_name(text, head[0], tables):
        kind = "organization"  # "Corran said", the article having named "Corran Energy"
    # "testimony from a special agent": a document typed by its speaker
    if (
        kind == "document"
        and head_end < n
        and lows[head_end] in {"from", "by"}
        and lows[head_end - 1] in SPEAKER_DOCUMENTS
    ):
        sub = classify_source(
            tables,
            words[head_end + 1 :],
            words[head_end + 1 :],
            determiner=lows[head_end + 1] in DETERMINERS if head_end + 1 < n else False,
        )
        if sub and sub[0] not in {"document", "pronoun"}:
            kind, named = sub
    s, e = start + toks[0][0], start + toks[-1][1]
    close = _CLOSING_PARENS.match(text, e, end)
    if close:
        e = close.end()
    while e > s and text[e - 1] in ".,":
        e -= 1
    return SourceHit(Span(s, e), tuple(head), tuple(words), kind, named)


def _blank(m: re.Match[str]) -> str:
    """Spaces as long as the match (to blank out a parenthesis, keeping offsets)."""
    return " " * (m.end() - m.start())



def _strip_back(text: str, lo: int, pos: int, words: set[str] | frozenset[str]) -> int:
    """Move ``pos`` left over whitespace and over trailing words in ``words`` (and -ly adverbs)."""
    while True:
        p = pos
        while p > lo and text[p - 1].isspace():
            p -= 1
        run = last_run(text, max(lo, p - 40), p, WORD_REV)
        w = text[run[0] : run[1]] if run else ""
        if run and (w.lower() in words or (w.endswith("ly") and w.islower() and len(w) > 4)):
            pos = run[0]
            continue
        return p


def left_source(
    text: str, lo: int, cue_start: int, tables: Tables, parsed: Parsed
) -> tuple[SourceHit | None, str]:
    """The subject before a cue, scanning back to ``lo``. Second item: what stopped the scan
    ("" found, "and" coordination, "boundary" punctuation right before the cue, "none").
    ``parsed``: the parse of ``text`` (its words are read instead of re-scanning the text)."""
    end = _strip_back(text, lo, cue_start, AUX)
    retype = None  # an insertion that tells a name is an institution or outlet ("X, the company ...")
    # drop comma/dash/parenthesis insertions between subject and verb
    for _ in range(3):
        if end > lo and text[end - 1] in ",—–)":
            closer = text[end - 1]
            opener = "(" if closer == ")" else ("—–" if closer in "—–" else ",")
            j = end - 2
            while j >= lo and text[j] not in opener and text[j] not in '“”"\n.;':
                j -= 1
            if j < lo or text[j] not in opener:
                return None, "boundary"
            inner = text[j + 1 : end - 1].strip()
            first = inner.split(" ", 1)[0].lower() if inner else ""
            if closer == "," and _name_apposition(text, lo, j, inner, tables):
                hit = _apposition_hit(text, lo, j, end - 1, tables)
                if hit is not None:
                    return hit, ""
            if closer == "," and not (first in INSERT_START or first[:1].isdigit() or _participle(first)):
                return None, "boundary"
            retype = retype or _institution_insertion(text, j + 1, end - 1, first, tables)
            end = _strip_back(text, lo, j, AUX)
        elif age := AGE_TAIL.search(text, max(lo, end - 6), end):  # "Hana Suleiman, 34, who ..., said"
            end = _strip_back(text, lo, age.start(), AUX)
        else:
            break
    run = last_run(text, max(lo, end - 40), end, LETTERS_REV)
    if run and text[run[0] : run[1]].lower() in {"and", "or", "but"}:
        return None, "and"
    if end <= lo or text[end - 1] in BOUNDARY_CHARS or (end > lo and _quote_boundary(text, end - 1)):
        return None, "boundary"
    # scan back to the clause start (a subject is short: give up beyond _MAX_SUBJECT characters)
    floor = max(lo, end - _MAX_SUBJECT)
    start = _clause_start(text, lo, floor, end, tables, parsed)
    if start is None:
        if floor > lo:
            return None, "none"
        start = lo
        w = _FIRST_LETTERS.match(text[lo:end])
        if w and w.group(1).lower() in BOUNDARY_WORDS | CLAUSE_START_WORDS:
            start = lo + w.end()
    rel = RELATIVE_BEFORE.search(text, max(lo, start - 12), start)
    if rel is not None:  # the clause of the cue ("The man who said") or of the subject ("Residents who left")
        outer = _clause_start(text, lo, max(lo, rel.start() - _MAX_SUBJECT), rel.start(), tables, parsed)
        own = not text[start:end].strip()
        longer = phrase_from(text, lo if outer is None else outer, rel.start() if own else end, tables)
        if longer is not None and longer.kind != "pronoun" and longer.head:
            if own:
                return longer, ""
            start = longer.span.start
    hit = phrase_from(text, start, end, tables)
    if hit is not None and retype is not None and hit.kind == "person" and hit.named:
        hit = replace(hit, kind=retype)  # "Corvane, the company behind Pulse, said"
    return hit, "" if hit else "none"


def _institution_insertion(text: str, a: int, b: int, first: str, tables: Tables) -> str | None:
    """The kind an insertion between a name and its verb gives the name: "organization" for "which
    ..." or a description headed by an institution noun ("the company behind Pulse", "a charity"),
    "media" for an outlet noun ("a technology newsletter"); None otherwise."""
    if first == "which":
        return "organization"
    if first not in {"a", "an", "the"}:
        return None
    desc = phrase_from(text, a, b, tables)
    if desc is not None and not desc.named and desc.kind in {"organization", "media"}:
        return desc.kind
    return None


def _clause_start(
    text: str, lo: int, floor: int, end: int, tables: Tables, parsed: Parsed
) -> int | None:
    """Where the clause ending at ``end`` starts: after the last boundary in ``text[floor:end]`` (a
    boundary mark, a sentence end, a quotation mark, a time such as "09:05", or a space before a
    boundary word such as "that"/"who"), or None when there is none. It visits only the marks (one
    regex pass) and the parsed words (only a word that is not plain ASCII letters, or is a boundary
    word, is read again from the text)."""
    stop = -1  # the last mark in the range that ends the clause
    for m in reversed(list(_STOP_CANDIDATE.finditer(text, floor, end))):
        j = m.start()
        ch = text[j]
        if ch in ".!?" and not (j + 1 < end and text[j + 1].isspace()):
            continue
        if ch in _QUOTE_ONLY and not _quote_boundary(text, j):
            continue
        if ch in ",:" and text[j - 1 : j].isdigit() and text[j + 1 : j + 2].isdigit():
            if ch == ",":
                continue  # "12,000 workers"
            stop = j + 1  # a time ("09:05 Prime Minister X said"): the clause starts after its minutes
            while stop + 1 < end and text[stop + 1].isdigit():
                stop += 1
            break
        if ch == "," and city_state_comma(text, lo, j, end, tables):
            continue
        if ch == "." and j > lo and _abbrev_before(text, lo, j):
            continue
        stop = j
        break
    # boundary words after that mark: a space at ``s - 1`` (not before ``floor``), a word at ``s``
    starts, lower = parsed.word_starts, parsed.word_lower
    k = bisect_left(starts, end) - 1
    first = max(stop, floor)
    while k >= 0 and starts[k] > first:
        s, low = starts[k], lower[k]
        k -= 1
        if low not in _SCAN_WORDS and low.isascii() and low.isalpha() or not text[s - 1].isspace():
            continue  # a plain word that is no boundary word (any other word is checked as written)
        w = _WORD_AT.match(text, s, end)
        if w and (
            w.group().lower() in BOUNDARY_WORDS
            or w.group().lower() in CLAUSE_START_WORDS
            and (s - 1 <= lo or text[max(lo, s - 9) : s - 1].rstrip()[-1:] in {",", ""})
        ):
            return w.end()
    return stop + 1 if stop >= 0 else None


def _name_apposition(text: str, lo: int, j: int, inner: str, tables: Tables) -> bool:
    """True for ", Daniel Osei," after a role noun ("Whitfield's attorney, Daniel Osei, argued")."""
    words = inner.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() or w in {"de", "la", "van", "von"} for w in words):
        return False
    run = last_run(text, lo, j, WORD_SPACE_REV)
    before = text[run[0] : run[1]] if run else ""
    if run is not None and (head_kind(tables, before) is not None or before == "them"):
        return True
    # a role noun followed by "for/of/at" + a proper name ("A spokesperson for the Gulf Forum, Nadia Rahimi,")
    k = j - 1
    while k >= lo and text[k] not in ',;:“”"()—–' and not (text[k] in ".!?" and _sentence_dot(text, lo, k)):
        k -= 1
    role = text[k + 1 : j].split()
    for a, b in zip(role, role[1:], strict=False):
        row = head_kind(tables, a)
        if row is not None and row.kind == "unnamed" and a[:1].islower() and b.lower() in {"for", "of", "at"}:
            return before[:1].isupper()
    return False


def _apposition_hit(text: str, lo: int, j: int, name_end: int, tables: Tables) -> SourceHit | None:
    """A role phrase with its name apposition as one person source ("one of them, Walter Briggs")."""
    name = phrase_from(text, j + 1, name_end, tables)
    if name is None or name.kind != "person":
        return None
    k = j - 1
    while k >= lo and text[k] not in ',;:“”"()—–' and not (text[k] in ".!?" and _sentence_dot(text, lo, k)):
        k -= 1
    role = phrase_from(text, k + 1, j, tables)
    start = role.span.start if role is not None else _first_char(text, k + 1, j)
    return SourceHit(Span(start, name.span.end), name.head, name.whole, "person", True)


def _sentence_dot(text: str, lo: int, k: int) -> bool:
    return (
        k + 1 < len(text) and text[k + 1].isspace() and not (text[k] == "." and _abbrev_before(text, lo, k))
    )


def _first_char(text: str, a: int, b: int) -> int:
    m = _NON_SPACE.search(text, a, b)
    return m.start() if m else a




_MAX_SUBJECT = 160


def _participle(word: str) -> bool:
    """A lowercase past participle opening a comma insertion ("X, published Monday in ..., show")."""
    return word.isalpha() and word.islower() and word.endswith("ed") and len(word) > 4
_QUOTE_CHARS = frozenset("“”\"‘’'")
_QUOTE_ONLY = frozenset("‘’'")  # quotation marks only in context (else apostrophes)
# Characters that may end a clause scanned leftwards from a cue (see _clause_start).
_STOP_CANDIDATE = re.compile(r"[,;:()“”\"—–\[\].!?‘’']")
_WORD_AT = re.compile(r"[A-Za-z]+")
