"""The HTML report: escaping, self-containment, determinism, highlighting."""

from __future__ import annotations

import re

import pytest

from bias.analysis import analyze_article
from bias.model import Article, Embedded, Removal, Span
from bias.render.highlight import Mark, segment_paragraph
from bias.render.report import render_report

HOSTILE = '"><img src=x onerror=alert(1)><script>alert("x")</script>'


def _article(**kw: object) -> Article:
    base = {"id": "a1", "outlet": "Daily Example", "title": "A headline",
            "text": "A headline\nThe plan is a disaster, critics said. The meeting starts at noon."}
    base.update(kw)
    return Article(**base)  # type: ignore[arg-type]


def test_hostile_title_outlet_author_text_and_url_are_inert(no_network: None) -> None:
    art = _article(title=HOSTILE, outlet=HOSTILE, author=HOSTILE, url="javascript:alert(1)",
                   text=f"{HOSTILE}\nShe said it was <b>fine</b>.",
                   removed=(Removal(HOSTILE, "ad shortcode", 3),))
    html = render_report([analyze_article(art)], title=HOSTILE)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "javascript:" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;fine&lt;/b&gt;" in html
    # exactly one script element: our own, whose hash the CSP names
    assert len(re.findall(r"<script\b", html)) == 1


def test_only_http_links_are_clickable() -> None:
    good = _article(id="g", url="https://example.org/story?a=1&b=2")
    bad = _article(id="b", url="data:text/html,<script>alert(1)</script>")
    html = render_report([analyze_article(good), analyze_article(bad)])
    assert 'href="https://example.org/story?a=1&amp;b=2"' in html
    assert 'href="data:' not in html


def test_report_is_self_contained_with_csp() -> None:
    html = render_report([analyze_article(_article())])
    assert "Content-Security-Policy" in html
    assert "default-src 'none'" in html
    # no external resources of any kind
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", html)
    assert "<link" not in html


def test_same_input_gives_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    arts = [_article(id="x"), _article(id="y", outlet="Other Paper")]
    first = render_report([analyze_article(a) for a in arts])
    second = render_report([analyze_article(a) for a in arts])
    assert first == second
    assert "2023-11-14" in first


def test_outlets_are_columns_in_input_order() -> None:
    arts = [_article(id="x", outlet="Zeta Times"), _article(id="y", outlet="Alpha Post"),
            _article(id="z", outlet="Zeta Times")]
    html = render_report([analyze_article(a) for a in arts])
    head = html[html.index('<table class="overview">'):html.index("</thead>")]
    assert head.index("Zeta Times") < head.index("Alpha Post")
    assert "2 articles" in head and "1 article<" in head


def test_removed_lines_and_embedded_posts_are_shown() -> None:
    text = "Headline\nBody text here.\nA post — Someone (@someone) May 1, 2024"
    art = _article(text=text, removed=(Removal("Leave a Reply", "comment box", 9),),
                   embedded=(Embedded(Span(25, len(text)), "social_post", "Someone (@someone)"),))
    html = render_report([analyze_article(art)])
    assert "Removed from the page (1)" in html
    assert "line 9, comment box:" in html and "Leave a Reply" in html
    assert "Embedded post by Someone (@someone)" in html


def test_segments_cut_at_every_boundary_and_keep_the_text() -> None:
    text = "abcdefghij"
    marks = [Mark(Span(2, 6), ("x",), "one"), Mark(Span(4, 8), ("y",), "two")]
    segs = segment_paragraph(text, Span(0, 10), marks)
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.classes, s.note) for s in segs] == [
        ("ab", "", ""), ("cd", "x", "one"), ("ef", "x y", "two"), ("gh", "y", ""), ("ij", "", "")]
    # each mark explains itself once, on its first segment (long sentence marks stay light)
    # one wrap per layer, so switching one layer off leaves the other's highlight in place
    assert [len(s.wraps) for s in segs] == [0, 1, 2, 1, 0]


def test_later_references_inherit_a_stated_anonymity_reason() -> None:
    from bias.compare.tally import SourceTally
    from bias.render.sources import _outlet_profile

    def att(text: str, resolved: str | None, reason: bool) -> dict:
        return {"cue": {"lemma": "say", "category": "neutral"}, "quote": "direct",
                "source": {"text": text, "kind": "confidential", "named": False, "resolved": resolved},
                "anonymity_reason": {"start": 0, "end": 1, "text": "x"} if reason else None}

    atts = [att("a senior official", None, True), att("the official", "a senior official", False),
            att("people familiar with the talks", None, False)]
    tally = SourceTally()
    for a in atts:
        tally.add(a)
    profile = _outlet_profile(tally, 1)
    assert profile["confidential"] == "3: 2 with a stated reason, 1 without"
    from bias.render.sources import _confidential
    assert [_confidential(*a) for a in ((0, 0), (1, 1), (4, 4), (1, 0), (2, 0))] == [
        "none", "1, with a stated reason", "4, all with a stated reason", "1, no reason stated",
        "2, none with a stated reason"]
    assert profile["anonymous"] == "3 of 3 (100%)"


def test_overview_says_when_a_difference_is_beyond_chance_and_when_samples_are_too_small() -> None:
    from bias.features import EXTRACTORS
    from bias.render.viewmodel import at_a_glance

    loaded = "Headline\nThe disastrous, shameful plan is a catastrophe and a total disgrace, critics said."
    plain = "Headline\nThe council approved the budget on Tuesday after a short meeting, officials said."
    arts = [_article(id=f"a{i}", outlet="Shrill Daily", text=loaded + f" Item {i}.") for i in range(5)]
    arts += [_article(id=f"b{i}", outlet="Calm Gazette", text=plain + f" Item {i}.") for i in range(5)]
    arts += [_article(id="c0", outlet="Lone Post", text=plain)]
    rows = {r["name"]: r for r in at_a_glance([analyze_article(a) for a in arts],
                                              ["Shrill Daily", "Calm Gazette", "Lone Post"], EXTRACTORS)}
    row = rows["loaded__narration_per_1000"]
    assert "Shrill Daily and Calm Gazette differ beyond chance" in row["noise"]
    assert "95% interval" in row["cells"][0]["detail"]
    assert row["cells"][2]["detail"] == "1 article: too few to generalise"
    words = rows["readability__words"]
    assert "within noise" in words["noise"]


def test_large_corpora_get_a_sampled_reader_that_says_so() -> None:
    from bias.render.inputs import MAX_READER_ARTICLES, reader_positions

    arts = [_article(id=f"a{i}", outlet="Big Paper" if i % 10 else "Small Paper") for i in range(150)]
    scores = [analyze_article(a) for a in arts]
    shown = [scores[i] for i in reader_positions([s.article.outlet for s in scores])]
    assert len(shown) == MAX_READER_ARTICLES
    assert sum(1 for s in shown if s.article.outlet == "Small Paper") == 15  # every outlet represented
    html = render_report(scores)
    assert f"The reader shows {MAX_READER_ARTICLES} of the 150 articles" in html
    assert html.count('<article class="reader"') == MAX_READER_ARTICLES


def test_story_grouping_is_skipped_with_a_reason_beyond_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from bias.compare import stories

    monkeypatch.setattr(stories, "MAX_CLUSTERED", 2)
    html = render_report([analyze_article(_article(id=f"s{i}")) for i in range(3)])
    assert "Stories were not grouped" in html


def test_story_view_lists_each_outlets_word_choice() -> None:
    from bias.render.stories import _word_choice

    text = ('Border bill\nThe bill targets illegal aliens, the senator said. '
            '“Undocumented immigrants deserve a path,” Ana Ruiz said.')
    rows = _word_choice(analyze_article(_article(text=text)), {})
    assert [(r["term"], r["detail"]) for r in rows] == [
        ("illegal alien", "×1"), ("undocumented immigrant", "(+1 quoted)")]
