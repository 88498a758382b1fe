"""Encoding and binary detection, and the one normalisation pass (bias/corpus/decode.py)."""

from __future__ import annotations

import codecs

import pytest

from bias.corpus.decode import DecodeError, decode_bytes, normalise

SAMPLE = "Grüße aus Zürich: “quoted” — café"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str) -> None:
    got = decode_bytes(data)
    assert got.encoding == encoding
    assert normalise(got.text) == SAMPLE


def test_cp1252_smart_quotes() -> None:
    got = decode_bytes(b"He said \x93hello\x94 \x97 caf\xe9.")
    assert (got.encoding, got.text) == ("cp1252", "He said “hello” — café.")


def test_cp1252_french_not_taken_for_cp1250() -> None:
    text = "Le garçon a mangé à la maison après l’école, très content."
    got = decode_bytes(text.encode("cp1252"))
    assert (got.encoding, got.text) == ("cp1252", text)


def test_other_code_pages_use_the_detector() -> None:
    text = "Привет, как дела? Это тест кодировки текста."
    got = decode_bytes(text.encode("cp1251"))
    assert (got.encoding, got.text) == ("cp1251", text)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b"abc\x00\x01\x02def\x00ghi\xff\x00", "looks like a binary file, not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks like a binary file (a PDF document), not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "looks like a binary file (a PNG image), not text"),
        (b"ok\x01\x02\x03\x04\x05\x06\x07\x08text", "looks like a binary file, not text"),
        (b"\x81\x8d\x8f\x90\x9d" * 10, "could not decode the text (tried UTF-8, UTF-16, cp1252)"),
    ],
)
def test_problems_are_plain_sentences(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert str(info.value) == message


def test_normalise_line_endings_nfc_and_bom() -> None:
    assert normalise("\ufeffa\r\nb\rc\u2028d\ne\u0301") == "a\nb\nc\nd\né"
    assert normalise("e\u0301") == "\u00e9"
