"""Topic-independent style features of a sentence: word shapes, function words, punctuation.

The NewsSD-ENG validation split covers other stories than its training split, so word n-grams learn
topics ("rail", "covid") as much as opinion. Two remedies live here, neither fitted:

* **style n-grams** (text distortion, Stamatatos 2017, "Authorship attribution using text
  distortion", EACL): every word that is not a function word is replaced by its shape class
  (``<ly>`` for an adverb in -ly, ``<Cap>`` for a capitalised word inside the sentence, ``<num>``
  for a figure, ``<ous>``/``<able>``/... for adjective endings, ``<w>`` otherwise); the model then
  sees word pairs and triples such as ``"it is <ous>"`` or ``"<Cap> <Cap> said"`` that keep the
  grammar of a sentence and drop its topic.
* **shape rates**: shares of words with adjective, adverb, past-participle, gerund and
  nominalisation endings (a rough part-of-speech profile without a tagger; Biber 1988 ties these
  to involved versus informational writing), function-word share, mean word length, vocabulary
  variety, and punctuation (semicolon, dash, parenthesis, colon, a sentence that opens with a
  quotation mark or a conjunction, an imperative opening such as "Consider ..." or "Imagine ...").

Changing :data:`FUNCTION_WORDS` or :func:`shape_class` changes what a stored model's style n-grams
mean: bump :data:`STYLE_VERSION` (stamped into every model file) when you do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import repeat
from types import MappingProxyType

STYLE_VERSION = "2"

_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*", re.UNICODE)

# Closed-class English words (articles, pronouns, prepositions, conjunctions, auxiliaries, modals,
# quantifiers and common adverbs of degree and time). Written for this project.
FUNCTION_WORDS = frozenset((
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "it's", "they", "them", "their",
    "there", "here", "he", "she", "his", "her", "him", "i", "me", "my", "we", "us", "our", "you",
    "your", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "whether", "if",
    "then", "than", "and", "or", "but", "nor", "so", "yet", "because", "since", "although", "though",
    "while", "whereas", "unless", "until", "as", "of", "in", "on", "at", "by", "for", "with", "without",
    "from", "to", "into", "onto", "about", "above", "below", "over", "under", "between", "among",
    "through", "during", "before", "after", "against", "upon", "within", "is", "are", "was", "were",
    "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "not", "no", "never", "can",
    "could", "may", "might", "must", "shall", "should", "will", "would", "ought", "need", "all", "any",
    "both", "each", "every", "few", "many", "more", "most", "much", "some", "such", "only", "also",
    "even", "just", "still", "already", "very", "too", "quite", "rather", "really", "one", "other",
    "another", "same", "own", "nothing", "none", "nobody", "everyone", "everybody", "everything",
    "anyone", "someone", "something", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't",
    "didn't", "can't", "won't", "wouldn't", "shouldn't", "couldn't",
))

# Ending -> class, tried in this order; a word must be longer than the ending by 3+ letters.
_ENDINGS = ("ly", "ed", "ing", "ous", "ful", "ive", "able", "ible", "less", "ical", "tion", "ment",
            "ness", "ity", "ism", "al", "ic", "er", "est", "s")
_ADJECTIVE = ("ous", "ful", "ive", "able", "ible", "less", "ish", "ical")
_NOMINAL = ("tion", "ment", "ness", "ity", "ism")
_OPENING_CONJUNCTION = frozenset({"and", "but", "so", "yet", "or", "now", "still"})
# Verbs that open an imperative sentence addressed to the reader ("Consider ...", "Imagine ...").
_IMPERATIVE = frozenset({"consider", "imagine", "look", "think", "remember", "let", "don't", "take", "note",
                         "ask", "forget", "stop", "try", "make", "keep", "see", "read", "watch", "picture",
                         "recall", "beware", "suppose", "do", "never"})
_QUOTE_OPENERS = "\"“‘'"

# Dense style features: name -> plain-language label (shown in evidence notes).
STYLE_FEATURES: Mapping[str, str] = MappingProxyType({
    "adjective_endings": "many evaluative-looking adjectives",
    "ly_adverbs": "many -ly adverbs",
    "ed_endings": "past-tense narration (-ed)",
    "ing_endings": "-ing forms",
    "nominalisations": "abstract nouns (-tion, -ment, -ness)",
    "function_words": "function-word-heavy wording",
    "imperative_opening": "imperative opening ('Consider', 'Imagine')",
    "semicolon": "semicolon",
    "dash": "dash aside",
    "parenthesis": "parenthesis",
    "colon": "colon",
    "opens_with_quote": "opens with a quotation",
    "word_length": "long words",
    "opens_with_conjunction": "opens with 'And', 'But', 'So'",
    "variety": "varied vocabulary",
})


@lru_cache(maxsize=1 << 16)
def shape_class(word: str, first: bool) -> str:
    """A function word as itself (lower-cased), any other word as its shape class ("<ly>", "<Cap>").

    Pure and called for every word of every sentence, so its answers are cached per ``(word, first)``
    (strings are immutable; the cache is bounded).
    """
    low = word.lower().replace("’", "'")
    if low in FUNCTION_WORDS:
        return low
    if any(c.isdigit() for c in word):
        return "<num>"
    if word[:1].isupper() and not first:
        return "<Cap>"
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            return f"<{ending}>"
    return "<w>"


def style_ngrams(text: str) -> frozenset[str]:
    """Distinct pairs and triples of shape classes, with sentence start ``^`` and end ``$``."""
    return style_ngrams_of(_WORD.findall(text))


def style_ngrams_of(words: Sequence[str]) -> frozenset[str]:
    """:func:`style_ngrams` of a sentence already split into its words (``_WORD.findall(text)``)."""
    if words:
        seq = ["^", shape_class(words[0], True), *map(shape_class, words[1:], repeat(False)), "$"]
    else:
        seq = ["^", "$"]
    grams = {f"{a} {b}" for a, b in zip(seq, seq[1:], strict=False)}
    grams.update(f"{a} {b} {c}" for a, b, c in zip(seq, seq[1:], seq[2:], strict=False))
    return frozenset(grams)


@lru_cache(maxsize=1 << 16)
def _token_marks(t: str) -> tuple[int, int, int, int, int, int, int]:
    """One lower-cased token's contribution to the word-level rates, in :func:`style_rates` order:
    adjective ending, -ly, -ed, -ing, nominalisation, function word (each 0 or 1), and its length."""
    long = len(t) > 4
    return (int(t.endswith(_ADJECTIVE)), int(long and t.endswith("ly")), int(long and t.endswith("ed")),
            int(long and t.endswith("ing")), int(t.endswith(_NOMINAL)), int(t in FUNCTION_WORDS), len(t))


def style_rates(text: str, tokens: Sequence[str]) -> dict[str, float]:
    """The :data:`STYLE_FEATURES` of one sentence (``tokens`` lower-cased, as from ``tokenize``).

    Word-level rates are shares of the tokens (0-1); one pass over the tokens counts them all.
    """
    first = tokens[0] if tokens else ""
    n = len(tokens)
    if n:
        adj, ly, ed, ing, nominal, function, length = (sum(col) for col in zip(*map(_token_marks, tokens),
                                                                                 strict=True))
    else:
        adj = ly = ed = ing = nominal = function = length = 0
    return {
        "adjective_endings": adj / n if n else 0.0,
        "ly_adverbs": ly / n if n else 0.0,
        "ed_endings": ed / n if n else 0.0,
        "ing_endings": ing / n if n else 0.0,
        "nominalisations": nominal / n if n else 0.0,
        "function_words": function / n if n else 0.0,
        "imperative_opening": 1.0 if first in _IMPERATIVE else 0.0,
        "semicolon": 1.0 if ";" in text else 0.0,
        "dash": 1.0 if ("—" in text or " – " in text or " - " in text) else 0.0,
        "parenthesis": 1.0 if "(" in text else 0.0,
        "colon": 1.0 if ":" in text else 0.0,
        "opens_with_quote": 1.0 if text.lstrip()[:1] in _QUOTE_OPENERS and text.strip() else 0.0,
        "word_length": length / n if n else 0.0,
        "opens_with_conjunction": 1.0 if first in _OPENING_CONJUNCTION else 0.0,
        "variety": len(set(tokens)) / n if n else 0.0,
    }
