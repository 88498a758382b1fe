"""Exports written next to the HTML report on request (``bias report --export``).

- ``<name>.json``: the full comparison, versioned (``"format": "bias-comparison/1"``): outlet
  aggregates for every metric, stories, distinctive vocabulary, the overview sentences and one
  summary per article (with its story id);
- ``<name>.articles.csv``: one row per article (its metrics as columns, and its story);
- ``<name>.attributions.csv``: one row per attribution;
- ``<name>.outlets.csv``: one row per outlet and metric (n, mean, median, bootstrap interval).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bias.compare.aggregates import outlet_metrics
from bias.compare.sentences import overview_sentences
from bias.compare.stories import StoryAssignment
from bias.compare.vocabulary import distinctive_terms
from bias.export import article_record, attribution_csv, csv_rows
from bias.model import ArticleScores

COMPARISON_FORMAT = "bias-comparison/1"
SUFFIXES = (".json", ".articles.csv", ".attributions.csv", ".outlets.csv")


def export_paths(html: Path) -> tuple[Path, ...]:
    """The export files for a report at ``html`` (same folder, same stem)."""
    stem = html.with_suffix("")
    return tuple(stem.with_name(stem.name + suffix) for suffix in SUFFIXES)


def _metric_names(scores: Sequence[ArticleScores]) -> list[str]:
    return sorted({k for s in scores for k in s.values})


def outlets_csv(scores: Sequence[ArticleScores]) -> str:
    """One row per outlet and metric: n, mean, median, 95% bootstrap interval, enough articles."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["outlet", "metric", "n", "mean", "median", "low", "high", "enough"])
    for m in outlet_metrics(scores, _metric_names(scores)):
        writer.writerow([m.outlet, m.metric, m.n, f"{m.mean:.6g}", f"{m.median:.6g}", f"{m.low:.6g}",
                         f"{m.high:.6g}", m.enough])
    return buf.getvalue()


def comparison_document(scores: Sequence[ArticleScores], stories: StoryAssignment | None,
                        versions: dict[str, str]) -> dict[str, Any]:
    """The whole comparison as JSON-ready data."""
    story_of = dict(stories.story_of) if stories else {}
    return {
        "format": COMPARISON_FORMAT,
        "versions": versions,
        "outlets": [
            {"outlet": m.outlet, "metric": m.metric, "n": m.n, "mean": m.mean, "median": m.median,
             "low": m.low, "high": m.high, "enough": m.enough}
            for m in outlet_metrics(scores, _metric_names(scores))
        ],
        "stories": [{"id": st.id, "label": st.label, "terms": list(st.terms),
                     "articles": list(st.article_ids), "outlets": list(st.outlets), "pinned": st.pinned}
                    for st in (stories.stories if stories else ())],
        "story_threshold": stories.threshold if stories else None,
        "vocabulary": {outlet: [{"term": t.term, "z": t.z, "delta": t.delta, "count": t.count,
                                 "rest_count": t.rest_count, "article_id": t.article_id,
                                 "example": t.example} for t in terms]
                       for outlet, terms in distinctive_terms(scores).items()},
        "sentences": [{"topic": s.topic, "text": s.text, "caveat": s.caveat_text if s.caveat else None}
                      for s in overview_sentences(scores)],
        "articles": [{"id": s.article.id, "outlet": s.article.outlet, "title": s.article.title,
                      "story": story_of.get(s.article.id), "metrics": dict(sorted(s.values.items()))}
                     for s in scores],
    }


def export_texts(scores: Sequence[ArticleScores], stories: StoryAssignment | None,
                 versions: dict[str, str]) -> tuple[str, ...]:
    """The contents of the four export files, in the order of :data:`SUFFIXES`."""
    story_of = dict(stories.story_of) if stories else {}
    records = []
    for s in scores:
        rec = article_record(s, versions)
        rec["story"] = story_of.get(s.article.id)
        records.append(rec)
    doc = comparison_document(scores, stories, versions)
    articles = csv_rows(records, extra=("story",))
    return (json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n", articles,
            attribution_csv(records), outlets_csv(scores))
