"""Run every registered extractor over one parsed article and merge the results."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter

from bias.corpus.segment import parse
from bias.features import EXTRACTORS, Extractor
from bias.model import Article, ArticleScores, frozen_map
from bias.speakers import attach_speakers

# The order of the merged evidence: by position, then by what was found (one C-level key per item).
_EVIDENCE_ORDER = attrgetter("span.start", "span.end", "feature", "kind", "label")


def analyze_article(article: Article, extractors: Iterable[Extractor] = EXTRACTORS) -> ArticleScores:
    """Parse ``article`` once and run each extractor on the parse.

    Evidence is sorted by position so the output does not depend on extractor order.
    """
    parsed = parse(article)
    values: dict[str, float] = {}
    evidence = []
    records: dict = {}
    sentence_fields: dict = {}
    for ext in extractors:
        result = ext.run(parsed)
        values.update(result.values)
        evidence.extend(result.evidence)
        records.update(result.records)
        sentence_fields.update(result.sentence_fields)
    evidence.sort(key=_EVIDENCE_ORDER)
    return ArticleScores(
        article=article,
        values=frozen_map(values),
        evidence=tuple(evidence),
        sentences=parsed.sentences,
        paragraphs=parsed.paragraphs,
        records=frozen_map(attach_speakers(records)),
        sentence_fields=frozen_map(sentence_fields),
    )


def analyze(articles: Iterable[Article]) -> Iterator[ArticleScores]:
    """Analyse articles one at a time, in input order (a generator: memory stays flat)."""
    for article in articles:
        yield analyze_article(article)
