"""bias: show how different news outlets frame the same subject, with evidence for every number.

Public API (re-exports only): ``analyze_article``, ``parse``, ``Article``, ``ArticleScores``,
``Evidence``, ``Span``, ``EXTRACTORS``, ``render_report``.
"""

from bias.analysis import analyze, analyze_article
from bias.corpus.segment import parse
from bias.features import EXTRACTORS, FeatureTransformer
from bias.model import Article, ArticleScores, Evidence, FeatureSpec, Span

__all__ = ["EXTRACTORS", "Article", "ArticleScores", "Evidence", "FeatureSpec", "FeatureTransformer",
           "Span", "analyze", "analyze_article", "parse", "render_report"]


def render_report(*args, **kwargs):  # noqa: ANN002, ANN003
    """Render the HTML report (see :func:`bias.render.report.render_report`)."""
    from bias.render.report import render_report as _render

    return _render(*args, **kwargs)
