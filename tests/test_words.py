"""The words of the interface: one place, three languages, and Taiwan phrasing checked against a glossary."""

from __future__ import annotations

import re

import pytest

from comparison import words
from comparison.script import taiwan_glossary, to_traditional


def reference_taiwan(text: str) -> str:
    """``text`` in Traditional characters with exactly the glossary's Taiwan forms: what Taiwan phrasing must give."""
    forms = {to_traditional(row["simplified"]): row["taiwan"] for row in taiwan_glossary()}
    pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
    return pattern.sub(lambda m: forms[m.group()], to_traditional(text))


@pytest.mark.parametrize(
    ("simplified", "taiwan"),
    [("多项目标", "多項目標"), ("政策参数", "政策參數"), ("发布机关", "發布機關"), ("政策文件", "政策文件"), ("数据版本", "資料版本")],
)
def test_known_wrong_segmentations_are_corrected(simplified, taiwan):
    assert to_traditional(simplified, taiwan=True) == taiwan


def test_every_interface_text_converts_to_approved_taiwan_forms():
    wrong = {s: to_traditional(s, taiwan=True) for s in words.simplified_texts() if to_traditional(s, taiwan=True) != reference_taiwan(s)}
    assert not wrong


def test_data_texts_convert_to_approved_taiwan_forms(dataset):
    top, mea, t = dataset.topics, dataset.measures, dataset.targets
    names = [
        *top["name_zh"], *top["definition_zh"].dropna(), *mea["name_zh"], *mea["definition_zh"].dropna(), *mea["counted_zh"].dropna(),
        *mea["denominator_zh"].dropna(), *mea["population_zh"].dropna(), *dataset.domains["name_zh"], *dataset.units["name_zh"],
        *dataset.jurisdictions["name_zh"], *t["measure_zh"], *t["scope_zh"].dropna(),
    ]
    wrong = {s: to_traditional(s, taiwan=True) for s in names if to_traditional(s, taiwan=True) != reference_taiwan(s)}
    assert not wrong


def test_the_glossary_is_well_formed():
    rows = taiwan_glossary()
    assert rows and all(r["rule"] in {"fixed", "phrasing"} and r["simplified"] and r["taiwan"] and r["note"] for r in rows)
    assert len({r["simplified"] for r in rows}) == len(rows)
    # a fixed word differs from plain Traditional conversion at most in the variant chosen; a phrasing entry really changes wording
    assert all(to_traditional(r["simplified"]) != r["taiwan"] for r in rows if r["rule"] == "phrasing")


def test_every_word_table_has_both_languages():
    for name, table in words.ALL_TABLES.items():
        for key, pair in table.items():
            assert len(pair) == 2 and all(isinstance(t, str) and t.strip() for t in pair), (name, key)


def test_singular_units_name_units_of_the_data(dataset):
    assert set(words.SINGULAR_EN) <= set(dataset.units["symbol_en"].astype(str))


@pytest.mark.parametrize(
    ("value", "symbol", "expected"),
    [(1, "items", "1 item (by 2025)"), (2, "items", "2 items (by 2025)"), (1, "m²", "1 m² (by 2025)"), (1, "%", "1% (by 2025)")],
)
def test_a_target_of_one_takes_the_singular_in_english(value, symbol, expected):
    from comparison.labels import format_target

    assert format_target(operator="=", value=value, unit_symbol=symbol, deadline_year=2025, lang="en") == expected
    assert format_target(operator="=", value=value, unit_symbol="个", deadline_year=2025, lang="zh-Hans") == f"{value}个（2025年）"
