"""Markdown articles: the words stay, the markup goes, and every removed line is recorded."""

from __future__ import annotations

from pathlib import Path

from bias.corpus.load import iter_inputs
from bias.corpus.markdown import IMAGE, RULE, plain_lines
from bias.model import Article


def _plain(*lines: str) -> tuple[list[str], list[tuple[str, str, int]]]:
    out, removed = plain_lines(list(enumerate(lines, start=1)))
    return [t for _, t in out], [(r.text, r.reason, r.line) for r in removed]


def test_inline_markup_keeps_the_words() -> None:
    text, removed = _plain(
        "The **mayor** said the [new plan](https://example.org/plan \"Plan\") is *bold*, `final`.",
        "A snake_case_name and 5 * 3 * 2 stay; __strong__ and _soft_ do not.",
        "See [the report][1] and ![a chart of arrests](chart.png) here.",
    )
    assert text == [
        "The mayor said the new plan is bold, final.",
        "A snake_case_name and 5 * 3 * 2 stay; strong and soft do not.",
        "See the report and here.",
    ]
    assert removed == [("![a chart of arrests](chart.png)", IMAGE, 3)]


def test_block_markup_lines() -> None:
    text, removed = _plain(
        "# Border talks stall ##", "Subtitle here", "-------------", "",
        "> \u201cWe will not move,\u201d she said.",
        "- First point", "2. Second point", "* * *", "```", "code", "```", "[1]: https://example.org/r",
        "<!-- tracking pixel -->", "Plain closing line.")
    assert text == ["Border talks stall", "Subtitle here", "", "", "\u201cWe will not move,\u201d she said.",
                    "First point", "Second point", "", "", "code", "", "", "", "Plain closing line."]
    assert removed == [("-------------", RULE, 3), ("* * *", RULE, 8), ("```", RULE, 9), ("```", RULE, 11),
                       ("[1]: https://example.org/r", RULE, 12), ("<!-- tracking pixel -->", RULE, 13)]


def test_markdown_files_are_cleaned_and_text_files_are_not(tmp_path: Path) -> None:
    body = ("Officials said on **Tuesday** that the [bridge](https://x.org) would reopen after the "
            "repairs, according to a statement from the city.\n")
    (tmp_path / "a.md").write_text("# Bridge to reopen\n\n![photo](p.jpg)\n\n" + body, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bridge to reopen\n\n" + body, encoding="utf-8")
    arts = {a.id: a for a in iter_inputs([tmp_path]) if isinstance(a, Article)}
    md, txt = arts["a"], arts["b"]
    assert md.title == "Bridge to reopen"
    assert "**" not in md.text and "](" not in md.text and "Tuesday that the bridge would" in md.text
    assert ("![photo](p.jpg)", IMAGE, 3) in [(r.text, r.reason, r.line) for r in md.removed]
    assert "**Tuesday**" in txt.text
