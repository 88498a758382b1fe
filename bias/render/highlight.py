"""Cut an article's text into segments at every evidence boundary, paragraph by paragraph.

The template wraps each segment in one ``<mark>`` per highlight layer that covers it (nested, so a
reader can switch one layer off without hiding the others), each carrying that layer's classes and
explanations (overlaps are allowed). Segments are plain text: escaping is the template's.
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
class Wrap:
    """One layer's highlight around a segment: the layer's classes, notes and an optional anchor."""

    classes: str
    note: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same set of marks; ``wraps`` has one entry per layer (outermost
    first), empty for plain text."""

    text: str
    wraps: tuple[Wrap, ...]

    @property
    def classes(self) -> str:
        return " ".join(w.classes for w in self.wraps)

    @property
    def note(self) -> str:
        return " | ".join(w.note for w in self.wraps if w.note)


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
        layers: dict[str, list[Mark]] = {}
        for m in covering:
            layers.setdefault(m.classes[0], []).append(m)
        wraps = []
        for layer in sorted(layers):
            group = layers[layer]
            classes = [layer, *sorted({c for m in group for c in m.classes[1:]})]
            notes: list[str] = []
            for m in group:
                # a mark cut into several segments explains itself once, on its first segment
                if m.note and m.note not in notes and max(m.span.start, para.start) == a:
                    notes.append(m.note)
            anchor = next((m.anchor for m in group if m.anchor and m.span.start == a), "")
            wraps.append(Wrap(" ".join(classes), " | ".join(notes), anchor))
        out.append(Segment(text[a:b], tuple(wraps)))
    return tuple(out)
