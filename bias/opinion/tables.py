"""An opinion model's weights compiled into lookup tables (:func:`compile_model`), for
:mod:`bias.opinion.scorer`.

* every word is looked up once (:attr:`CompiledModel.word_info`, cached per word): its token, the
  code of its shape class, its counts packed into one integer (:func:`token_counts`, a capital, its
  one-word cue matches) and its vocabulary id;
* word and style n-grams are integers (a style pair ``(a, b)`` is ``a * K + b``; a word pair
  ``lead(a) + id(b)``), and the vocabulary is re-keyed by those codes.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache, partial, reduce
from itertools import chain
from operator import itemgetter

from bias.opinion.features import (
    _LOG1P,
    BASE_FEATURES,
    CueIndex,
    _phrase_index,
    _token_marks,
    dense_labels,
)
from bias.opinion.model import OpinionModel, shipped_model
from bias.opinion.style import _ENDINGS, FUNCTION_WORDS, STYLE_FEATURES, shape_class
from bias.opinion.style import _token_marks as _style_marks

# Per-word counts packed into one integer, _FIELD bits each (see token_counts): a field would
# overflow only in a text of 2**64 words, far more than any text in memory can hold.
_FIELD = 64
# Fields: digit, superlative, adjective ending, -ly, -ed, -ing, nominalisation, function word
# (0 or 1 each), the token's length, a negation by its ending ("isn't"), a capital first letter
# (of a word), then one field per cue group (CompiledModel.word_info).
N_COUNTS = 11
_CAPITAL = 1 << (_FIELD * 10)
_CAPITALS = ((1 << _FIELD) - 1) << (_FIELD * 10)
_FIELDS = struct.Struct(f"<{N_COUNTS}Q")
# The dense features after the cue groups, in the order of every model file (checked on compile).
_REST = tuple(BASE_FEATURES) + tuple(STYLE_FEATURES)
# Sentence start and end marks of the style n-grams; neither is ever a word (see _WORD).
_START, _END = "^", "$"
# Every value of shape_class and the two marks, coded 1, 2, ...: a style pair (a, b) is a * _K + b,
# a triple (a, b, c) is (a * _K + b) * _K + c (pairs are below _K ** 2, triples above).
_SHAPES = (_START, _END, "<num>", "<Cap>", "<w>", *(f"<{e}>" for e in _ENDINGS), *sorted(FUNCTION_WORDS))
_SHAPE_CODE: Mapping[str, int] = {s: i for i, s in enumerate(_SHAPES, 1)}
_K = len(_SHAPES) + 1
CuePhrases = Mapping[str, tuple[tuple[int, tuple[str, ...]], ...]]
# A word's token (lower-cased), shape code, packed counts, vocabulary id and lead (CompiledModel).
WordInfo = tuple[str, int, int, int, int]


@dataclass(frozen=True, slots=True)
class CompiledModel:
    """An :class:`OpinionModel`'s weights as lookup tables keyed by word and n-gram codes.

    A token of the model's vocabulary has an id (1, 2, ...; 0 for any other token); a word pair
    ``(a, b)`` is coded ``lead(a) + id(b)`` with ``lead(a) = (id(a) + 1) * n_ids``, above every id.
    """

    model: OpinionModel
    word_info: Callable[[str], WordInfo]  # cached per word (see _word_info)
    counts: struct.Struct  # unpacks a sum of packed counts: N_COUNTS fields, then the cue groups
    ngrams: Mapping[int, float]  # code of a word or a word pair -> weight
    ngram_names: Mapping[int, str]  # code -> n-gram as the model file names it ("we must")
    style: Mapping[int, float]  # code of a pair or triple of shape classes -> weight
    style_names: Mapping[int, str]
    ngram_features: Mapping[int, str]  # code of a word n-gram with a positive weight -> "ngram:<name>"
    style_features: Mapping[int, str]  # the same for style n-grams ("style:<name>")
    phrases: CuePhrases  # first token -> (group slot, phrase tokens), longest first
    index: CueIndex  # the same phrases by group name, for find_cues
    multi_starts: frozenset[int]  # codes of the first word pair of every multi-word cue phrase
    negation: int | None  # slot of the "negation" cue group, if the model has one
    cue_terms: tuple[tuple[float, ...], ...]  # each cue group's term for 0, 1, 2, ... matches
    labels: Mapping[str, str]


def _style_code(gram: str) -> int | None:
    """The code of a style n-gram of the model file (``"<Cap> said"``); None if it cannot occur."""
    parts = gram.split(" ")
    if len(parts) not in (2, 3) or not all(p in _SHAPE_CODE for p in parts):
        return None
    return reduce(lambda code, p: code * _K + _SHAPE_CODE[p], parts, 0)


def compile_model(model: OpinionModel) -> CompiledModel:
    """Build the lookup tables of ``model`` (a few milliseconds; see :func:`compiled`)."""
    groups = model.groups
    n_cues = len(groups)
    if model.dense_names[n_cues:] != _REST:
        raise ValueError("dense features are not in the order this scorer computes them")
    slots = {g.name: i for i, g in enumerate(groups)}
    phrases = {first: tuple((slots[group], words) for group, words in entries)
               for first, entries in _phrase_index(groups).items()}
    multi = [words for entries in phrases.values() for _, words in entries if len(words) > 1]
    grams = [tuple(g.split(" ")) for g in model.ngram_weights if g.count(" ") <= 1]
    grams = [g for g in grams if _START not in g and _END not in g]  # never tokens
    ids = {t: i for i, t in enumerate(dict.fromkeys(chain(*grams, *(w[:2] for w in multi))), 1)}
    n_ids = len(ids) + 1
    leads = {t: (i + 1) * n_ids for t, i in ids.items()}
    codes = {g: ids[g[0]] if len(g) == 1 else leads[g[0]] + ids[g[1]] for g in grams}
    ngram_names = {codes[g]: name for name in model.ngram_weights if (g := tuple(name.split(" "))) in codes}
    style_names = {code: g for g in model.style_weights if (code := _style_code(g)) is not None}
    cues: dict[str, int] = {}  # token -> its one-word cue matches, one field per group slot
    for first, entries in phrases.items():
        for slot in {slot for slot, words in entries if len(words) == 1}:  # a group counts a token once
            cues[first] = cues.get(first, 0) + (1 << (_FIELD * (N_COUNTS + slot)))
    mean, scale, weights = model.dense_mean, model.dense_scale, model.dense_weights
    return CompiledModel(
        model=model,
        word_info=lru_cache(maxsize=1 << 16)(partial(_word_info, ids=ids, leads=leads, cues=cues)),
        counts=struct.Struct(f"<{N_COUNTS + n_cues}Q"),
        ngrams={code: model.ngram_weights[name] for code, name in ngram_names.items()},
        ngram_names=ngram_names,
        style={code: model.style_weights[name] for code, name in style_names.items()},
        style_names=style_names,
        ngram_features={k: f"ngram:{g}" for k, g in ngram_names.items() if model.ngram_weights[g] > 0},
        style_features={k: f"style:{g}" for k, g in style_names.items() if model.style_weights[g] > 0},
        phrases=phrases,
        index=_phrase_index(groups),
        multi_starts=frozenset(leads[w[0]] + ids[w[1]] for w in multi),
        negation=slots.get("negation"),
        cue_terms=tuple(tuple(w * (x - m) / s for x in _LOG1P)
                        for m, s, w in zip(mean[:n_cues], scale[:n_cues], weights[:n_cues], strict=True)),
        labels=dense_labels(groups),
    )


@cache
def _shipped() -> CompiledModel:
    return compile_model(shipped_model())


def compiled(model: OpinionModel) -> CompiledModel:
    """:func:`compile_model` of ``model``, cached for the shipped model."""
    return _shipped() if model is shipped_model() else compile_model(model)


@lru_cache(maxsize=1 << 16)
def token_counts(token: str) -> int:
    """A lower-cased token's counts packed into one integer (fields of :data:`_FIELD` bits): digit
    and superlative (as :mod:`bias.opinion.features` counts them), the five word endings and the
    function word of :func:`bias.opinion.style.style_rates`, its length, and whether it is a
    negation by its ending (as :func:`bias.opinion.features.find_cues` finds them). The sum of these
    integers over a sentence holds every count at once (:func:`unpack`)."""
    negation = int(token.endswith("n't") and token != "n't")
    marks = (*_token_marks(token), *_style_marks(token), negation)
    return sum(m << (_FIELD * i) for i, m in enumerate(marks))


def unpack(total: int) -> tuple[int, ...]:
    """The :data:`N_COUNTS` counts of a sum of :func:`token_counts` integers (with capitals)."""
    return _FIELDS.unpack(total.to_bytes(_FIELDS.size, "little"))


def _word_info(word: str, *, ids: Mapping[str, int], leads: Mapping[str, int],
               cues: Mapping[str, int]) -> WordInfo:
    """A word's token (lower-cased), the code of its :func:`shape_class` inside a sentence, its
    :func:`token_counts` plus a capital and its one-word cue matches, its vocabulary id and lead.
    The marks ``^`` and ``$`` get their own shape codes."""
    if word in (_START, _END):
        return word, _SHAPE_CODE[word], 0, 0, len(ids) + 1
    token = word.lower()
    packed = token_counts(token) + (_CAPITAL if word[0].isupper() else 0) + cues.get(token, 0)
    shape = _SHAPE_CODE[shape_class(word, False)]
    return token, shape, packed, ids.get(token, 0), leads.get(token, len(ids) + 1)


def cue_counts(tokens: tuple[str, ...], phrases: CuePhrases, negation: int | None) -> dict[int, int]:
    """Matches per cue-group slot, exactly as :func:`bias.opinion.features.find_cues` finds them."""
    counts: dict[int, int] = {}
    n = len(tokens)
    covered: dict[int, int] = {}
    get = phrases.get
    negations = negation is not None and "n't" in "\x00".join(tokens)
    positions = enumerate(map(get, tokens))
    if not negations:  # only the tokens that start a cue phrase
        positions = filter(itemgetter(1), positions)
    for i, entries in positions:
        if entries is not None:
            for slot, words in entries:
                if covered.get(slot, 0) > i:
                    continue
                k = len(words)
                if k == 1 or (i + k <= n and tokens[i : i + k] == words):
                    counts[slot] = counts.get(slot, 0) + 1
                    covered[slot] = i + k
        if negations:
            tok = tokens[i]
            if tok.endswith("n't") and tok != "n't":
                counts[negation] = counts.get(negation, 0) + 1  # type: ignore[index]
    return counts
