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

from collections.abc import Iterable, Iterator

from bias.corpus.parsed import Parsed
from bias.features.base import Extractor, safe_ratio, spec
from bias.lexicons import Lexicon, load_lexicon
from bias.lexicons.matcher import Matcher
from bias.lexicons.user import FRAME_IDS, kind_of
from bias.model import Evidence, FeatureResult, FeatureSpec

NAME = "frames"


def frame_labels() -> dict[str, str]:
    """Frame id -> human label, from ``frames.toml``."""
    meta_frames = load_lexicon("frames").meta.get("frames", ())
    return {f["id"]: f["label"] for f in meta_frames}  # type: ignore[index, union-attr]


def build_matcher(extra_lexicons: Iterable[Lexicon] = ()) -> Matcher:
    """Matcher over the packaged frame cues plus user lexicons of kind ``frames``."""
    extra = tuple(lex for lex in extra_lexicons if kind_of(lex) == "frames")
    return Matcher((load_lexicon("frames"), *extra))


def find_frame_cues(parsed: Parsed, *, matcher: Matcher) -> Iterator[Evidence]:
    """One piece of evidence per frame cue inside a sentence."""
    labels = frame_labels()
    for h in matcher.find(parsed.text, parsed.sentences):
        if parsed.sentence_index(h.span.start) is None:
            continue
        fid = h.entry.category
        yield Evidence(h.span, NAME, f"frame_{fid}", labels.get(fid, fid), h.entry.weight,
                       f"“{h.span.of(parsed.text)}” cues the {labels.get(fid, fid)} frame.")


def sentence_frames(parsed: Parsed, evidence: Iterable[Evidence]) -> tuple[tuple[str, ...], ...]:
    """Per sentence, the frame ids its cues point to (in :data:`FRAME_IDS` order)."""
    found: list[set[str]] = [set() for _ in parsed.sentences]
    for ev in evidence:
        i = parsed.sentence_index(ev.span.start)
        if i is not None:
            found[i].add(ev.kind.removeprefix("frame_"))
    return tuple(tuple(f for f in FRAME_IDS if f in s) for s in found)


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
    labels = frame_labels()
    evidence = tuple(find_frame_cues(parsed, matcher=matcher))
    per_sentence = sentence_frames(parsed, evidence)
    n = len(per_sentence)
    counts = {fid: sum(fid in fs for fs in per_sentence) for fid in FRAME_IDS}
    counts["other"] = sum(not fs for fs in per_sentence)
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
