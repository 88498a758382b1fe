"""Bytes to text: encoding detection, binary detection and the one normalisation pass.

Order of decisions in :func:`decode_bytes`:

1. a byte-order mark (UTF-8, UTF-32, UTF-16) decides the encoding outright;
2. UTF-16 without a mark is recognised when most of its ASCII-range characters show the
   tell-tale zero byte on the same side (``h\\0e\\0l\\0`` is UTF-16 little-endian);
3. any other zero byte, or a known file signature (PDF, ZIP/DOCX, PNG, ...), means a binary file;
4. strict UTF-8; then UTF-8 whose last character was cut off (dropped), or UTF-8 mixed with
   cp1252 line by line (each line decoded on its own);
5. otherwise charset-normalizer guesses. On short texts its ranking is noisy (French in cp1252
   comes out as cp1250 "Croatian"), so Windows cp1252, the usual encoding of Western news pages
   saved on Windows, wins when the detector rates it nearly as well as its best guess (mess within
   0.05, language coherence within 0.1) or recognises no language at all. Otherwise its guess is
   used (Polish in cp1250, Russian in cp1251).

:func:`normalise` then gives every text the same shape before an ``Article`` exists: line endings
``\\n``, Unicode NFC, no byte-order mark. It runs once; nothing later rewrites text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

__all__ = ["DecodeError", "Decoded", "decode_bytes", "normalise", "normalise_part", "utf8_head", "TRIED"]

TRIED = "UTF-8, UTF-16, cp1252"

# How close cp1252 must come to charset-normalizer's best guess to be preferred (module docstring).
_NEAR_CHAOS = 0.05
_NEAR_COHERENCE = 0.1

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (Word .docx files are ZIP archives)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office document"),
    (b"{\\rtf", "an RTF document"),
)

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# C0 control characters other than tab and newline: a few are tolerated, many mean "not text".
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes cannot be turned into text. ``str()`` is a plain sentence for the user."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the name of the encoding that produced it (e.g. ``"utf-8"``)."""

    text: str
    encoding: str


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``data`` looks like BOM-less UTF-16, else None."""
    if len(data) < 16 or len(data) % 2:
        return None
    sample = data[:4096]
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zero > 0.6 * half and even_zero < 0.05 * half:
        return "utf-16-le"
    if even_zero > 0.6 * half and odd_zero < 0.05 * half:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf8_repaired(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a cut-off last character, or UTF-8 lines mixed with cp1252 lines, else None.

    A file cut short in the middle of a multi-byte character (a truncated download) is UTF-8 with
    that last character dropped. A file whose lines are each valid UTF-8 or else cp1252 (a page
    edited on two machines), with at least one non-ASCII UTF-8 line, is decoded line by line.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            head = _strict(data[: exc.start], "utf-8")
            if head is not None:
                return head, "utf-8 (last character cut off)"
    lines = data.split(b"\n")
    out = []
    utf8_non_ascii = False
    fallback = False
    for line in lines:
        text = _strict(line, "utf-8")
        if text is not None:
            utf8_non_ascii = utf8_non_ascii or not line.isascii()
        else:
            text = _strict(line, "cp1252")
            if text is None:
                return None
            fallback = True
        out.append(text)
    if utf8_non_ascii and fallback:
        return "\n".join(out), "utf-8 with cp1252 lines"
    return None


def _check_text(text: str, encoding: str) -> Decoded:
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(3, len(text[:100_000]) // 100):
        raise DecodeError("looks like a binary file, not text")
    return Decoded(text, encoding)


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` (see the module docstring for the order of guesses).

    Raises :class:`DecodeError` with a plain message ("file is empty", "looks like a binary
    file, not text", "could not decode the text (tried UTF-8, UTF-16, cp1252)").
    """
    if not data:
        raise DecodeError("file is empty")
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise DecodeError(f"could not decode the text (it starts with a {encoding} mark)")
            return _check_text(text, encoding)
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise DecodeError(f"looks like a binary file ({what}), not text")
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _strict(data, utf16)
        if text is not None:
            return _check_text(text, utf16)
    if b"\x00" in data:
        raise DecodeError("looks like a binary file, not text")
    text = _strict(data, "utf-8")
    if text is not None:
        return _check_text(text, "utf-8")
    repaired = _utf8_repaired(data)
    if repaired is not None:
        return _check_text(*repaired)
    cp1252 = _strict(data, "cp1252")
    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None or best.coherence <= 0:
        if cp1252 is not None:
            return _check_text(cp1252, "cp1252")
        raise DecodeError(f"could not decode the text (tried {TRIED})")
    western = next((r for r in results if "cp1252" in r.could_be_from_charset), None)
    if (
        cp1252 is not None
        and western is not None
        and (
            western.chaos <= best.chaos + _NEAR_CHAOS
            and western.coherence >= best.coherence - _NEAR_COHERENCE
        )
    ):
        return _check_text(cp1252, "cp1252")
    return _check_text(str(best), best.encoding)


def normalise(text: str) -> str:
    """Line endings to ``\\n``, Unicode to NFC, a leading byte-order mark dropped."""
    text = _LINE_BREAKS.sub("\n", text)
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text)


def normalise_part(text: str) -> str:
    """:func:`normalise` for one line of a file read as a stream, not at the file's start.

    Line endings become ``\\n`` and Unicode NFC, as for a whole text; a U+FEFF here is a character
    of the line, not a byte-order mark, and is kept. A streamed file gives exactly the text that
    normalising the whole file would, as long as it is cut only after its line endings.
    """
    return unicodedata.normalize("NFC", _LINE_BREAKS.sub("\n", text))


def utf8_head(head: bytes, *, complete: bool) -> tuple[str, bool] | None:
    """How a file that starts with ``head`` can be read as a stream of UTF-8 lines, or None.

    None when the whole-file path (:func:`decode_bytes`) must decide: the file is empty or holds only
    blank space (``complete``: ``head`` is the whole file), starts with a UTF-16/UTF-32 mark, or looks
    binary (a zero byte, a known file signature, many control characters). Otherwise the encoding
    name (``"utf-8-sig"`` after a UTF-8 mark, else ``"utf-8"``) and whether ``head`` is valid UTF-8
    (a character cut off at the end of an incomplete head does not count against it).
    """
    if not head or head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE,
                                    codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head or any(head.startswith(magic) for magic, _ in _SIGNATURES):
        return None
    encoding = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(head, final=complete)
        valid = True
    except UnicodeDecodeError:
        text = head.decode(encoding, errors="replace")
        valid = False
    if complete and not text.strip():
        return None
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(3, len(text[:100_000]) // 100):
        return None
    return encoding, valid
