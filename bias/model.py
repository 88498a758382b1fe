"""Frozen data shared by every stage of `bias`.

The contract of the whole tool: cleaning produces an :class:`Article` whose ``text`` never changes
afterwards, and every later result (a sentence, a quotation, a loaded word, an attribution) is a
:class:`Span` ``[start, end)`` into that one string. Numbers are computed from :class:`Evidence`
spans, so the report can always show the words behind a figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    # Written out (the dataclass keeps it) because spans are built by the hundred thousand: setting
    # the slots directly costs about two thirds of the generated frozen __init__ + __post_init__.
    def __init__(self, start: int, end: int) -> None:
        if start < 0 or end < start:
            raise ValueError(f"invalid span [{start}, {end})")
        _set_start(self, start)
        _set_end(self, end)

    def of(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def __len__(self) -> int:
        return self.end - self.start


# The slot setters of Span (a frozen dataclass refuses ``span.start = ...``; these bypass that).
_new_object = object.__new__
_set_start = vars(Span)["start"].__set__
_set_end = vars(Span)["end"].__set__


def trusted_span(start: int, end: int) -> Span:
    """``Span(start, end)`` without the validation, for offsets that are valid by construction.

    Equal in every way to ``Span(start, end)``; setting the two slots directly costs half as much.
    Only for offsets known to satisfy ``0 <= start <= end`` (e.g. taken from regex matches).
    """
    span = _new_object(Span)
    _set_start(span, start)
    _set_end(span, end)
    return span


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the source page that cleaning removed, kept so the report can show it.

    ``line`` is the 1-based line number in the source file (after decoding), ``reason`` a short
    plain-language label such as ``"ad shortcode"`` or ``"comment box"``.
    """

    text: str
    reason: str
    line: int


@dataclass(frozen=True, slots=True)
class Embedded:
    """A stretch of ``Article.text`` that is not the outlet's own voice (e.g. an embedded post)."""

    span: Span
    kind: str  # "social_post"
    author: str  # who posted it, as written ("Adam Isacson (@adam_wola)"), or ""


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article. ``text`` is frozen: it is the coordinate system for every span."""

    id: str
    outlet: str
    title: str
    text: str
    author: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str | None = None
    source_path: str | None = None
    removed: tuple[Removal, ...] = ()
    embedded: tuple[Embedded, ...] = ()
    notes: tuple[str, ...] = ()  # plain-language remarks on provenance ("outlet not named")
    story: str | None = None  # a story id pinned by the manifest, if any
    metadata: Mapping[str, str] = field(default_factory=_empty)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a number is what it is: a span of the article and what was found there.

    ``feature`` is the extractor name, ``kind`` a machine key (``"negative_sentence"``),
    ``label`` a short human label, ``weight`` the contribution of the span (its meaning is given
    by the extractor's docs), ``note`` a one-line plain-language explanation.
    """

    span: Span
    feature: str
    kind: str
    label: str
    weight: float
    note: str

    # Written out (the dataclass keeps it): sets the slots directly, cheaper than the generated
    # frozen __init__ (extractors build thousands of Evidence per article batch).
    def __init__(self, span: Span, feature: str, kind: str, label: str, weight: float, note: str) -> None:
        _set_evidence_span(self, span)
        _set_evidence_feature(self, feature)
        _set_evidence_kind(self, kind)
        _set_evidence_label(self, label)
        _set_evidence_weight(self, weight)
        _set_evidence_note(self, note)


_set_evidence_span = vars(Evidence)["span"].__set__
_set_evidence_feature = vars(Evidence)["feature"].__set__
_set_evidence_kind = vars(Evidence)["kind"].__set__
_set_evidence_label = vars(Evidence)["label"].__set__
_set_evidence_weight = vars(Evidence)["weight"].__set__
_set_evidence_note = vars(Evidence)["note"].__set__


@dataclass(frozen=True, slots=True)
class FeatureSpec:
    """What one number means. ``name`` is ``extractor__metric`` everywhere (JSON, columns, docs)."""

    name: str
    label: str
    unit: str
    higher_means: str
    description: str
    caveat: str = ""


@dataclass(frozen=True, slots=True)
class FeatureResult:
    """What one extractor returns for one article.

    ``values`` maps full metric names to numbers; ``evidence`` holds the spans they come from;
    ``records`` holds structured, JSON-ready lists keyed by name (e.g. ``"attributions"``);
    ``sentence_fields`` maps a field name to one value per sentence of the parse.
    """

    values: Mapping[str, float]
    evidence: tuple[Evidence, ...] = ()
    records: Mapping[str, tuple[Mapping[str, Any], ...]] = field(default_factory=_empty)
    sentence_fields: Mapping[str, tuple[Any, ...]] = field(default_factory=_empty)


@dataclass(frozen=True, slots=True)
class ArticleScores:
    """All extractors' results for one article, merged."""

    article: Article
    values: Mapping[str, float]
    evidence: tuple[Evidence, ...]
    sentences: tuple[Span, ...]
    paragraphs: tuple[Span, ...] = ()
    records: Mapping[str, tuple[Mapping[str, Any], ...]] = field(default_factory=_empty)
    sentence_fields: Mapping[str, tuple[Any, ...]] = field(default_factory=_empty)


def frozen_map(d: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only view of a copy of ``d`` (no shared mutable state leaves a function)."""
    return MappingProxyType(dict(d))
