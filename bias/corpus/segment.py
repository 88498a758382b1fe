"""Segmentation: paragraphs, sentences, words and quotations of a cleaned article.

Baseline implementation; see tests/test_segment.py for the cases it must get right.
"""

from __future__ import annotations

import re

from bias.corpus.parsed import Parsed, Quote
from bias.model import Article, Span

_PARA = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*", re.UNICODE)
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+")


def _paragraphs(text: str) -> tuple[Span, ...]:
    out = []
    for m in _PARA.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Span(s, e))
    return tuple(out)


def _sentences(text: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
    out = []
    for p in paragraphs:
        start = p.start
        for m in _SENT_END.finditer(text, p.start, p.end):
            end = m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            out.append(Span(start, end))
            start = m.end()
        if start < p.end:
            out.append(Span(start, p.end))
    return tuple(out)


def _quotes(text: str, paragraphs: tuple[Span, ...]) -> tuple[Quote, ...]:
    out = []
    for p in paragraphs:
        for m in re.finditer(r"[“\"]([^”\"]*)([”\"]|$)", text[p.start : p.end]):
            s, e = p.start + m.start(), p.start + m.end()
            closed = bool(m.group(2))
            inner_end = e - 1 if closed else e
            out.append(Quote(Span(s, e), Span(s + 1, inner_end), closed))
    return tuple(out)


def parse(article: Article) -> Parsed:
    """Split ``article.text`` into paragraphs, sentences, words and quotations (once per article)."""
    text = article.text
    paragraphs = _paragraphs(text)
    return Parsed(
        article=article,
        paragraphs=paragraphs,
        sentences=_sentences(text, paragraphs),
        words=tuple(Span(m.start(), m.end()) for m in _WORD.finditer(text)),
        quotes=_quotes(text, paragraphs),
    )
