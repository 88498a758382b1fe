"""Transparent sentence features for the opinion model.

Every feature has a name, a plain-language label and a direction the model learned for it (stored
in ``opinion_model.json``). Two kinds:

* **n-grams**: lower-cased words and word pairs (``"we must"``) from a fixed vocabulary stored in
  the model file; a sentence's n-gram vector is binary and scaled to unit length.
* **dense markers**: counts of cue words from :file:`cues.json` (first- and second-person address,
  prescriptive modals, speculation, boosters, degree adverbs, evaluative words, contrast,
  reporting verbs, negation), VADER sentiment strength (Hutto & Gilbert 2014), question and
  exclamation marks, the share of the sentence inside quotation marks, digits, capitalised names,
  superlatives and length.
* **style** (:mod:`bias.opinion.style`): topic-free n-grams of function words and word shapes, and
  shape and punctuation rates.

Nothing here is fitted: the functions only describe a sentence. Scaling and weights live in the
model file (see :mod:`bias.opinion.model`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from bias.opinion.style import STYLE_FEATURES, style_ngrams, style_rates
from bias.vader import Polarity, polarity

_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*", re.UNICODE)
_QUOTED = re.compile(r"\"[^\"]*\"?|“[^”]*”?|(?<![^\W_])'[^']{2,}'(?![^\W_])|(?<![^\W_])‘[^’]{2,}’(?![^\W_])")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
# Words ending in -est that are not superlatives (kept short: common news words only).
_NOT_SUPERLATIVE = frozenset({
    "interest", "test", "rest", "west", "protest", "arrest", "honest", "modest", "forest", "request",
    "suggest", "invest", "contest", "harvest", "manifest", "digest", "nest", "pest", "quest", "chest",
    "guest", "crest", "vest", "unrest", "conquest", "earnest", "midwest", "southwest", "northwest",
    "attest", "detest", "behest", "lest", "priest", "biggest-ever", "inquest", "bequest", "everest",
})
_SUPERLATIVE_WORDS = frozenset({"most", "least", "best", "worst"})


@dataclass(frozen=True, slots=True)
class CueGroup:
    """One list of cue words: ``name`` is the feature name, ``label`` says it in plain words."""

    name: str
    label: str
    short: str
    explanation: str
    source: str
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue word or phrase found in a sentence: token positions ``[start, end)``."""

    group: str
    term: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What the model sees of one sentence."""

    tokens: tuple[str, ...]
    ngrams: frozenset[str]
    style: frozenset[str]
    dense: Mapping[str, float]
    hits: tuple[CueHit, ...]


def load_cues_document() -> Mapping[str, object]:
    """The packaged cue lists (``bias/opinion/cues.json``) as parsed JSON."""
    text = resources.files("bias.opinion").joinpath("cues.json").read_text(encoding="utf-8")
    return json.loads(text)


def cue_groups_from(doc: Mapping[str, object]) -> tuple[CueGroup, ...]:
    """Build immutable :class:`CueGroup` objects from a cue document (packaged or in a model file)."""
    groups = []
    for g in doc["groups"]:  # type: ignore[union-attr]
        terms = tuple(dict.fromkeys(t.lower().translate(_APOSTROPHES) for t in g["terms"]))
        groups.append(CueGroup(g["name"], g["label"], g.get("short", g["label"]), g.get("explanation", ""),
                              g.get("source", ""), terms))
    return tuple(groups)


def tokenize(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens; curly apostrophes become straight ones ("don’t" -> "don't")."""
    return tuple(m.group(0).lower() for m in _WORD.finditer(text.translate(_APOSTROPHES)))


def ngrams_of(tokens: Sequence[str]) -> frozenset[str]:
    """Distinct unigrams and bigrams (``"we must"``) of a token sequence."""
    grams = set(tokens)
    grams.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
    return frozenset(grams)


@cache
def _phrase_index(groups: tuple[CueGroup, ...]) -> Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for g in groups:
        for term in g.terms:
            words = tokenize(term)
            if words:
                index.setdefault(words[0], []).append((g.name, words))
    # Longest phrase first, so "ought to" is tried before a shorter entry starting with "ought".
    return MappingProxyType({k: tuple(sorted(v, key=lambda e: -len(e[1]))) for k, v in index.items()})


def find_cues(tokens: Sequence[str], groups: tuple[CueGroup, ...]) -> tuple[CueHit, ...]:
    """Every cue-list match in ``tokens``, longest first; a token may count for several groups but
    for each group once (inside "last week", "week" is not counted again)."""
    index = _phrase_index(groups)
    hits: list[CueHit] = []
    n = len(tokens)
    covered: dict[str, int] = {}  # group -> end of its last hit ("last week" then not "week" again)
    for i, tok in enumerate(tokens):
        for group, words in index.get(tok, ()):
            if covered.get(group, 0) > i:
                continue
            k = len(words)
            if i + k <= n and tuple(tokens[i : i + k]) == words:
                hits.append(CueHit(group, " ".join(words), i, i + k))
                covered[group] = i + k
        if tok.endswith("n't") and tok != "n't":
            hits.append(CueHit("negation", tok, i, i + 1))
    return tuple(hits)


def quoted_share(text: str) -> tuple[float, int]:
    """Share of characters inside quotations of five words or more (reported speech, 0-1), and
    the number of shorter quoted phrases (scare quotes such as 'levelling up')."""
    if not text:
        return 0.0, 0
    inside = 0
    short = 0
    for m in _QUOTED.finditer(text):
        if len(_WORD.findall(m.group(0))) >= 5:
            inside += m.end() - m.start()
        elif _WORD.search(m.group(0)):
            short += 1
    return min(1.0, inside / len(text)), short


def _is_superlative(tok: str) -> bool:
    return tok in _SUPERLATIVE_WORDS or (
        len(tok) > 5 and tok.endswith("est") and tok.isalpha() and tok not in _NOT_SUPERLATIVE)


# Dense features beside the cue groups: name -> plain-language label (used in evidence notes).
BASE_FEATURES: Mapping[str, str] = MappingProxyType({
    "sentiment_strength": "strong sentiment (VADER)",
    "sentiment_words": "share of emotionally charged words (VADER)",
    "question": "question",
    "exclamation": "exclamation mark",
    "quoted_share": "reported speech in quotation marks",
    "scare_quotes": "short phrase in quotation marks (scare quotes)",
    "digits": "numbers and figures",
    "capitalised": "names and capitalised words",
    "superlative": "superlative ('best', 'worst', '-est')",
    "length": "sentence length",
})


def dense_names(groups: tuple[CueGroup, ...]) -> tuple[str, ...]:
    """Names of the dense features, in model order: cue groups, :data:`BASE_FEATURES`, then the
    style rates (:data:`bias.opinion.style.STYLE_FEATURES`)."""
    return tuple(f"cue_{g.name}" for g in groups) + tuple(BASE_FEATURES) + tuple(STYLE_FEATURES)


def dense_labels(groups: tuple[CueGroup, ...]) -> Mapping[str, str]:
    """Plain-language label of every dense feature (for evidence notes)."""
    return {f"cue_{g.name}": g.label for g in groups} | dict(BASE_FEATURES) | dict(STYLE_FEATURES)


def describe(text: str, groups: tuple[CueGroup, ...]) -> SentenceFeatures:
    """All features of one sentence (raw, unscaled; the model file holds the scaling)."""
    tokens = tokenize(text)
    hits = find_cues(tokens, groups)
    dense: dict[str, float] = {}
    counts: dict[str, int] = {g.name: 0 for g in groups}
    for h in hits:
        counts[h.group] = counts.get(h.group, 0) + 1
    for g in groups:
        dense[f"cue_{g.name}"] = math.log1p(counts[g.name])
    n = len(tokens)
    vs = polarity(text) if n else Polarity(0.0, 1.0, 0.0, 0.0)
    dense["sentiment_strength"] = abs(vs.compound)
    dense["sentiment_words"] = vs.pos + vs.neg
    stripped = text.rstrip(" \"'”’)")
    dense["question"] = 1.0 if stripped.endswith("?") else (0.5 if "?" in text else 0.0)
    dense["exclamation"] = 1.0 if "!" in text else 0.0
    share, short = quoted_share(text)
    dense["quoted_share"] = share
    dense["scare_quotes"] = math.log1p(short)
    dense["digits"] = sum(any(c.isdigit() for c in t) for t in tokens) / n if n else 0.0
    words = _WORD.findall(text)
    caps = sum(1 for w in words[1:] if w[:1].isupper())
    dense["capitalised"] = caps / (len(words) - 1) if len(words) > 1 else 0.0
    dense["superlative"] = math.log1p(sum(_is_superlative(t) for t in tokens))
    dense["length"] = math.log1p(n)
    dense.update(style_rates(text, tokens))
    return SentenceFeatures(tokens, ngrams_of(tokens), style_ngrams(text), MappingProxyType(dense), hits)
