"""The one tokenizer the comparison layer uses: content words and capitalised names.

A *content word* is a run of letters (inner apostrophes and hyphens allowed) of at least three
characters, lower-cased, that is not an English stop word (scikit-learn's ``ENGLISH_STOP_WORDS``)
and not one of :data:`REPORTING_WORDS` (``said``, ``told``, ...: every outlet uses them, whatever the
story). Digits are dropped: figures differ between outlets that cover the same event.

A *name* is a run of two to five capitalised words inside one sentence ("Dana Whitcombe", "Port
Authority"), joined with ``_`` and lower-cased (``dana_whitcombe``). Names are emitted *in addition*
to their words, so an article that repeats a full name weighs it more: shared names are the strongest
sign that two articles tell the same story. Linking words inside names ("of", "de", "la") are allowed
between capitalised words ("Office of Consumer Protection").

:func:`content_tokens` returns tokens with their character spans, so callers can point back at the
text (example sentences, labels in their original spelling).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from bias.model import Span

__all__ = ["REPORTING_WORDS", "STOP_WORDS", "content_tokens", "display_form", "tokens"]

REPORTING_WORDS = frozenset(
    {
        "said",
        "says",
        "say",
        "told",
        "tells",
        "according",
        "added",
        "mr",
        "ms",
        "mrs",
        "dr",
        "also",
        "just",
        "would",
        "could",
        "should",
        "will",
        "one",
        "two",
        "new",
        "year",
        "years",
        "week",
        "day",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | REPORTING_WORDS

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
_NAME_LINKS = frozenset({"of", "de", "del", "la", "le", "van", "von", "da", "al", "bin"})
_MIN_LEN = 3
_MAX_NAME_WORDS = 5


def _is_cap(word: str) -> bool:
    return word[0].isupper() and not word.isupper() or (word.isupper() and len(word) > 1)


def content_tokens(text: str, span: Span | None = None) -> Iterator[tuple[str, Span]]:
    """``(token, span)`` for each content word and each name in ``text[span]`` (whole text by default).

    Names (``a_b``) come right after their last word. Spans are offsets into ``text``.
    """
    lo, hi = (0, len(text)) if span is None else (span.start, span.end)
    run: list[tuple[str, int, int]] = []  # capitalised words (and links) of the current name

    def flush() -> Iterator[tuple[str, Span]]:
        while run and run[-1][0].lower() in _NAME_LINKS:
            run.pop()
        while run and run[0][0].lower() in STOP_WORDS:  # "The Port Authority" -> "Port Authority"
            run.pop(0)
        caps = [w for w in run if w[0].lower() not in _NAME_LINKS]
        if 2 <= len(caps) <= _MAX_NAME_WORDS:  # longer runs are title-case headlines, not names
            yield "_".join(w[0].lower() for w in run), Span(run[0][1], run[-1][2])
        run.clear()

    prev_end = lo
    for m in _WORD.finditer(text, lo, hi):
        word, end = m.group().replace("’", "'"), m.end()
        if word.lower().endswith("'s"):  # possessive: "Novalink's" counts as "Novalink"
            word, end = word[:-2], end - 2
        gap = text[prev_end : m.start()]
        if run and (any(c in gap for c in '.,!?;:\n()"“”—–') or len(gap) > 3):
            yield from flush()
        if _is_cap(word) or (run and word.lower() in _NAME_LINKS):
            run.append((word, m.start(), end))
        else:
            yield from flush()
        low = word.lower()
        if len(low) >= _MIN_LEN and low not in STOP_WORDS and low.split("'")[0] not in STOP_WORDS:
            yield low, Span(m.start(), end)
        prev_end = m.end()
    yield from flush()


def tokens(text: str) -> list[str]:
    """The tokens of :func:`content_tokens` without spans (a scikit-learn ``analyzer``)."""
    return [t for t, _ in content_tokens(text)]


def display_form(token: str) -> str:
    """A readable form of a token: ``dana_whitcombe`` -> ``dana whitcombe`` (callers may prefer the
    spelling found in the text)."""
    return token.replace("_", " ")
