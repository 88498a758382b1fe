"""Sentiment: the emotional tone of an article's sentences, scored one sentence at a time.

Each sentence of the parse is scored with VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious
Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM), whose ``compound`` score runs
from -1 (most negative) to +1 (most positive). Following the VADER authors' suggested cut-offs, a
sentence with compound <= -0.05 is negative, >= 0.05 positive, anything between neutral.

We never score the whole article as one string: VADER sums word valences before squashing them
into [-1, 1], so on a long text the compound saturates towards +-1 and stops telling articles apart
(and it is several times slower). Per-sentence scores are averaged and counted instead.

What the numbers are not: VADER was built and tuned on social-media posts, and it measures tone
(how positive or negative the words are), not bias. A story about a disaster is negative whoever
writes it; quoted speakers' words count like the outlet's own.

Evidence: every non-neutral sentence (kind ``negative_sentence`` / ``positive_sentence``, weight =
compound) and, in addition, the single most negative and most positive sentence (kinds
``most_negative`` / ``most_positive``; the earlier one on ties). ``sentence_fields["sentiment"]``
holds the compound of every sentence, aligned with ``Parsed.sentences``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import count
from operator import attrgetter, neg

from bias.corpus.parsed import Parsed
from bias.features.base import Extractor, safe_ratio, spec
from bias.model import Evidence, FeatureResult, frozen_map
from bias.vader import polarity

NAME = "sentiment"
_KIND = attrgetter("kind")

NEGATIVE_AT = -0.05  # compound <= this is a negative sentence (VADER README's suggested threshold)
POSITIVE_AT = 0.05  # compound >= this is a positive sentence

_CAVEAT = ("VADER was tuned on social-media posts and measures tone, not bias: bad news reads "
           "negative in any outlet, and quoted speakers' words count like the outlet's own.")

SPECS = (
    spec(NAME, "mean_compound", "Average tone", "score (-1 to 1)", "a more positive tone",
         "The average tone of the article's sentences, from -1 (very negative) through 0 (neutral) "
         "to +1 (very positive), each sentence scored with VADER.", _CAVEAT),
    spec(NAME, "negative_share", "Negative sentences", "share of sentences (0-1)",
         "more sentences with a negative tone",
         "The share of sentences whose tone is negative (VADER compound -0.05 or lower).", _CAVEAT),
    spec(NAME, "positive_share", "Positive sentences", "share of sentences (0-1)",
         "more sentences with a positive tone",
         "The share of sentences whose tone is positive (VADER compound 0.05 or higher).", _CAVEAT),
    spec(NAME, "sentences_scored", "Sentences scored", "sentences", "more sentences were scored",
         "How many sentences were given a tone score (every sentence of the article).",
         "Very short sentences and headlines are scored too and are usually neutral."),
)


def sentence_compounds(parsed: Parsed) -> tuple[float, ...]:
    """VADER compound score of each sentence of ``parsed``, in sentence order."""
    text = parsed.text
    return tuple(polarity(s.of(text)).compound for s in parsed.sentences)


def _tone_label(compound: float) -> str:
    return f"tone {compound:+.2f}"


def find_toned_sentences(parsed: Parsed, *,
                         compounds: Sequence[float] | None = None) -> Iterator[Evidence]:
    """Every sentence whose tone is not neutral, in text order (weight = compound)."""
    scores = sentence_compounds(parsed) if compounds is None else compounds
    for sent, c in zip(parsed.sentences, scores, strict=True):
        if c <= NEGATIVE_AT:
            label = _tone_label(c)  # "tone -0.62": the note says the same ("VADER tone -0.62: ...")
            yield Evidence(sent, NAME, "negative_sentence", label, c,
                           f"VADER {label}: the words of this sentence read as negative")
        elif c >= POSITIVE_AT:
            label = _tone_label(c)
            yield Evidence(sent, NAME, "positive_sentence", label, c,
                           f"VADER {label}: the words of this sentence read as positive")


def find_extremes(parsed: Parsed, *, compounds: Sequence[float] | None = None) -> Iterator[Evidence]:
    """The most negative and the most positive sentence, if any sentence is non-neutral that way."""
    scores = sentence_compounds(parsed) if compounds is None else compounds
    if not scores:
        return
    # the lowest (score, index) and the lowest (-score, index): the earlier sentence wins a tie
    lo = min(zip(scores, count()))[1]
    hi = min(zip(map(neg, scores), count()))[1]
    found = []
    if scores[lo] <= NEGATIVE_AT:
        found.append(Evidence(parsed.sentences[lo], NAME, "most_negative", _tone_label(scores[lo]),
                              scores[lo], "The most negative sentence of the article"))
    if scores[hi] >= POSITIVE_AT:
        found.append(Evidence(parsed.sentences[hi], NAME, "most_positive", _tone_label(scores[hi]),
                              scores[hi], "The most positive sentence of the article"))
    yield from sorted(found, key=lambda e: e.span.start)


def run(parsed: Parsed) -> FeatureResult:
    """Tone metrics for one parsed article (all zeros when it has no sentences)."""
    compounds = sentence_compounds(parsed)
    toned = tuple(find_toned_sentences(parsed, compounds=compounds))
    extremes = tuple(find_extremes(parsed, compounds=compounds))
    n = len(compounds)
    kinds = Counter(map(_KIND, toned))
    values = {
        f"{NAME}__mean_compound": safe_ratio(math.fsum(compounds), n),
        f"{NAME}__negative_share": safe_ratio(kinds["negative_sentence"], n),
        f"{NAME}__positive_share": safe_ratio(kinds["positive_sentence"], n),
        f"{NAME}__sentences_scored": float(n),
    }
    return FeatureResult(values=frozen_map(values), evidence=toned + extremes,
                         sentence_fields=frozen_map({"sentiment": compounds}))


EXTRACTOR = Extractor(
    name=NAME,
    description="The emotional tone of the article's sentences (VADER, scored sentence by sentence).",
    specs=SPECS,
    run=run,
)
