"""Attribution records and the passes that run after all cues are found: quotations that continue an
attribution without a new cue (same paragraph, or a run-on paragraph), and source resolution (pronouns
to the nearest fitting earlier source, "the official" to an earlier unnamed official, surnames to an
earlier full name).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bias.corpus.parsed import Parsed
from bias.features.attrib_lexicon import strip_dot
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
        pa = next((p for p in paras if p.contains(a.cue)), None)
        pq = next((p for p in paras if p.contains(q.span)), None)
        if pa is None or pq is None:
            continue
        between = [p for p in paras if pa.start < p.start < pq.start]
        same = pa == pq
        runon = (
            (q.paragraph_continued or q.span.start == pq.start)
            and not between
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


# ------------------------------------------------------------------ resolution
def resolve(found: list[Attribution], text: str) -> tuple[Attribution, ...]:
    out: list[Attribution] = []
    for a in found:
        if a.source is None:
            out.append(a)
            continue
        words = text[a.source.start : a.source.end].split()
        first = strip_dot(words[0]) if words else ""
        if a.kind == "pronoun":
            target = _antecedent(first, a, out)
            if target is None:
                out.append(replace(a, kind="unnamed"))
            else:
                out.append(
                    replace(
                        a,
                        kind=target.kind,
                        named=target.named,
                        role=target.role,
                        resolved=target.resolved or text[target.source.start : target.source.end],
                    )
                )
            continue
        if first == "the" and a.kind in ANONYMOUS_KINDS and len(words) <= 4:
            head = strip_dot(words[-1])
            for b in reversed(out):
                if (
                    b.source is not None
                    and b.source != a.source
                    and b.kind in ANONYMOUS_KINDS
                    and head in text[b.source.start : b.source.end].lower()
                ):
                    out.append(
                        replace(
                            a,
                            kind=b.kind,
                            role=b.role,
                            resolved=b.resolved or text[b.source.start : b.source.end],
                        )
                    )
                    break
            else:
                out.append(a)
            continue
        if a.kind == "person" and len(words) <= 2:
            last = words[-1]
            for b in reversed(out):
                if (
                    b.kind == "person"
                    and b.source is not None
                    and b.source != a.source
                    and last in text[b.source.start : b.source.end].split()
                    and len(b.source) > len(a.source)
                ):
                    out.append(
                        replace(
                            a,
                            role=b.role if a.role == "unknown" else a.role,
                            resolved=b.resolved or text[b.source.start : b.source.end],
                        )
                    )
                    break
            else:
                out.append(a)
            continue
        out.append(a)
    return tuple(out)


def _antecedent(pronoun: str, a: Attribution, earlier: list[Attribution]) -> Attribution | None:
    if pronoun in {"we", "i"}:
        outer = [b for b in earlier if b.content is not None and b.content.contains(a.cue) and b is not a]
        return outer[-1] if outer else None
    want = {
        "he": {"person"},
        "she": {"person"},
        "they": {"organization", "unnamed", "vague", "confidential", "media"},
        "it": {"organization", "media", "document"},
    }.get(pronoun, set())
    for b in reversed(earlier):
        if b.source is not None and b.kind in want and not b.nested:
            return b
    return None
