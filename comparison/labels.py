"""Words of the output in three languages: choosing and formatting them.

The words themselves are in :mod:`comparison.words` (re-exported here): each
written once in Simplified Chinese and once in English; the Traditional form
is derived with OpenCC (``s2tw``, or ``s2twp`` with the Taiwan glossary for
Taiwan phrasing). Names that come from the data (jurisdictions, topics,
measures, domains, units) are taken from the data's ``*_zh`` and ``*_en``
columns the same way.
"""

from __future__ import annotations

import math

from comparison.script import LANGS, to_traditional
from comparison.words import (  # noqa: F401  (re-exported: the package's word tables)
    ASPIRATIONAL,
    ATTRIBUTE,
    COLUMNS,
    DEADLINE_BASIS,
    KIND,
    LANG_NAMES,
    PER_1000_HOW,
    POPULATION_BASIS,
    SCRIPT,
    SINGULAR_EN,
    SOURCE_QUALITY,
    STATUS,
)


class UnknownLanguage(ValueError):
    pass


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of :data:`comparison.script.LANGS`, else raise with the choices."""
    if lang not in LANGS:
        raise UnknownLanguage(f"unknown language '{lang}': choose one of {', '.join(LANGS)}")
    return lang


def pick(zh: str, en: str, lang: str, *, taiwan: bool = False) -> str:
    """The Simplified text ``zh`` or the English ``en``, as ``lang`` asks."""
    if lang == "en":
        return en
    if lang == "zh-Hant":
        return to_traditional(zh, taiwan=taiwan)
    return zh


def column_label(column: str, lang: str) -> str:
    """The label of a column name in ``lang`` (the name itself when it has none)."""
    if column not in COLUMNS:
        return column
    zh, en = COLUMNS[column]
    return pick(zh, en, lang)


def vocab(table: dict[str, tuple[str, str]], key: str, lang: str, *, taiwan: bool = False) -> str:
    """The label of a controlled-vocabulary ``key`` (e.g. ``STATUS``) in ``lang``."""
    if key not in table:
        return key
    return pick(*table[key], lang, taiwan=taiwan)


def format_number(value: float, lang: str) -> str:
    """A number as stated, without rounding: 60 → '60', 0.2 → '0.2', 24000 → '24000' (zh) / '24,000' (en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}" if lang == "en" else str(int(value))
    return repr(float(value))


def format_target(
    *,
    operator: str,
    value: float,
    unit_symbol: str,
    deadline_year=None,
    scope: str = "",
    is_aspirational: bool = False,
    lang: str,
) -> str:
    """One target as a short cell text.

    ``≥60%（2025年）`` in Chinese and ``≥60% (by 2025)`` in English; ``=`` is not
    written (a bare figure); a scope is put in front (``农村：≥60%``) and an
    aspirational target is marked (力争 / aim).
    """
    op = "" if operator == "=" else operator
    number = format_number(value, lang)
    if unit_symbol in ("%",):
        amount = f"{op}{number}%"
    elif lang == "en":
        amount = f"{op}{number} {SINGULAR_EN.get(unit_symbol, unit_symbol) if value == 1 else unit_symbol}"
    else:
        amount = f"{op}{number}{unit_symbol}"
    text = amount
    if scope:
        text = f"{scope}: {text}" if lang == "en" else f"{scope}：{text}"
    if deadline_year is not None and not _missing(deadline_year):
        text += f" (by {int(deadline_year)})" if lang == "en" else f"（{int(deadline_year)}年）"
    if is_aspirational:
        marker = pick(*ASPIRATIONAL, lang)
        text += f" ({marker})" if lang == "en" else f"（{marker}）"
    return text


def _missing(value) -> bool:
    try:
        return value is None or bool(value != value)  # NaN and pd.NA
    except TypeError:
        return True
