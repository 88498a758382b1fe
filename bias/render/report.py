"""Render the report: view-model in, one self-contained HTML string out."""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from markupsafe import Markup

from bias.compare.stories import StoryAssignment
from bias.features import EXTRACTORS, Extractor
from bias.model import ArticleScores
from bias.render.environment import make_environment, packaged_templates_dir
from bias.render.inputs import ReportInput
from bias.render.viewmodel import build_report
from bias.versions import versions


def generation_date() -> str:
    """Today's date (UTC), or the date of ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        moment = datetime.fromtimestamp(int(epoch), tz=UTC)
    else:
        moment = datetime.now(tz=UTC)
    return moment.strftime("%Y-%m-%d")


def _asset(name: str) -> str:
    return (packaged_templates_dir() / "assets" / name).read_text(encoding="utf-8")


def render_report(scores: ReportInput | Sequence[ArticleScores], *, title: str | None = None,
                  templates: Path | None = None, skipped: Sequence[str] = (),
                  extractors: Sequence[Extractor] = EXTRACTORS,
                  stories: StoryAssignment | None = None,
                  analysis_versions: Mapping[str, str] | None = None) -> str:
    """The HTML report for ``scores`` (analysed articles, or a :class:`ReportInput`), deterministic for
    the same input and date. ``analysis_versions``: the versions that produced a stored analysis
    (default: this installation's)."""
    env = make_environment(templates)
    stamp = dict(analysis_versions) if analysis_versions else versions()
    model = build_report(scores, title=title, generated=generation_date(), versions=stamp,
                         skipped=skipped, extractors=extractors, stories=stories)
    # Our own assets (never input) are marked safe; the script's hash goes into the page's
    # Content-Security-Policy so no other script can run, even if markup slipped through.
    js = _asset("report.js")
    js_hash = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return env.get_template("report.html").render(
        report=model, css=Markup(_asset("report.css")), js=Markup(js), js_hash=js_hash)
