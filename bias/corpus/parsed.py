"""The parse of one article: paragraphs, sentences, words and quotations as spans.

``parse()`` (in :mod:`bias.corpus.segment`) builds a :class:`Parsed` once per article; every
extractor reads it and none re-tokenises the text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from operator import attrgetter

from bias.model import Article, Span

_START = attrgetter("start")


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation.

    ``span`` covers the marks themselves, ``inner`` the words between them. ``closed`` is False
    when no closing mark was found and the quotation was cut at the end of its paragraph (or ran
    on into a paragraph that opens with a new mark, the news convention for long quotations).
    ``paragraph_continued`` is True for the later parts of such a run-on quotation.
    """

    span: Span
    inner: Span
    closed: bool
    paragraph_continued: bool = False


@dataclass(frozen=True, slots=True)
class Parsed:
    """Spans of one article, each tuple sorted by start offset."""

    article: Article
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    words: tuple[Span, ...]
    quotes: tuple[Quote, ...]
    # Start offsets, precomputed once so look-ups are binary searches (derived, not compared).
    sentence_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    word_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sentence_starts", tuple(map(_START, self.sentences)))
        object.__setattr__(self, "word_starts", tuple(map(_START, self.words)))

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence holding character ``offset``, or None if it is between sentences."""
        i = bisect_right(self.sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def words_in(self, span: Span) -> tuple[Span, ...]:
        """The word spans that lie inside ``span``."""
        lo = bisect_right(self.word_starts, span.start - 1)
        out = []
        for w in self.words[lo:]:
            if w.start >= span.end:
                break
            if w.end <= span.end:
                out.append(w)
        return tuple(out)

    def in_quote(self, span: Span) -> Quote | None:
        """The quotation whose inner text contains ``span``, if any."""
        for q in self.quotes:
            if q.inner.contains(span):
                return q
            if q.span.start > span.start:
                break
        return None

    def in_embedded(self, span: Span) -> bool:
        """True when ``span`` lies in an embedded post (not the outlet's own voice)."""
        return any(e.span.contains(span) for e in self.article.embedded)
