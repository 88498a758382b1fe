"""Versions stamped into every result and the report footer."""

from __future__ import annotations

from importlib import metadata

from bias.lexicons import load_lexicon, packaged_lexicon_ids


def tool_version() -> str:
    try:
        return metadata.version("bias")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def versions() -> dict[str, str]:
    """``{"bias": "0.1.0", "lexicon:<id>": "<version>", ...}`` in a fixed order."""
    out = {"bias": tool_version()}
    for lex_id in packaged_lexicon_ids():
        out[f"lexicon:{lex_id}"] = load_lexicon(lex_id).version
    return out
