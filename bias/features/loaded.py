"""Loaded language, hedges, boosters and scare quotes, kept apart by voice.

Each hit is a lexicon row (``loaded`` and ``hedges`` lexicons, plus user lexicons of kind
``loaded``) or a scare quote (:mod:`bias.features.voice`). Evidence ``kind`` is
``loaded_<category>``; the ``note`` starts with the voice in brackets (``[narration]``,
``[quote]``, ``[embedded]``) and ``records["loaded_terms"]`` carries the voice as a field.

Weights: each hit counts its lexicon weight (0.2-3; see the lexicon metadata); a scare quote counts
:data:`SCARE_QUOTE_WEIGHT`. The *loaded score* sums the categories in :data:`SCORED` (every category
but hedges: hedging is caution, not loading).

Sentence flag: ``loaded_score = 1 - 0.5 ** (weighted hits in the sentence)``, so one typical
(weight 1) term gives 0.5; a sentence is ``loaded`` when its score is at least
:data:`LOADED_THRESHOLD` (0.5): one full-weight term or several weak ones. All voices count here,
since a sentence is judged as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bias.corpus.parsed import Parsed
from bias.features.base import Extractor, safe_ratio, spec
from bias.features.voice import EMBEDDED, NARRATION, QUOTE, Voices, voices, word_counts
from bias.lexicons import Lexicon, load_lexicon
from bias.lexicons.matcher import Matcher
from bias.lexicons.user import kind_of
from bias.model import Evidence, FeatureResult, FeatureSpec, Span, trusted_span

NAME = "loaded"
CATEGORIES = ("pejorative", "intensifier", "metaphor", "fear", "evaluative", "booster", "hedge",
              "scare_quote")
SCORED = frozenset(CATEGORIES) - {"hedge"}
SCARE_QUOTE_WEIGHT = 1.0
LOADED_THRESHOLD = 0.5
_SCARE_NOTE = ("A short phrase in quotation marks with no speaker named in its sentence: the writer "
               "distances itself from the words without saying why.")
_LABELS = {"pejorative": "pejorative labels and name-calling", "intensifier": "intensifiers and hyperbole",
           "metaphor": "dehumanising or threat metaphors", "fear": "fear and anger appeals",
           "evaluative": "subjective evaluatives", "booster": "boosters", "hedge": "hedges",
           "scare_quote": "scare quotes"}


@dataclass(frozen=True, slots=True)
class LoadedHit:
    """One flagged span with everything the report needs."""

    span: Span
    text: str
    term: str
    category: str
    voice: str
    weight: float
    explanation: str
    alternative: str
    lexicon: str

    def record(self) -> dict[str, object]:
        return {"start": self.span.start, "end": self.span.end, "text": self.text, "term": self.term,
                "category": self.category, "voice": self.voice, "explanation": self.explanation,
                "alternative": self.alternative, "weight": self.weight, "lexicon": self.lexicon}

    def evidence(self) -> Evidence:
        note = f"[{self.voice}] {self.explanation}"
        if self.alternative:
            note += f" Neutral alternative: {self.alternative}."
        return Evidence(self.span, NAME, f"loaded_{self.category}", self.term, self.weight, note)


def build_matcher(extra_lexicons: Iterable[Lexicon] = ()) -> Matcher:
    """The matcher over the packaged loaded and hedges lexicons plus user lexicons of kind loaded."""
    extra = tuple(lex for lex in extra_lexicons if kind_of(lex) == "loaded")
    return Matcher((load_lexicon("loaded"), load_lexicon("hedges"), *extra))


def find_loaded_hits(parsed: Parsed, *, matcher: Matcher, v: Voices | None = None) -> tuple[LoadedHit, ...]:
    """Every lexicon hit and scare quote of the article, in text order, with its voice."""
    v = v or voices(parsed)
    text = parsed.text
    out = []
    for start, stop, e, lexicon in matcher.find_offsets(text, parsed.sentences):
        span = trusted_span(start, stop)
        out.append(LoadedHit(span, text[start:stop], e.term, e.category, v.of(span), e.weight,
                             e.explanation, e.alternative, lexicon))
    for q in v.scare_quotes:
        out.append(LoadedHit(q.span, q.span.of(text), "scare quote", "scare_quote", NARRATION,
                             SCARE_QUOTE_WEIGHT, _SCARE_NOTE, "drop the marks, or say who used the words",
                             "voice@1"))
    return tuple(sorted(out, key=lambda h: (h.span.start, h.span.end, h.category)))


def find_loaded(parsed: Parsed, *, matcher: Matcher) -> Iterator[Evidence]:
    """Evidence for every loaded term, hedge, booster and scare quote (see module docstring)."""
    for h in find_loaded_hits(parsed, matcher=matcher):
        yield h.evidence()


def _sentence_scores(parsed: Parsed, hits: Iterable[LoadedHit]) -> tuple[float, ...]:
    sums = [0.0] * len(parsed.sentences)
    for h in hits:
        if h.category in SCORED:
            i = parsed.sentence_index(h.span.start)
            if i is not None:
                sums[i] += h.weight
    # most sentences hold no hit: round(1.0 - 0.5**0.0, 4) is 0.0
    return tuple(round(1.0 - 0.5**s, 4) if s else 0.0 for s in sums)


def loaded_sentence_scores(parsed: Parsed, *, matcher: Matcher | None = None) -> tuple[float, ...]:
    """One loaded score in [0, 1] per sentence; ``>= LOADED_THRESHOLD`` means ``loaded``."""
    return _sentence_scores(parsed, find_loaded_hits(parsed, matcher=matcher or build_matcher()))


def _specs() -> tuple[FeatureSpec, ...]:
    out = [
        spec(NAME, "narration_per_1000", "Loaded language, outlet's own voice",
             "weighted hits per 1,000 words",
             "more loaded wording in the outlet's own narration",
             "Sum of the weights of loaded terms, boosters and scare quotes in narration (outside quotations "
             "and embedded posts), per 1,000 narration words. The headline figure for an outlet.",
             "A lexicon cannot see irony or context beyond its rules; read the highlighted terms."),
        spec(NAME, "quoted_per_1000", "Loaded language in quoted voices", "weighted hits per 1,000 words",
             "the people quoted (or embedded posts) use more loaded wording",
             "As narration_per_1000, over words inside direct quotations and embedded posts.",
             "Choosing whom to quote is an editorial act, but the words are not the outlet's own."),
        spec(NAME, "hedges_per_1000", "Hedges", "hits per 1,000 words", "more hedged claims",
             "Hedges (allegedly, reportedly, appears, could) per 1,000 words, all voices.",
             "Hedging can be careful reporting or insinuation."),
        spec(NAME, "boosters_per_1000", "Boosters", "hits per 1,000 words",
             "more claims presented as certain",
             "Boosters (clearly, undeniably, absolutely) per 1,000 words, all voices."),
        spec(NAME, "scare_quotes", "Scare quotes", "count", "more distancing quotation marks",
             "Short quoted phrases (1-4 words) with no speaker named in their sentence."),
        spec(NAME, "loaded_sentence_share", "Loaded sentences", "share of sentences (0-1)",
             "more sentences carry loaded wording",
             f"Share of sentences whose loaded score is at least {LOADED_THRESHOLD} (all voices)."),
        spec(NAME, "narration_words", "Narration words", "words", "a longer own-voice text",
             "Words outside quotations and embedded posts (the denominator of the narration rates)."),
    ]
    for cat in CATEGORIES:
        out.append(spec(NAME, f"{cat}_narration_per_1000", f"{_LABELS[cat].capitalize()} (narration)",
                        "weighted hits per 1,000 words", f"more {_LABELS[cat]} in the outlet's own voice",
                        f"Sum of the weights of {_LABELS[cat]} in narration per 1,000 narration words."))
    return tuple(out)


SPECS = _specs()


def _run(parsed: Parsed, matcher: Matcher) -> FeatureResult:
    v = voices(parsed)
    hits = find_loaded_hits(parsed, matcher=matcher, v=v)
    words = word_counts(parsed, v)
    n_narr, n_other, n_all = words[NARRATION], words[QUOTE] + words[EMBEDDED], sum(words.values())
    per = 1000.0
    # One pass sorts the weights (in hit order, so each sum adds the same numbers in the same order)
    narr: list[float] = []  # scored categories, narration
    other: list[float] = []  # scored categories, other voices
    narr_by_cat: dict[str, list[float]] = {cat: [] for cat in CATEGORIES}
    n_by_cat = dict.fromkeys(CATEGORIES, 0)
    for h in hits:
        cat, weight = h.category, h.weight
        if cat in n_by_cat:
            n_by_cat[cat] += 1
        if h.voice == NARRATION:
            if cat in SCORED:
                narr.append(weight)
            if cat in narr_by_cat:
                narr_by_cat[cat].append(weight)
        elif cat in SCORED:
            other.append(weight)
    scores = _sentence_scores(parsed, hits)
    flags = tuple(s >= LOADED_THRESHOLD for s in scores)
    values = {
        f"{NAME}__narration_per_1000": safe_ratio(sum(narr) * per, n_narr),
        f"{NAME}__quoted_per_1000": safe_ratio(sum(other) * per, n_other),
        f"{NAME}__hedges_per_1000": safe_ratio(n_by_cat["hedge"] * per, n_all),
        f"{NAME}__boosters_per_1000": safe_ratio(n_by_cat["booster"] * per, n_all),
        f"{NAME}__scare_quotes": float(n_by_cat["scare_quote"]),
        f"{NAME}__loaded_sentence_share": safe_ratio(sum(flags), len(flags)),
        f"{NAME}__narration_words": float(n_narr),
    }
    for cat in CATEGORIES:
        values[f"{NAME}__{cat}_narration_per_1000"] = safe_ratio(sum(narr_by_cat[cat]) * per, n_narr)
    return FeatureResult(
        values=values,
        evidence=tuple(h.evidence() for h in hits),
        records={"loaded_terms": tuple(h.record() for h in hits)},
        sentence_fields={"loaded_score": scores, "loaded": flags},
    )


def make_extractor(extra_lexicons: Iterable[Lexicon] = ()) -> Extractor:
    """The loaded-language extractor; user lexicons of kind ``loaded`` are matched too."""
    matcher = build_matcher(extra_lexicons)
    stamps = ", ".join(lex.stamp for lex in matcher.lexicons)
    return Extractor(name=NAME, description=f"Loaded language, hedges, boosters and scare quotes ({stamps})",
                     specs=SPECS, run=lambda parsed: _run(parsed, matcher))


EXTRACTOR = make_extractor()
