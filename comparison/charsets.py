"""Telling text encodings apart: what a file that is not UTF-8 probably is.

:func:`guess_encoding` names the likely encoding of bytes that are not UTF-8:
UTF-16 without a byte-order mark (judged by where its zero bytes fall), the
legacy Chinese encodings GB18030/GBK and Big5, or whatever
`charset-normalizer <https://github.com/jawah/charset_normalizer>`_ finds.
GB18030 and Big5 both decode almost any byte string, so between the two the
one whose reading is plausible Chinese wins (:func:`chinese_plausibility`);
charset-normalizer judges by a language model of its own and often names a
Japanese or Korean code page for short Chinese text, so it decides only when
neither Chinese reading is plausible.

(Named ``charsets`` so as not to shadow the standard library's ``encodings``.)
"""

from __future__ import annotations

import codecs

from comparison.script import to_simplified

#: Legacy Chinese encodings and how a user knows them.
LEGACY_ENCODINGS = (("gb18030", "GBK/GB18030 (Simplified Chinese Windows)"), ("big5", "Big5 (Traditional Chinese Windows)"))
#: A reading is plausible Chinese above this share of common characters.
PLAUSIBLE = 0.5


def chinese_plausibility(text: str) -> float:
    """Share of the non-ASCII characters that are common Chinese characters or punctuation.

    A Big5 file read as GB18030 (or the reverse) decodes into rare characters
    and private-use code points; read in its own encoding, after conversion to
    Simplified, nearly all of its characters are among the 3755 level-1
    characters of GB2312 or are Chinese punctuation. Looks at up to 3000
    non-ASCII characters of the first 20000.
    """
    sample = [ch for ch in text[:20000] if ord(ch) > 0x7F][:3000]
    if not sample:
        return 0.0
    return sum(map(is_common_chinese, to_simplified("".join(sample)))) / len(sample)


def is_common_chinese(ch: str) -> bool:
    """Whether ``ch`` is a level-1 GB2312 character or GB2312 punctuation (rows A1 and A3)."""
    try:
        code = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and (0xB0 <= code[0] <= 0xD7 or code[0] in (0xA1, 0xA3))


def utf16_without_bom(raw: bytes) -> str | None:
    """``'utf-16-le'`` or ``'utf-16-be'`` when ``raw`` reads as UTF-16 text without a byte-order mark, else ``None``.

    UTF-16 text has its zero bytes (from ASCII characters) nearly all at odd
    offsets (little-endian) or at even ones (big-endian); the reading must
    decode, hold no control characters beyond line ends and tabs, and either
    have many zero bytes or read as common Chinese (text that is mostly
    Chinese has few of them).
    """
    sample = raw[:20000]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > other and other <= 0.02 * half:
            try:
                text = sample[: len(sample) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                continue
            if sum(ch < " " and ch not in "\t\n\r" for ch in text) > len(text) // 100:
                continue
            # Mostly ASCII makes many zero bytes on one side; mostly Chinese makes few, but reads as common Chinese.
            if zeros >= 0.1 * half or chinese_plausibility(text) >= 0.9:
                return codec
    return None


def guess_legacy_encoding(raw: bytes) -> str | None:
    """Name the legacy Chinese encoding that reads ``raw`` as plausible Chinese (GBK/GB18030 or Big5), if any."""
    best, best_score = None, PLAUSIBLE
    for codec, name in LEGACY_ENCODINGS:
        try:
            score = chinese_plausibility(raw.decode(codec))
        except UnicodeDecodeError:
            continue
        if score > best_score:
            best, best_score = name, score
    return best


def guess_encoding(raw: bytes) -> str | None:
    """A name for the probable encoding of ``raw`` (bytes that are not UTF-8), for a message; ``None`` when unknown."""
    if codec := utf16_without_bom(raw):
        return f"UTF-16 ({'little' if codec.endswith('le') else 'big'}-endian, --encoding {codec})"
    if legacy := guess_legacy_encoding(raw):
        return legacy
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:20000]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return codecs.lookup(best.encoding).name


def text_encoding(name: str) -> str | None:
    """The canonical name of the text encoding ``name``, or ``None`` when Python knows no such encoding
    or it is not a text encoding (``base64``, ``rot13``, ``zlib`` …)."""
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None
