"""Who speaks: attributions, reporting verbs and anonymous sourcing (extractor ``attribution``).

:func:`find_attributions` returns every place where the article hands content to a source (see
:mod:`bias.features.attrib_find` for the rules); :func:`find_attribution_evidence` turns them into
:class:`~bias.model.Evidence` (the cue, the source, the content, reasons for anonymity, and every
quotation); :func:`run` derives every metric from that evidence and adds two JSON-ready records:
``attributions`` (one dict per attribution) and ``attribution_summary``.

Cue categories and source kinds come from the ``attribution_cues`` and ``source_nouns`` lexicons.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from operator import attrgetter
from typing import Any

from bias.corpus.parsed import Parsed
from bias.features.attrib_find import ANONYMOUS_KINDS, Attribution, find_attribution_records
from bias.features.attrib_lexicon import Tables, default_tables
from bias.features.base import Extractor, safe_ratio, spec
from bias.model import Evidence, FeatureResult, Span, frozen_map

NAME = "attribution"
CATEGORIES = (
    "neutral",
    "distancing",
    "conceding",
    "factive",
    "speculative",
    "emphatic",
    "warning",
    "disputing",
    "evaluative",
    "charged",
)
CATEGORY_NOTES = {
    "neutral": "plain reporting verbs (said, told, according to) that pass words on without judging them.",
    "distancing": "verbs that cast doubt on the content (claimed, alleged, insisted).",
    "conceding": "verbs that imply a reluctant admission of something true (admitted, conceded).",
    "factive": "verbs that present the content as established fact (confirmed, revealed, showed).",
    "speculative": "verbs that present the content as a guess or hint (suggested, estimated, hinted).",
    "emphatic": "verbs that present the content as forceful or promised (stressed, declared, vowed).",
    "warning": "verbs that frame the content as a danger (warned, cautioned, threatened).",
    "disputing": "verbs that report a denial or rebuttal (denied, disputed, countered).",
    "evaluative": "verbs that report praise or blame (praised, accused, called ... 'illegal').",
    "charged": "dramatic verbs that add emotion the reporter supplies (slammed, blasted, boasted).",
}
KIND_NOTES = {
    "person": "Named person.",
    "organization": "An institution speaking as itself.",
    "media": "Another news outlet or publication.",
    "document": "A document speaks (report, filing, statement, poll).",
    "unnamed": "Unnamed source: identified only by role.",
    "confidential": "Confidential source: identity withheld on purpose.",
    "vague": "Vague source: nobody in particular (critics, experts, officials say).",
}


def find_attributions(parsed: Parsed, *, tables: Tables | None = None) -> tuple[Attribution, ...]:
    """Every attribution in ``parsed``, in text order (pure, deterministic)."""
    return find_attribution_records(parsed, tables=tables)


def _span(text: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def to_record(a: Attribution, text: str) -> dict[str, Any]:
    """The JSON-ready dict of one attribution (fields as documented in docs/ and the issue)."""
    cue = _span(text, a.cue) | {"lemma": a.lemma, "category": a.category}  # type: ignore[operator]
    source = None
    if a.source is not None:
        source = _span(text, a.source) | {
            "kind": a.kind,
            "named": a.named,  # type: ignore[operator]
            "resolved": a.resolved,
            "role": a.role,
        }
    return {
        "sentence": _span(text, a.sentence),
        "cue": cue,
        "source": source,
        "content": _span(text, a.content),
        "quote": a.quote,
        "nested": a.nested,
        "anonymity_reason": _span(text, a.anonymity_reason),
    }


def _who(a: Attribution, text: str) -> str:
    if a.source is None:
        return "no source named"
    said = text[a.source.start : a.source.end]
    return f"{said} (= {a.resolved})" if a.resolved else said


def find_attribution_evidence(
    parsed: Parsed, attributions: tuple[Attribution, ...] | None = None, *, tables: Tables | None = None
) -> Iterator[Evidence]:
    """Evidence for every attribution (cue, source, content, anonymity reason) and every quotation."""
    text = parsed.text
    if attributions is None:
        attributions = find_attributions(parsed, tables=tables)
    for a in attributions:
        who = _who(a, text)
        yield Evidence(
            a.cue,
            NAME,
            f"cue_{a.category}",
            a.lemma,
            1.0,
            f"{a.explanation} Who: {who}." + (" (inside a quotation)" if a.nested else ""),
        )
        if a.source is not None:
            kind = f"source_named_{a.kind}" if a.named else f"source_{a.kind}"
            label = a.resolved or text[a.source.start : a.source.end]
            yield Evidence(a.source, NAME, kind, label, 1.0, KIND_NOTES.get(a.kind, "Source."))
        if a.content is not None:
            yield Evidence(
                a.content,
                NAME,
                f"content_{a.quote}",
                a.lemma,
                1.0,
                f"Content attributed to {who} ({a.quote} speech).",
            )
        if a.anonymity_reason is not None:
            yield Evidence(
                a.anonymity_reason,
                NAME,
                "anonymity_reason",
                "reason",
                1.0,
                "The reason the text gives for not naming the source.",
            )
    for q in parsed.quotes:
        n = parsed.count_words_in(q.inner)
        if n:
            yield Evidence(
                q.inner, NAME, "quotation", "quoted words", float(n), f"{n} words inside quotation marks."
            )


_KIND = attrgetter("kind")


def _metrics(evidence: list[Evidence], n_words: int) -> dict[str, float]:
    kinds = Counter(map(_KIND, evidence))
    n = sum(k for kind, k in kinds.items() if kind.startswith("cue_"))
    v = {
        "count": float(n),
        "per_1000_words": safe_ratio(n * 1000, n_words),
        "unnamed_share": safe_ratio(kinds["source_unnamed"], n),
        "confidential_share": safe_ratio(kinds["source_confidential"], n),
        "vague_share": safe_ratio(kinds["source_vague"], n),
        "anonymous_share": safe_ratio(sum(kinds[f"source_{k}"] for k in ANONYMOUS_KINDS), n),
        "confidential_with_reason": float(kinds["anonymity_reason"]),
        "confidential_without_reason": float(
            max(kinds["source_confidential"] - kinds["anonymity_reason"], 0)
        ),
        "direct_share": safe_ratio(kinds["content_direct"] + kinds["content_mixed"], n),
        "quoted_word_share": min(
            1.0, safe_ratio(sum(e.weight for e in evidence if e.kind == "quotation"), n_words)
        ),
        "distinct_named_sources": float(
            len({e.label for e in evidence if e.kind.startswith("source_named_")})
        ),
    }
    for c in CATEGORIES:
        v[f"cue_{c}"] = float(kinds[f"cue_{c}"])
    return {f"{NAME}__{k}": x for k, x in v.items()}


def summary(attributions: tuple[Attribution, ...], text: str) -> dict[str, Any]:
    """First and last voice, cue lemma counts, source-kind and role mix (for the report)."""
    voiced = [a for a in attributions if a.source is not None and not a.nested]

    def name(a: Attribution | None) -> str | None:
        return None if a is None or a.source is None else a.resolved or text[a.source.start : a.source.end]

    return {
        "first_source": name(voiced[0] if voiced else None),
        "last_source": name(voiced[-1] if voiced else None),
        "cue_lemmas": dict(sorted(Counter(a.lemma for a in attributions).items())),
        "kinds": dict(sorted(Counter(a.kind for a in attributions).items())),
        "roles": dict(sorted(Counter(a.role for a in attributions if a.source is not None).items())),
    }


def run(parsed: Parsed, *, tables: Tables | None = None) -> FeatureResult:
    """Attribution metrics, evidence and records for one parsed article."""
    attributions = find_attributions(parsed, tables=tables)
    evidence = list(find_attribution_evidence(parsed, attributions))
    text = parsed.text
    records = {
        "attributions": tuple(frozen_map(to_record(a, text)) for a in attributions),
        "attribution_summary": (frozen_map(summary(attributions, text)),),
    }
    return FeatureResult(
        values=frozen_map(_metrics(evidence, len(parsed.word_starts))),
        evidence=tuple(evidence),
        records=frozen_map(records),
    )


def lexicon_stamps() -> tuple[str, ...]:
    """``id@version`` of the lexicons this extractor reads."""
    return default_tables().stamps


def _s(metric: str, label: str, unit: str, higher: str, description: str, caveat: str = ""):
    return spec(NAME, metric, label, unit, higher, description, caveat)


_CAVEAT = (
    "Found by rules, not by a parser: unusual sentence shapes can be missed or misread; check the "
    "highlighted cues."
)
SPECS = (
    _s(
        "count",
        "Attributions",
        "count",
        "more statements handed to sources",
        "How many times the article attributes content to a source (said, according to, a colon or dash "
        "before/after a quotation).",
        _CAVEAT,
    ),
    _s(
        "per_1000_words",
        "Attributions per 1,000 words",
        "per 1,000 words",
        "the article leans more on sources",
        "Attributions divided by the article's words, times 1,000, so long and short articles compare.",
        _CAVEAT,
    ),
    _s(
        "unnamed_share",
        "Unnamed sources",
        "share (0-1)",
        "more voices identified only by role",
        "Share of attributions whose source is identified only by role or group ('a senior official', "
        "'prosecutors'), not by name.",
        "Role-only sources can be legitimate; the share shows a habit.",
    ),
    _s(
        "confidential_share",
        "Confidential sources",
        "share (0-1)",
        "more sources kept secret on purpose",
        "Share of attributions to sources the text withholds on purpose ('sources', 'people familiar "
        "with the "
        "matter', 'spoke on condition of anonymity').",
    ),
    _s(
        "vague_share",
        "Vague sources",
        "share (0-1)",
        "more claims handed to nobody in particular",
        "Share of attributions to vague or collective sources ('critics say', 'experts', 'officials say').",
    ),
    _s(
        "anonymous_share",
        "Anonymous sources (all)",
        "share (0-1)",
        "less of the sourcing can be checked",
        "Unnamed, confidential and vague sources together, as a share of all attributions.",
    ),
    _s(
        "confidential_with_reason",
        "Confidential, reason given",
        "count",
        "more anonymity explained",
        "Confidential sources for which the text says why they are not named ('because he was not "
        "authorized to speak publicly').",
    ),
    _s(
        "confidential_without_reason",
        "Confidential, no reason",
        "count",
        "more anonymity left unexplained",
        "Confidential sources with no stated reason for their anonymity.",
    ),
    _s(
        "direct_share",
        "Direct quotation",
        "share (0-1)",
        "more of the sources' own words",
        "Share of attributions whose content is wholly or partly inside quotation marks.",
    ),
    _s(
        "quoted_word_share",
        "Quoted words",
        "share (0-1)",
        "more of the article is other people's words",
        "Share of the article's words that stand inside quotation marks.",
        "Scare quotes around a single word count too.",
    ),
    _s(
        "distinct_named_sources",
        "Named voices",
        "count",
        "more different named people and bodies speak",
        "How many different named sources (people, institutions, outlets) the article quotes or cites; "
        "a surname later in the text counts as the same person.",
    ),
) + tuple(
    _s(
        f"cue_{c}",
        f"'{c}' cues",
        "count",
        f"more {c} reporting verbs",
        f"Attributions whose cue is in the '{c}' category of the cue lexicon: {CATEGORY_NOTES[c]}",
        "Connotation depends on context; 'alleged' is routine in court reporting.",
    )
    for c in CATEGORIES
)

EXTRACTOR = Extractor(
    name=NAME,
    description="Who speaks: attributions, reporting verbs and their connotation, named and anonymous "
    "sources.",
    specs=SPECS,
    run=run,
)


def records_of(result: FeatureResult) -> tuple[Mapping[str, Any], ...]:
    """The ``attributions`` records of a result (empty tuple when absent)."""
    return tuple(result.records.get("attributions", ()))
