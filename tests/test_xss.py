"""Cross-site scripting: a hostile corpus and a hostile user lexicon render inert in headless Chromium.

Every field a user controls carries markup or script: titles, outlet names, authors, URLs
(``javascript:`` and ``data:``), article text, extra metadata, and a user lexicon's explanation,
alternative, description and citation. The report must show them as text: no dialog, no script run,
no event-handler attribute, links only http(s) or in-page, and a Content-Security-Policy that
forbids every external load.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bias.cli import main
from bias.pipeline import EXIT_OK

from .browser import open_report

pytestmark = pytest.mark.browser

PWN = "window.__pwned=(window.__pwned||0)+1"
PAYLOADS = (
    f"<script>{PWN};alert('script')</script>",
    f"<img src=x onerror=\"{PWN};alert('img')\">",
    f"\"><svg onload=\"{PWN};alert('svg')\">",
    f"'><iframe srcdoc=\"<script>parent.{PWN}</script>\"></iframe>",
    f"</textarea></style></title><script>{PWN}</script>",
    f"<a href=\"javascript:{PWN}\">click me</a>",
    "{{ 7*7 }}{% raw %}",
    f"<math><mtext><table><mglyph><style><img src=x onerror={PWN}>",
)
HOSTILE = " ".join(PAYLOADS)
BAD_URLS = (f"javascript:{PWN};alert('url')", f"data:text/html,<script>{PWN}</script>",
            f" JaVaScRiPt:{PWN}", f"vbscript:{PWN}")


def _text(n: int) -> str:
    return (f"Officials said the zorblax plan was reckless. {PAYLOADS[n % len(PAYLOADS)]}\n\n"
            f"\u201cIt is a disaster {PAYLOADS[(n + 1) % len(PAYLOADS)]},\u201d said Maria Lopez, "
            f"a spokeswoman. {HOSTILE}\n\nThe zorblax critics claimed it would fail.")


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    corpus = root / "corpus"
    corpus.mkdir()
    records = []
    for i, url in enumerate(BAD_URLS):
        records.append({
            "id": f"a{i}", "outlet": f"Outlet {i} {PAYLOADS[i]}", "title": f"Title {PAYLOADS[i + 1]}",
            "author": PAYLOADS[(i + 2) % len(PAYLOADS)], "date": "2024-05-01", "url": url,
            "text": _text(i), "section": PAYLOADS[(i + 3) % len(PAYLOADS)],
        })
    records.append({"id": "safe", "outlet": "Plain Times", "title": "A plain title",
                    "url": "https://example.org/story?a=1&b=<x>", "text": _text(7)})
    (corpus / "hostile.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    (corpus / f"{'x'}.txt").write_text(f"Title line {PAYLOADS[0]}\n\n{_text(3)}", encoding="utf-8")
    lexicon = root / "hostile.tsv"
    lexicon.write_text(
        "# kind = loaded\n"
        "# id = hostile_terms\n"
        f"# description = Terms {PAYLOADS[1]}\n"
        f"# source evil = Evil, A. (2020). {PAYLOADS[0]} Journal 1, 1-10.\n"
        "term\tcategory\tweight\texplanation\talternative\tsource\tpos\n"
        f"zorblax\tpejorative\t2\tMarkup in a note {PAYLOADS[1]} {PAYLOADS[2]}\t{PAYLOADS[0]}\tevil\t\n",
        encoding="utf-8")
    out = root / "report.html"
    assert main(["report", str(corpus), "-o", str(out), "--lexicon", str(lexicon)]) == EXIT_OK
    return out


def test_hostile_report_source_has_no_live_markup(hostile_report: Path) -> None:
    html = hostile_report.read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in html and ">49<" not in html  # printed, not evaluated as a template
    assert "zorblax" in html  # the user lexicon was used
    assert "<script>window.__pwned" not in html and "onerror=\"window" not in html
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert csp, "no Content-Security-Policy meta tag"
    policy = {d.split()[0]: d.split()[1:] for d in csp.group(1).split(";") if d.strip()}
    assert policy["default-src"] == ["'none'"]
    for directive, sources in policy.items():
        assert not any(s.startswith(("http", "//", "*")) or s == "'unsafe-eval'" for s in sources), directive
        if directive == "script-src":
            assert "'unsafe-inline'" not in sources and "data:" not in sources


def test_hostile_report_is_inert_in_chromium(hostile_report: Path) -> None:
    with open_report(hostile_report) as (page, log):
        page.wait_for_load_state("load")
        # open every collapsed part so any markup hidden in them would get a chance to run
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        page.mouse.move(10, 10)
        assert page.evaluate("window.__pwned === undefined")
        assert log.dialogs == []
        assert log.requests == []
        hrefs = page.evaluate("[...document.querySelectorAll('[href]')].map(a => a.getAttribute('href'))")
        assert hrefs, "the report has no links at all"
        bad = [h for h in hrefs if not re.match(r"^(https?://|#)", h)]
        assert bad == []
        assert "https://example.org/story?a=1&b=<x>" in hrefs
        handlers = page.evaluate(
            "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
            ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))")
        assert handlers == []
        counts = page.evaluate(
            "['iframe','object','embed','svg script','img[onerror]','math','form','base']"
            ".map(s => [s, document.querySelectorAll(s).length])")
        assert all(n == 0 for _, n in counts), counts
        scripts = page.evaluate("[...document.scripts].map(s => s.textContent)")
        assert all("__pwned" not in s for s in scripts) and len(scripts) <= 1
        body = page.inner_text("body")
        assert PAYLOADS[0] in body  # shown as text, visibly
        assert log.page_errors == []
