"""Reading the numbers that Chinese policy texts state.

Handles Arabic digits (also full-width ones, and with the spaces a PDF
extraction leaves inside them), decimal points, the multipliers 万 and 亿
(``2.4万`` is 24000), Chinese numerals (``两``, ``十五``, ``一百二十``,
``一万二千``, ``萬`` alone is 10000) with decimals written with 点 (``零点一``
is 0.1), ``百分之五十`` (50 %), ``千分之二`` (2 ‰) and ``万分之五`` (5 ‱).

All functions work on text in any script: they normalise it first with
:func:`comparison.script.match_key`-like rules (NFKC, Traditional to
Simplified), without removing whitespace between words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from comparison.script import to_simplified

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_SEPARATORS = re.compile(r"[ \t,]")
# A Chinese numeral, maybe with decimals after 点 (零点一, 二点五): digits only after the point.
_CN_NUMBER = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"

# An Arabic number: digits with optional thousands separators and decimals;
# spaces may stand between digits (PDF extraction), never across a line.
_ARABIC = r"\d(?:[ \t]?\d)*(?:,\d{3})*(?:[ \t]?\.[ \t]?\d+)?"
_NUMBER_RE = re.compile(
    rf"(?=[\d{_CN_CHARS}])"  # what every number starts with: saves trying each branch at every position
    rf"(?:(?P<pct_cn>百分之(?P<pct_body>{_ARABIC}|{_CN_NUMBER}))"
    rf"|(?P<pml_cn>千分之(?P<pml_body>{_ARABIC}|{_CN_NUMBER}))"
    rf"|(?P<pmy_cn>万分之(?P<pmy_body>{_ARABIC}|{_CN_NUMBER}))"
    rf"|(?P<arabic>{_ARABIC})(?:[ \t]?(?P<mult>[万亿]))?(?P<pct>[ \t]?%)?"
    rf"|(?P<cn>{_CN_NUMBER}))"
)

#: Words that state full coverage: a target of 100 %.
COVERAGE_WORDS = ("全覆盖", "所有", "均", "全面", "全部", "全量", "全体", "人人", "各", "每个", "每一", "都")
#: Idioms of the form 应A尽A (应保尽保, 应养尽养, 愿改尽改, 能治尽治): everyone eligible or willing is covered;
#: and a principle “一X一Y” in quotation marks or a list (一镇街一中心、一村社一站点): one Y in every X.
_COVERAGE_IDIOM = re.compile(
    r"[应愿能](\w)尽\1|愿(\w)全\2|(?<=[“\"'「、])一\w{1,3}一\w{1,3}(?=[”\"'」、])"
    # a set named by a cut-off, all of which are to complete something: 排名前10的…网站…完成…改造
    r"|排名前\d+(?:名|位)?的[^，。；,;]{1,40}完成"
)


@dataclass(frozen=True)
class NumberMatch:
    """A number found in a text.

    ``value`` is the number in its own terms (``60%`` gives 60, ``2.4万`` gives
    24000, ``千分之二`` gives 2, ``万分之五`` gives 5); ``kind`` is ``"percent"``,
    ``"permille"``, ``"permyriad"`` or ``"plain"``; ``start`` and ``end`` index the normalised text; ``text`` is
    the matched characters.
    """

    value: float
    kind: str
    start: int
    end: int
    text: str


def normalise(text: str) -> str:
    """NFKC (full-width digits and signs to ASCII) and Traditional to Simplified."""
    return to_simplified(unicodedata.normalize("NFKC", text))


def parse_chinese_numeral(text: str) -> float | None:
    """The value of a Chinese numeral such as ``二十``, ``一百二十``, ``两``, ``三万``.

    Returns ``None`` for a string that is not a well-formed numeral. A bare
    ``十`` is 10, a bare ``万`` is 10000. Digit strings such as ``二〇二五`` read
    digit by digit (2025). Decimals follow 点: ``零点一`` is 0.1, ``二点五`` 2.5.
    """
    whole, point, decimals = text.partition("点")
    if point:
        if not decimals or any(ch not in _DIGITS or ch == "两" for ch in decimals):
            return None
        value = parse_chinese_numeral(whole)
        return None if value is None else float(Decimal(f"{int(value)}.{''.join(str(_DIGITS[ch]) for ch in decimals)}"))
    if not text or any(ch not in _CN_CHARS for ch in text):
        return None
    if len(text) > 1 and all(ch in _DIGITS for ch in text):
        # 二〇二五: digit by digit. A run like 一一 is not a numeral people write otherwise.
        return float("".join(str(_DIGITS[ch]) for ch in text))
    total = 0  # whole 亿 groups
    block = 0  # whole 万 groups since the last 亿
    section = 0  # below 万
    digit: int | None = None
    for ch in text:
        if ch in _DIGITS:
            if digit:  # two non-zero digits in a row without a unit: not a numeral (零 only holds a place)
                return None
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch == "万":
            block += ((section + (digit or 0)) or 1) * _BIG_UNITS[ch]
            section, digit = 0, None
        else:  # 亿: 一亿五千万 is 100000000 + 50000000
            total += ((block + section + (digit or 0)) or 1) * _BIG_UNITS[ch]
            block, section, digit = 0, 0, None
    return float(total + block + section + (digit or 0))


def _arabic_value(raw: str) -> float:
    """The value of Arabic digits, without the spaces and thousands separators between them."""
    return float(raw if raw.isdigit() else _SEPARATORS.sub("", raw))


def find_numbers(text: str, *, normalised: bool = False) -> list[NumberMatch]:
    """Every number stated in ``text``, in order of appearance.

    Pass ``normalised=True`` when ``text`` already went through :func:`normalise`
    (as in batch processing), to skip that step.
    """
    norm = text if normalised else normalise(text)
    found: list[NumberMatch] = []
    for m in _NUMBER_RE.finditer(norm):
        if m.group("pct_cn") or m.group("pml_cn") or m.group("pmy_cn"):
            body = m.group("pct_body") or m.group("pml_body") or m.group("pmy_body")
            value = _arabic_value(body) if body[0].isdigit() else parse_chinese_numeral(body)
            if value is None:
                continue
            kind = "percent" if m.group("pct_cn") else "permille" if m.group("pml_cn") else "permyriad"
        elif m.group("arabic"):
            value = _arabic_value(m.group("arabic"))
            if m.group("mult"):
                value *= _BIG_UNITS[m.group("mult")]
            kind = "percent" if m.group("pct") else "plain"
        else:
            value = parse_chinese_numeral(m.group("cn"))
            if value is None:
                continue
            kind = "plain"
        found.append(NumberMatch(_tidy(value), kind, m.start(), m.end(), m.group(0)))
    return found


def _tidy(value: float) -> float:
    """Remove binary noise from products such as 2.4 * 10000."""
    return float(round(value, 6))


#: What one unit of a per-mille or per-ten-thousand number is in percent (千分之二 is 0.2 %).
PERCENT_PER = {"permille": 0.1, "permyriad": 0.01}


def numbers_in(text: str, *, normalised: bool = False) -> set[float]:
    """The set of values stated in ``text`` (see :func:`find_numbers`)."""
    return {n.value for n in find_numbers(text, normalised=normalised)}


def percents_in(text: str, *, normalised: bool = False) -> set[float]:
    """The per-mille and per-ten-thousand values of ``text`` in percent (千分之二 gives 0.2, 万分之五 0.05)."""
    return {
        _tidy(n.value * PERCENT_PER[n.kind]) for n in find_numbers(text, normalised=normalised) if n.kind in PERCENT_PER
    }


def states_coverage(text: str, *, normalised: bool = False) -> bool:
    """True when ``text`` states full coverage in words (全覆盖, 所有, 均, 各…)."""
    norm = text if normalised else normalise(text)
    return any(word in norm for word in COVERAGE_WORDS) or bool(_COVERAGE_IDIOM.search(norm))


def quote_states_value(quote: str, value: float, unit_id: str, *, normalised: bool = False) -> bool:
    """Whether ``quote`` states ``value`` (in ``unit_id``).

    True when the value is among the numbers of the quote, or when the value
    is 100 percent and the quote states full coverage in words, or when a
    percentage is a per-mille or per-ten-thousand number of the quote
    (千分之二 states 0.2 percent).
    """
    target = _tidy(float(value))
    if target in numbers_in(quote, normalised=normalised):
        return True
    if unit_id == "percent" and target in percents_in(quote, normalised=normalised):
        return True
    return unit_id == "percent" and target == 100.0 and states_coverage(quote, normalised=normalised)


def normalise_many(texts: list[str]) -> list[str]:
    """:func:`normalise` for many short texts at once (one OpenCC call).

    Line breaks inside a text become spaces, which matching ignores anyway.
    """
    if not texts:
        return []
    joined = "\n".join(t.replace("\r", " ").replace("\n", " ") for t in texts)
    return normalise(joined).split("\n")
