"""Find attributions (who says what, with which cue) in one parsed article.

The rules, in order: every word that starts a cue form of the ``attribution_cues`` lexicon is a
candidate; a verb counts when a source phrase stands before it ("X said", "X, who ..., said"), after
it ("said X"), or when it is an agentless passive ("it was reported that"); prepositional cues take the
phrase after them ("according to X"); a colon or a dash next to a quotation names the speaker
("Bondi: “...”", "“...” — ICE spokesperson"). Content is the adjacent quotation, else the clause the
cue governs; quotations that follow without a cue of their own continue the last direct attribution
(also across paragraphs, the run-on convention). Pronoun sources resolve to the nearest fitting
earlier source (gender and number agreement: :mod:`bias.features.attrib_pronoun`). Everything is an
offset into ``Article.text``.

A speech-act verb with only an object ("Opponents blasted the plan.", "Dempsey praised his goalkeeper")
counts as an attribution whose content is that object: the guide's definition hands *speech* to a
source, the verb reports speech (criticism, praise), and dropping it would hide exactly the charged
verbs readers should see. Verbs that often do not report speech (called, welcomed, dismissed) still
need a quotation. "in a statement" counts as a cue of its own (source: the statement, a document)
only when no other cue shares its sentence; "a statement from his office" is a document source.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from operator import itemgetter

from bias.corpus.parsed import Parsed, Quote
from bias.features import attrib_patterns as pat
from bias.features.attrib_checks import agrees, comma_before, ends_heading, first_word, name_elsewhere
from bias.features.attrib_content import Contents
from bias.features.attrib_lexicon import CueForm, Tables, count_tokens, cue_at, default_tables, role_of
from bias.features.attrib_qa import qa_answers
from bias.features.attrib_quotes import QuoteIndex
from bias.features.attrib_relative import relative_source
from bias.features.attrib_resolve import ANONYMOUS_KINDS, Attribution, continue_quotes, resolve
from bias.features.attrib_right import (
    NOUN_DETERMINERS,
    capital_subject,
    is_noun_after_by,
    is_noun_use,
    modifier_use,
    right_source,
)
from bias.features.attrib_source import SourceHit, left_source, phrase_from
from bias.features.attrib_taken import CutIndex, TakenCues, count_in
from bias.features.attrib_window import windows
from bias.model import Span

_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz’'")


class _Finder:
    """Holds the per-article lookups while the rules run (created and dropped inside one call)."""

    def __init__(self, parsed: Parsed, tables: Tables) -> None:
        self.parsed, self.text, self.t = parsed, parsed.text, tables
        self.windows = windows(self.text, parsed.paragraphs)
        self.wstarts = [w.start for w in self.windows]
        self.pstarts = [p.start for p in parsed.paragraphs]
        self.found: list[Attribution] = []
        self.hits: dict[int, SourceHit] = {}
        self.quotes = QuoteIndex(parsed.quotes)
        self.taken = TakenCues()  # the same attributions as ``found``, sorted by cue start
        self.content = Contents(self.text, self.quotes)
        self.lower: str | None = None  # the text lower-cased, made when first needed
        self.framing = tables.framing  # "in a statement"/"in a post": never a speaker

    def window(self, pos: int) -> Span:
        i = bisect_right(self.wstarts, pos) - 1
        return self.windows[max(i, 0)]

    def sentence(self, pos: int) -> Span:
        i = self.parsed.sentence_index(pos)
        return self.parsed.sentences[i] if i is not None else self.window(pos)

    def quote_at(self, span: Span) -> Quote | None:
        return self.quotes.containing(span)

    def shares_window(self, a: Attribution, starts: list[int]) -> bool:
        """True when another attribution has its cue in the same window as ``a`` (``starts``: the
        sorted cue starts of all attributions, ``a`` among them)."""
        w = self.window(a.cue.start)
        return count_in(starts, w.start, w.end) > (1 if w.start <= a.cue.start < w.end else 0)

    def may_be_confidential(self, lo: int, hi: int) -> bool:
        """False when ``pat.CONFIDENTIAL`` cannot match in ``text[lo:hi]`` (none of its words is there)."""
        if self.lower is None:
            low = self.text.lower()
            self.lower = low if len(low) == len(self.text) else ""  # "": offsets differ, no shortcut
        return not self.lower or any(self.lower.find(w, lo, hi) >= 0 for w in pat.CONFIDENTIAL_WORDS)

    def word_before(self, i: int, floor: int) -> str | None:
        """The word before word ``i`` (a cue), lower-cased, read from the parse: what both
        ``is_noun_use`` and ``pat.last_word`` look at when only whitespace separates the two words and
        the word before is plain ASCII letters starting at or after ``floor`` (not after a letter or
        an apostrophe). None in every other case (then the text is read as written)."""
        k = i - 1
        if k < 0:
            return None
        parsed, text = self.parsed, self.text
        s, e = parsed.word_starts[k], parsed.word_ends[k]
        w = parsed.word_texts[k]
        if (
            s < floor
            or not (w.isascii() and w.isalpha())
            or not text[e : parsed.word_starts[i]].isspace()
            or s > 0
            and text[s - 1] in _RUN_CHARS
        ):
            return None
        return parsed.word_lower[k]

    def prior_speaker(self, lo: int, before: int) -> Attribution | None:
        """The last attribution in ``[lo, before)`` whose cue names a speaker (not "in a post", which
        only frames the verb next to it: "called X ... in a post on X and said ...")."""
        p = self.taken.prior(lo, before)
        while p is not None and p.lemma in self.framing:
            p = self.taken.prior(lo, p.cue.start)
        return p

    # ------------------------------------------------------------------ rules
    def run(self) -> tuple[Attribution, ...]:
        parsed = self.parsed
        low = parsed.word_lower
        starts, ends = parsed.word_starts, parsed.word_ends
        # Only the words that start a cue form (most words do not): the forms of each, in order.
        t = self.t
        for i, _ in filter(itemgetter(1), enumerate(map(t.cues_by_first.get, low))):
            form = cue_at(t, low, i)
            if form is not None:
                cue = Span(starts[i], ends[i + len(form.words) - 1])
                if form.frame == "prep":
                    self.prep(cue, form)
                else:
                    self.verb(cue, form, i)
        self.punctuation()
        self.found.sort(key=lambda a: a.cue.start)
        starts = [a.cue.start for a in self.found]
        self.found = [
            a for a in self.found if not (a.lemma == "in a statement" and self.shares_window(a, starts))
        ]
        cuts = CutIndex(self.found)
        self.found = [self.content.cut(a, cuts) for a in self.found]
        continue_quotes(self.found, self.parsed)
        return resolve(self.found, self.parsed, self.t, self.windows)

    def bounds(self, cue: Span) -> tuple[int, int, bool]:
        w = self.window(cue.start)
        q = self.quote_at(cue)
        if q is not None:
            return max(w.start, q.inner.start), min(w.end, q.inner.end), True
        return w.start, w.end, False

    def verb(self, cue: Span, form: CueForm, i: int) -> None:
        text = self.text
        if ends_heading(text, self.parsed.paragraphs, self.pstarts, cue):
            return
        lo, hi, nested = self.bounds(cue)
        if text[cue.start].isupper():
            return
        floor = max(lo, cue.start - 40)
        before = self.word_before(i, floor)
        if before is None:  # read from the text as written
            if is_noun_use(text, lo, cue.start):
                return
            prev = pat.last_word(text, floor, cue.start).lower()
        elif before in NOUN_DETERMINERS:  # "the report": a noun (a possessive before is never a plain word)
            return
        else:
            prev = before
        if prev == "to" and text[cue.start - 1] == " ":
            return
        after = text[cue.end : hi]
        if pat.PLURAL_NOUN_CUE.match(text, cue.start, hi):
            return  # "reports of shelling", "claims about the row": a noun
        ends = self.parsed.word_ends
        if ends[i] == cue.end or text[ends[i]].isspace():
            word = self.parsed.word_lower[i]  # the cue's first word, as parsed
        else:
            word = text[cue.start : cue.end].split()[0].lower()
        inverted = False
        src: SourceHit | None
        if word.endswith("ing") and prev not in pat.PASSIVE:
            prior = self.taken.prior(lo, cue.start)  # the last attribution with a cue in [lo, cue)
            if form.needs == "after":
                if prior is None:
                    return
                src = right_source(text, cue.end, hi, self.t)
                if src is None:
                    return
                self.add(cue, form, src, lo, hi, nested, content=prior.content)
                return
            if not (comma_before(text, cue.start) or prev in {"while", "before", "after"}):
                return
            if prior is None and (form.needs or not pat.CLAUSE_AFTER.match(after)):
                return
            src = self.hits.get(prior.cue.start) if prior else capital_subject(text, lo, cue.start, self.t)
            if src is None and prior is None:
                return
            content = self.content.content_of(cue, None, lo, hi, after=True)
            self.add(cue, form, src, lo, hi, nested, content=content)
            return
        if form.needs == "after":
            return
        if word.endswith("ed") and prev not in pat.PASSIVE and is_noun_after_by(text, cue.end, hi):
            # a reduced passive: "a figure first reported by Politico", "the plan criticised by unions"
            src = right_source(text, cue.end + pat.BY.match(after).end(), hi, self.t)  # type: ignore[union-attr]
            if src is not None and src.kind != "pronoun":
                self.add(cue, form, src, lo, hi, nested)
                return
        if prev in pat.PASSIVE and not word.endswith("ing"):
            m = pat.BY.match(after)
            if m:
                src = right_source(text, cue.end + m.end(), hi, self.t)
                if src is not None:
                    self.add(cue, form, src, lo, hi, nested)
                return
            if pat.PASSIVE_REPORT.match(after):
                self.add(cue, form, None, lo, hi, nested)
            return
        if prev in {"who", "which"}:  # "X, who said ...": the relative pronoun stands for X
            k = len(text[lo : cue.start].rstrip()) + lo - len(prev)
            rel = text[k : k + len(prev)].lower() == prev
            src = relative_source(text, lo, k, self.t, cue.end) if rel else None
            if src is not None:  # the clause's content ends at its closing comma
                content = self.content.content_of(cue, src, lo, hi, after=True)
                if content is not None and (j := text.find(",", content.start, content.end)) > content.start:
                    content = Span(content.start, j)
                self.add(cue, form, src, lo, hi, nested, content=content)
                return
        src, why = left_source(text, lo, cue.start, self.t, self.parsed)
        if src is None and why == "and":
            prior = self.prior_speaker(lo, cue.start)
            src = self.hits.get(prior.cue.start) if prior else None
            if src is None or modifier_use(word, after):
                return
            content = self.content.content_of(cue, None, lo, hi, after=True)
            self.add(cue, form, src, lo, hi, nested, content=content)
            return
        elif (
            src is None
            and why in {"boundary", "none"}
            and not text[lo : cue.start].strip(' ,“”"—–')
            or src is None
            and why == "boundary"
        ):
            src, inverted = right_source(text, cue.end, hi, self.t), True
        if src is None or not (inverted or agrees(word, form, src, prev, self.t.collective)):
            return
        if not inverted and pat.PREPOSITION_START.match(text, src.span.start):
            return  # "In a statement posted on its website": a subject never opens with a preposition
        if (
            not inverted
            and src.kind == "person"
            and len(src.head) == 1
            and src.span.start == first_word(text, lo)
            and form.lemma not in {"say", "tell"}
            and not name_elsewhere(text, src.head[0], src.span.start)
        ):
            return  # a sentence-initial common word ("Evidence suggests"), not a name
        quote_before = self.content.quote_before(min(cue.start, src.span.start), lo) is not None
        if form.needs == "clause" and not (inverted or quote_before or pat.CLAUSE_AFTER.match(after)):
            return
        quoted = quote_before or pat.QUOTE_MARK.search(after, 0, 90)
        if not quoted and (form.needs == "quote" or form.needs == "object" and not pat.OBJECT.match(after)):
            return
        if form.needs == "doc" and not (src.kind == "document" or pat.THAT.match(after)):
            return
        if not (inverted or quote_before or "," in text[lo : src.span.start]) and pat.TIME_ONLY.match(after):
            return  # "when Hartley reports next week": no content before the source, only a time after
        self.add(cue, form, src, lo, hi, nested)

    def prep(self, cue: Span, form: CueForm) -> None:
        lo, hi, nested = self.bounds(cue)
        if form.needs == "alone":  # "in a statement (from X)": the statement is the source
            m = pat.FROM_BY.match(self.text[cue.end : hi])
            s = first_word(self.text, cue.start + 2)
            end = cue.end + (m.end() if m else 0)
            self.add(cue, form, SourceHit(Span(s, end), (), (), "document", False), lo, hi, nested)
            return
        src = right_source(self.text, cue.end, hi, self.t, appositions=False)
        if src is None:
            raw = pat.PLAIN_RUN.match(self.text[cue.end : hi])
            if raw is None or not raw.group(1).strip() or len(raw.group(1).split()) > 12:
                return  # nothing usable after the cue ("according to" + a quotation mark)
            s = cue.end + raw.start(1)
            src = SourceHit(Span(s, s + len(raw.group(1).rstrip())), (), (), "document", False)
        self.add(cue, form, src, lo, hi, nested)

    def punctuation(self) -> None:
        """Colon-introduced ("Bondi: “...”") and dash-attributed ("“...” — X") quotations."""
        text, t = self.text, self.t
        colon = next(f for f in t.cues_by_first.get(":", ()))
        dash = next(f for f in t.cues_by_first.get("—", ()))
        taken = {a.cue.start for a in self.found}
        for m in pat.COLON_QUOTE.finditer(text):
            cue = Span(m.start(), m.start() + 1)
            lo, hi, nested = self.bounds(cue)
            src, _ = left_source(text, lo, cue.start, self.t, self.parsed)
            if (
                src is None
                or text[lo : src.span.start].strip(" —–-\t")
                or self.taken.ends_between(src.span.start, cue.start)
            ):
                continue
            self.add(cue, colon, src, lo, hi, nested)
        for cue, src in qa_answers(text, self.parsed.paragraphs, t):  # "Reyes: Everything ..." (Q&A)
            self.add(cue, colon, src, *self.bounds(cue))
        for dash_start, dash_end, match_end, quoted in pat.dash_credits(text):
            cue = Span(dash_start, dash_end)
            if cue.start in taken:
                continue
            para = next((p for p in self.parsed.paragraphs if p.start <= cue.start < p.end), None)
            if para is None:
                continue
            src = right_source(text, match_end, para.end, self.t)
            if src is None or src.kind in {"pronoun", "document"}:
                continue
            rest = text[src.span.end : para.end]
            handle = pat.HANDLE.match(rest)
            if handle:
                src = replace(src, span=Span(src.span.start, src.span.end + handle.end()))
                rest = rest[handle.end() :]
            if count_tokens(rest) > 4 and not pat.DATELINE.match(rest):
                continue
            content = None
            if not quoted:
                emb = next((e for e in self.parsed.article.embedded if e.span.contains(cue)), None)
                prev = [p for p in self.parsed.paragraphs if p.end <= cue.start]
                if emb is not None:
                    content = Span(emb.span.start, cue.start)
                elif prev:
                    content = prev[-1]
                else:
                    continue
            self.add(cue, dash, src, para.start, para.end, False, content=content)

    def add(
        self,
        cue: Span,
        form: CueForm,
        src: SourceHit | None,
        lo: int,
        hi: int,
        nested: bool,
        content: Span | None = None,
    ) -> None:
        if self.taken.overlaps(cue):
            return
        if content is None:
            content = self.content.content_of(cue, src, lo, hi)
        kind = src.kind if src else "none"
        reason = None
        if kind in ANONYMOUS_KINDS:
            m = pat.CONFIDENTIAL.search(self.text, lo, hi) if self.may_be_confidential(lo, hi) else None
            if m or kind == "confidential":
                kind = "confidential"
                r = pat.REASON.search(self.text, m.end() if m else lo, hi)
                if r:
                    reason = Span(r.start(), r.start() + len(r.group().rstrip(" ,—–")))
        if src is not None:
            self.hits[cue.start] = src
        text = self.text
        a = Attribution(
            sentence=self.sentence(cue.start),
            cue=cue,
            lemma=form.lemma,
            category=form.category,
            explanation=form.explanation,
            source=src.span if src else None,
            kind=kind,
            named=bool(src and src.named),
            resolved=None,
            role=_role(self.t, src, text),
            content=content,
            quote=self.content.quote_type(content),
            nested=nested,
            anonymity_reason=reason,
        )
        self.found.append(a)
        self.taken.add(a)


def _role(tables: Tables, src: SourceHit | None, text: str) -> str:
    if src is None:
        return "unknown"
    if src.kind == "media":
        return "media"
    return role_of(tables, src.whole or tuple(text[src.span.start : src.span.end].split()))


def find_attribution_records(parsed: Parsed, *, tables: Tables | None = None) -> tuple[Attribution, ...]:
    """All attributions in ``parsed``, sorted by cue position (pure; see the module docstring)."""
    return _Finder(parsed, tables or default_tables()).run()


__all__ = ["ANONYMOUS_KINDS", "Attribution", "find_attribution_records", "phrase_from", "windows"]
