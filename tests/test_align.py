"""Alignment: long table, side-by-side comparison, coverage, per-1000 view, filters, languages."""

from __future__ import annotations

import pandas as pd
import pytest

from comparison import align
from comparison.script import LANGS, to_simplified

HEADLINE = ["nursing_bed_share", "meal_service", "caregiver_certification"]
CITIES = ["rushan", "ningbo", "changle", "wuhan", "chongqing"]


# --------------------------------------------------------------------------- targets_long
def test_long_table_has_one_row_per_target(dataset):
    long = align.targets_long(dataset, "en")
    assert len(long) == len(dataset.targets)
    assert long["target_id"].is_unique


def test_long_table_keeps_quotes_verbatim_with_simplified_beside(dataset):
    long = align.targets_long(dataset, "zh-Hans").set_index("target_id")
    wuhan = long.loc["wuhan-2024-t12"]
    assert wuhan["quote"] == dataset.targets.set_index("target_id").loc["wuhan-2024-t12", "quote"]
    assert "歲" in wuhan["quote"] and "岁" in wuhan["quote_zh_hans"]


def test_long_table_lists_cities_in_display_order(dataset):
    order = align.targets_long(dataset, "en")["jurisdiction_id"].astype(str).drop_duplicates().tolist()
    assert order == CITIES


@pytest.mark.parametrize(
    ("lang", "text"),
    [("zh-Hans", "≥60%（2025年）"), ("zh-Hant", "≥60%（2025年）"), ("en", "≥60% (by 2025)")],
)
def test_target_text_in_each_language(dataset, lang, text):
    long = align.targets_long(dataset, lang).set_index("target_id")
    assert long.loc["chongqing-2022-t09", "target"] == text


def test_traditional_output_converts_labels_but_not_quotes(dataset):
    hant = align.targets_long(dataset, "zh-Hant").set_index("target_id")
    row = hant.loc["ningbo-2021-t05"]
    assert row["jurisdiction"] == "寧波市"
    assert "養老" in row["measure"]
    assert row["quote"] == dataset.targets.set_index("target_id").loc["ningbo-2021-t05", "quote"]


def test_bare_figures_have_no_operator_and_aspirations_are_marked(dataset):
    long = align.targets_long(dataset, "en").set_index("target_id")
    assert long.loc["ningbo-2021-t17", "target"] == "60% (by 2023)"
    assert long.loc["chongqing-2022-t08", "target"].endswith("(aim)")


# --------------------------------------------------------------------------- coverage
def test_coverage_separates_qualitative_from_not_mentioned(dataset):
    cov = align.coverage_long(dataset).set_index(["indicator_id", "jurisdiction_id"])["status"]
    assert cov[("nursing_bed_share", "rushan")] == "qualitative"
    assert cov[("nursing_bed_share", "wuhan")] == "not_mentioned"
    assert cov[("nursing_bed_share", "ningbo")] == "quantified"


def test_coverage_grid_is_complete(dataset):
    cov = align.coverage_long(dataset)
    assert len(cov) == len(dataset.indicators) * len(dataset.jurisdictions)


def test_parameters_do_not_count_as_quantified(dataset):
    cov = align.coverage_long(dataset).set_index(["indicator_id", "jurisdiction_id"])
    # Changle's 65-year age threshold (a parameter) is not what makes health management quantified there:
    # its yearly free check-up (a standard) is.
    assert cov.loc[("health_management", "changle"), "n_targets"] == 1


# --------------------------------------------------------------------------- comparison table
@pytest.mark.parametrize("lang", LANGS)
def test_headline_indicators_side_by_side_for_all_cities(dataset, lang):
    table = align.comparison_table(dataset, lang, indicators=HEADLINE)
    assert table.shape == (3, 6)  # five cities and the national reference
    names = align.jurisdiction_names(dataset, lang)
    assert list(table.columns[:5]) == [names[c] for c in CITIES]
    assert table.notna().all().all()


def test_comparison_cells_distinguish_numbers_words_and_silence(dataset):
    table = align.comparison_table(dataset, "en", indicators=["nursing_bed_share"])
    row = table.iloc[0]
    assert row["Ningbo"] == "60% (by 2023)"
    assert row["Rushan"] == "qualitative only"
    assert row["Wuhan"] == "not mentioned"
    assert row["National reference"] == "55% (by 2025)"


def test_several_targets_share_one_cell_each_led_by_its_measure(dataset):
    table = align.comparison_table(dataset, "zh-Hans", indicators=["meal_service", "service_quality_compliance"])
    names = align.indicator_names(dataset, "zh-Hans")
    assert table.loc[names["meal_service"], "宁波市"].split("\n") == ["标准化老年食堂数量：≥200个（2023年）", "每日享受老年助餐服务人数：≥50000人（2023年）"]
    # two rates of 100% are no longer two bare "100%" lines
    assert table.loc[names["service_quality_compliance"], "乳山市"].split("\n") == ["《养老机构服务质量基本规范》达标率：100%", "《养老机构服务安全基本规范》达标率：100%"]
    english = align.comparison_table(dataset, "en", indicators=["meal_service"])
    assert all(": " in line for line in english.iloc[0]["Ningbo"].split("\n"))


# --------------------------------------------------------------------------- filters
def test_filter_by_city_names_in_any_language(dataset):
    long = align.targets_long(dataset, "en")
    for name in ("ningbo", "宁波市", "寧波市", "Ningbo"):
        sel = align.filter_targets(dataset, long, cities=[name])
        assert set(sel["jurisdiction_id"].astype(str)) == {"ningbo"}


def test_filter_by_domain_and_deadline(dataset):
    long = align.targets_long(dataset, "en")
    sel = align.filter_targets(dataset, long, domains=["workforce"], deadline_years=[2025])
    assert len(sel) > 0
    assert set(sel["domain_id"].astype(str)) == {"workforce"}
    assert (sel["deadline_year"] == 2025).all()


def test_unknown_city_lists_choices_and_suggests(dataset):
    with pytest.raises(align.SelectionError) as err:
        align.resolve_cities(dataset, ["ningpo"])
    message = str(err.value)
    assert "did you mean 'ningbo'" in message and "chongqing" in message


# --------------------------------------------------------------------------- per 1000 older people
def test_per_1000_only_for_the_comparable_basis(dataset):
    per = align.per_1000_table(dataset, "en").set_index("target_id")
    beds = per.loc["chongqing-2022-t08"]
    assert beds["per_1000_older_people"] == pytest.approx(5000 / 7010400 * 1000)
    ningbo = per.loc["ningbo-2021-t05"]
    assert pd.isna(ningbo["per_1000_older_people"]) and "another basis (end of 2021, basis not stated" in ningbo["reason"]


def test_per_1000_never_estimates_a_missing_population(dataset):
    per = align.per_1000_table(dataset, "zh-Hans")
    rushan = per[per["jurisdiction_id"].astype(str) == "rushan"]
    assert len(rushan) > 0
    assert rushan["per_1000_older_people"].isna().all()
    assert rushan["reason"].str.contains("未找到").all()


def test_per_1000_leaves_out_scoped_targets(dataset):
    per = align.per_1000_table(dataset, "en")
    scoped = set(dataset.targets.loc[dataset.targets["scope_zh"].notna(), "target_id"])
    assert not scoped & set(per["target_id"])


def test_simplified_rendering_is_simplified(dataset):
    long = align.targets_long(dataset, "zh-Hans")
    assert (long["quote_zh_hans"].map(to_simplified) == long["quote_zh_hans"]).all()
