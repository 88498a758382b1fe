"""The content of an attribution: the adjacent quotation, else the clause its cue governs.

Used by the rules of :mod:`bias.features.attrib_find`. Every test is bounded or binary-searched
(quotations through :class:`~bias.features.attrib_quotes.QuoteIndex`, follow-on phrases through a
sorted list built once per article), so a window with many cues costs linear time.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from bias.corpus.parsed import Quote
from bias.features import attrib_patterns as pat
from bias.features.attrib_lexicon import has_tokens
from bias.features.attrib_quotes import QuoteIndex
from bias.features.attrib_resolve import Attribution
from bias.features.attrib_source import SourceHit
from bias.features.attrib_taken import CutIndex
from bias.model import Span


class Contents:
    """Content look-ups over one article (created per article by the attribution finder)."""

    __slots__ = ("follow", "follow_starts", "quotes", "text")

    def __init__(self, text: str, quotes: QuoteIndex) -> None:
        self.text, self.quotes = text, quotes
        self.follow: list[tuple[int, int]] | None = None  # FOLLOW_ON matches, computed when first needed
        self.follow_starts: list[int] = []

    def quote_before(self, pos: int, lo: int) -> Quote | None:
        return self.quotes.ending_before(lo, pos, self.text, pat.GAP_BEFORE)

    def quote_after(self, pos: int, hi: int) -> Quote | None:
        return self.quotes.starting_after(pos, hi, self.text, pat.GAP_AFTER)

    def content_of(
        self, cue: Span, src: SourceHit | None, lo: int, hi: int, *, after: bool = False
    ) -> Span | None:
        text = self.text
        s_lo = min(cue.start, src.span.start) if src else cue.start
        s_hi = max(cue.end, src.span.end) if src else cue.end
        q = self.quote_before(s_lo, lo) or self.quote_after(s_hi, hi)
        if q is not None:
            return q.inner
        # The clause after the cue, up to a follow-on ("..., adding"); every test below is bounded or
        # binary-searched, so a window with many cues costs linear time.
        cut = self.follow_on(s_hi, hi)
        if not after:
            h = s_lo
            while h > lo and text[h - 1].isspace():
                h -= 1
            if (
                h > lo
                and text[h - 1] == ","
                and not pat.OPENER.match(text, lo, h)
                and (
                    not has_tokens(text, s_hi, hi if cut is None else cut, 4)
                    or cut is not None and cut < s_hi + 3
                    or pat.AFTER_REASON.match(text, s_hi, hi)
                )
            ):
                end = h - 1
                return Span(lo, end) if end > lo else None
        m = pat.CONTENT_START.match(text, s_hi, hi)
        start = m.end() if m else s_hi
        if cut is not None:
            end = cut
        else:
            end = hi
            while end > s_hi and text[end - 1] in " .":
                end -= 1
        return Span(start, end) if end > start else None

    def follow_on(self, pos: int, hi: int) -> int | None:
        """Where ``pat.FOLLOW_ON`` first matches in ``text[pos:hi]`` (an offset into the text), or None."""
        if self.follow is None:
            # FOLLOW_ON without its final \b: matches start at a comma and hold no other comma, so
            # these are all its matches; the \b is checked against the end of the searched slice.
            self.follow = [m.span() for m in pat.FOLLOW_ON_OPEN.finditer(self.text)]
            self.follow_starts = [s for s, _ in self.follow]
        text = self.text
        for k in range(bisect_left(self.follow_starts, pos), len(self.follow)):
            s, e = self.follow[k]
            if e > hi:
                return None
            if e == hi or not pat.WORD_CHAR.match(text, e):
                return s
        return None

    def quote_type(self, content: Span | None) -> str:
        if content is None:
            return "indirect"
        inside = self.quotes.inside(content)
        if inside == 0:
            return "indirect"
        return "direct" if inside >= 0.9 * len(content) else "mixed"

    def cut(self, a: Attribution, cuts: CutIndex) -> Attribution:
        """End indirect content before a later cue it swallowed ("said X and warned that Y")."""
        c = a.content
        if c is None or a.quote == "direct":
            return a
        cut = cuts.first_cut(a)
        if cut is None:
            return a
        head = self.text[c.start : cut]
        trimmed = pat.TRAILING_JOINERS.sub("", head)
        if not trimmed or not pat.CONJUNCTION.search(head[len(trimmed) :]):
            return a  # "As X reported, Y was warned that ...": the later cue is part of the content
        content = Span(c.start, c.start + len(trimmed))
        return replace(a, content=content, quote=self.quote_type(content))
