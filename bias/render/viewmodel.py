"""The report's view-model: every figure computed, sorted and formatted here; templates only print."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from bias.compare.aggregates import MIN_ARTICLES, compare_outlets, outlet_metrics
from bias.compare.stories import StoryAssignment
from bias.compare.tally import CorpusTally
from bias.features import EXTRACTORS, Extractor
from bias.model import ArticleScores, FeatureSpec
from bias.render.articles import article_view, hidden_layers_class, layer_switches
from bias.render.formatting import format_value, plural, slug
from bias.render.inputs import (
    VOCABULARY_SAMPLE,
    ReportInput,
    from_scores,
)
from bias.render.language import language
from bias.render.mapview import map_view
from bias.render.outlets import sentences_view, vocabulary_view
from bias.render.sources import who_speaks
from bias.render.stories import stories_view

# The handful of measures the overview shows first (the rest are under "All measures").
KEY_METRICS = (
    "attribution__per_1000_words", "attribution__anonymous_share", "attribution__direct_share",
    "loaded__narration_per_1000", "loaded__quoted_per_1000", "loaded__hedges_per_1000",
    "opinion__share", "sentiment__mean_compound", "sentiment__negative_share",
    "readability__flesch_kincaid_grade", "readability__words",
)

# Extractors with one row per lexicon term or frame: rows nobody used are left out of the overview.
SPARSE = frozenset({"wordchoice", "frames"})

# Extractor sections as the overview groups them (label, one line for a reader).
SECTION_TITLES = {
    "attribution": ("Who speaks",
                    "How each outlet attributes what it reports: to whom, and with which verb."),
    "loaded": ("Loaded language", "Words that carry a judgement, in the outlet's own voice and in quotes."),
    "wordchoice": ("Word choice", "Which of several competing terms each outlet uses for the same thing."),
    "frames": ("Frames", "Which policy angles the sentences take (economy, crime, security, ...)."),
    "opinion": ("Opinion", "How much of the text reads as opinion rather than report."),
    "sentiment": ("Tone", "How negative or positive the sentences sound (VADER, sentence by sentence)."),
    "readability": ("Readability", "How hard the text is to read (approximate formulas)."),
}


def _cell(values: list[float], spec: FeatureSpec) -> dict[str, str]:
    if not values:
        return {"value": "–", "detail": "no articles"}
    mean = statistics.fmean(values)
    detail = plural(len(values), "article")
    if len(values) > 1:
        detail += f"; range {format_value(min(values), spec.unit)} to {format_value(max(values), spec.unit)}"
    return {"value": format_value(mean, spec.unit), "detail": detail}


def overview(tally: CorpusTally, outlets: list[str],
             extractors: Sequence[Extractor] = EXTRACTORS) -> list[dict[str, Any]]:
    """Metric rows grouped by extractor; one cell per outlet (mean over its articles)."""
    groups = []
    for ext in extractors:
        rows = []
        for sp in ext.specs:
            per_outlet = [tally.values(sp.name, o) for o in outlets]
            if ext.name in SPARSE and not any(v for vals in per_outlet for v in vals):
                continue  # a term or frame no outlet used: leave the row out of the overview
            cells = [_cell(vals, sp) for vals in per_outlet]
            rows.append({"name": sp.name, "label": sp.label, "unit": sp.unit, "description": sp.description,
                         "higher_means": sp.higher_means, "cells": cells})
        if rows:
            title, blurb = SECTION_TITLES.get(ext.name, (ext.name.title(), ext.description))
            groups.append({"id": f"metrics-{slug(ext.name)}", "title": title, "blurb": blurb, "rows": rows})
    return groups


def _glance_cell(m: Any, spec: FeatureSpec) -> dict[str, str]:
    if m is None:
        return {"value": "–", "detail": "no articles"}
    if not m.enough:
        return {"value": format_value(m.mean, spec.unit),
                "detail": f"{plural(m.n, 'article')}: too few to generalise"}
    return {"value": format_value(m.mean, spec.unit),
            "detail": f"{plural(m.n, 'article')}; 95% interval {format_value(m.low, spec.unit)} to "
                      f"{format_value(m.high, spec.unit)}; median {format_value(m.median, spec.unit)}"}


def _noise(scores: CorpusTally, name: str, figures: list[Any]) -> str:
    """A plain statement of whether the highest and lowest outlet differ beyond chance."""
    enough = [m for m in figures if m is not None and m.enough]
    if len(enough) < 2:
        return (f"Too few articles to tell a difference from chance (needs {MIN_ARTICLES} or more "
                "articles per outlet).")
    hi = max(enough, key=lambda m: (m.mean, m.outlet))
    lo = min(enough, key=lambda m: (m.mean, m.outlet))
    diff = compare_outlets(scores, name, hi.outlet, lo.outlet)
    if diff.verdict == "differ":
        p = "p < 0.001" if diff.p_value < 0.001 else f"p = {diff.p_value:.3f}"
        return f"{hi.outlet} and {lo.outlet} differ beyond chance ({diff.method} {p})."
    return f"The gap between {hi.outlet} and {lo.outlet} is within noise (p = {diff.p_value:.2f})."


def at_a_glance(scores: CorpusTally, outlets: list[str],
                extractors: Sequence[Extractor]) -> list[dict[str, Any]]:
    """The key measures: per outlet the mean, and with enough articles a bootstrap interval and median;
    per row a statement of whether the extremes differ beyond noise."""
    specs = {sp.name: sp for ext in extractors for sp in ext.specs}
    names = [n for n in KEY_METRICS if n in specs]
    figures = {(m.metric, m.outlet): m for m in outlet_metrics(scores, names)}
    rows = []
    for name in names:
        sp = specs[name]
        per = [figures.get((name, o)) for o in outlets]
        if all(m is None for m in per):
            continue
        rows.append({"name": name, "label": sp.label, "higher_means": sp.higher_means,
                     "cells": [_glance_cell(m, sp) for m in per], "noise": _noise(scores, name, per)})
    return rows


def _labels(extractors: Sequence[Extractor]) -> dict[str, str]:
    return {sp.name: sp.label for ext in extractors for sp in ext.specs}


def methods(extractors: Sequence[Extractor] = EXTRACTORS) -> list[dict[str, Any]]:
    """Every metric explained: its name, unit, direction, meaning and limits."""
    out = []
    for ext in extractors:
        title, blurb = SECTION_TITLES.get(ext.name, (ext.name.title(), ext.description))
        out.append({"title": title, "description": ext.description or blurb,
                    "specs": [{"name": sp.name, "label": sp.label, "unit": sp.unit,
                               "higher_means": sp.higher_means, "description": sp.description,
                               "caveat": sp.caveat} for sp in ext.specs]})
    return out


def build_report(source: ReportInput | Sequence[ArticleScores], *, title: str | None, generated: str,
                 versions: dict[str, str], skipped: Sequence[str] = (),
                 extractors: Sequence[Extractor] = EXTRACTORS,
                 stories: StoryAssignment | None = None) -> dict[str, Any]:
    """The whole report as plain data for the templates (from a :class:`ReportInput`, or from a list
    of analysed articles with ``stories`` grouped here unless given)."""
    data = source if isinstance(source, ReportInput) else from_scores(source, stories)
    tally, shown = data.tally, list(data.shown)
    outlets = list(tally.outlets)
    counts = tally.counts
    total = len(tally)
    articles = [article_view(s, extractors) for s in shown]
    switches = layer_switches(shown)
    groups = overview(tally, outlets, extractors)
    outlet_cols = []
    for o in outlets:
        outlet_cols.append({
            "name": o,
            "articles": plural(counts[o], "article"),
            "titles": [{"title": a["title"], "anchor": a["anchor"]} for a in articles if a["outlet"] == o],
            "more": (f"and {counts[o] - sum(1 for a in articles if a['outlet'] == o):,} more in "
                     f"{data.full_data}" if len(shown) < total else ""),
        })
    return {
        "title": title or "How the outlets framed it",
        "generated": generated,
        "summary": f"{plural(total, 'article')} from {plural(len(outlets), 'outlet')}",
        "outlets": outlet_cols,
        "overview": groups,
        "glance": at_a_glance(tally, outlets, extractors),
        "sentences": sentences_view(tally),
        "stories": stories_view(data.story_scores, data.stories),
        "vocabulary": vocabulary_view(data.vocabulary, outlets),
        "vocabulary_note": (f"Distinctive words are computed from a fixed sample of "
                            f"{len(data.vocabulary):,} of the {total:,} articles (up to "
                            f"{VOCABULARY_SAMPLE:,} per outlet, chosen by a hash of the article id, so the "
                            "same corpus always gives the same sample)." if data.vocabulary_sampled else ""),
        "map": map_view(tally, _labels(extractors)),
        "who_speaks": who_speaks(tally, outlets),
        "language": language(tally, outlets),
        "layers": switches,
        "body_class": hidden_layers_class(switches),
        "articles": articles,
        "sampled": (f"The reader shows {len(shown)} of the {total:,} articles, taken in turn from each "
                    "outlet; every article's figures count in the tables above and are in "
                    f"{data.full_data}{data.full_data_hint}." if len(shown) < total else ""),
        "methods": methods(extractors),
        "versions": [{"name": k, "version": v} for k, v in versions.items()],
        "skipped": list(skipped),
    }
