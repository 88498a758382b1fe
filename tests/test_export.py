"""The public JSONL contract: emitted fields are exactly the documented ones, spans are valid."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bias.analysis import analyze_article
from bias.export import article_record, csv_rows, to_json_line
from bias.model import Article

DOC = Path(__file__).resolve().parents[1] / "docs" / "output-format.md"


def _documented(section: str) -> set[str]:
    text = DOC.read_text(encoding="utf-8")
    body = text.split(section, 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)`", body, flags=re.M))


def _record() -> dict:
    art = Article(id="a", outlet="O", title="T", text="T\nThe plan is a disaster. We love it, she said.")
    return json.loads(to_json_line(article_record(analyze_article(art), {"bias": "x"})))


def test_article_fields_are_documented_and_emitted() -> None:
    rec = _record()
    documented = _documented("## Article fields")
    optional = {"attributions", "attribution_summary"}  # present when the attribution extractor ran
    assert documented - optional <= set(rec), documented - set(rec)
    assert set(rec) <= documented, set(rec) - documented


def test_evidence_fields_and_spans() -> None:
    rec = _record()
    documented = {"start", "end", "feature", "kind", "label", "weight", "note"}
    assert rec["evidence"], "the tiny text has a negative and a positive sentence"
    for ev in rec["evidence"]:
        assert set(ev) == documented
        assert 0 <= ev["start"] < ev["end"] <= len(rec["text"])
    for s in rec["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(rec["text"])


def test_metric_names_follow_extractor_metric() -> None:
    rec = _record()
    assert rec["metrics"]
    assert all(re.fullmatch(r"[a-z]+__[a-z0-9_]+", k) for k in rec["metrics"])


def test_csv_has_one_row_per_article_with_metric_columns() -> None:
    rec = _record()
    text = csv_rows([rec, {**rec, "id": "b"}])
    lines = text.splitlines()
    assert len(lines) == 3
    header = lines[0].split(",")
    assert header[:8] == ["id", "outlet", "title", "author", "date", "url", "source_path", "words"]
    assert sorted(rec["metrics"]) == header[8:]
