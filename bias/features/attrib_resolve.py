"""Attribution records and the passes that run after all cues are found: quotations that continue an
attribution without a new cue (same paragraph, or a run-on paragraph), and source resolution (pronouns
to the nearest fitting earlier source, "the official" to an earlier unnamed official, surnames to an
earlier full name).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bias.corpus.parsed import Parsed
from bias.features.attrib_lexicon import Tables, strip_dot
from bias.features.attrib_pronoun import GENDER, Antecedent, antecedent, is_plural
from bias.model import Span

ANONYMOUS_KINDS = frozenset({"unnamed", "confidential", "vague"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """One place where the text hands content to a source.

    ``kind`` is the source kind (person, organization, media, document, unnamed, confidential,
    vague) or "none" when the text names no source. ``quote`` is "direct" (content in quotation
    marks), "mixed" (partly) or "indirect".
    """

    sentence: Span
    cue: Span
    lemma: str
    category: str
    explanation: str
    source: Span | None
    kind: str
    named: bool
    resolved: str | None
    role: str
    content: Span | None
    quote: str
    nested: bool
    anonymity_reason: Span | None = None

    @property
    def anonymous(self) -> bool:
        """True when no proper name identifies the source (also for unnamed outlets, no source)."""
        return (
            self.kind in ANONYMOUS_KINDS or self.kind == "none" or (self.kind == "media" and not self.named)
        )


def continue_quotes(found: list[Attribution], parsed: Parsed) -> None:
    """Attach quotations without a cue to the last direct attribution before them."""
    used = [a.content for a in found if a.content is not None]
    paras = parsed.paragraphs
    starts = [p.start for p in paras]
    for q in parsed.quotes:
        if any(c.overlaps(q.inner) for c in used) or any(q.inner.contains(a.cue) for a in found):
            continue
        prev = [
            k
            for k, a in enumerate(found)
            if a.cue.start < q.span.start and a.quote != "indirect" and not a.nested
        ]
        if not prev:
            continue
        k = prev[-1]
        a = found[k]
        ia, iq = paragraph_index(paras, starts, a.cue), paragraph_index(paras, starts, q.span)
        if ia is None or iq is None:
            continue
        pa, pq = paras[ia], paras[iq]
        same = pa == pq
        runon = (
            (q.paragraph_continued or q.span.start == pq.start)
            and iq - ia <= 1  # no paragraph between them
            and pa != pq
            and parsed.text[pa.end - 1] not in '”"'
            and any(not x.closed for x in parsed.quotes if pa.contains(x.span))
        )
        if same or runon:
            c = a.content or q.inner
            found[k] = replace(
                a,
                content=Span(min(c.start, q.inner.start), max(c.end, q.inner.end)),
                quote="direct" if a.quote == "direct" else a.quote,
            )


def paragraph_index(paras: Sequence[Span], starts: Sequence[int], span: Span) -> int | None:
    """Index of the paragraph that contains ``span`` (``paras``: sorted, disjoint and non-empty, as
    ``parse`` makes them; ``starts``: their starts), or None."""
    i = bisect_right(starts, span.start) - 1
    return i if i >= 0 and paras[i].contains(span) else None


# ------------------------------------------------------------------ resolution
def _candidate(a: Attribution, text: str, tables: Tables) -> Antecedent | None:
    if a.source is None or a.nested or a.kind == "pronoun":
        return None
    said = text[a.source.start : a.source.end]
    name = a.resolved or said
    gender = "" if a.kind == "person" else None  # looked up only if a he/she needs it
    return Antecedent(name, a.kind, a.named, a.role, gender, is_plural(tables, said), said)


def resolve(
    found: list[Attribution], parsed: Parsed, tables: Tables, windows: Sequence[Span]
) -> tuple[Attribution, ...]:
    """Resolve pronoun sources, "the official" and bare surnames to earlier sources (module docstring)."""
    text = parsed.text
    out: list[Attribution] = []
    earlier: list[Antecedent] = []
    pending: list[Attribution] = []  # sources not yet in ``earlier`` (added when a pronoun needs them)
    names = _NameIndex(text)
    for a in found:
        if a.source is None:
            out.append(a)
            continue
        words = text[a.source.start : a.source.end].split()
        first = strip_dot(words[0]) if words else ""
        if a.kind == "pronoun":
            earlier += filter(None, (_candidate(b, text, tables) for b in pending))
            pending.clear()
            if first in {"we", "i"}:
                outer = [b for b in out if b.content is not None and b.content.contains(a.cue) and b.source]
                b = outer[-1] if outer else None
                target = _candidate(b, text, tables) if b is not None else None
            else:
                target = antecedent(first, a.cue, earlier, parsed=parsed, windows=windows, tables=tables)
            if target is None:
                out.append(replace(a, kind="unnamed"))
                continue
            out.append(
                replace(a, kind=target.kind, named=target.named, role=target.role, resolved=target.name)
            )
            names.add(out)
            if not a.nested:
                g = GENDER.get(first, target.gender)
                earlier.append(replace(target, gender=g))
            continue
        out.append(_resolve_noun(a, words, first, out, text, names))
        names.add(out)
        pending.append(out[-1])
    return tuple(out)


class _NameIndex:
    """The sources resolved so far, indexed for the two noun rules of :func:`_resolve_noun`.

    ``anonymous``: positions in ``out`` of anonymous sources. ``longest[w]``: positions in ``out`` of
    person sources holding the word ``w``, kept only while no later one is at least as long, so the
    source lengths fall from the oldest to the newest kept: the newest source longer than ``n``
    is found by binary search.
    """

    __slots__ = ("anonymous", "longest", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.anonymous: list[int] = []
        self.longest: dict[str, tuple[list[int], list[int]]] = {}  # word -> (-lengths, positions)

    def add(self, out: list[Attribution]) -> None:
        """Index ``out[-1]``."""
        b, k = out[-1], len(out) - 1
        if b.source is None:
            return
        if b.kind in ANONYMOUS_KINDS:
            self.anonymous.append(k)
        if b.kind == "person":
            n = len(b.source)
            for w in set(self.text[b.source.start : b.source.end].split()):
                neg, pos = self.longest.setdefault(w, ([], []))
                while neg and -neg[-1] <= n:
                    neg.pop()
                    pos.pop()
                neg.append(-n)
                pos.append(k)

    def newest_longer(self, word: str, n: int) -> int | None:
        """Position in ``out`` of the newest person source holding ``word`` and longer than ``n``."""
        neg, pos = self.longest.get(word, ((), ()))
        i = bisect_left(neg, -n)  # kept sources longer than n come first
        return pos[i - 1] if i else None


def _resolve_noun(
    a: Attribution, words: list[str], first: str, out: list[Attribution], text: str, names: _NameIndex
) -> Attribution:
    """ "the official" -> an earlier unnamed official; a bare surname -> an earlier full name."""
    if first == "the" and a.kind in ANONYMOUS_KINDS and len(words) <= 4:
        head = strip_dot(words[-1])
        for k in reversed(names.anonymous):
            b = out[k]
            if (
                b.source is not None
                and b.source != a.source
                and b.kind in ANONYMOUS_KINDS
                and head in text[b.source.start : b.source.end].lower()
            ):
                return replace(
                    a, kind=b.kind, role=b.role, resolved=b.resolved or text[b.source.start : b.source.end]
                )
        return a
    if a.kind == "person" and len(words) <= 2:
        # the newest earlier person source holding the surname and longer (so not a.source itself)
        k = names.newest_longer(words[-1], len(a.source))  # type: ignore[arg-type]
        b = out[k] if k is not None else None
        if b is not None and b.source is not None:
            return replace(
                a,
                role=b.role if a.role == "unknown" else a.role,
                resolved=b.resolved or text[b.source.start : b.source.end],
            )
    return a
