"""The report's view-model: every figure computed, sorted and formatted here; templates only print."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

from bias.features import EXTRACTORS
from bias.model import ArticleScores, FeatureSpec
from bias.render.articles import article_view, layer_switches
from bias.render.formatting import format_value, plural, slug
from bias.render.sources import who_speaks

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


def outlet_order(scores: Sequence[ArticleScores]) -> list[str]:
    """Outlets in order of first appearance in the input (stable, as the user gave them)."""
    seen: dict[str, None] = {}
    for s in scores:
        seen.setdefault(s.article.outlet, None)
    return list(seen)


def _cell(values: list[float], spec: FeatureSpec) -> dict[str, str]:
    if not values:
        return {"value": "–", "detail": "no articles"}
    mean = statistics.fmean(values)
    detail = plural(len(values), "article")
    if len(values) > 1:
        detail += f"; range {format_value(min(values), spec.unit)} to {format_value(max(values), spec.unit)}"
    return {"value": format_value(mean, spec.unit), "detail": detail}


def overview(scores: Sequence[ArticleScores], outlets: list[str]) -> list[dict[str, Any]]:
    """Metric rows grouped by extractor; one cell per outlet (mean over its articles)."""
    by_outlet: dict[str, list[ArticleScores]] = {o: [] for o in outlets}
    for s in scores:
        by_outlet[s.article.outlet].append(s)
    groups = []
    for ext in EXTRACTORS:
        rows = []
        for sp in ext.specs:
            cells = [_cell([s.values[sp.name] for s in by_outlet[o] if sp.name in s.values], sp)
                     for o in outlets]
            rows.append({"name": sp.name, "label": sp.label, "unit": sp.unit, "description": sp.description,
                         "higher_means": sp.higher_means, "cells": cells})
        if rows:
            title, blurb = SECTION_TITLES.get(ext.name, (ext.name.title(), ext.description))
            groups.append({"id": f"metrics-{slug(ext.name)}", "title": title, "blurb": blurb, "rows": rows})
    return groups


def methods() -> list[dict[str, Any]]:
    """Every metric explained: its name, unit, direction, meaning and limits."""
    out = []
    for ext in EXTRACTORS:
        title, blurb = SECTION_TITLES.get(ext.name, (ext.name.title(), ext.description))
        out.append({"title": title, "description": ext.description or blurb,
                    "specs": [{"name": sp.name, "label": sp.label, "unit": sp.unit,
                               "higher_means": sp.higher_means, "description": sp.description,
                               "caveat": sp.caveat} for sp in ext.specs]})
    return out


def build_report(scores: Sequence[ArticleScores], *, title: str | None, generated: str,
                 versions: dict[str, str], skipped: Sequence[str] = ()) -> dict[str, Any]:
    """The whole report as plain data for the templates."""
    outlets = outlet_order(scores)
    counts = Counter(s.article.outlet for s in scores)
    articles = [article_view(s) for s in scores]
    outlet_cols = []
    for o in outlets:
        outlet_cols.append({
            "name": o,
            "articles": plural(counts[o], "article"),
            "titles": [{"title": a["title"], "anchor": a["anchor"]} for a in articles if a["outlet"] == o],
        })
    return {
        "title": title or "How the outlets framed it",
        "generated": generated,
        "summary": f"{plural(len(scores), 'article')} from {plural(len(outlets), 'outlet')}",
        "outlets": outlet_cols,
        "overview": overview(scores, outlets),
        "who_speaks": who_speaks(scores, outlets),
        "layers": layer_switches(scores),
        "articles": articles,
        "methods": methods(),
        "versions": [{"name": k, "version": v} for k, v in versions.items()],
        "skipped": list(skipped),
    }
