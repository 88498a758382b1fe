"""Pages that hold several articles: where one article ends and the next begins.

A saved aggregator page often shows one article, then "Continue Reading", then the next article's
section label, headline and "Published on" stamp. Two ways to cut it:

* :func:`split_at_headlines` cuts where a manifest says each article's headline is (exact line);
* :func:`split_auto` cuts at strong separators only: a headline directly followed by a bare
  "Published"/"Published on" stamp, or a "Continue Reading" line followed by a short section label
  and a headline, and only once the current article already has paragraphs of running text.

Each part keeps its source line numbers. A short section label right above a headline goes with the
article it labels. Lines before the first headline stay with the first article (they are the page
header and cleaning removes them as chrome).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bias.corpus import chrome

__all__ = ["Line", "SplitError", "split_at_headlines", "split_auto"]

Line = tuple[int, str]  # (1-based source line number, text)


class SplitError(ValueError):
    """A manifest's headline cannot be found; ``str()`` says which, in plain words."""


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _prev_visible(lines: Sequence[Line], i: int, floor: int) -> int | None:
    j = i - 1
    while j >= floor and not lines[j][1].strip():
        j -= 1
    return j if j >= floor else None


def _next_visible(lines: Sequence[Line], i: int) -> int | None:
    j = i + 1
    while j < len(lines) and not lines[j][1].strip():
        j += 1
    return j if j < len(lines) else None


def _is_label(text: str) -> bool:
    text = text.strip()
    return 0 < chrome.word_count(text) <= 3 and not chrome.is_body_line(text) and not text.endswith(".")


def _is_headline(text: str) -> bool:
    text = text.strip()
    return chrome.word_count(text) >= 4 and not chrome.is_body_line(text) and chrome.classify(text) is None


def _with_label(lines: Sequence[Line], head: int, floor: int) -> int:
    label = _prev_visible(lines, head, floor)
    if label is not None and _is_label(lines[label][1]) and chrome.classify(lines[label][1].strip()) is None:
        return label
    return head


def _cut(lines: Sequence[Line], starts: Sequence[int]) -> list[list[Line]]:
    bounds = [0, *starts[1:], len(lines)] if starts else [0, len(lines)]
    return [list(lines[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def split_at_headlines(lines: Sequence[Line], headlines: Sequence[str]) -> list[list[Line]]:
    """Cut ``lines`` so that part *k* begins at the line equal to ``headlines[k]`` (in order)."""
    starts: list[int] = []
    floor = 0
    for k, headline in enumerate(headlines):
        wanted = _norm(headline)
        found = next((i for i in range(floor, len(lines)) if _norm(lines[i][1]) == wanted), None)
        if found is None:
            raise SplitError(
                f"the manifest says article {k + 1} starts with the line {headline!r}, "
                "but no line of the file after the previous article is exactly that"
            )
        starts.append(_with_label(lines, found, floor + 1) if k else found)
        floor = found + 1
    return _cut(lines, starts)


def split_auto(lines: Sequence[Line]) -> list[list[Line]]:
    """Cut ``lines`` at strong separators (see the module docstring); one part when there are none."""
    starts = [0]
    body_since_cut = 0
    i = 0
    while i < len(lines):
        text = lines[i][1].strip()
        start: int | None = None
        if chrome.classify(text) == chrome.DATE_LINE and chrome.date_line(text)[1] is None:
            head = _prev_visible(lines, i, starts[-1] + 1)
            if head is not None and _is_headline(lines[head][1]):
                start = _with_label(lines, head, starts[-1] + 1)
        elif chrome.classify(text) == chrome.NAVIGATION and _norm(text).casefold() == "continue reading":
            label = _next_visible(lines, i)
            head = _next_visible(lines, label) if label is not None else None
            if (
                label is not None
                and head is not None
                and _is_label(lines[label][1])
                and _is_headline(lines[head][1])
            ):
                start = label
        if start is not None and body_since_cut >= 2 and start > starts[-1]:
            starts.append(start)
            body_since_cut = 0
            i = start
        elif chrome.is_body_line(text):
            body_since_cut += 1
        i += 1
    return _cut(lines, starts)
