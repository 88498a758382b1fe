"""The committed seeds report is current: rendering seeds/ again gives the same page.

Volatile parts (the generation date and the version line in the footer) are scrubbed before
comparing. To update after a deliberate change: `python3 tasks.py report` and commit
reports/seeds.html.
"""

from __future__ import annotations

import re
from pathlib import Path

from bias.analysis import analyze_article
from bias.corpus.load import iter_inputs
from bias.model import Article
from bias.render.report import render_report

ROOT = Path(__file__).resolve().parents[1]


def _scrub(html: str) -> str:
    html = re.sub(r"\d{4}-\d{2}-\d{2}", "DATE", html)
    return re.sub(r'<span class="ver">[^<]*</span>', "VER", html)


def test_committed_seeds_report_is_current(no_network: None) -> None:
    articles = [a for a in iter_inputs([ROOT / "seeds"]) if isinstance(a, Article)]
    fresh = render_report([analyze_article(a) for a in articles])
    committed = (ROOT / "reports" / "seeds.html").read_text(encoding="utf-8")
    assert _scrub(fresh) == _scrub(committed), (
        "reports/seeds.html is out of date: run `python3 tasks.py report` and commit it")
