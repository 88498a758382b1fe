"""Boilerplate removal, section labels, bylines, author notes, embedded posts (bias/corpus/clean.py)."""

from __future__ import annotations

import pytest

from bias.corpus import chrome
from bias.corpus.clean import clean_text
from bias.model import Removal

BODY1 = "The council met on Monday and approved the budget after a long debate about road repairs."
BODY2 = "Several residents said the plan ignored the northern villages, which have waited for years."


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Connect with us", "site navigation"),
        ("Follow us on Instagram", "site navigation"),
        ("Trending", "site navigation"),
        ("X", "site navigation"),
        ("Share this article:", "site navigation"),
        ("Continue Reading", "site navigation"),
        ("Related Stories", "site navigation"),
        ('[the_ad id="89560"]', "ad shortcode"),
        ("[adrotate banner='7']", "ad shortcode"),
        ("ADVERTISEMENT", "advertisement"),
        ("Comments", "comment box"),
        ("COMMENTS", "comment box"),
        ("12 Comments", "comment box"),
        ("Leave a Reply", "comment box"),
        ("No comments yet. Be kind.", "comment box"),
        ("Your email address will not be published. Required fields are marked *", "comment box"),
        ("Please let us know if you're having issues with commenting.", "comment box"),
        ("The Daily Pike is a reader-supported publication.", "subscription prompt"),
        (
            "To receive new posts and support my work, consider becoming a free or paid subscriber.",
            "subscription prompt",
        ),
        ("Sign up for our morning newsletter", "subscription prompt"),
        ("(AP Photo/Jane Roe)", "photo caption or credit"),
        ("AP File Photo/Sam Poe", "photo caption or credit"),
        (
            "Fishermen unload the catch at dawn.Photo by ANA LIMA/AFP via Getty Images",
            "photo caption or credit",
        ),
        ("A flooded street in the old town.REUTERS.COM", "photo caption or credit"),
        ("Volunteers sort donations on March 3, 2024.AP Photo/Kim Doe, File", "photo caption or credit"),
        ("** HOLD FOR SMITH/EMBARGO 6PM** A ranger checks the gate", "photo caption or credit"),
        ("ABC logo ABC Weekly", "photo caption or credit"),
        ("Published", "publication date line"),
        ("Published on", "publication date line"),
        ("Updated: March 4, 2024", "publication date line"),
        ("8 minute read", "reading time"),
        ("5 min read", "reading time"),
    ],
)
def test_line_rules(line: str, reason: str) -> None:
    assert chrome.classify(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        BODY1,
        "Comments from the mayor drew a sharp reply from the opposition.",
        "By the end of the year, the bridge will be closed for repairs.",
        "She shared the photo on X, where it was viewed thousands of times.",
        "Subscribers to the service complained about the price rise.",
        "The agency published its report on Tuesday.",
        "‘We need support’",
        "Key Takeaways",
        "Crime",
    ],
)
def test_article_lines_are_kept_by_line_rules(line: str) -> None:
    assert chrome.classify(line) is None


def test_header_section_label_byline_and_republished_from() -> None:
    text = "\n".join(
        [
            "Connect with us",
            "local politics",
            "",
            "Council approves budget after long night",
            "Published",
            "From the Riverside Gazette",
            "By Ana Pérez and Tom Li",
            "",
            BODY1,
            "",
            BODY2,
        ]
    )
    c = clean_text(text)
    assert c.text == f"Council approves budget after long night\n\n{BODY1}\n\n{BODY2}"
    assert c.title == "Council approves budget after long night"
    assert c.author == "Ana Pérez, Tom Li"
    assert c.byline == "By Ana Pérez and Tom Li"
    assert c.republished_from == "Riverside Gazette"
    assert c.removed == (
        Removal("Connect with us", "site navigation", 1),
        Removal("local politics", "section label", 2),
        Removal("Published", "publication date line", 5),
        Removal("From the Riverside Gazette", "byline", 6),
        Removal("By Ana Pérez and Tom Li", "byline", 7),
    )


def test_dateline_in_header_sets_the_date() -> None:
    c = clean_text(f"Council approves budget\nPublished on September 6, 2024\n{BODY1}")
    assert c.date == "2024-09-06"
    assert c.text == f"Council approves budget\n{BODY1}"


def test_repeated_caption_with_credit_removed_both_copies() -> None:
    text = "\n".join(
        [
            "Council approves budget",
            BODY1,
            "Workers repair a road in Elm's district.",
            "Workers repair a road in Elm’s district.CITYNEWS.ORG",
            BODY2,
        ]
    )
    c = clean_text(text)
    assert c.text == f"Council approves budget\n{BODY1}\n{BODY2}"
    assert [(r.line, r.reason) for r in c.removed] == [
        (3, "photo caption or credit"),
        (4, "photo caption or credit"),
    ]


def test_author_note_at_the_end_and_comment_box() -> None:
    note = "Dana Whitlock is a staff writer at the Gazette who covers city hall."
    text = "\n".join(["Council approves budget", BODY1, BODY2, note, "Leave a Reply", "Comments"])
    c = clean_text(text)
    assert c.text == f"Council approves budget\n{BODY1}\n{BODY2}"
    assert [(r.text, r.reason) for r in c.removed] == [
        (note, "author note"),
        ("Leave a Reply", "comment box"),
        ("Comments", "comment box"),
    ]


def test_closing_sentence_about_a_person_in_the_story_is_kept() -> None:
    last = "Whitlock is a former officer of the agency."
    text = "\n".join(["Council approves budget", "Officer Whitlock resigned in May, " + BODY1.lower(), last])
    c = clean_text(text)
    assert c.text.endswith(last)
    assert c.removed == ()


def test_author_note_known_author_surname() -> None:
    text = "\n".join(
        [
            "Budget passes",
            BODY1,
            "Rotella wrote about Rotella's park.",
            BODY2,
            "Rotella is a senior reporter at a newspaper in Washington.",
        ]
    )
    assert clean_text(text).removed == ()
    c = clean_text(text, authors=["Sebastian Rotella"])
    assert c.removed == (
        Removal("Rotella is a senior reporter at a newspaper in Washington.", "author note", 5),
    )


def test_trailing_sources_list() -> None:
    c = clean_text(
        "\n".join(["Budget passes", BODY1, "Sources", "1. Council minutes", "2. Mayor's statement"])
    )
    assert c.text == f"Budget passes\n{BODY1}"
    assert [r.reason for r in c.removed] == ["list of sources"] * 3


def test_known_title_is_added_when_the_page_lacks_it() -> None:
    c = clean_text(BODY1, title="Budget passes")
    assert c.text == f"Budget passes\n\n{BODY1}"
    assert c.title == "Budget passes"


def test_embedded_post_span() -> None:
    lines = [
        "Budget passes",
        BODY1,
        "Roads first, then parks. See the plan: https://t.co/abc123 pic.twitter.com/xyz",
        "— Mayor Ruth Kim (@mayorkim) May 2, 2024",
        BODY2,
    ]
    c = clean_text("\n".join(lines))
    assert c.text == "\n".join(lines)
    (post,) = c.embedded
    assert post.kind == "social_post"
    assert post.author == "Mayor Ruth Kim (@mayorkim)"
    start = c.text.index("Roads first")
    end = c.text.index("May 2, 2024") + len("May 2, 2024")
    assert (post.span.start, post.span.end) == (start, end)
