"""Position look-ups over an article's quotations, for the attribution rules.

The rules ask, for many cues per article, "which quotation holds this span?", "which quotation ends
just before this offset?" and "how many characters of this content lie inside quotation marks?".
Scanning every quotation for each question is quadratic in the length of the article; these
look-ups use binary search over the quotations sorted by offset and give exactly the answers of
the scans (the *first* matching quotation in ``Parsed.quotes`` order wherever a scan stopped at
the first match), whatever the order and nesting of the quotations.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate

from bias.corpus.parsed import Quote
from bias.model import Span


class QuoteIndex:
    """Quotations of one article sorted three ways (created per article; never mutated after)."""

    __slots__ = ("_by_end", "_by_inner", "_by_start", "_ends", "_inner_max_end", "_inner_starts",
                 "_starts", "quotes")

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = tuple(quotes)
        n = range(len(self.quotes))
        q = self.quotes
        # Original positions sorted by inner start; the running maximum of inner ends lets a search
        # skip every quotation that ends before a span starts, nested or not.
        self._by_inner = sorted(n, key=lambda k: q[k].inner.start)
        self._inner_starts = [q[k].inner.start for k in self._by_inner]
        self._inner_max_end = list(accumulate((q[k].inner.end for k in self._by_inner), max))
        self._by_start = sorted(n, key=lambda k: q[k].span.start)
        self._starts = [q[k].span.start for k in self._by_start]
        self._by_end = sorted(n, key=lambda k: q[k].span.end)
        self._ends = [q[k].span.end for k in self._by_end]

    def _inner_reaching(self, start: int, end: int, *, touching: bool) -> list[int]:
        """Original positions of quotations whose inner span starts at or before ``start`` (or,
        with ``touching`` False, before ``end``) and ends at or after ``end`` (or after ``start``)."""
        if touching:  # inner.start <= start and inner.end >= end
            lo = bisect_left(self._inner_max_end, end)
            hi = bisect_right(self._inner_starts, start)
            return [k for k in self._by_inner[lo:hi] if self.quotes[k].inner.end >= end]
        # overlapping: inner.start < end and inner.end > start
        lo = bisect_right(self._inner_max_end, start)
        hi = bisect_left(self._inner_starts, end)
        return [k for k in self._by_inner[lo:hi] if self.quotes[k].inner.end > start]

    def containing(self, span: Span) -> Quote | None:
        """The first quotation whose inner span contains ``span`` (``Quote.inner.contains``)."""
        found = self._inner_reaching(span.start, span.end, touching=True)
        return self.quotes[min(found)] if found else None

    def inside(self, content: Span) -> int:
        """Characters of ``content`` inside quotations, summed over quotations (nested ones count
        once each, as a plain sum over all quotations would)."""
        q = self.quotes
        return sum(max(0, min(q[k].inner.end, content.end) - max(q[k].inner.start, content.start))
                   for k in self._inner_reaching(content.start, content.end, touching=False))

    def first_ending(self, lo: int, pos: int, ok: Callable[[Quote], bool]) -> Quote | None:
        """The first quotation with ``lo < span.end <= pos`` for which ``ok`` holds."""
        a, b = bisect_right(self._ends, lo), bisect_right(self._ends, pos)
        for k in sorted(self._by_end[a:b]):
            if ok(self.quotes[k]):
                return self.quotes[k]
        return None

    def first_starting(self, pos: int, hi: int, ok: Callable[[Quote], bool]) -> Quote | None:
        """The first quotation with ``pos <= span.start < hi`` for which ``ok`` holds."""
        a, b = bisect_left(self._starts, pos), bisect_left(self._starts, hi)
        for k in sorted(self._by_start[a:b]):
            if ok(self.quotes[k]):
                return self.quotes[k]
        return None

    def ending_before(self, lo: int, pos: int, text: str, gap: re.Pattern[str]) -> Quote | None:
        """``first_ending(lo, pos, ok)`` where ``ok(q)``: ``gap`` matches all of ``text[q.span.end:pos]``
        (most look-ups find no quotation ending in range: they stop before any callback is made)."""
        if bisect_right(self._ends, lo) == bisect_right(self._ends, pos):
            return None
        return self.first_ending(lo, pos, lambda q: gap.fullmatch(text, q.span.end, pos) is not None)

    def starting_after(self, pos: int, hi: int, text: str, gap: re.Pattern[str]) -> Quote | None:
        """``first_starting(pos, hi, ok)`` where ``ok(q)``: ``gap`` matches all of
        ``text[pos:q.span.start]`` (stops at once when no quotation starts in range)."""
        if bisect_left(self._starts, pos) == bisect_left(self._starts, hi):
            return None
        return self.first_starting(pos, hi, lambda q: gap.fullmatch(text, pos, q.span.start) is not None)
