"""Answers in a question-and-answer write-up: a paragraph that opens with the speaker's name and a
colon, with no quotation marks ("Reyes: Everything nobody notices until it goes wrong.").

Only a label that names a person the article names in full elsewhere counts ("Reyes" after "Dana
Reyes"), so "Q:", "Note:", "Update:" or "Photo:" never do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bias.features.attrib_lexicon import Tables
from bias.features.attrib_pronoun import given_names_before
from bias.features.attrib_source import SourceHit, phrase_from
from bias.model import Span

_LABEL = re.compile(r"([A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){0,2}):[ \t]+(?=\S)")


def qa_answers(text: str, paragraphs: Sequence[Span], tables: Tables) -> Iterator[tuple[Span, SourceHit]]:
    """The colon (as the cue) and the speaker of every answer paragraph, in order."""
    for para in paragraphs:
        m = _LABEL.match(text, para.start, para.end)
        if m is None or '"' in text[m.end() : para.end] or "“" in text[m.end() : para.end]:
            continue
        words = m.group(1).split()
        full_elsewhere = len(words) > 1 and text.count(m.group(1)) > 1
        if not (full_elsewhere or next(given_names_before(words[-1], text), None) is not None):
            continue
        src = phrase_from(text, m.start(1), m.end(1), tables)
        if src is not None and src.kind == "person":
            yield Span(m.end(1), m.end(1) + 1), src
