"""Quoted loaded terms know whose quotation they sit in."""

from __future__ import annotations

from bias.analysis import analyze_article
from bias.model import Article
from bias.speakers import attach_speakers, speaker_of

ATT = {"sentence": {"start": 0, "end": 60}, "quote": "direct",
       "content": {"start": 1, "end": 30}, "source": {"text": "she", "resolved": "Mayor Ann Lee"}}


def test_speaker_is_the_resolved_source_of_the_covering_content() -> None:
    assert speaker_of(5, 10, [ATT]) == "Mayor Ann Lee"
    assert speaker_of(40, 45, [ATT]) == "Mayor Ann Lee"  # same direct-quote sentence
    assert speaker_of(70, 75, [ATT]) is None


def test_narration_terms_get_no_speaker() -> None:
    records = {"attributions": (ATT,), "loaded_terms": (
        {"start": 5, "end": 10, "voice": "quote"}, {"start": 5, "end": 10, "voice": "narration"})}
    out = attach_speakers(records)
    assert [t["speaker"] for t in out["loaded_terms"]] == ["Mayor Ann Lee", None]


def test_quoted_slur_is_credited_to_its_speaker_not_the_outlet() -> None:
    text = ("Officials react\n"
            "The council met on Monday. “These thugs are ruining our city,” Sheriff Dan Moss said.")
    scores = analyze_article(Article(id="t", outlet="O", title="Officials react", text=text))
    quoted = [t for t in scores.records["loaded_terms"] if t["text"] == "thugs"]
    assert quoted and quoted[0]["voice"] == "quote"
    assert quoted[0]["speaker"] == "Sheriff Dan Moss"
