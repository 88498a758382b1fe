"""A sentence's frames as a bit mask (frames._frames_of), and the loaded hit's written-out init."""

from __future__ import annotations

from bias.features import frames, loaded
from bias.lexicons.user import FRAME_IDS
from bias.model import Span


def test_frames_of_mask_lists_frame_ids_in_order():
    assert frames._frames_of(0) == ()
    assert frames._frames_of(1) == ("economic",)
    assert frames._frames_of((1 << 6) | (1 << 5) | 1) == ("economic", "policy", "crime")
    assert frames._frames_of((1 << len(FRAME_IDS)) - 1) == FRAME_IDS


def test_loaded_hit_init_sets_every_field():
    h = loaded.LoadedHit(Span(1, 4), "foo", "foo", "fear", "quote", 2.0, "why", "alt", "loaded@1")
    fields = (h.span, h.text, h.term, h.category, h.voice, h.weight, h.explanation, h.alternative, h.lexicon)
    assert fields == (Span(1, 4), "foo", "foo", "fear", "quote", 2.0, "why", "alt", "loaded@1")
    assert h == loaded.LoadedHit(Span(1, 4), "foo", "foo", "fear", "quote", 2.0, "why", "alt", "loaded@1")
    assert h.evidence().note == "[quote] why Neutral alternative: alt."
