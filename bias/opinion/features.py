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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from operator import itemgetter
from types import MappingProxyType

from bias.opinion.style import STYLE_FEATURES, style_ngrams_of, style_rates
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


# First token of a cue phrase -> (group name, the phrase's tokens), longest phrase first.
CueEntries = tuple[tuple[str, tuple[str, ...]], ...]
CueIndex = Mapping[str, CueEntries]


@cache
def _phrase_index(groups: tuple[CueGroup, ...]) -> CueIndex:
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for g in groups:
        for term in g.terms:
            words = tokenize(term)
            if words:
                index.setdefault(words[0], []).append((g.name, words))
    # Longest phrase first, so "ought to" is tried before a shorter entry starting with "ought".
    return MappingProxyType({k: tuple(sorted(v, key=lambda e: -len(e[1]))) for k, v in index.items()})


def cue_index(groups: tuple[CueGroup, ...]) -> CueIndex:
    """The cue phrases of ``groups`` keyed by their first token, longest first (cached; immutable).

    Look it up once and pass it to :func:`find_cues` when describing many sentences: hashing the
    cue groups for the cache costs about half as much as matching a sentence.
    """
    return _phrase_index(groups)


def find_cues(tokens: Sequence[str], groups: tuple[CueGroup, ...], *,
              index: CueIndex | None = None) -> tuple[CueHit, ...]:
    """Every cue-list match in ``tokens``, longest first; a token may count for several groups but
    for each group once (inside "last week", "week" is not counted again). ``index`` is
    :func:`cue_index` of ``groups`` when the caller already has it."""
    if index is None:
        index = _phrase_index(groups)
    tokens = tuple(tokens)
    hits: list[CueHit] = []
    n = len(tokens)
    covered: dict[str, int] = {}  # group -> end of its last hit ("last week" then not "week" again)
    get = index.get
    if "n't" in "\x00".join(tokens):  # a negation may sit between the cues: visit every token
        positions: Iterable[tuple[int, CueEntries | None]] = enumerate(map(get, tokens))
    else:  # only the tokens that start a cue phrase
        positions = filter(itemgetter(1), enumerate(map(get, tokens)))
    for i, entries in positions:
        if entries is not None:
            for group, words in entries:
                if covered.get(group, 0) > i:
                    continue
                k = len(words)
                if k == 1 or (i + k <= n and tokens[i : i + k] == words):
                    hits.append(CueHit(group, " ".join(words), i, i + k))
                    covered[group] = i + k
        tok = tokens[i]
        if tok.endswith("n't") and tok != "n't":
            hits.append(CueHit("negation", tok, i, i + 1))
    return tuple(hits)


def quoted_share(text: str) -> tuple[float, int]:
    """Share of characters inside quotations of five words or more (reported speech, 0-1), and
    the number of shorter quoted phrases (scare quotes such as 'levelling up')."""
    if not text:
        return 0.0, 0
    if not ('"' in text or "“" in text or "'" in text or "‘" in text):
        return 0.0, 0  # every quotation pattern opens with one of these marks
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


@lru_cache(maxsize=1 << 16)
def _token_marks(tok: str) -> tuple[int, int]:
    """Whether a token holds a digit and whether it is a superlative (0 or 1 each; cached)."""
    return int(any(c.isdigit() for c in tok)), int(_is_superlative(tok))


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


# log1p of the small counts most features take (the same floats math.log1p gives; saves the calls).
_LOG1P = tuple(math.log1p(k) for k in range(64))


def _log1p_count(k: int) -> float:
    return _LOG1P[k] if k < 64 else math.log1p(k)


@cache
def _cue_keys(groups: tuple[CueGroup, ...]) -> Mapping[str, str]:
    """Group name -> dense feature name (``cue_<name>``) of every cue group, in model order."""
    return MappingProxyType({g.name: f"cue_{g.name}" for g in groups})


def describe(text: str, groups: tuple[CueGroup, ...]) -> SentenceFeatures:
    """All features of one sentence (raw, unscaled; the model file holds the scaling)."""
    return _describe(text, _phrase_index(groups), _cue_keys(groups))


def describe_all(texts: Iterable[str], groups: tuple[CueGroup, ...]) -> tuple[SentenceFeatures, ...]:
    """:func:`describe` of every text, in order (the per-group lookups are prepared once)."""
    index, keys = _phrase_index(groups), _cue_keys(groups)
    return tuple(_describe(t, index, keys) for t in texts)


def _describe(text: str, index: CueIndex, keys: Mapping[str, str]) -> SentenceFeatures:
    words = _WORD.findall(text)
    # With no apostrophe to translate, tokenize's tokens are these words, lower-cased.
    curly = "’" in text or "‘" in text or "ʼ" in text
    tokens = tokenize(text) if curly else tuple(map(str.lower, words))
    hits = find_cues(tokens, (), index=index)
    counts: dict[str, int] = {}
    for h in hits:
        counts[h.group] = counts.get(h.group, 0) + 1
    dense: dict[str, float] = dict.fromkeys(keys.values(), 0.0)  # log1p(0) is 0.0
    for name, k in counts.items():
        key = keys.get(name)
        if key is not None:
            dense[key] = _log1p_count(k)
    n = len(tokens)
    vs = polarity(text) if n else Polarity(0.0, 1.0, 0.0, 0.0)
    dense["sentiment_strength"] = abs(vs.compound)
    dense["sentiment_words"] = vs.pos + vs.neg
    stripped = text.rstrip(" \"'”’)")
    dense["question"] = 1.0 if stripped.endswith("?") else (0.5 if "?" in text else 0.0)
    dense["exclamation"] = 1.0 if "!" in text else 0.0
    share, short = quoted_share(text)
    dense["quoted_share"] = share
    dense["scare_quotes"] = _log1p_count(short)
    digits, superlatives = (sum(col) for col in zip(*map(_token_marks, tokens), strict=True)) if n else (0, 0)
    dense["digits"] = digits / n if n else 0.0
    caps = sum(map(str.isupper, map(itemgetter(0), words[1:])))  # a word is never empty
    dense["capitalised"] = caps / (len(words) - 1) if len(words) > 1 else 0.0
    dense["superlative"] = _log1p_count(superlatives)
    dense["length"] = _log1p_count(n)
    dense.update(style_rates(text, tokens))
    return SentenceFeatures(tokens, ngrams_of(tokens), style_ngrams_of(words), MappingProxyType(dense), hits)
