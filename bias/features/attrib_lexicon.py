"""The attribution extractor's lexicons, loaded once into immutable lookup tables.

Two packaged lexicons feed the extractor:

* ``attribution_cues``: reporting verbs and phrases (one row per surface form) with their lemma,
  connotation category, explanation, ``frame`` (verb, prep, colon, dash) and ``needs`` (extra
  conditions an ambiguous verb must meet before it counts);
* ``source_nouns``: head nouns that say what kind of source speaks (unnamed, vague, confidential,
  media, document, organization), role words and titles, and markers that turn a proper name into
  an outlet or an institution.

:func:`classify_source` turns a source phrase into ``(kind, named, role)`` using those tables.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from types import MappingProxyType

from bias.lexicons import Lexicon, load_lexicon

# Role priority when a source phrase holds several role words ("executive director of ... a migrant
# advocate group" is an advocate, not an official).
ROLE_PRIORITY = (
    "advocate_ngo",
    "defense",
    "prosecution_court",
    "law_enforcement",
    "expert_academic",
    "media",
    "witness_affected",
    "politician",
    "official",
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# Source-lexicon kinds that make a word a source head noun (not a mere title or name marker).
_HEAD_KINDS = frozenset({"unnamed", "vague", "confidential", "media", "document", "organization"})
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}s?|[A-Z](?:\.[A-Z])+\.?)$")
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+|[^\W_]+(?:['’.\-@][^\W_]+)*\.?|@\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class CueForm:
    """One surface form of a reporting cue (a row of ``attribution_cues``)."""

    words: tuple[str, ...]  # lower-case words ("lashed", "out")
    lemma: str
    category: str
    explanation: str
    frame: str  # verb | prep | colon | dash
    needs: str  # "" | clause | doc | quote | after


@dataclass(frozen=True, slots=True)
class SourceWord:
    """One row of ``source_nouns``: what a word tells about a source."""

    # unnamed | vague | confidential | media | document | organization | title | media_name | org_word
    kind: str
    role: str
    plural: bool


@dataclass(frozen=True, slots=True)
class Tables:
    """Immutable lookup tables built from the two lexicons."""

    cues_by_first: Mapping[str, tuple[CueForm, ...]]  # first word -> forms, longest first
    # (first word, second word) -> the forms of two or more words that open with them, longest first
    cues_by_pair: Mapping[tuple[str, str], tuple[CueForm, ...]]
    cue_words: Mapping[str, CueForm]  # first word -> its one-word form (when it has one)
    nouns: Mapping[str, tuple[SourceWord, ...]]  # single words
    phrases: Mapping[str, SourceWord]  # multi-word terms ("people familiar", "attorney general")
    stamps: tuple[str, ...]
    outlets: frozenset[str]  # full outlet names, lower case, no leading "the"
    outlet_ends: frozenset[str]  # the last word of each outlet name (split at spaces)
    confidential: tuple[str, ...]  # multi-word confidential markers ("people familiar")
    genders: Mapping[str, str]  # given name or gendered word -> "female" | "male"
    heads: Mapping[str, SourceWord]  # single word -> its first row that makes it a source head noun
    framing: frozenset[str]  # lemmas of cues that only frame another cue ("in a statement"), never a speaker
    # single word -> the speaker roles its rows signal (only words that signal one; see role_of)
    noun_roles: Mapping[str, frozenset[str]]
    # head nouns of one body that takes a plural verb (number "collective": "police say")
    collective: frozenset[str] = frozenset()


def _build(cues: Lexicon, sources: Lexicon) -> Tables:
    by_first: dict[str, list[CueForm]] = {}
    for e in cues.entries:
        words = tuple(e.term.lower().split())
        form = CueForm(
            words,
            e.extra.get("lemma", e.term),
            e.category,
            e.explanation,
            e.extra.get("frame", "verb"),
            e.extra.get("needs", ""),
        )
        by_first.setdefault(words[0], []).append(form)
    nouns: dict[str, list[SourceWord]] = {}
    phrases: dict[str, SourceWord] = {}
    outlets: set[str] = set()
    genders: dict[str, str] = {}
    for e in sources.entries:
        if e.category == "outlet":
            outlets.add(e.term.lower())
            continue
        if e.category in {"female", "male"}:
            genders[e.term.lower()] = e.category
            continue
        word = SourceWord(
            e.category, e.extra.get("role", "unknown") or "unknown", e.extra.get("number") == "pl"
        )
        if " " in e.term:
            phrases[e.term.lower()] = word
        else:
            nouns.setdefault(e.term.lower(), []).append(word)
    longest_first = {k: tuple(sorted(v, key=lambda f: -len(f.words))) for k, v in by_first.items()}
    by_pair: dict[tuple[str, str], list[CueForm]] = {}
    for forms in longest_first.values():
        for f in forms:
            if len(f.words) > 1:
                by_pair.setdefault(f.words[:2], []).append(f)
    return Tables(
        cues_by_first=MappingProxyType(longest_first),
        cues_by_pair=MappingProxyType({k: tuple(v) for k, v in by_pair.items()}),
        cue_words=MappingProxyType(
            {k: next(f for f in v if len(f.words) == 1) for k, v in longest_first.items()
             if any(len(f.words) == 1 for f in v)}
        ),
        nouns=MappingProxyType({k: tuple(v) for k, v in nouns.items()}),
        phrases=MappingProxyType(phrases),
        stamps=(cues.stamp, sources.stamp),
        outlets=frozenset(outlets),
        outlet_ends=frozenset(o.split(" ")[-1] for o in outlets),
        confidential=tuple(p for p, row in phrases.items() if row.kind == "confidential"),
        genders=MappingProxyType(genders),
        heads=MappingProxyType(
            {k: next(r for r in v if r.kind in _HEAD_KINDS) for k, v in nouns.items()
             if any(r.kind in _HEAD_KINDS for r in v)}
        ),
        framing=frozenset(f.lemma for fs in by_first.values() for f in fs if f.needs == "alone"),
        noun_roles=MappingProxyType(_noun_roles(nouns)),
        collective=frozenset(e.term.lower() for e in sources.entries
                             if e.extra.get("number") == "collective"),
    )


def _noun_roles(nouns: Mapping[str, Sequence[SourceWord]]) -> dict[str, frozenset[str]]:
    """Word -> the roles of its rows that signal a speaker role (not "unknown", not a name marker)."""
    out = {}
    for word, rows in nouns.items():
        roles = frozenset(r.role for r in rows if r.role != "unknown" and r.kind not in _NAME_MARKERS)
        if roles:
            out[word] = roles
    return out


_NAME_MARKERS = frozenset({"media_name", "org_word"})


@cache
def default_tables() -> Tables:
    """Tables from the packaged lexicons (cached; immutable)."""
    return _build(load_lexicon("attribution_cues"), load_lexicon("source_nouns"))


def tables_from(cues: Lexicon, sources: Lexicon) -> Tables:
    """Tables from user-supplied lexicons (not cached)."""
    return _build(cues, sources)


def cue_at(tables: Tables, low: Sequence[str], i: int) -> CueForm | None:
    """The cue form that starts at word ``i`` of the lower-cased words ``low`` (the longest that
    matches; the first in lexicon order among equally long ones), or None."""
    if i + 1 < len(low):
        for form in tables.cues_by_pair.get((low[i], low[i + 1]), ()):
            n = len(form.words)
            if n == 2 or tuple(low[i : i + n]) == form.words:
                return form
    return tables.cue_words.get(low[i])


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of ``text`` as ``(start, end, word)`` (keeps "U.S.", "@handle", "county’s")."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def count_tokens(text: str) -> int:
    """``len(tokens(text))`` without building the tokens."""
    return len(_TOKEN.findall(text))


def has_tokens(text: str, start: int, end: int, n: int) -> bool:
    """``count_tokens(text[start:end]) >= n``, reading only as far as the ``n``-th token."""
    return sum(1 for _ in islice(_TOKEN.finditer(text, start, end), n)) >= n


@lru_cache(maxsize=8192)
def strip_dot(word: str) -> str:
    """``word`` lower-cased, with a trailing dot and possessive removed ("Cmdr." -> "cmdr")."""
    w = word.lower().rstrip(".")
    for suffix in ("’s", "'s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return w


def is_capitalized(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=8192)
def is_acronym(word: str) -> bool:
    """True for "CBP", "NGOs", "U.S." (cached per word)."""
    return bool(_ACRONYM.match(word.rstrip("’s").rstrip("'s")))


def noun_kinds(tables: Tables, word: str) -> tuple[SourceWord, ...]:
    """Source-lexicon rows of one word (lower-cased, possessive and trailing dot removed)."""
    return tables.nouns.get(strip_dot(word), ())


def head_kind(tables: Tables, word: str) -> SourceWord | None:
    """The row that makes ``word`` a source head noun (not a mere title or name marker), if any."""
    return tables.heads.get(strip_dot(word))


def role_of(tables: Tables, words: Sequence[str]) -> str:
    """The speaker role signalled by the words of a source phrase ("unknown" when none)."""
    low = list(map(strip_dot, words))
    phrases, roles = tables.phrases, tables.noun_roles
    found: set[str] = set()
    i, n = 0, len(low)
    while i < n:
        if i + 1 < n:  # a two-word term first ("attorney general")
            row = phrases.get(f"{low[i]} {low[i + 1]}")
            if row is not None and row.role != "unknown":
                found.add(row.role)
                i += 2
                continue
        r = roles.get(low[i])
        if r is not None:
            found |= r
        i += 1
    if not found:
        return "unknown"
    for role in ROLE_PRIORITY:
        if role in found:
            return role
    return "unknown"


def classify_source(
    tables: Tables, head: Sequence[str], whole: Sequence[str], *, determiner: bool
) -> tuple[str, bool] | None:
    """``(kind, named)`` of a source whose head part is ``head`` and whole phrase ``whole``.

    ``head`` is the noun phrase up to its head word (before any "of ..."/"with ..." modifier);
    ``determiner`` tells whether the phrase starts with an article or possessive. Returns None
    when the head word cannot name a source (then the cue is not an attribution).
    """
    if not head:
        return None
    last = head[-1]
    if strip_dot(last) in PRONOUNS:
        return ("pronoun", False)
    if tables.confidential and _any_of(tables.confidential).search(" ".join(map(strip_dot, whole))):
        return ("confidential", False)
    if is_outlet(tables, head, whole):
        return ("media", True)
    row = head_kind(tables, last)
    if row is None and len(head) > 1:  # a two-word head term ("state television", "local media")
        pair = tables.phrases.get(f"{strip_dot(head[-2])} {strip_dot(last)}")
        if pair is not None and pair.kind in _HEAD_KINDS:
            return (pair.kind, False)
    capital_run = _capital_run(head)
    if row is not None and not (is_capitalized(last) and len(capital_run) > 1 and row.kind != "organization"):
        kind = row.kind
        if (
            kind == "unnamed"
            and row.plural
            and not determiner
            and not any(is_capitalized(w) for w in head[:-1])  # (acronyms are capitalized)
        ):
            kind = "vague"
        if kind == "organization" and row.plural and not any(is_capitalized(w) for w in head[1:-1]):
            return ("vague", False)  # "shipping companies", "the unions": a class of bodies, none named
        if kind == "organization":
            return (
                "organization",
                # a lone common noun is capitalized by its place, not as a name ("Police said")
                any(is_capitalized(w) for w in head[1:-1])
                or is_capitalized(head[0]) and not determiner and len(head) > 1,
            )
        if kind == "media":
            return ("media", False)
        return (kind, False)
    if not is_capitalized(last):  # (acronyms are capitalized)
        return None
    low_run = [strip_dot(w) for w in capital_run]
    k = len(head) - len(capital_run)
    if k > 0 and _media_noun_before(tables, [strip_dot(w) for w in head[:k]]):
        return ("media", True)  # "state news agency TNA", "the newspaper Le Monde", "broadcaster RTE"
    media_word = any(r.kind == "media_name" for r in tables.nouns.get(low_run[-1], ()))
    given_name = low_run[0] in tables.genders  # "Ellen Star" is a person, not an outlet
    if media_word and not given_name and (len(low_run) > 1 or k > 0 and strip_dot(head[k - 1]) == "the"):
        return ("media", True)  # "the El Paso Times", "La Presse", "the Riverside Ledger", "the Chronicle"
    if len(low_run) > 1 and any(r.kind == "postnominal" for r in tables.nouns.get(low_run[-1], ())):
        return ("person", True)  # "Olivia Strand KC", "Ann Lee MP": letters after a person's name
    org_word = any(r.kind == "org_word" for r in tables.nouns.get(low_run[-1], ()))
    if is_acronym(last) or org_word and not given_name:  # "Corran Energy"; "Ellen Power" is a person
        return ("organization", True)
    return ("person", True)


@lru_cache(maxsize=16)
def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found in a text exactly when one of ``phrases`` is a substring of it (compiled once)."""
    return re.compile("|".join(map(re.escape, phrases)))


def _media_noun_before(tables: Tables, low: Sequence[str]) -> bool:
    """True when the words before a proper name end in a media noun ("newspaper", "news agency")."""
    row = tables.heads.get(low[-1])
    person = low[-1].rstrip("s") in _MEDIA_PEOPLE  # "reporter Anna Smith" is a person
    return row is not None and row.kind == "media" and not person or low[-2:] == ["news", "agency"]


_MEDIA_PEOPLE = frozenset({"reporter", "journalist", "correspondent", "editor", "columnist"})


def is_outlet(tables: Tables, head: Sequence[str], whole: Sequence[str]) -> bool:
    """True when the head of a source phrase ends in a known outlet name ("Reuters", "the Mirror",
    "British broadcaster BBC", "The Globe and Mail"), not followed by "of" ("the Bureau of Prisons")."""
    if len(whole) > len(head) and strip_dot(whole[len(head)]) == "of":
        return False
    if not head or head[-1].lower().rstrip(".,") not in tables.outlet_ends:
        return False  # every name tried below ends with this word
    low = [w.lower().rstrip(".,") for w in head]
    for k in range(len(head)):
        if not is_capitalized(head[k]):  # (acronyms are capitalized)
            continue
        if k > 0 and is_capitalized(head[k - 1]) and low[k - 1] != "the":
            continue  # "Michael Bloomberg" is a person, not the agency
        if " ".join(low[k:]) in tables.outlets:
            return True
    return False


def gender_of(tables: Tables, words: Sequence[str]) -> str | None:
    """ "female" or "male" from the first gendered title, noun or given name in ``words``, else None."""
    for w in words:
        g = tables.genders.get(strip_dot(w))
        if g is not None:
            return g
    return None


_NAME_PARTICLES = frozenset({"de", "la", "del", "van", "von", "da", "di"})


def _capital_run(words: Sequence[str]) -> list[str]:
    """The trailing run of capitalized words (and "de", "la", "van" name particles) in ``words``.

    (An acronym is capitalized too: :func:`is_acronym` only holds for words that open with A-Z.)"""
    n = k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or k < n and words[k - 1].lower() in _NAME_PARTICLES):
        k -= 1
    return list(words[k:])
