"""The parse of one article: paragraphs, sentences, words and quotations as spans.

``parse()`` (in :mod:`bias.corpus.segment`) builds a :class:`Parsed` once per article; every
extractor reads it and none re-tokenises the text.

An article has about a thousand words, and most extractors only need their offsets or their text,
not a :class:`~bias.model.Span` object per word. So ``parse()`` builds :class:`Parsed` with
:meth:`Parsed.from_word_offsets`: it gives the plain offset tuples ``word_starts`` / ``word_ends``
and the lower-cased word texts, which the parser finds together with the offsets; ``words`` and the
words as written (``word_texts``, read by few) are filled in on first use. A lazy field reads
exactly as if it had been given to the constructor (same value, equality, hash, repr and pickle).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from types import MappingProxyType

from bias.model import Article, Span, trusted_span

_START = attrgetter("start")
_END = attrgetter("end")


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
    """Spans of one article, each tuple sorted by start offset.

    Words never overlap, so ``word_starts`` and ``word_ends`` both rise. ``word_texts`` holds
    each word as written and ``word_lower`` the same lower-cased (both aligned with ``words``).
    """

    article: Article
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    words: tuple[Span, ...]
    quotes: tuple[Quote, ...]
    # Start offsets, precomputed once so look-ups are binary searches (derived, not compared).
    sentence_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    word_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    word_ends: tuple[int, ...] = field(init=False, repr=False, compare=False)
    word_texts: tuple[str, ...] = field(init=False, repr=False, compare=False)
    word_lower: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sentence_starts", tuple(map(_START, self.sentences)))
        object.__setattr__(self, "word_starts", tuple(map(_START, self.words)))
        object.__setattr__(self, "word_ends", tuple(map(_END, self.words)))

    @classmethod
    def from_word_offsets(cls, article: Article, paragraphs: tuple[Span, ...], sentences: tuple[Span, ...],
                          word_starts: tuple[int, ...], word_ends: tuple[int, ...],
                          quotes: tuple[Quote, ...], word_lower: tuple[str, ...] | None = None) -> Parsed:
        """A parse whose words are given as offsets (``0 <= start <= end``, sorted, disjoint).

        Equal to ``Parsed(article, paragraphs, sentences, words, quotes)`` with ``words`` the spans
        of those offsets; the word spans are only built if ``words`` is read. ``word_lower``, when
        given, must be the texts of those words lower-cased (each ``str.lower`` of its word, as the
        parser finds them anyway).
        """
        parsed = object.__new__(cls)
        for name, value in (("article", article), ("paragraphs", paragraphs), ("sentences", sentences),
                            ("quotes", quotes), ("sentence_starts", tuple(map(_START, sentences))),
                            ("word_starts", word_starts), ("word_ends", word_ends)):
            object.__setattr__(parsed, name, value)
        if word_lower is not None:
            object.__setattr__(parsed, "word_lower", word_lower)
        return parsed

    def __getattr__(self, name: str) -> object:
        """Fill in a lazy field on first read (only called when the attribute is not set yet)."""
        build = _LAZY.get(name)
        if build is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = build(self)
        object.__setattr__(self, name, value)
        return value

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
        """The word spans that lie inside ``span``.

        Words are sorted and disjoint, so they are a run: from the first word starting at or after
        ``span.start`` up to the last ending at or before ``span.end`` (two binary searches).
        """
        lo, hi = self._word_run(span)
        return tuple(map(trusted_span, self.word_starts[lo:hi], self.word_ends[lo:hi]))

    def count_words_in(self, span: Span) -> int:
        """``len(self.words_in(span))``, without building the spans."""
        lo, hi = self._word_run(span)
        return hi - lo

    def _word_run(self, span: Span) -> tuple[int, int]:
        """Indices ``[lo, hi)`` of the words inside ``span``."""
        lo = bisect_left(self.word_starts, span.start)
        return lo, bisect_right(self.word_ends, span.end, lo)

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


def _words(parsed: Parsed) -> tuple[Span, ...]:
    return tuple(map(trusted_span, parsed.word_starts, parsed.word_ends))


def _word_texts(parsed: Parsed) -> tuple[str, ...]:
    return tuple(map(parsed.article.text.__getitem__, map(slice, parsed.word_starts, parsed.word_ends)))


def _word_lower(parsed: Parsed) -> tuple[str, ...]:
    return tuple(map(str.lower, parsed.word_texts))


# The fields Parsed fills in on first read, and how.
_LAZY: MappingProxyType[str, Callable[[Parsed], object]] = MappingProxyType(
    {"words": _words, "word_texts": _word_texts, "word_lower": _word_lower})
