"""Script conversion between Simplified and Traditional Chinese (OpenCC).

Conversion is lossy and is used for display and matching only, never to make
an id. Converters are cached because creating one costs tens of milliseconds.
The "tofu-risk" dictionaries, which can produce characters few fonts draw, are
turned off for all output.

Taiwan phrasing (OpenCC ``s2twp``) also replaces words by their Taiwan
equivalents, and its phrase segmentation gets some of the interface's words
wrong (多项目标 → 多專案標, 参数 → 引數, 发布机关 → 釋出機關, 政策文件 → 政策檔案).
The glossary ``taiwan_glossary.csv`` beside this module lists the words whose
Taiwan form is fixed (``rule`` ``fixed``: written as given, never segmented by
OpenCC) and the phrasing changes of OpenCC that are right for this project
(``phrasing``: 数据 → 資料 …); ``tests/test_words.py`` checks that every
interface text converts to exactly those forms.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache
from pathlib import Path

#: Output languages: Simplified Chinese, Traditional Chinese, English.
LANGS = ("zh-Hans", "zh-Hant", "en")

_WS = re.compile(r"\s+")


@cache
def converter(config: str):
    """A cached OpenCC converter, e.g. ``converter("t2s")``."""
    import opencc

    try:
        return opencc.OpenCC(config, include_tofu_risk_dictionaries=False)
    except TypeError:  # older bindings have no such switch
        return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional (or mixed) text in Simplified characters."""
    return converter("t2s").convert(text) if text else text


def to_traditional(text: str, *, taiwan: bool = False) -> str:
    """Simplified text in Traditional characters.

    Uses the Taiwan standard character forms (OpenCC ``s2tw``: 床, not the
    variant 牀 that plain ``s2t`` gives); ``taiwan=True`` also converts phrasing
    (``s2twp``: 数据 → 資料), except for the glossary's fixed words, which are
    written in their given form.
    """
    if not text:
        return text
    if not taiwan:
        return converter("s2tw").convert(text)
    fixed, pattern = _fixed_words()
    phrasing = converter("s2twp")
    return "".join(fixed[part] if part in fixed else phrasing.convert(part) for part in pattern.split(text) if part)


#: The Taiwan glossary: simplified, taiwan, rule (fixed or phrasing), note.
GLOSSARY_FILE = Path(__file__).with_name("taiwan_glossary.csv")


@cache
def taiwan_glossary() -> tuple[dict[str, str], ...]:
    """The rows of :data:`GLOSSARY_FILE` as dicts."""
    with open(GLOSSARY_FILE, encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


@cache
def _fixed_words() -> tuple[dict[str, str], re.Pattern]:
    """Fixed words (Simplified → Taiwan form) and a pattern that splits text around them, longest first."""
    fixed = {row["simplified"]: row["taiwan"] for row in taiwan_glossary() if row["rule"] == "fixed"}
    words = sorted(fixed, key=len, reverse=True)
    return fixed, re.compile("(" + "|".join(map(re.escape, words)) + ")")


def to_script(text: str, lang: str, *, taiwan: bool = False) -> str:
    """Render Chinese ``text`` (Simplified) in the script of ``lang``; English leaves it unchanged."""
    if lang == "zh-Hant":
        return to_traditional(text, taiwan=taiwan)
    return text


def match_key(text: str) -> str:
    """The form in which quotes are matched against source texts.

    Unicode NFKC (full-width digits and punctuation become ASCII), Traditional
    to Simplified, and no whitespace at all: the PDF-extracted texts put spaces
    inside words and numbers.
    """
    text = unicodedata.normalize("NFKC", text)
    return _WS.sub("", to_simplified(text))
