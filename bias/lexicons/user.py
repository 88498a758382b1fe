"""User lexicons: one TSV file with a few ``# key = value`` lines on top (see README.md here).

Example::

    # kind = loaded
    # id = my-terms
    # version = 1
    # description = Terms our class flags in crime reporting
    # source klein2020 = Klein, A. (2020). A study of crime words. Journal of Examples 1, 1-10.
    term	category	weight	explanation	alternative	source	pos
    thug	pejorative	2	Reduces a person to violence.	suspect	klein2020	n

``kind`` says which extractor uses the rows: ``loaded`` (categories of :data:`LOADED_CATEGORIES`),
``referents`` (category = a referent group id, new or packaged) or ``frames`` (category = one of
:data:`FRAME_IDS`). Errors name the file and the line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bias.errors import LexiconError
from bias.lexicons import Lexicon, parse_lexicon

KINDS = ("loaded", "referents", "frames")
LOADED_CATEGORIES = ("pejorative", "intensifier", "metaphor", "fear", "evaluative", "hedge", "booster")
FRAME_IDS = ("economic", "capacity_resources", "morality", "fairness_equality", "legality", "policy",
             "crime", "security", "health_safety", "quality_of_life", "cultural_identity",
             "public_opinion", "political", "external_regulation", "other")
_META = re.compile(r"^#\s*([A-Za-z_]+)(?:\s+([A-Za-z0-9_.\-]+))?\s*=\s*(.*?)\s*$")
_ID = re.compile(r"^[a-z0-9_]+$")


def kind_of(lexicon: Lexicon) -> str:
    """The extractor a lexicon feeds: its ``[meta] kind``, else its id for packaged ones."""
    kind = lexicon.meta.get("kind")
    if isinstance(kind, str):
        return kind
    return {"hedges": "loaded"}.get(lexicon.id, lexicon.id)


def load_user_lexicon(path: str | Path) -> Lexicon:
    """Load and validate one user lexicon file; raise :class:`LexiconError` naming file and line."""
    p = Path(path)
    if not p.is_file():
        raise LexiconError(str(p), "file not found")
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise LexiconError(str(p), "not UTF-8 text (save the file as UTF-8)") from None
    meta = {"id": p.stem, "version": "user", "description": f"user lexicon {p.name}", "kind": "loaded"}
    sources: list[tuple[str, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _META.match(line)
        if not m:
            continue
        key, sub, value = m.group(1).lower(), m.group(2), m.group(3)
        if key == "source":
            if not sub or not value:
                raise LexiconError(str(p), "write sources as '# source KEY = citation'", n)
            sources.append((sub, value))
        elif key in ("id", "version", "description", "kind", "licence", "title"):
            meta[key] = value
    if meta["kind"] not in KINDS:
        raise LexiconError(str(p), f"kind {meta['kind']!r} is not one of: {', '.join(KINDS)}")
    toml = "[meta]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in meta.items())
    toml += "".join(f"\n[[sources]]\nkey = {json.dumps(k)}\ncitation = {json.dumps(c)}\n" for k, c in sources)
    lex = parse_lexicon(toml, text, meta_path=str(p), table_path=str(p))
    for e in lex.entries:
        if meta["kind"] == "loaded" and e.category not in LOADED_CATEGORIES:
            allowed = ", ".join(LOADED_CATEGORIES)
            raise LexiconError(str(p), f"category {e.category!r} is not one of: {allowed}", e.line)
        if meta["kind"] == "frames" and e.category not in FRAME_IDS:
            raise LexiconError(str(p), f"frame {e.category!r} is not one of: {', '.join(FRAME_IDS)}", e.line)
        if meta["kind"] == "referents" and not _ID.match(e.category):
            raise LexiconError(str(p), f"referent id {e.category!r} may use only a-z, 0-9 and _", e.line)
        if e.source and e.source not in lex.sources:
            raise LexiconError(str(p), f"source {e.source!r} is not declared ('# source KEY = citation')",
                               e.line)
    return lex
