"""Script conversion between Simplified and Traditional Chinese (OpenCC).

Conversion is lossy and is used for display and matching only, never to make
an id. Converters are cached because creating one costs tens of milliseconds.
The "tofu-risk" dictionaries, which can produce characters few fonts draw, are
turned off for all output.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Output languages: Simplified Chinese, Traditional Chinese, English.
LANGS = ("zh-Hans", "zh-Hant", "en")

_WS = re.compile(r"\s+")


@lru_cache(maxsize=None)
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
    (``s2twp``: 数据 → 資料).
    """
    if not text:
        return text
    return converter("s2twp" if taiwan else "s2tw").convert(text)


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
