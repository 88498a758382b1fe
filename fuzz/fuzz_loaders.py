"""Coverage-guided fuzzing of the loaders with atheris (not part of the test suite).

One input of bytes goes through every stage that reads untrusted data: ``decode_bytes`` and
``normalise``, the cleaning pass, ``parse``, and the JSON Lines, CSV and JSON-Lines-gold readers.
The only allowed failures are the ones those functions document (``DecodeError``; ``InputError``
values or exceptions); anything else, or a span outside the text, is a crash. Run it as described
in fuzz/README.md.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    from bias.corpus import formats
    from bias.corpus.clean import clean_lines
    from bias.corpus.decode import DecodeError, decode_bytes, normalise
    from bias.corpus.segment import parse
    from bias.corpus.split import split_auto
    from bias.errors import InputError
    from bias.jsonl import json_objects
    from bias.model import Article


def _check_parse(text: str) -> None:
    if not text.strip():
        return
    parsed = parse(Article(id="f", outlet="o", title="t", text=text))
    for span in (*parsed.paragraphs, *parsed.sentences, *parsed.words, *(q.span for q in parsed.quotes)):
        if not 0 <= span.start < span.end <= len(text):
            raise AssertionError(f"bad span {span} in a text of {len(text)} characters")


def test_one_input(data: bytes) -> None:
    try:
        text = normalise(decode_bytes(data).text)
    except DecodeError:
        return
    for rec in formats.read_jsonl("f.jsonl", text):
        if not isinstance(rec, formats.Record | InputError):
            raise AssertionError(type(rec))
    for rec in formats.read_csv("f.csv", text, max_field=1_000_000):
        if not isinstance(rec, formats.Record | InputError):
            raise AssertionError(type(rec))
    with contextlib.suppress(InputError):
        json_objects("f.jsonl", text)
    lines = list(enumerate(text.split("\n"), start=1))
    for chunk in split_auto(lines):
        cleaned = clean_lines(chunk, title=None, authors=())
        _check_parse(cleaned.text)
        for emb in cleaned.embedded:
            if not 0 <= emb.span.start < emb.span.end <= len(cleaned.text):
                raise AssertionError(f"bad embedded span {emb.span}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
