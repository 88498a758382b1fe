"""Markdown markup out of ``.md`` articles, so the analysis reads the words and not the syntax.

An article saved as Markdown carries markup that is not part of what the outlet wrote: heading
hashes, ``**emphasis**``, ``[link text](https://...)``, list bullets, ``>`` quote markers, rules,
code fences, reference definitions and images. :func:`plain_lines` turns each line into its plain
words, line by line (so line numbers and paragraphs stay as in the file):

* kept as text: headings (without ``#``), link text (without the address), emphasis and inline
  code (without the marks), list items and block quotes (without the bullet or ``>``);
* removed, each with a :class:`~bias.model.Removal` record the report lists: images (their alt
  text is a description, not the article), horizontal rules, Setext heading underlines, code
  fences, link reference definitions and HTML comments.

Deliberately conservative: an asterisk or underscore only counts as emphasis when it wraps text
the way CommonMark requires (no space just inside the marks, underscores not inside a word), so
``snake_case`` and "5 * 3" stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bias.model import Removal

__all__ = ["plain_lines"]

IMAGE = "Markdown image"
RULE = "Markdown rule or markup line"

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+(?:\s+[\"'(].*[\"')])?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_BULLET = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_COMMENT = re.compile(r"<!--.*?-->")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_CODE = re.compile(r"`([^`]+)`")
_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")


def _inline(text: str) -> tuple[str, list[str]]:
    """Inline markup out of one line; also the alt texts of the images it dropped."""
    images = [m.group(0) for m in _IMAGE.finditer(text)]
    if images:
        text = _SPACES.sub(" ", _IMAGE.sub("", text))
    text = _COMMENT.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDER.sub(r"\1", text)
    return text, images


def plain_lines(lines: Sequence[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[Removal]]:
    """The lines without Markdown markup (a removed line becomes blank), and what was removed."""
    out: list[tuple[int, str]] = []
    removed: list[Removal] = []
    previous = ""
    for no, raw in lines:
        line = raw
        stripped = line.strip()
        whole_line = (_FENCE.match(line) or _RULE.match(line) or _REF_DEF.match(line)
                      or (_SETEXT.match(line) and previous.strip())
                      or (stripped.startswith("<!--") and stripped.endswith("-->")))
        if whole_line and stripped:
            removed.append(Removal(stripped, RULE, no))
            out.append((no, ""))
            previous = ""
            continue
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1)
        else:
            line = _QUOTE.sub("", line, count=1)
            line = _BULLET.sub("", line, count=1)
        line, images = _inline(line)
        removed.extend(Removal(img, IMAGE, no) for img in images)
        out.append((no, line))
        previous = line
    return out, removed
