"""The overview's sentences: the main differences between outlets, stated with the real figures.

Each function returns one :class:`OverviewSentence` built only from the articles' metrics and
records, so every number in the text can be traced: ``figures`` holds them per outlet. Outlets are
listed from the highest to the lowest figure (ties by name). When an outlet has fewer than
:data:`~bias.compare.aggregates.MIN_ARTICLES` articles, or a share rests on fewer than
:data:`MIN_ATTRIBUTIONS` attributions, ``caveat`` is True and ``caveat_text`` says why: the figures
then describe those articles, not the outlet's habits.

Pooling: counts are summed over an outlet's articles ("4 of its 8 attributions"); rates per 1,000
words are pooled by words (total weighted hits / total narration words); tone is pooled by sentences
(mean of sentence scores); the reading grade is the mean over articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bias.compare.aggregates import MIN_ARTICLES
from bias.compare.tally import ANONYMOUS_KINDS, CorpusTally, as_tally
from bias.model import ArticleScores

__all__ = [
    "ANONYMOUS_KINDS",
    "MIN_ATTRIBUTIONS",
    "OutletFigure",
    "OverviewSentence",
    "loaded_sentence",
    "overview_sentences",
    "readability_sentence",
    "sourcing_sentence",
    "tone_sentence",
    "verbs_sentence",
]

MIN_ATTRIBUTIONS = 5
TOP_TERMS = 3


@dataclass(frozen=True, slots=True)
class OutletFigure:
    """One outlet's figure in a sentence: ``value`` (the number stated), ``part``/``whole`` for
    "k of n" figures (else None), ``terms`` named in the sentence, ``n_articles`` behind it."""

    outlet: str
    n_articles: int
    value: float
    part: int | None = None
    whole: int | None = None
    terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OverviewSentence:
    """A generated sentence: ``topic`` (sourcing, loaded, verbs, tone, readability), plain ``text``,
    the ``figures`` it states (in the order stated) and a caveat flag with its explanation."""

    topic: str
    text: str
    figures: tuple[OutletFigure, ...]
    caveat: bool
    caveat_text: str


def _outlets(tally: CorpusTally) -> list[str]:
    return sorted(tally.outlets)


def _caveat(figs: Sequence[OutletFigure], small_whole: bool = False) -> tuple[bool, str]:
    few = [f.outlet for f in figs if f.n_articles < MIN_ARTICLES]
    thin = [f.outlet for f in figs if small_whole and f.whole is not None and f.whole < MIN_ATTRIBUTIONS]
    parts = []
    if few:
        parts.append(f"fewer than {MIN_ARTICLES} articles from {', '.join(few)}")
    if thin:
        parts.append(f"fewer than {MIN_ATTRIBUTIONS} attributions from {', '.join(thin)}")
    if not parts:
        return False, ""
    return True, "Small sample: " + "; ".join(
        parts
    ) + ". These figures describe the articles, not the outlets."


def _ordered(figs: list[OutletFigure], key: Callable[[OutletFigure], float]) -> list[OutletFigure]:
    return sorted(figs, key=lambda f: (-key(f), f.outlet))


def _share(f: OutletFigure) -> float:
    return (f.part or 0) / f.whole if f.whole else -1.0


def _k_of_n(figs: list[OutletFigure], first: str, noun: str, tail: str) -> str:
    stated = [f for f in figs if f.whole]
    out = ""
    if stated:
        f0 = stated[0]
        out = f"{f0.outlet} {first} {f0.part:,} of its {f0.whole:,} {noun}{tail}"
        out += "".join(f"; {f.outlet} {f.part:,} of {f.whole:,}" for f in stated[1:])
    none = [f.outlet for f in figs if not f.whole]
    if none:
        out += ("; " if out else "") + f"no {noun} found in {', '.join(none)}"
    return out[0].upper() + out[1:] + "." if out else ""


def sourcing_sentence(scores: CorpusTally | Iterable[ArticleScores]) -> OverviewSentence:
    """How many attributions each outlet credits to sources not identified by name (unnamed,
    confidential or vague), out of all its attributions."""
    tally = as_tally(scores)
    figs = []
    for outlet in _outlets(tally):
        src, n = tally.sources[outlet], tally.counts[outlet]
        k = src.anonymous
        figs.append(OutletFigure(outlet, n, k / src.total if src.total else 0.0, k, src.total))
    figs = _ordered(figs, _share)
    text = _k_of_n(figs, "credits", "attributions", " to sources not identified by name")
    return OverviewSentence("sourcing", text, tuple(figs), *_caveat(figs, small_whole=True))


def verbs_sentence(scores: CorpusTally | Iterable[ArticleScores]) -> OverviewSentence:
    """How many attributions each outlet introduces with a reporting verb that is not neutral
    (claimed, admitted, slammed ...), with the most used such verbs."""
    tally = as_tally(scores)
    figs = []
    for outlet in _outlets(tally):
        src, n = tally.sources[outlet], tally.counts[outlet]
        cues = src.loaded_lemmas
        k = sum(cues.values())
        top = tuple(t for t, _ in sorted(cues.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS])
        figs.append(OutletFigure(outlet, n, k / src.total if src.total else 0.0, k, src.total, top))
    figs = _ordered(figs, _share)
    text = _k_of_n(figs, "introduces", "attributions", " with a reporting verb that is not neutral")
    shown = [f for f in figs if f.terms]
    if shown:
        text += " Most used: " + "; ".join(f"{f.outlet}: {', '.join(f.terms)}" for f in shown) + "."
    return OverviewSentence("verbs", text, tuple(figs), *_caveat(figs, small_whole=True))


def loaded_sentence(scores: CorpusTally | Iterable[ArticleScores]) -> OverviewSentence:
    """Loaded language in each outlet's own voice: weighted hits per 1,000 narration words (pooled
    over its articles), with its most frequent loaded terms."""
    tally = as_tally(scores)
    figs = []
    for outlet in _outlets(tally):
        n_words = tally.values_or_zero("loaded__narration_words", outlet)
        rate = tally.values_or_zero("loaded__narration_per_1000", outlet)
        words = sum(n_words)
        hits = sum(r * w / 1000 for r, w in zip(rate, n_words, strict=True))
        terms = tally.terms[outlet].headline_terms  # summed lexicon weight: frequent and strong first
        top = tuple(t for t, _ in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS])
        figs.append(OutletFigure(outlet, tally.counts[outlet], 1000 * hits / words if words else 0.0,
                                 terms=top))
    figs = _ordered(figs, lambda f: f.value)

    def one(f: OutletFigure) -> str:
        terms = f" (mainly: {', '.join(repr(t) for t in f.terms)})" if f.terms else ""
        return f"{f.value:.1f}{terms}"

    text = ""
    if figs:
        f0 = figs[0]
        first = (
            one(f0).replace(" (", " weighted loaded terms per 1,000 words (", 1)
            if f0.terms
            else (f"{f0.value:.1f} weighted loaded terms per 1,000 words")
        )
        text = (
            f"In its own voice, {f0.outlet} uses {first}"
            + "".join(f"; {f.outlet} {one(f)}" for f in figs[1:])
            + "."
        )
    return OverviewSentence("loaded", text, tuple(figs), *_caveat(figs))


def tone_sentence(scores: CorpusTally | Iterable[ArticleScores]) -> OverviewSentence:
    """Average sentence tone (VADER compound, -1 to 1, pooled over sentences) and the share of
    negative sentences, most negative outlet first."""
    tally = as_tally(scores)
    figs = []
    neg: dict[str, float] = {}
    for outlet in _outlets(tally):
        counted = tally.values_or_zero("sentiment__sentences_scored", outlet)
        compound = tally.values_or_zero("sentiment__mean_compound", outlet)
        negative = tally.values_or_zero("sentiment__negative_share", outlet)
        n = sum(counted)
        mean = sum(c * k for c, k in zip(compound, counted, strict=True)) / n if n else 0.0
        neg[outlet] = sum(v * k for v, k in zip(negative, counted, strict=True)) / n if n else 0.0
        figs.append(OutletFigure(outlet, tally.counts[outlet], mean))
    figs = _ordered(figs, lambda f: -f.value)

    def one(f: OutletFigure) -> str:
        return f"{f.value:+.2f} ({neg[f.outlet]:.0%} of sentences negative)"

    text = ""
    if figs:
        text = (
            f"Average sentence tone, from -1 to +1: {figs[0].outlet} {one(figs[0])}"
            + "".join(f"; {f.outlet} {one(f)}" for f in figs[1:])
            + "."
        )
    return OverviewSentence("tone", text, tuple(figs), *_caveat(figs))


def readability_sentence(scores: CorpusTally | Iterable[ArticleScores]) -> OverviewSentence:
    """Reading level: mean Flesch-Kincaid grade of each outlet's articles, hardest first."""
    tally = as_tally(scores)
    figs = []
    for outlet in _outlets(tally):
        grades = tally.values_or_zero("readability__flesch_kincaid_grade", outlet)
        figs.append(OutletFigure(outlet, tally.counts[outlet], sum(grades) / len(grades)))
    figs = _ordered(figs, lambda f: f.value)
    text = ""
    if figs:
        text = (
            f"{figs[0].outlet} writes at about US school grade {figs[0].value:.1f} (Flesch-Kincaid)"
            + "".join(f"; {f.outlet} {f.value:.1f}" for f in figs[1:])
            + "."
        )
    return OverviewSentence("readability", text, tuple(figs), *_caveat(figs))


def overview_sentences(scores: CorpusTally | Iterable[ArticleScores]) -> tuple[OverviewSentence, ...]:
    """All overview sentences in report order: sourcing, loaded language, verbs, tone, readability."""
    tally = as_tally(scores)
    makers = (sourcing_sentence, loaded_sentence, verbs_sentence, tone_sentence, readability_sentence)
    return tuple(m(tally) for m in makers)
