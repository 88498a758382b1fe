"""Boilerplate removal: from the lines of one article to its frozen text.

:func:`clean_lines` removes whole lines only, and records every removal as a
:class:`~bias.model.Removal` with its source line number and a plain reason, so the report can show
what was taken out. It works in passes:

1. line rules from :mod:`bias.corpus.chrome` (navigation, ad shortcodes, comment boxes,
   subscription prompts, photo credits, date stamps, reading times);
2. repeated captions: a line followed by the same words plus a credit ("Migrants arriving.CIS.ORG")
   is a caption printed twice, and both copies go;
3. the page header (lines above the first paragraph of running text): bylines ("By X"),
   "From the <outlet>" lines and datelines move to metadata; short labels above the headline
   ("Crime", "illegal immigration") are section labels; the headline stays as the first line;
4. the tail: a comment box runs to the end; a trailing "Sources" list; one or two closing author
   notes ("Rotella is a senior reporter at ...").

An author note is recognised only at the very end, only when it says what someone is (reporter,
fellow, detective, author of ...) and only when that name is a known author or appears nowhere
else in the article, so a closing sentence about a person in the story is never taken for one.

Embedded social posts (a block ending "— Name (@handle) Month D, YYYY", the signature line of an
embedded X/Twitter post; or "A post shared by Name (@handle)") are kept in the text and reported as
:class:`~bias.model.Embedded` spans. A plain-text copy does not show where the post begins, so the
block is taken upwards from the signature while it fits a post's length (320 characters, a link
counting 23 as on X), starting at its first line with a link, #tag or @name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bias.corpus import chrome
from bias.model import Embedded, Removal, Span

__all__ = ["Cleaned", "clean_lines", "clean_text"]

BYLINE = "byline"
SECTION = "section label"
AUTHOR_NOTE = "author note"
SOURCES = "list of sources"

_FOLD_PAIRS = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "))
_NOT_A_NAME = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "It",
        "He",
        "She",
        "They",
        "We",
        "There",
        "Here",
        "A",
        "An",
        "In",
        "On",
        "As",
        "If",
        "When",
    ]
)
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]*|de|da|del|van|von|la|le|bin|al)){0,4}"
_BIO = re.compile(rf"(?P<name>{_NAME})(?:,[^,]{{1,160}},)?\s+(?:is|was|has been|writes|covers|reports)\b")
_ROLE = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}(?:reporter|writer|correspondent|columnist|editor|journalist"
    r"|contributor|fellow|author|analyst|producer|photographer|detective|officer|professor|researcher"
    r"|commentator|host|lawyer|attorney|veteran|director|founder|member|student|blogger)s?\b"
    r"|\bauthor of\b|\bwrites (?:about|on|for)\b",
    re.IGNORECASE,
)
_CREDIT_NOTE = re.compile(
    r"(?:(?:additional )?reporting by|editing by|writing by|compiled by)\b.{0,200}"
    r"|.{0,160}\bcontributed (?:to )?(?:this )?(?:report|story|article)(?:ing)?\.?",
    re.IGNORECASE,
)
_SOURCES_HEAD = re.compile(r"(?:sources?|references|further reading|citations|links)\s*:?", re.IGNORECASE)
_LIST_ITEM = re.compile(r"(?:\d{1,3}[.)]|[-*•])\s+\S.*")
_SIGNATURE = re.compile(
    r"(?:[—–-]{1,2}\s*(?P<a1>[^()\n]{1,80}?\s*\(@[\w.]{1,60}\))\s+[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}.{0,30}"
    r"|A post shared by (?P<a2>.{1,80}?\(@[\w.]{1,60}\)).{0,40})"
)
_URL = re.compile(r"(?:https?://|pic\.twitter\.com/)\S+")
_POST_MARK = re.compile(r"(?:https?://|pic\.twitter\.com/|(?<![\w&])[#@]\w)")
_POST_BUDGET = 320  # characters of a post (a link counts as 23, as on X); a little over the 280 limit


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The result of cleaning one article's lines.

    ``author``/``date``/``republished_from`` are what the page header itself states (None when it
    is silent); ``byline`` is the byline line as written.
    """

    text: str
    title: str
    removed: tuple[Removal, ...]
    embedded: tuple[Embedded, ...]
    author: str | None = None
    date: str | None = None
    republished_from: str | None = None
    byline: str | None = None


@dataclass(slots=True)
class _Line:
    no: int
    text: str
    reason: str | None = None

    @property
    def kept(self) -> bool:
        return bool(self.text) and self.reason is None


def _fold(text: str) -> str:
    """Caption comparison form: NFC, curly quotes straight, no-break spaces plain, casefolded, single
    spaces (chained ``str.replace``: several times faster than ``str.translate`` with a mapping)."""
    text = unicodedata.normalize("NFC", text)
    for old, new in _FOLD_PAIRS:
        text = text.replace(old, new)
    return " ".join(text.casefold().split())


def _repeated_captions(lines: list[_Line]) -> None:
    visible = [ln for ln in lines if ln.text]
    folded: dict[int, str] = {}  # each line is folded at most once, and only when compared

    def fold(i: int) -> str:
        if i not in folded:
            folded[i] = _fold(visible[i].text)
        return folded[i]

    for i, (a, b) in enumerate(zip(visible, visible[1:], strict=False)):
        if a.reason is not None or b.reason not in (None, chrome.CAPTION):
            continue
        fa, fb = fold(i), fold(i + 1)
        repeated = len(fa) >= 10 and len(fb) > len(fa) and fb.startswith(fa)
        if repeated and (b.reason == chrome.CAPTION or chrome.is_credit_tail(b.text[len(a.text) :])):
            a.reason = b.reason = chrome.CAPTION


def _header(lines: list[_Line], title: str | None) -> tuple[dict[str, str], _Line | None, bool]:
    """Handle the lines above the first paragraph. Returns metadata, the title line, and whether the
    known ``title`` must be added above the text because the page does not show it."""
    meta: dict[str, str] = {}
    body = next((i for i, ln in enumerate(lines) if ln.kept and chrome.is_body_line(ln.text)), len(lines))
    header = [ln for ln in lines[:body] if ln.kept]
    for ln in header:
        names = chrome.byline_names(ln.text)
        outlet = chrome.republished_from(ln.text) if names is None else None
        is_date, iso = chrome.date_line(ln.text)
        if names:
            ln.reason = BYLINE
            meta.setdefault("author", names)
            meta.setdefault("byline", ln.text)
        elif outlet:
            ln.reason = BYLINE
            meta.setdefault("republished_from", outlet)
        elif is_date:
            ln.reason = chrome.DATE_LINE
            if iso:
                meta.setdefault("date", iso)
    header = [ln for ln in header if ln.kept]
    first_body = [lines[body]] if body < len(lines) else []
    if title is not None:
        wanted = _fold(title)
        found = next((i for i, ln in enumerate(header + first_body) if _fold(ln.text) == wanted), None)
        if found is None:
            return meta, None, True
        idx = found
    else:
        idx = next(
            (
                i
                for i, ln in enumerate(header)
                if chrome.word_count(ln.text) >= 4 and not ln.text.endswith(".")
            ),
            0,
        )
    candidates = header + first_body
    if not candidates:
        return meta, None, False
    for ln in candidates[:idx]:
        if chrome.word_count(ln.text) <= 3 and not chrome.is_body_line(ln.text):
            ln.reason = SECTION
    return meta, candidates[idx], False


def _is_author_note(line: _Line, lines: list[_Line], authors: Sequence[str]) -> bool:
    text = line.text
    if _CREDIT_NOTE.fullmatch(text):
        return True
    m = _BIO.match(text)
    if not m or len(text) > 1200 or not _ROLE.search(text):
        return False
    name = m.group("name").split()
    if name[0] in _NOT_A_NAME:
        return False
    surname = name[-1].strip(".,")
    if any(a.split() and a.split()[-1].casefold() == surname.casefold() for a in authors):
        return True
    pattern = re.compile(rf"\b{re.escape(surname)}\b")
    return not any(pattern.search(ln.text) for ln in lines if ln.kept and ln is not line)


def _tail(lines: list[_Line], authors: Sequence[str]) -> None:
    comment = [i for i, ln in enumerate(lines) if ln.reason == chrome.COMMENT]
    if len(comment) >= 2:
        for ln in lines[comment[0] :]:
            if ln.kept:
                ln.reason = chrome.COMMENT
    kept = [ln for ln in lines if ln.kept]
    items = 0
    while items < len(kept) and _LIST_ITEM.fullmatch(kept[-1 - items].text):
        items += 1
    if items and items < len(kept) and _SOURCES_HEAD.fullmatch(kept[-1 - items].text):
        for ln in kept[-1 - items :]:
            ln.reason = SOURCES
    for _ in range(2):
        kept = [ln for ln in lines if ln.kept]
        if len(kept) < 3 or not _is_author_note(kept[-1], lines, authors):
            break
        kept[-1].reason = AUTHOR_NOTE


def _post_weight(text: str) -> int:
    return len(_URL.sub("x" * 23, text))


def _embedded(kept: list[_Line], spans: dict[int, tuple[int, int]]) -> list[Embedded]:
    out = []
    for k, ln in enumerate(kept):
        m = _SIGNATURE.fullmatch(ln.text)
        if not m:
            continue
        first = k
        budget = _POST_BUDGET
        while first - 1 > 0 and _post_weight(kept[first - 1].text) <= budget:
            if out and spans[id(kept[first - 1])][0] < out[-1].span.end:
                break
            budget -= _post_weight(kept[first - 1].text)
            first -= 1
        # Within what fits, the post starts at its first line with a link, #tag or @name; with none,
        # only the line right above the signature is taken.
        start = next((i for i in range(first, k) if _POST_MARK.search(kept[i].text)), max(first, k - 1))
        span = Span(spans[id(kept[start])][0], spans[id(ln)][1])
        out.append(Embedded(span, "social_post", (m.group("a1") or m.group("a2") or "").strip()))
    return out


def clean_lines(
    lines: Sequence[tuple[int, str]], *, title: str | None = None, authors: Sequence[str] = ()
) -> Cleaned:
    """Clean one article given as ``(source line number, line)`` pairs (see the module docstring).

    ``title`` is a headline known from elsewhere (manifest, record field, HTML metadata): the line
    equal to it is taken as the headline, and if the page does not show it, it is added as the first
    line so the headline's words are analysed too. ``authors`` are names known from elsewhere,
    used to recognise the closing author note.
    """
    ls = [_Line(no, text.strip().strip("\u200b\ufeff").strip()) for no, text in lines]
    for ln in ls:
        ln.reason = chrome.classify(ln.text)
    _repeated_captions(ls)
    meta, title_line, prepend = _header(ls, title)
    _tail(ls, [*authors, *([meta["author"]] if "author" in meta else [])])
    for ln in ls:
        if ln.reason == chrome.DATE_LINE and "date" not in meta:
            iso = chrome.date_line(ln.text)[1]
            if iso:
                meta["date"] = iso
    seq: list[_Line | None] = []
    if prepend and title:
        seq += [_Line(0, " ".join(title.split())), None]
    seq += [ln if ln.kept else None for ln in ls if ln.kept or not ln.text]
    kept = [ln for ln in seq if ln is not None]
    parts: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    pos, gap = 0, False
    for ln in seq:
        if ln is None:
            gap = True
            continue
        if parts:
            sep = "\n\n" if gap else "\n"
            parts.append(sep)
            pos += len(sep)
        spans[id(ln)] = (pos, pos + len(ln.text))
        parts.append(ln.text)
        pos += len(ln.text)
        gap = False
    text = "".join(parts)
    embedded = _embedded(kept, spans)
    headline = kept[0].text if kept else ""
    if title_line is not None and title_line.kept:
        headline = title_line.text
    removed = tuple(Removal(ln.text, ln.reason, ln.no) for ln in ls if ln.text and ln.reason)
    return Cleaned(
        text=text,
        title=title if title else headline,
        removed=removed,
        embedded=tuple(embedded),
        author=meta.get("author"),
        date=meta.get("date"),
        republished_from=meta.get("republished_from"),
        byline=meta.get("byline"),
    )


def clean_text(
    text: str, *, first_line: int = 1, title: str | None = None, authors: Sequence[str] = ()
) -> Cleaned:
    """:func:`clean_lines` on a whole text whose first line is source line ``first_line``."""
    return clean_lines(list(enumerate(text.split("\n"), start=first_line)), title=title, authors=authors)
