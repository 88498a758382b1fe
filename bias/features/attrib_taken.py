"""Indexed look-ups over the attributions found so far, for the attribution rules.

The rules ask, for every cue, "does this cue overlap one already taken?", "which attribution came last
in this window?", "is there another cue in this window?" and "where does the next cue inside this
content start?". Scanning the list of attributions for each question is quadratic in the number of
cues (one sentence with 1,400 "said" cues took most of a second); these look-ups keep the cues sorted
by start offset and use binary search, with exactly the answers of the scans they replace.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from bias.features.attrib_resolve import Attribution
from bias.model import Span


class TakenCues:
    """Attributions added so far, sorted by cue start (created per article, grows while rules run)."""

    __slots__ = ("empty", "ends", "items", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.items: list[Attribution] = []
        self.empty = False  # an empty cue breaks the sorted-ends shortcut of ``overlaps``

    def add(self, a: Attribution) -> None:
        """Insert ``a`` after any attribution whose cue starts at the same offset."""
        i = bisect_right(self.starts, a.cue.start)
        self.starts.insert(i, a.cue.start)
        self.ends.insert(i, a.cue.end)
        self.items.insert(i, a)
        self.empty = self.empty or a.cue.start == a.cue.end

    def overlaps(self, cue: Span) -> bool:
        """True when ``cue`` overlaps a cue already taken (``Span.overlaps``)."""
        if self.empty or cue.start == cue.end:
            return any(a.cue.overlaps(cue) for a in self.items)
        # Taken cues are non-empty and do not overlap, so their ends rise with their starts: of those
        # starting before ``cue`` ends, only the last can reach past its start.
        i = bisect_left(self.starts, cue.end)
        return i > 0 and self.ends[i - 1] > cue.start

    def prior(self, lo: int, before: int) -> Attribution | None:
        """The attribution with the last cue starting in ``[lo, before)`` (the latest added on a tie).

        Equal to the last such attribution in the order they were added while they are added in
        text order (as the word-by-word cue scan does).
        """
        i = bisect_left(self.starts, before) - 1
        return self.items[i] if i >= 0 and self.starts[i] >= lo else None

    def ends_between(self, lo: int, pos: int) -> bool:
        """True when a taken cue starts at or after ``lo`` and ends at or before ``pos``."""
        i, j = bisect_left(self.starts, lo), bisect_right(self.starts, pos)
        return any(e <= pos for e in self.ends[i:j])


def count_in(starts: Sequence[int], lo: int, hi: int) -> int:
    """How many of the sorted ``starts`` lie in ``[lo, hi)``."""
    return max(0, bisect_left(starts, hi) - bisect_left(starts, lo))


class CutIndex:
    """For content spans: where the first later cue (or its source, when that comes first) begins.

    Built over attributions sorted by cue start. ``first_cut(a)`` equals
    ``min(min(b.cue.start, b.source.start if b.source and b.source.start > c.start else b.cue.start)
    for b in found if c.start < b.cue.start < c.end and b.cue.start > a.cue.end)`` (None when no such
    ``b``), where ``c`` is ``a.content``.
    """

    __slots__ = ("found", "low", "starts")

    def __init__(self, found: Sequence[Attribution]) -> None:
        self.found = found
        self.starts = [b.cue.start for b in found]
        # low[k]: the smallest cue or source start among found[k:] (a bound that stops the search)
        low: list[int] = [0] * len(found)
        m = None
        for k in range(len(found) - 1, -1, -1):
            b = found[k]
            v = min(b.cue.start, b.source.start) if b.source is not None else b.cue.start
            m = v if m is None or v < m else m
            low[k] = m
        self.low = low

    def first_cut(self, a: Attribution) -> int | None:
        c = a.content
        assert c is not None
        k = bisect_right(self.starts, max(c.start, a.cue.end))
        end = bisect_left(self.starts, c.end)
        best = None
        found, low, starts = self.found, self.low, self.starts
        while k < end:
            # every later candidate's value is at least its cue start (>= starts[k]) or a source start
            # beyond c.start (>= low[k])
            if best is not None and best <= min(starts[k], max(low[k], c.start + 1)):
                break
            b = found[k]
            v = b.cue.start
            if b.source is not None and b.source.start > c.start and b.source.start < v:
                v = b.source.start
            best = v if best is None or v < best else best
            k += 1
        return best
