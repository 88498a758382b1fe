"""Small tests on the text around a cue that the attribution finder's rules ask
(:mod:`bias.features.attrib_find`): where the next word starts, a comma before the cue, whether a
capitalised word is a name, subject-verb agreement between a source and a present-tense cue, and
whether the cue ends a heading."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from bias.features import attrib_patterns as pat
from bias.features.attrib_lexicon import CueForm
from bias.features.attrib_source import SourceHit
from bias.model import Span


def first_word(text: str, lo: int) -> int:
    """The offset of the first letter at or after ``lo`` (``lo`` itself when there is none)."""
    m = pat.LETTER.search(text, lo)
    return m.start() if m else lo


def comma_before(text: str, pos: int) -> bool:
    """``text[:pos].rstrip().endswith(",")`` without copying the text before ``pos``."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos > 0 and text[pos - 1] == ","


def name_elsewhere(text: str, word: str, pos: int) -> bool:
    """True when ``word`` also occurs capitalized inside a sentence (so it is a name, not a common word)."""
    name = word.rstrip(".")
    starts = pat.whole_word_starts(text, name) if name else (m.start() for m in pat.BOUNDARY.finditer(text))
    for start in starts:
        p = start
        while p > 0 and text[p - 1] in " \t":  # the last character before it other than a space or tab
            p -= 1
        if start != pos and p > 0 and text[p - 1] not in '.!?\n“"‘':
            return True
    return False


def agrees(word: str, form: CueForm, src: SourceHit, prev: str,
           collective: frozenset[str] = frozenset()) -> bool:
    """Subject-verb number agreement for present-tense cue forms ("officials say", "he says");
    ``collective`` head nouns take a plural verb ("police say")."""
    if form.frame != "verb" or len(form.words) > 1 and word != form.words[0]:
        return True
    head = src.head[-1].lower() if src.head else ""
    plural = (
        src.kind in {"vague"}
        or head in {"they", "we", "i", "you"}
        or head in collective
        or (head.endswith("s") and src.kind not in {"pronoun", "person", "organization", "media"})
        or " and " in " ".join(src.head).lower()
    )
    lemma_word = form.lemma.split()[0]
    if word == lemma_word and not word.endswith("ed"):  # base form: say, call, state
        return plural or prev in pat.MODALS or src.kind == "pronoun" and head not in {"he", "she", "it"}
    if word.endswith("s") and not word.endswith("ss") and word not in {"was", "has"} and word != lemma_word:
        return not plural
    return True


def ends_heading(text: str, paragraphs: Sequence[Span], starts: Sequence[int], cue: Span) -> bool:
    """True when ``cue`` ends a paragraph that reads as a heading, so nothing is reported: at most
    six words, no quotation mark, nothing after the cue ("What they said"). ``starts``: the
    paragraphs' starts."""
    k = bisect_right(starts, cue.start) - 1
    if k < 0 or not paragraphs[k].start <= cue.start < paragraphs[k].end or cue.end + 3 < paragraphs[k].end:
        return False  # (a paragraph that goes on after the cue is no heading ending with it)
    para = text[paragraphs[k].start : paragraphs[k].end]
    after = text[cue.end : paragraphs[k].end]
    return not after.strip() and len(para.split()) <= 6 and not pat.QUOTE_MARK.search(para)
