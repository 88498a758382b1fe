"""Patterns for site chrome: the lines of a saved web page that are not the article.

Every rule here judges ONE whole line (already stripped) and either names a plain-language reason
to remove it or says nothing. Rules describe kinds of chrome (a lone share button, an ad
shortcode, a photo credit glued to a caption), not the exact strings of any one site. Rules that
depend on where a line sits (section labels above a headline, author notes at the end, the tail of
a comment box) live in :mod:`bias.corpus.clean`.

Design rule: a line that could be an article sentence must not match. Line-level rules therefore
match the whole line (``fullmatch``) or a credit at its very end, and stay short.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = [
    "classify",
    "byline_names",
    "republished_from",
    "date_line",
    "is_body_line",
    "is_credit_tail",
    "word_count",
    "TRAILING_CREDIT",
]

NAVIGATION = "site navigation"
AD_CODE = "ad shortcode"
ADVERT = "advertisement"
COMMENT = "comment box"
SUBSCRIBE = "subscription prompt"
CAPTION = "photo caption or credit"
DATE_LINE = "publication date line"
READ_TIME = "reading time"
PAGE_CODE = "page code"

_I = re.IGNORECASE
_END = r"\s*[:»›→>|]?"

_NAV = re.compile(
    r"(?:(?:connect|follow|stay connected|get in touch|keep in touch) with us"
    r"|follow us(?: on [\w ]{1,30})?|trending(?: now| stories| news| topics)?"
    r"|most (?:popular|read|viewed|shared)|popular (?:posts|stories|now)|top stories|latest(?: news)?"
    r"|related(?: (?:articles?|posts?|stories|content|coverage|news|topics|reading))?"
    r"|read (?:more|next|also)|see also|more stories|more news|you (?:may|might) (?:also )?like"
    r"|recommended(?: for you| stories)?|up next|continue reading|keep reading|read full (?:article|story)"
    r"|(?:skip|jump) to (?:main )?content|main menu|menu|search|home|sign in|log ?in|log out|register"
    r"|share(?: (?:this|this (?:article|story|post)|on [\w ]{1,20}|via [\w ]{1,20}))?|tweet|print"
    r"|e-?mail|copy link|link copied|facebook|twitter|x|instagram|linkedin|whatsapp|reddit|telegram"
    r"|pinterest|youtube|tiktok|threads|flipboard|bluesky|mastodon|back to top|next (?:article|post|story)"
    r"|previous (?:article|post|story)|load more|show more|click to share on [\w() ]{1,30}"
    r"|(?:tags?|topics?|filed under|categories)\s*:.{0,80})" + _END,
    _I,
)

_AD_SHORTCODE = re.compile(
    r"\[/?\s*(?:the_ad(?:_group|_placement)?|adsanity\w*|adrotate\w*|advanced_ads?\w*|ads?|advert\w*"
    r"|dfp\w*|ad[_-]\w+|\w+[_-]ads?)\b[^\]]*\]",
    _I,
)
_SHORTCODE = re.compile(r"\[/?[a-z_][\w-]*(?:\s[^\]]*)?\]")
_ADVERT = re.compile(
    r"(?:advertisement|advertising|sponsored(?: content)?|ad|paid (?:post|content)"
    r"|story continues below(?: this)?(?: advertisement| ad)?|scroll to continue(?: with content)?)" + _END,
    _I,
)

_COMMENT = re.compile(
    r"(?:comments?|\d+ (?:comments?|replies)|comments? \(\d+\)|leave a (?:reply|comment)"
    r"|post a comment|add a comment|write a comment|join the (?:conversation|discussion)"
    r"|no comments yet\b.{0,80}|be the first to comment\b.{0,60}|there are no comments\b.{0,60}"
    r"|your email address will not be published\b.{0,120}|required fields are marked\b.{0,20}"
    r"|please let us know if you(?:'|’)re having (?:any )?(?:issues|problems|trouble)"
    r" with comment(?:ing|s)\.?"
    r"|(?:show|view|load|hide) (?:all )?comments|comment policy\b.{0,80}|cancel reply"
    r"|(?:you must be )?log(?:ged)? ?in to (?:post a )?(?:comment|reply)\b.{0,60}"
    r"|comments are closed\.?)" + _END,
    _I,
)

_SUBSCRIBE_LINE = re.compile(
    r"(?:.{1,80} is a reader-supported publication\b.{0,200}"
    r"|.{0,200}\bconsider becoming a (?:free or paid |paid )?(?:subscriber|member|supporter)\b.{0,80}"
    r"|thanks for reading\b.{0,160}|subscribe(?: now| today| for free| here)?"
    r"|subscribe (?:to|for) (?:our|the|my) (?:free )?(?:newsletter|podcast|channel|updates)\b.{0,100}"
    r"|sign up (?:for|to) (?:our|the|my) .{0,40}newsletter\b.{0,100}"
    r"|(?:get|receive) (?:our|the) .{0,30}newsletter\b.{0,80}"
    r"|(?:please )?support (?:our|my|independent|local) (?:work|journalism|reporting)\b.{0,120}"
    r"|become a (?:paid )?(?:member|subscriber|patron|supporter)\b.{0,100}"
    r"|already a (?:subscriber|member)\?.{0,60})",
    _I,
)

# A credit at the very end of a caption line ("... 2024.AP Photo/Ivan Valencia").
TRAILING_CREDIT = re.compile(
    r"(?:\(?\b(?:AP|AFP|Reuters|EPA|UPI|Getty)(?: File)? Photos?/[^()]{1,80}\)?"
    r"|\bvia Getty Images\)?|/(?:Getty Images|AFP|Reuters|AP|EPA|Shutterstock)\)?"
    r"|\b(?:Photo|Photograph|Image|Picture)s?(?: by|:| courtesy of| credit:?) [^.!?]{1,80}"
    r"|(?<=[.!?”\"’)])[A-Z][A-Z0-9-]*(?:\.[A-Z0-9-]+)*\.(?:ORG|COM|NET|GOV|EDU|CO\.UK))\s*$"
)
_CREDIT_LINE = re.compile(
    r"(?:\(?(?:AP|AFP|Reuters|EPA|UPI|Getty)(?: File)? Photos?(?:/[^()]{1,80})?\)?"
    r"|\((?:photo|image|picture|credit|file photo)\b[^()]{0,100}\)"
    r"|(?:photo|image|picture|photograph|credit|file photo)s?\s*:.{1,100}"
    r"|\*\*\s*[A-Z][A-Z0-9 /.,'’:&-]{3,}\*\*.*"
    r"|[A-Z0-9]{2,} logo\b.{0,60})"
)

_DATE = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?P<mon2>[A-Za-z]{3,9})\.?,?\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
)
_STAMP = re.compile(
    r"(?:(?:originally )?(?:published|updated|posted|last updated|first published)(?: on| at)?)\s*:?\s*"
    rf"(?:{_DATE})?(?:\s*[|,;]\s*(?:updated|last updated)(?: on)?\s*:?\s*.{{0,40}})?",
    _I,
)
_DATE_ONLY = re.compile(_DATE, _I)
_READ_TIME = re.compile(
    r"(?:\d{1,3}\s*(?:-|\s)?\s*min(?:ute)?s?\.?(?: read| reading time)?"
    r"|reading time\s*:?\s*\d{1,3}\s*min(?:ute)?s?\.?"
    r"|\d{1,3} min read)",
    _I,
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|da|del|der|van|von|la|le|bin|al|dos|du)"
_NAME = rf"[A-Z][\w'’.-]+(?:\s+{_NAME_WORD}){{0,4}}"
_BYLINE = re.compile(
    rf"(?i:by|written by|words by|story by|report by)\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
    r"(?:\s*(?:[,|–—-]|\bfor\b)\s*(?P<extra>[^.!?]{1,60}))?",
)
_FROM = re.compile(
    r"(?i:from|originally published (?:in|by|at|on)|this (?:article|story) (?:first |originally )?"
    r"appeared (?:in|on))\s+(?:the\s+)?(?P<outlet>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z&][\w.&'’-]*|of|and|de)){0,6})",
)
_SENTENCE_END = re.compile(r"[.!?…:][\"”’')\]]*$")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def word_count(line: str) -> int:
    """Number of words in ``line``."""
    return len(_WORD.findall(line))


def is_body_line(line: str) -> bool:
    """True when ``line`` reads like a paragraph of running text (not a headline or a label)."""
    n = word_count(line)
    return (n >= 12 and bool(_SENTENCE_END.search(line))) or n >= 30


def is_credit_tail(text: str) -> bool:
    """True when ``text`` (what follows a repeated caption) is just a credit such as ``CIS.ORG``."""
    text = text.strip()
    if not text or len(text) > 100:
        return False
    return bool(TRAILING_CREDIT.search(" " + text) or _CREDIT_LINE.fullmatch(text)) or (
        text.isupper() and word_count(text) <= 4
    )


# Whole-line rules in the order they are tried: the longest line each applies to, its pattern, and the
# reason recorded for a removal.
_LINE_RULES: tuple[tuple[int, re.Pattern[str], str], ...] = (
    (120, _AD_SHORTCODE, AD_CODE),
    (120, _SHORTCODE, PAGE_CODE),
    (120, _NAV, NAVIGATION),
    (120, _ADVERT, ADVERT),
    (120, _COMMENT, COMMENT),
    (120, _READ_TIME, READ_TIME),
    (120, _STAMP, DATE_LINE),
    (300, _SUBSCRIBE_LINE, SUBSCRIBE),
    (300, _CREDIT_LINE, CAPTION),
)


def classify(line: str) -> str | None:
    """The reason to remove ``line`` wherever it appears, or None to keep it.

    ``line`` must be stripped. Only whole-line matches and end-of-line credits count.
    """
    if not line:
        return None
    for limit, pattern, reason in _LINE_RULES:
        if len(line) <= limit and pattern.fullmatch(line):
            return reason
    if len(line) <= 300 and TRAILING_CREDIT.search(line):
        return CAPTION
    return None


def _iso(m: re.Match[str]) -> str | None:
    if m.group("iso"):
        raw = m.group("iso")
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            return None
    mon = m.group("mon") or m.group("mon2")
    day = m.group("day") or m.group("day2")
    year = m.group("year") or m.group("year2")
    if not (mon and day and year) or mon.lower() not in _MONTHS:
        return None
    try:
        return date(int(year), _MONTHS[mon.lower()], int(day)).isoformat()
    except ValueError:
        return None


def date_line(line: str) -> tuple[bool, str | None]:
    """Whether ``line`` is a dateline or date stamp, and its ISO date when one is written out.

    Numeric dates such as 03/04/2024 are recognised as date lines but not converted: day and month
    order cannot be told apart, and `bias` never guesses a date.
    """
    if len(line) > 120:
        return False, None
    m = _STAMP.fullmatch(line) or _DATE_ONLY.fullmatch(line)
    if not m:
        return False, None
    month = m.group("mon") or m.group("mon2")
    if month and month.lower() not in _MONTHS:
        return False, None
    return True, _iso(m)


def byline_names(line: str) -> str | None:
    """The name part of a byline line ("By Todd Bensman" -> "Todd Bensman"), else None."""
    if len(line) > 150:
        return None
    m = _BYLINE.fullmatch(line)
    if not m:
        return None
    names = re.sub(r"\s*(?:,|&|\band\b)\s*", ", ", m.group("names")).strip(", ")
    return names


def republished_from(line: str) -> str | None:
    """The outlet named by a line like "From the New York Post", else None."""
    if len(line) > 100:
        return None
    m = _FROM.fullmatch(line)
    return m.group("outlet") if m else None
