"""Policy frames per sentence: the 15 dimensions of the Media Frames Corpus codebook.

Cue lexicon ``frames`` (plus user lexicons of kind ``frames``): a sentence shows a frame when it
holds at least one of the frame's cues, so a sentence may show several frames; ``other`` is a
sentence with no cue at all. All voices count (choosing quotes frames a story too). Evidence
``kind`` is ``frame_<id>``, one per cue. ``frames__<id>_share`` is the share of the article's
sentences that show the frame (0-1); ``records["frame_profile"]`` lists every frame with its
sentence count and share, and ``records["primary_frame"]`` the frame with the highest share
(ties go to the earlier frame in :data:`FRAME_IDS`; ``other`` only when no cue was found).
``sentence_fields["frames"]`` holds, per sentence, the tuple of frame ids it shows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from itertools import chain
from types import MappingProxyType

from bias.corpus.parsed import Parsed
from bias.features.base import Extractor, safe_ratio, spec
from bias.lexicons import Lexicon, load_lexicon
from bias.lexicons.matcher import Matcher
from bias.lexicons.user import FRAME_IDS, kind_of
from bias.model import Evidence, FeatureResult, FeatureSpec, trusted_span

NAME = "frames"


def frame_labels() -> dict[str, str]:
    """Frame id -> human label, from ``frames.toml``."""
    meta_frames = load_lexicon("frames").meta.get("frames", ())
    return {f["id"]: f["label"] for f in meta_frames}  # type: ignore[index, union-attr]


# Each frame id as one bit (in FRAME_IDS order), so a sentence's frames are one int while cues are read.
_FRAME_BITS = MappingProxyType({fid: 1 << k for k, fid in enumerate(FRAME_IDS)})


@cache
def _labels() -> Mapping[str, str]:
    """:func:`frame_labels`, read once per process (immutable)."""
    return MappingProxyType(frame_labels())


def build_matcher(extra_lexicons: Iterable[Lexicon] = ()) -> Matcher:
    """Matcher over the packaged frame cues plus user lexicons of kind ``frames``."""
    extra = tuple(lex for lex in extra_lexicons if kind_of(lex) == "frames")
    return Matcher((load_lexicon("frames"), *extra))


@cache
def _cue_texts() -> Mapping[str, tuple[str, str, str]]:
    """Frame id -> (evidence kind, label, note ending), built once per process (immutable)."""
    labels = _labels()
    return MappingProxyType({fid: (f"frame_{fid}", label, f"” cues the {label} frame.")
                             for fid, label in labels.items()})


def _frame_cues(parsed: Parsed, matcher: Matcher) -> tuple[list[Evidence], list[int]]:
    """Evidence per frame cue inside a sentence, in text order, and per sentence the bit mask
    (:data:`_FRAME_BITS`) of the frames its cues point to.

    One matcher pass; hits come sorted by start, so each is placed in its sentence by one binary
    search over the sentence starts.
    """
    texts = _cue_texts()
    bits = _FRAME_BITS
    text = parsed.text
    starts, sentences = parsed.sentence_starts, parsed.sentences
    masks = [0] * len(sentences)
    out = []
    for start, stop, entry, _lexicon in matcher.find_offsets(text, sentences):
        i = bisect_right(starts, start) - 1
        if i < 0 or start >= sentences[i].end:
            continue  # between sentences
        fid = entry.category
        kind, label, ending = texts.get(fid) or (f"frame_{fid}", fid, f"” cues the {fid} frame.")
        masks[i] |= bits.get(fid, 0)
        out.append(Evidence(trusted_span(start, stop), NAME, kind, label, entry.weight,
                            "“" + text[start:stop] + ending))
    return out, masks


def find_frame_cues(parsed: Parsed, *, matcher: Matcher) -> Iterator[Evidence]:
    """One piece of evidence per frame cue inside a sentence."""
    yield from _frame_cues(parsed, matcher)[0]


@cache
def _frames_of(mask: int) -> tuple[str, ...]:
    """The frame ids whose bits are set in ``mask``, in :data:`FRAME_IDS` order (at most 2**15 masks)."""
    return tuple(fid for fid, bit in _FRAME_BITS.items() if mask & bit)


def _per_sentence(n: int, cues: Iterable[tuple[int, str]]) -> tuple[tuple[str, ...], ...]:
    """Per sentence (of ``n``), the frame ids of its ``(sentence index, frame id)`` cues (FRAME_IDS order)."""
    masks = [0] * n
    bits = _FRAME_BITS
    for i, fid in cues:
        masks[i] |= bits.get(fid, 0)
    return tuple(map(_frames_of, masks))


def sentence_frames(parsed: Parsed, evidence: Iterable[Evidence]) -> tuple[tuple[str, ...], ...]:
    """Per sentence, the frame ids its cues point to (in :data:`FRAME_IDS` order)."""
    cues = ((parsed.sentence_index(ev.span.start), ev.kind.removeprefix("frame_")) for ev in evidence)
    return _per_sentence(len(parsed.sentences), ((i, fid) for i, fid in cues if i is not None))


def _specs() -> tuple[FeatureSpec, ...]:
    labels = frame_labels()
    return tuple(
        spec(NAME, f"{fid}_share", f"Frame: {labels[fid]}", "share of sentences (0-1)",
             f"more of the article is framed in terms of {labels[fid]}",
             f"Share of sentences holding at least one cue of the {labels[fid]} frame (Media Frames Corpus "
             "dimension)." if fid != "other" else "Share of sentences holding no frame cue at all.",
             "Cue words signal a frame; they do not prove it. Read the highlighted cues.")
        for fid in FRAME_IDS)


SPECS = _specs()


def _run(parsed: Parsed, matcher: Matcher) -> FeatureResult:
    labels = _labels()
    cues, masks = _frame_cues(parsed, matcher)
    evidence = tuple(cues)
    per_sentence = tuple(map(_frames_of, masks))
    n = len(per_sentence)
    shown = Counter(chain.from_iterable(per_sentence))
    counts = {fid: shown[fid] for fid in FRAME_IDS}
    counts["other"] = masks.count(0)  # sentences with no frame
    values = {f"{NAME}__{fid}_share": safe_ratio(counts[fid], n) for fid in FRAME_IDS}
    profile = tuple({"frame": fid, "label": labels[fid], "sentences": counts[fid],
                     "share": values[f"{NAME}__{fid}_share"]} for fid in FRAME_IDS)
    ranked = [p for p in profile if p["frame"] != "other" and p["sentences"]]
    primary = max(ranked, key=lambda p: p["sentences"]) if ranked else profile[-1]
    return FeatureResult(values=values, evidence=evidence,
                         records={"frame_profile": profile, "primary_frame": (primary,)},
                         sentence_fields={"frames": per_sentence})


def make_extractor(extra_lexicons: Iterable[Lexicon] = ()) -> Extractor:
    """The frames extractor; user lexicons of kind ``frames`` add cues."""
    matcher = build_matcher(extra_lexicons)
    stamps = ", ".join(lex.stamp for lex in matcher.lexicons)
    return Extractor(name=NAME, description=f"Policy frames per sentence ({stamps})", specs=SPECS,
                     run=lambda parsed: _run(parsed, matcher))


EXTRACTOR = make_extractor()
