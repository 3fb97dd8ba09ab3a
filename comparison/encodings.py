"""Telling legacy Chinese encodings apart (GB18030/GBK versus Big5).

Both decode almost any byte string, so a file's encoding is judged by how
plausible the decoded text is as Chinese.
"""

from __future__ import annotations

from comparison.script import to_simplified


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
