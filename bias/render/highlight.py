"""Cut an article's text into segments at every evidence boundary, paragraph by paragraph.

The template wraps each segment in a ``<mark>`` carrying the classes and explanations of all the
evidence that covers it (overlaps are allowed). Segments are plain text: escaping is the template's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bias.model import Span


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: its span, CSS classes (layer and kind) and a plain-language note."""

    span: Span
    classes: tuple[str, ...]
    note: str
    anchor: str = ""  # an id the page can link to (e.g. an attribution in the ledger)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same set of marks (none for plain text)."""

    text: str
    classes: str
    note: str
    anchor: str
    marked: bool


def segment_paragraph(text: str, para: Span, marks: Sequence[Mark]) -> tuple[Segment, ...]:
    """Segments of ``text[para]``; every mark is clipped to the paragraph."""
    inside = [m for m in marks if m.span.start < para.end and para.start < m.span.end]
    cuts = {para.start, para.end}
    for m in inside:
        cuts.add(max(m.span.start, para.start))
        cuts.add(min(m.span.end, para.end))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        if a >= b:
            continue
        covering = [m for m in inside if m.span.start <= a and b <= m.span.end]
        if covering:
            classes = sorted({c for m in covering for c in m.classes})
            notes = []
            for m in covering:
                if m.note and m.note not in notes:
                    notes.append(m.note)
            anchor = next((m.anchor for m in covering if m.anchor and m.span.start == a), "")
            out.append(Segment(text[a:b], " ".join(classes), " | ".join(notes), anchor, True))
        else:
            out.append(Segment(text[a:b], "", "", "", False))
    return tuple(out)
