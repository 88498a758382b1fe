"""Whose voice a span is in: the outlet's narration, a direct quotation, or an embedded post.

The headline figures of the language extractors count only the outlet's own voice, so a paper is
not blamed for words it merely quotes. Three voices:

* ``"embedded"``: inside an embedded post (``Article.embedded``), whatever its quotation marks;
* ``"quote"``: inside the inner text of a direct quotation (``Parsed.quotes``) that is not a
  scare quote;
* ``"narration"``: everything else, *including scare quotes*: a short quoted phrase that no one
  in its sentence is said to have said is the writer's own distancing device.

Scare-quote rule (a documented choice; debatable cases fall as the rule says): a quotation is a
scare quote when it is closed, its inner text has 1 to 4 words and does not end in sentence
punctuation or a comma (an utterance), it is not the whole of its sentence (a pull quote or a
subheading), it is not a continued paragraph of a long quotation, and its sentence, outside any
quotation marks, holds no speech or writing verb and no "according to" (:data:`ATTRIBUTION_CUES`).
So ``the border has been “solved”`` is a scare quote, while ``the official said ... is probably
“political”`` and ``the US pledged a “removal flights program”`` are attributed (``said``,
``pledged``) and stay quotations.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter

from bias.corpus.parsed import Parsed, Quote
from bias.model import Span

NARRATION = "narration"
QUOTE = "quote"
EMBEDDED = "embedded"
VOICES = (NARRATION, QUOTE, EMBEDDED)

#: Lower-case word forms that attribute words in the same sentence to a speaker or writer.
_CUES = """
say says said saying tell tells told telling ask asks asked adds added adding stated stating
write writes wrote written calls called calling dub dubs dubbed termed labeled labelled branded named
describe describes described describing explain explains explained noted argue argues argued claim
claims claimed insist insists insisted warn warns warned pledge pledges pledged promise promises promised
announce announces announced vow vows vowed declare declares declared proclaim proclaimed tweet tweets
tweeted posted praise praises praised criticize criticized criticise criticised accuse accuses accused
urge urges urged reply replies replied respond responds responded acknowledge acknowledged admit admits
admitted concede conceded testify testified quoted according recall recalls recalled complain complained
"""
ATTRIBUTION_CUES = frozenset(_CUES.split())

_WORD = re.compile(r"[^\W_]+")
_UTTERANCE_END = (".", ",", "!", "?", "…")
_start = attrgetter("start")


@dataclass(frozen=True, slots=True)
class Voices:
    """Voice lookup for one parse (build with :func:`voices`; immutable)."""

    quote_inners: tuple[Span, ...]  # non-scare quotations, sorted by start
    embedded: tuple[Span, ...]
    scare_quotes: tuple[Quote, ...]

    def of(self, span: Span) -> str:
        """The voice of ``span``: ``"embedded"``, ``"quote"`` or ``"narration"``."""
        if self.embedded and any(e.contains(span) for e in self.embedded):
            return EMBEDDED
        # quotations do not overlap, so only the last one starting at or before ``span`` can hold it
        i = bisect_right(self.quote_inners, span.start, key=_start) - 1
        if i >= 0 and self.quote_inners[i].contains(span):
            return QUOTE
        return NARRATION


def _lower_words(text: str, start: int, end: int) -> list[str]:
    """The runs of letters and digits in ``text[start:end]``, each lower-cased.

    Lower-casing the stretch at once gives the same words when it keeps every character in place
    (lower-casing never changes whether a character is a letter or digit) and there is no capital
    sigma (the one letter whose lower case depends on its neighbours).
    """
    stretch = text[start:end]
    low = stretch.lower()
    if len(low) == len(stretch) and "Σ" not in stretch:
        return _WORD.findall(low)
    return [w.lower() for w in _WORD.findall(stretch)]


def _sentence_words_outside_quotes(parsed: Parsed, sentence: Span) -> set[str]:
    text = parsed.text
    out: set[str] = set()
    # Read the stretches of the sentence between quotation spans (a span starts and ends with a
    # mark, never a word character, so no word runs across a stretch boundary).
    pos, end = sentence.start, sentence.end
    for q in parsed.quotes:
        mark = q.span
        if mark.start >= end:
            break
        if mark.end <= pos:
            continue
        out.update(_lower_words(text, pos, mark.start))
        pos = max(pos, mark.end)
    out.update(_lower_words(text, pos, end))
    return out


_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'.-]*\s+$")
_NAME_AFTER = re.compile(r"^\s+[A-Z][\w’'-]*")


def _is_nickname(text: str, quote: Quote) -> bool:
    """A quoted nickname inside a name (Jose Guillermo “La Barbie” Duarte) marks no distance."""
    before = text[max(0, quote.span.start - 40):quote.span.start]
    after = text[quote.span.end:quote.span.end + 40]
    inner = quote.inner.of(text).strip()
    return bool(inner[:1].isupper() and _NAME_BEFORE.search(before) and _NAME_AFTER.match(after))


def is_scare_quote(parsed: Parsed, quote: Quote) -> bool:
    """True when ``quote`` is a short unattributed quotation (see the module docstring)."""
    if not quote.closed or quote.paragraph_continued:
        return False
    inner = quote.inner.of(parsed.text).strip()
    if not inner or inner.endswith(_UTTERANCE_END):
        return False
    n_words = parsed.count_words_in(quote.inner)
    if not 1 <= n_words <= 4:
        return False
    if _is_nickname(parsed.text, quote):
        return False
    idx = parsed.sentence_index(quote.span.start)
    if idx is None:
        return False
    outside = _sentence_words_outside_quotes(parsed, parsed.sentences[idx])
    # a quotation that is its whole sentence (a pull quote, a subheading) is not a scare quote
    return bool(outside) and not (outside & ATTRIBUTION_CUES)


def find_scare_quotes(parsed: Parsed) -> tuple[Quote, ...]:
    """The scare quotes of the article, in text order."""
    return tuple(q for q in parsed.quotes if is_scare_quote(parsed, q))


def voices(parsed: Parsed) -> Voices:
    """Build the voice lookup of one parse."""
    scare = find_scare_quotes(parsed)
    inners = tuple(sorted(q.inner for q in parsed.quotes if q not in scare))
    return Voices(inners, tuple(e.span for e in parsed.article.embedded), scare)


def _disjoint(spans: tuple[Span, ...]) -> bool:
    """True when the sorted ``spans`` do not overlap (each ends before the next one starts)."""
    return all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def word_counts(parsed: Parsed, v: Voices) -> dict[str, int]:
    """Number of words in each voice (keys: :data:`VOICES`)."""
    counts = dict.fromkeys(VOICES, 0)
    starts, ends = parsed.word_starts, parsed.word_ends
    inners, embedded = v.quote_inners, v.embedded
    if not embedded and _disjoint(inners):
        # Words do not overlap, so from the first word starting in a quotation their ends rise: the
        # words inside it are a run found by two binary searches (no walk over every word).
        quoted = 0
        for q in inners:
            lo = bisect_left(starts, q.start)
            quoted += max(bisect_right(ends, q.end, lo=lo) - lo, 0)
        counts[QUOTE] = quoted
        counts[NARRATION] = len(starts) - quoted
        return counts
    # The same rule as Voices.of, walking the sorted words and quotations together.
    last = len(inners) - 1
    j = 0
    for start, end in zip(starts, ends, strict=True):
        if embedded and any(e.start <= start and end <= e.end for e in embedded):
            counts[EMBEDDED] += 1
            continue
        while j < last and inners[j + 1].start <= start:
            j += 1
        if last >= 0 and inners[j].start <= start and end <= inners[j].end:
            counts[QUOTE] += 1
        else:
            counts[NARRATION] += 1
    return counts
