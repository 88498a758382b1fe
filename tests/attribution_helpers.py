"""Seed articles for the attribution tests, built from the raw seed files.

The real loader (``bias.corpus.load``) is written by another helper; until it exists these tests build
the seven seed articles themselves: 003 holds three articles, split at their headline lines.
"""

from __future__ import annotations

from pathlib import Path

from bias.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "seeds_attribution.jsonl"
SPLIT_003 = ("Biden/Harris made empty promises", "CBSA Bust Uncovers", "Los Angeles declares a state of emergency")


def seed_articles() -> list[Article]:
    """The seven seed articles (ids seed-000 ... seed-004, seed-003a/b/c), raw text, UTF-8."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        num = path.name[:3]
        if num == "003":
            cuts = [text.index(h) for h in SPLIT_003] + [len(text)]
            for suffix, a, b in zip("abc", cuts, cuts[1:], strict=False):
                part = text[a:b]
                out.append(Article(id=f"seed-003{suffix}", outlet="", title=part.split("\n", 1)[0], text=part))
        else:
            out.append(Article(id=f"seed-{num}", outlet="", title=text.strip().split("\n", 1)[0], text=text))
    return out
