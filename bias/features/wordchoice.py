"""Word choice: which of several competing terms for one referent an article uses, and in whose voice.

A referent group (``referents`` lexicon, plus user lexicons of kind ``referents``) lists terms that
name the same thing from different standpoints ("illegal aliens", "undocumented immigrants",
"migrants"...). Evidence ``kind`` is ``wordchoice_<referent>``, ``label`` the term, and the note
starts with the voice in brackets. Metric ``wordchoice__<referent>__<term>`` counts the uses in the
outlet's own narration (the choice the outlet made); ``records["word_choice"]`` gives, per term
used, the total count and the count per voice. The longest term wins, so "illegal immigrants" is
not also counted as "immigrants".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from bias.corpus.parsed import Parsed
from bias.features.base import Extractor, spec
from bias.features.voice import NARRATION, VOICES, Voices, voices
from bias.lexicons import Lexicon, load_lexicon
from bias.lexicons.matcher import Matcher
from bias.lexicons.user import kind_of
from bias.model import Evidence, FeatureResult, FeatureSpec, trusted_span

NAME = "wordchoice"


@lru_cache(maxsize=4096)
def term_slug(term: str) -> str:
    """``"Border-crossers"`` -> ``"border_crossers"`` (the metric-name form of a term)."""
    return re.sub(r"[^a-z0-9]+", "_", term.lower()).strip("_")


def metric_name(referent: str, term: str) -> str:
    return f"{NAME}__{referent}__{term_slug(term)}"


def build_matcher(extra_lexicons: Iterable[Lexicon] = ()) -> Matcher:
    """Matcher over the packaged referent groups plus user lexicons of kind ``referents``."""
    extra = tuple(lex for lex in extra_lexicons if kind_of(lex) == "referents")
    return Matcher((load_lexicon("referents"), *extra))


def _uses(parsed: Parsed, matcher: Matcher, v: Voices) -> list[tuple[Evidence, str, str]]:
    """``(evidence, referent, voice)`` per use of a referent term, in text order."""
    out = []
    for start, stop, e, _lexicon in matcher.find_offsets(parsed.text, parsed.sentences):
        span = trusted_span(start, stop)
        voice = v.of(span)
        note = f"[{voice}] {e.explanation}"
        if e.alternative:
            note += f" Neutral alternative: {e.alternative}."
        out.append((Evidence(span, NAME, f"wordchoice_{e.category}", e.term, 1.0, note), e.category, voice))
    return out


def find_word_choice(parsed: Parsed, *, matcher: Matcher, v: Voices | None = None) -> Iterator[Evidence]:
    """One piece of evidence per use of a referent term, with its voice in the note."""
    for ev, _referent, _voice in _uses(parsed, matcher, v or voices(parsed)):
        yield ev


def _specs(matcher: Matcher) -> tuple[FeatureSpec, ...]:
    out = []
    seen = set()
    for lex in matcher.lexicons:
        for e in lex.entries:
            name = metric_name(e.category, e.term)
            if name in seen:
                continue
            seen.add(name)
            out.append(spec(NAME, name.split("__", 1)[1], f"“{e.term}” ({e.category.replace('_', ' ')})",
                            "uses in narration", f"the outlet itself says “{e.term}” more often",
                            f"Uses of “{e.term}” (and its inflections) in the outlet's own narration. "
                            f"{e.explanation}",
                            "Counts every use, including attributive ones ('migrant camp')."))
    return tuple(out)


def _run(parsed: Parsed, matcher: Matcher, specs: tuple[FeatureSpec, ...]) -> FeatureResult:
    text = parsed.text
    uses = _uses(parsed, matcher, voices(parsed))
    values = {s.name: 0.0 for s in specs}
    groups: dict[tuple[str, str], dict[str, object]] = {}
    for ev, referent, voice in uses:
        if voice == NARRATION:
            name = metric_name(referent, ev.label)
            values[name] = values.get(name, 0.0) + 1
        rec = groups.get((referent, ev.label))
        if rec is None:
            rec = groups[referent, ev.label] = {"referent": referent, "term": ev.label, "count": 0,
                                                **{v: 0 for v in VOICES}, "texts": []}
        rec["count"] += 1  # type: ignore[operator]
        rec[voice] += 1  # type: ignore[operator]
        used = text[ev.span.start:ev.span.end]
        if used not in rec["texts"]:  # type: ignore[operator]
            rec["texts"].append(used)  # type: ignore[union-attr]
    records = tuple({**r, "texts": tuple(r["texts"])} for _k, r in sorted(groups.items()))  # type: ignore[arg-type]
    evidence = tuple(ev for ev, _referent, _voice in uses)
    return FeatureResult(values=values, evidence=evidence, records={"word_choice": records})


def make_extractor(extra_lexicons: Iterable[Lexicon] = ()) -> Extractor:
    """The word-choice extractor; user lexicons of kind ``referents`` add terms and groups."""
    matcher = build_matcher(extra_lexicons)
    specs = _specs(matcher)
    stamps = ", ".join(lex.stamp for lex in matcher.lexicons)
    return Extractor(name=NAME, description=f"Competing terms for one referent ({stamps})", specs=specs,
                     run=lambda parsed: _run(parsed, matcher, specs))


EXTRACTOR = make_extractor()
