"""Accessibility: axe-core (shipped inside the axe-playwright-python package) finds no serious or
critical violation in the seeds report or the multi-story report, in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from bias.cli import main

from .browser import open_report

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("corpus", [ROOT / "seeds", ROOT / "tests" / "data" / "stories" / "articles"],
                         ids=["seeds", "stories"])
def test_no_serious_accessibility_violations(corpus: Path, tmp_path: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    out = tmp_path / "report.html"
    assert main(["report", str(corpus), "-o", str(out)]) == 0
    with open_report(out) as (page, log):
        result = Axe().run(page)
        serious = [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]])
                   for v in result.response["violations"] if v["impact"] in {"serious", "critical"}]
        assert serious == []
        assert len(result.response["passes"]) > 20  # axe really ran
        assert log.requests == []
