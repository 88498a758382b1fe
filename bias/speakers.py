"""Join the language layer with the attribution layer: whose quotation a quoted loaded term sits in.

Extractors run independently; this step runs after them (in :func:`bias.analysis.analyze_article`)
and adds a ``speaker`` field to every ``loaded_terms`` record: the source (its resolved name when the
source is a pronoun) of the attribution whose content holds the term, or null in narration, in an
embedded post, or where no attribution covers the quotation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def _speaker(att: Mapping[str, Any]) -> str | None:
    src = att.get("source")
    if not src:
        return None
    return src.get("resolved") or src.get("text") or None


def speaker_of(start: int, end: int, attributions: Sequence[Mapping[str, Any]]) -> str | None:
    """The speaker of the attribution whose content span holds ``[start, end)``; failing that, of a
    direct or mixed attribution whose sentence holds it."""
    for att in attributions:
        content = att.get("content")
        if content and content["start"] <= start and end <= content["end"]:
            return _speaker(att)
    for att in attributions:
        sent = att["sentence"]
        if att.get("quote") in {"direct", "mixed"} and sent["start"] <= start and end <= sent["end"]:
            return _speaker(att)
    return None


Records = Mapping[str, tuple[Mapping[str, Any], ...]]


def attach_speakers(records: Records) -> dict[str, tuple[Mapping[str, Any], ...]]:
    """A copy of ``records`` whose ``loaded_terms`` carry ``speaker`` (None outside quotations)."""
    out = dict(records)
    terms = records.get("loaded_terms")
    if terms is None:
        return out
    attributions = records.get("attributions", ())
    out["loaded_terms"] = tuple(
        {**t, "speaker": (speaker_of(t["start"], t["end"], attributions)
                          if t.get("voice") == "quote" else None)}
        for t in terms
    )
    return out
