"""Exports next to the report: the comparison JSON and three CSV files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from bias.analysis import analyze_article
from bias.compare.stories import cluster_stories
from bias.corpus.load import iter_inputs
from bias.exports import COMPARISON_FORMAT, export_paths, export_texts
from bias.model import Article

STORIES = Path(__file__).resolve().parent / "data" / "stories" / "articles"


def test_export_paths_sit_next_to_the_report() -> None:
    assert [p.name for p in export_paths(Path("out/class.html"))] == [
        "class.json", "class.articles.csv", "class.attributions.csv", "class.outlets.csv"]


def test_exports_carry_stories_aggregates_and_attributions() -> None:
    scores = [analyze_article(a) for a in iter_inputs([STORIES]) if isinstance(a, Article)]
    stories = cluster_stories([s.article for s in scores])
    doc_text, articles, attributions, outlets = export_texts(scores, stories, {"bias": "test"})
    doc = json.loads(doc_text)
    assert doc["format"] == COMPARISON_FORMAT
    assert len(doc["articles"]) == len(scores) == 20
    assert {a["story"] for a in doc["articles"]} == {st["id"] for st in doc["stories"]}
    rows = list(csv.DictReader(io.StringIO(articles)))
    assert len(rows) == 20 and all(r["story"].startswith("story-") for r in rows)
    att_rows = list(csv.DictReader(io.StringIO(attributions)))
    assert len(att_rows) == sum(len(s.records["attributions"]) for s in scores)
    out_rows = list(csv.DictReader(io.StringIO(outlets)))
    n_outlets = len({s.article.outlet for s in scores})
    n_metrics = len({k for s in scores for k in s.values})
    assert len(out_rows) == n_outlets * n_metrics
    first = next(r for r in out_rows if r["metric"] == "readability__words")
    assert float(first["low"]) <= float(first["mean"]) <= float(first["high"])
