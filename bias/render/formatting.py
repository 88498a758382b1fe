"""Number and text formatters for the report. They return plain text, never HTML."""

from __future__ import annotations

import math
from urllib.parse import urlsplit


def format_value(value: float | None, unit: str) -> str:
    """Format a metric value for a reader, by its unit: shares (0-1) as percentages, counts as whole
    numbers, scores on small ranges with two decimals, everything else with one."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if unit.startswith("share"):
        return f"{value * 100:.0f}%"
    if unit in {"count", "words", "sentences", "sources", "attributions"} or unit.endswith(" count"):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if unit.startswith("score (-1"):
        return f"{value:+.2f}"
    if unit.startswith("score (0-1") or unit.endswith("per word"):
        return f"{value:.2f}"
    return f"{value:,.1f}"


def plural(n: int, word: str, words: str | None = None) -> str:
    """``"1 article"``, ``"3 articles"``, ``"20,000 articles"``."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def safe_url(url: str | None) -> str:
    """The URL if it is an absolute http(s) link, else "" (``javascript:``, ``data:`` and relative
    links are never made clickable)."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return url.strip()
    return ""


def excerpt(text: str, limit: int = 160) -> str:
    """``text`` shortened at a word boundary to about ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(",;:") + " …"


def slug(text: str) -> str:
    """An id-safe slug (letters, digits, hyphens)."""
    out = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-") or "x"
