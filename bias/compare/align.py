"""One story, side by side: each sentence aligned to its closest counterpart in the other outlets.

:func:`align_story` takes the articles of one story (2+ outlets). Every sentence of every article
becomes a TF-IDF vector over the content words and names of :mod:`bias.compare.tokens` plus
numbers (figures are facts: "14 percent", "2.3 million"), fitted on the story's sentences. For each
sentence and each *other* outlet, the closest sentence of that outlet's articles is found by cosine
similarity. A sentence whose best similarity to every other outlet is below
:data:`DEFAULT_MIN_SIMILARITY` (0.2) has no counterpart: ``only_here`` is True and the report can
say "only in X". Sentences with fewer than :data:`MIN_TOKENS` tokens (datelines, "Now look.") are
not compared (no match, ``only_here`` False). The headline is reported apart and not aligned.

0.2 is a low bar on purpose: two outlets rarely word a fact alike, and a paraphrase that keeps the
names and one key noun ("Okafor said the offer was fair") already scores 0.2-0.4, while unrelated
sentences of the same story share a name at most and score below about 0.15.

:func:`source_ledger` lists the named sources each outlet quoted (from the attribution records:
sources with a proper name, or pronouns resolved to one) and the named sources others quoted but it
did not. People are matched across outlets by surname ("Dana Whitcombe" = "Whitcombe").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from bias.compare.tokens import content_tokens
from bias.model import ArticleScores, Span

__all__ = [
    "DEFAULT_MIN_SIMILARITY",
    "ArticleAlignment",
    "LedgerEntry",
    "Match",
    "SentenceAlignment",
    "align_story",
    "source_ledger",
]

DEFAULT_MIN_SIMILARITY = 0.2
MIN_TOKENS = 3
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Match:
    """The closest sentence of one other outlet: its article, span, text and cosine similarity (0-1)."""

    outlet: str
    article_id: str
    span: Span
    text: str
    similarity: float


@dataclass(frozen=True, slots=True)
class SentenceAlignment:
    """One sentence: its span and text, the best match per other outlet (outlets sorted), the best
    of those (``best``, None if not compared) and ``only_here`` (no other outlet has a counterpart)."""

    span: Span
    text: str
    matches: tuple[Match, ...]
    best: Match | None
    only_here: bool


@dataclass(frozen=True, slots=True)
class ArticleAlignment:
    """One article of the story: outlet, headline, lede (first sentence after the headline with at
    least six words; None if there is none) and every sentence after the headline, in text order."""

    article_id: str
    outlet: str
    headline: str
    lede: Span | None
    lede_text: str
    sentences: tuple[SentenceAlignment, ...]


def _analyzer(text: str) -> list[str]:
    return [t for t, _ in content_tokens(text)] + [m.group().replace(",", "") for m in _NUMBER.finditer(text)]


def _body(s: ArticleScores) -> list[Span]:
    title = s.article.title.strip()
    text = s.article.text
    head = text.find(title) if title else -1
    head_span = Span(head, head + len(title)) if head == 0 else None
    return [sp for sp in s.sentences if not (head_span and sp.overlaps(head_span))]


def align_story(
    scores: Sequence[ArticleScores], *, min_similarity: float = DEFAULT_MIN_SIMILARITY
) -> tuple[ArticleAlignment, ...]:
    """Align the sentences of one story's articles (see the module docstring); input order kept."""
    arts = list(scores)
    rows: list[tuple[int, Span, str]] = []
    for i, s in enumerate(arts):
        for sp in _body(s):
            rows.append((i, sp, sp.of(s.article.text)))
    sims = np.zeros((len(rows), len(rows)))
    n_tokens = [len(_analyzer(t)) for _, _, t in rows]
    if rows and any(n_tokens):
        vec = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True, norm="l2")
        x = vec.fit_transform([t for _, _, t in rows])
        sims = (x @ x.T).toarray()
    outlets = sorted({s.article.outlet for s in arts})
    out = []
    for i, s in enumerate(arts):
        aligned = []
        for r, (ai, sp, text) in enumerate(rows):
            if ai != i:
                continue
            if n_tokens[r] < MIN_TOKENS:
                aligned.append(SentenceAlignment(sp, text, (), None, False))
                continue
            matches = []
            for o in outlets:
                if o == s.article.outlet:
                    continue
                cands = [
                    c
                    for c, (aj, _, _) in enumerate(rows)
                    if arts[aj].article.outlet == o and n_tokens[c] >= MIN_TOKENS
                ]
                if not cands:
                    continue
                c = max(cands, key=lambda c: (round(float(sims[r, c]), 12), -c))
                aj, csp, ctext = rows[c]
                matches.append(Match(o, arts[aj].article.id, csp, ctext, round(float(sims[r, c]), 6)))
            best = max(matches, key=lambda m: (m.similarity, -outlets.index(m.outlet)), default=None)
            only = best is not None and best.similarity < min_similarity
            aligned.append(SentenceAlignment(sp, text, tuple(matches), best, only))
        lede = next((a for a in aligned if len(a.text.split()) >= 6), None)
        out.append(
            ArticleAlignment(
                s.article.id,
                s.article.outlet,
                s.article.title,
                lede.span if lede else None,
                lede.text if lede else "",
                tuple(aligned),
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One outlet's sources in a story: ``quoted`` (display names, sorted) and ``missing``:
    ``(name, outlets that quoted it)`` for named sources others quoted but this outlet did not."""

    outlet: str
    quoted: tuple[str, ...]
    missing: tuple[tuple[str, tuple[str, ...]], ...]


_CAPS_RUN = re.compile(r"(?:[A-Z][\w.'’-]*)(?:\s+(?:(?:of|de|la|del|van|von)\s+)?[A-Z][\w.'’-]*)*")


def _source_name(rec: Mapping[str, Any]) -> tuple[str, str] | None:
    """``(matching key, display name)`` of a record's named source, or None.

    The display name is the last run of capitalised words in the source text ("union president Dana
    Whitcombe" -> "Dana Whitcombe"); people are keyed by surname, other sources by the whole name.
    """
    src = rec.get("source")
    if not src:
        return None
    raw = src.get("resolved") or (src.get("text") if src.get("named") else None)
    if not raw:
        return None
    raw = " ".join(str(raw).split())
    runs = _CAPS_RUN.findall(raw.split(",")[0])
    name = runs[-1] if runs else raw
    name = re.sub(r"^The\s+", "", name)
    words = name.split()
    if not words:
        return None
    key = words[-1].lower() if src.get("kind") == "person" else name.lower()
    return key, name


def source_ledger(scores: Sequence[ArticleScores]) -> tuple[LedgerEntry, ...]:
    """Named sources per outlet in one story, and whom others quoted but it did not (outlets sorted)."""
    by_outlet: dict[str, set[str]] = {}
    display: dict[str, str] = {}
    for s in scores:
        keys = by_outlet.setdefault(s.article.outlet, set())
        for rec in s.records.get("attributions", ()):
            got = _source_name(rec)
            if got is None:
                continue
            key, name = got
            keys.add(key)
            if len(name) > len(display.get(key, "")) or (
                len(name) == len(display[key]) and name < display[key]
            ):
                display[key] = name
    out = []
    for outlet in sorted(by_outlet):
        mine = by_outlet[outlet]
        missing = []
        for key in sorted(set().union(*by_outlet.values()) - mine, key=lambda k: display[k]):
            who = tuple(o for o in sorted(by_outlet) if key in by_outlet[o])
            missing.append((display[key], who))
        out.append(LedgerEntry(outlet, tuple(sorted(display[k] for k in mine)), tuple(missing)))
    return tuple(out)
