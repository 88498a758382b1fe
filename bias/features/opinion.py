"""Opinion at sentence level: how much of the article reads as opinion rather than reported fact.

Each sentence is scored by the shipped opinion model (:mod:`bias.opinion.model`, a logistic
regression over word n-grams, topic-free style n-grams and transparent markers, trained on
NewsSD-ENG, Antici et al., LREC-COLING 2024, CC BY 4.0). A sentence is an opinion sentence when
its score reaches the model's threshold; every opinion sentence is evidence, with a note naming
the features that pushed it up most.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial

from bias.corpus.parsed import Parsed
from bias.features.base import Extractor, safe_ratio, spec
from bias.model import Evidence, FeatureResult, Span
from bias.opinion import scorer
from bias.opinion.features import CueHit, SentenceFeatures, describe_all
from bias.opinion.model import OpinionModel, contribution_terms, log_odds, shipped_model, sigmoid
from bias.opinion.tables import compiled

NAME = "opinion"
KIND = "opinion_sentence"
MAX_REASONS = 3

SPECS = (
    spec(NAME, "share", "Opinion sentences", "share of sentences (0-1)",
         "more of the article reads as opinion, argument or speculation rather than reported fact",
         "Share of sentences whose opinion score reaches the model's threshold.",
         "A statistical model trained on 731 labelled news sentences: it errs on single sentences "
         "and reads quoted opinions as opinion too. Compare outlets, not single articles."),
    spec(NAME, "mean_score", "Mean opinion score", "score (0-1)",
         "sentences on average read more like opinion",
         "Mean over sentences of the model's opinion score (0 = reads as reported fact, 1 = as opinion).",
         "Scores are not calibrated probabilities on other kinds of text."),
)


def _reason(c_feature: str, c_label: str, hits: Callable[[], tuple[CueHit, ...]], model: OpinionModel) -> str:
    if c_feature.startswith("cue_"):
        group = c_feature[4:]
        terms = list(dict.fromkeys(h.term for h in hits() if h.group == group))
        short = next((g.short for g in model.groups if g.name == group), group)
        return f"{short} " + ", ".join(f"'{t}'" for t in terms[:2])
    if c_feature.startswith("ngram:"):
        return f"wording {c_label}"
    if c_feature.startswith("style:"):
        return f"sentence pattern {c_label}"
    return c_label


def explain(feats: SentenceFeatures, model: OpinionModel, limit: int = MAX_REASONS) -> str:
    """Plain words for the features that raised a sentence's score most ("first-person 'we', ...")."""
    return _explain(contribution_terms(feats, model), lambda: feats.hits, model, limit)


def _explain(terms: Iterable[tuple[str, str, float]], hits: Callable[[], tuple[CueHit, ...]],
             model: OpinionModel, limit: int = MAX_REASONS) -> str:
    reasons: list[str] = []
    for feature, label, value in terms:
        if value <= 0 or len(reasons) >= limit:
            break
        r = _reason(feature, label, hits, model)
        if r not in reasons:
            reasons.append(r)
    return ", ".join(reasons) if reasons else "no single marker; the overall wording"


def score_sentences(parsed: Parsed, model: OpinionModel | None = None) -> tuple[tuple[float, ...], tuple[
        SentenceFeatures, ...]]:
    """Opinion score (0-1) and features of every sentence of the parse, in order."""
    m = model or shipped_model()
    text = parsed.text
    feats = describe_all((text[s.start : s.end] for s in parsed.sentences), m.groups)
    return tuple(sigmoid(log_odds(f, m)) for f in feats), feats


def find_opinion_sentences(parsed: Parsed, *, model: OpinionModel | None = None) -> Iterator[Evidence]:
    """One :class:`Evidence` per sentence scored as opinion; ``weight`` is the score (0-1)."""
    m = model or shipped_model()
    yield from _evidence(parsed, *score_sentences(parsed, m), m)


def _evidence(parsed: Parsed, scores: tuple[float, ...], feats: tuple[SentenceFeatures, ...],
              m: OpinionModel) -> Iterator[Evidence]:
    for span, score, f in zip(parsed.sentences, scores, feats, strict=True):
        if score >= m.threshold:
            yield Evidence(Span(span.start, span.end), NAME, KIND, "opinion sentence", score,
                           f"Reads as opinion (score {score:.2f}): {explain(f, m)}.")


def _fast_evidence(parsed: Parsed, m: OpinionModel) -> tuple[list[float], list[Evidence]]:
    """Every sentence's score and the evidence of the opinion sentences, from the compiled model
    (:mod:`bias.opinion.scorer`; the same numbers and notes as :func:`score_sentences` and
    :func:`find_opinion_sentences`)."""
    c = compiled(m)
    text, threshold = parsed.text, m.threshold
    scores: list[float] = []
    evidence: list[Evidence] = []
    spans = parsed.sentences
    scored = scorer.score_texts([text[span.start : span.end] for span in spans], c)
    for span, s in zip(spans, scored, strict=True):
        p = sigmoid(s.z)
        scores.append(p)
        if p >= threshold:
            note = _explain(scorer.ranked_terms(s, c), cache(partial(scorer.hits, s, c)), m)
            evidence.append(Evidence(Span(span.start, span.end), NAME, KIND, "opinion sentence", p,
                                     f"Reads as opinion (score {p:.2f}): {note}."))
    return scores, evidence


def run(parsed: Parsed, model: OpinionModel | None = None) -> FeatureResult:
    """Score every sentence; ``opinion__share`` counts the evidence, ``opinion__mean_score`` averages."""
    m = model or shipped_model()
    scores, evidence = _fast_evidence(parsed, m)
    flags = tuple(s >= m.threshold for s in scores)
    n = len(scores)
    return FeatureResult(
        values={f"{NAME}__share": safe_ratio(len(evidence), n),
                f"{NAME}__mean_score": safe_ratio(sum(scores), n)},
        evidence=tuple(evidence),
        sentence_fields={"opinion_score": tuple(round(s, 4) for s in scores), "opinion": flags},
    )


EXTRACTOR = Extractor(
    name=NAME,
    description=("Sentence-level opinion model (logistic regression on NewsSD-ENG, Antici et al. 2024, "
                 "CC BY 4.0): share of sentences that read as opinion, and the mean opinion score."),
    specs=SPECS,
    run=run,
)
