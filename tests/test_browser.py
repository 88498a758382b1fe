"""Real-browser tests: the seeds report and a hostile report in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from bias.analysis import analyze_article
from bias.corpus.load import iter_inputs
from bias.model import Article
from bias.render.report import render_report

from .browser import open_report

pytestmark = pytest.mark.browser

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    articles = [a for a in iter_inputs([SEEDS]) if isinstance(a, Article)]
    out = tmp_path_factory.mktemp("report") / "seeds.html"
    out.write_text(render_report([analyze_article(a) for a in articles]), encoding="utf-8")
    return out


def test_seeds_report_opens_cleanly_and_screenshots(seeds_report: Path, tmp_path: Path) -> None:
    with open_report(seeds_report) as (page, log):
        assert page.title()
        assert page.locator("article.reader").count() == 7
        for section in ("#overview", "#who-speaks", "#language", "#articles", "#measures", "#methods"):
            loc = page.locator(section)
            assert loc.is_visible()
            loc.screenshot(path=str(tmp_path / f"{section[1:]}.png"))
        assert (tmp_path / "overview.png").stat().st_size > 10_000
        assert log.console_errors == [] and log.page_errors == []
        assert log.requests == []


def test_layer_switch_hides_and_shows_highlights(seeds_report: Path) -> None:
    with open_report(seeds_report) as (page, log):
        box = page.locator("#layer-switches input[data-layer='tone']")
        mark = page.locator("mark.layer-tone").first
        # tone starts hidden (a busy layer); switching it on shows the underlines, off hides them
        assert not box.is_checked()
        assert mark.evaluate("m => getComputedStyle(m).textDecorationLine") == "none"
        box.check()
        assert "hide-tone" not in page.evaluate("document.body.className")
        assert "underline" in mark.evaluate("m => getComputedStyle(m).textDecorationLine")
        box.uncheck()
        assert mark.evaluate("m => getComputedStyle(m).textDecorationLine") == "none"
        lang = page.locator("#layer-switches input[data-layer='language']")
        yellow = page.locator("mark.layer-language.k-loaded-metaphor").first
        assert lang.is_checked()
        on = yellow.evaluate("m => getComputedStyle(m).backgroundColor")
        lang.uncheck()
        assert yellow.evaluate("m => getComputedStyle(m).backgroundColor") != on
        assert log.console_errors == []


def test_highlight_explains_itself_on_keyboard_focus(seeds_report: Path) -> None:
    with open_report(seeds_report) as (page, _log):
        mark = page.locator("article.reader mark.layer-language").first
        mark.focus()
        after = mark.evaluate("m => getComputedStyle(m, '::after').content")
        assert len(after) > 10  # the explanation is shown next to the focused words


def test_hostile_report_stays_inert(tmp_path: Path) -> None:
    evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    art = Article(id="evil", outlet=evil, title=evil, author=evil, url="javascript:alert(3)",
                  text=f"{evil}\nThe officials said <svg onload=alert(4)> it was fine.")
    out = tmp_path / "evil.html"
    out.write_text(render_report([analyze_article(art)], title=evil), encoding="utf-8")
    with open_report(out) as (page, log):
        assert log.dialogs == []
        assert page.locator("img").count() == 0 and page.locator("svg[onload]").count() == 0
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)
        assert log.requests == []


STORIES = Path(__file__).resolve().parent / "data" / "stories" / "articles"


def test_multi_story_report_shows_stories_side_by_side(tmp_path: Path) -> None:
    from bias.cli import main

    out = tmp_path / "stories.html"
    assert main(["report", str(STORIES), "-o", str(out)]) == 0
    with open_report(out) as (page, log):
        assert page.locator("section.story").count() == 5  # the five stories told by several outlets
        for section in ("#overview", "#stories", "#vocabulary", "#map", "#articles"):
            loc = page.locator(section)
            assert loc.is_visible()
            loc.screenshot(path=str(tmp_path / f"{section[1:]}.png"))
        assert page.locator("#map svg circle").count() >= 20
        assert log.console_errors == [] and log.page_errors == [] and log.requests == []
