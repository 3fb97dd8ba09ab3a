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
    assert "養老" in row["description"] and row["measure"] == "家庭養老床位數"
    assert row["quote"] == dataset.targets.set_index("target_id").loc["ningbo-2021-t05", "quote"]


def test_bare_figures_have_no_operator_and_aspirations_are_marked(dataset):
    long = align.targets_long(dataset, "en").set_index("target_id")
    assert long.loc["ningbo-2021-t17", "target"] == "60% (by 2023)"
    assert long.loc["chongqing-2022-t08", "target"].endswith("(aim)")


def test_long_table_puts_ids_beside_labels(dataset):
    long = align.targets_long(dataset, "en").set_index("target_id")
    row = long.loc["chongqing-2022-t09"]
    assert (row["topic_id"], row["measure_id"], row["domain_id"]) == ("nursing_bed_share", "nursing_bed_share", "institutional_care")
    assert row["measure"] == "Nursing-type bed share of institutional beds"
    none = long.loc["rushan-2025-t01"]
    assert pd.isna(none["measure_id"]) and none["measure"] == "" and none["topic"] == ""


def test_deadlines_stated_and_implied_are_told_apart(dataset):
    long = align.targets_long(dataset, "en").set_index("target_id")
    stated, implied = long.loc["ningbo-2021-t17"], long.loc["ningbo-2021-t13"]
    assert (stated["deadline_basis"], stated["deadline_stated"], stated["deadline_year"]) == ("stated", 2023, 2023)
    assert implied["deadline_basis"] == "plan_end" and pd.isna(implied["deadline_stated"]) and implied["deadline_implied"] == 2023
    assert implied["target"] == "30 items (plan ends 2023)"
    zh = align.targets_long(dataset, "zh-Hans").set_index("target_id")
    assert zh.loc["ningbo-2021-t13", "target"] == "30个（规划期末2023年）"


# --------------------------------------------------------------------------- coverage
def test_coverage_separates_qualitative_from_not_mentioned(dataset):
    cov = align.coverage_long(dataset).set_index(["topic_id", "jurisdiction_id"])["status"]
    assert cov[("nursing_bed_share", "rushan")] == "qualitative"
    assert cov[("nursing_bed_share", "wuhan")] == "not_mentioned"
    assert cov[("nursing_bed_share", "ningbo")] == "quantified"


def test_coverage_grid_is_complete(dataset):
    cov = align.coverage_long(dataset)
    assert len(cov) == len(dataset.topics) * len(dataset.jurisdictions)


def test_parameters_and_restatements_do_not_count(dataset):
    cov = align.coverage_long(dataset).set_index(["topic_id", "jurisdiction_id"])
    # Changle's 65-year age threshold (a parameter) is not what makes health management quantified there:
    # its yearly free check-up (a standard) is.
    assert cov.loc[("health_management", "changle"), "n_targets"] == 1
    # Changle's body text repeats two rows of its indicator table: two targets, not four.
    assert cov.loc[("safety_net_support", "changle"), "n_targets"] == 2
    assert cov.loc[("safety_net_support", "changle"), "n_measures"] == 2


# --------------------------------------------------------------------------- comparison table
def test_comparison_has_one_row_per_measure_with_ids(dataset):
    table = align.comparison_table(dataset, "en")
    assert table["measure_id"].is_unique
    assert {"topic_id", "measure_id", "National reference", "differences"} <= set(table.columns)
    counted = dataset.targets[(dataset.targets["kind"] != "parameter") & dataset.targets["restates"].isna()]
    assert set(table["measure_id"]) == set(counted["measure_id"].dropna().astype(str)) | set(dataset.national_targets["measure_id"].astype(str))


def test_shared_measures_lead_the_comparison(dataset):
    table = align.comparison_table(dataset, "en")
    shared = align.shared_measures(dataset)
    assert len(shared) >= 2
    assert list(table["measure_id"][: len(shared)]) == shared
    assert (table["n_places"][: len(shared)] >= 2).all() and (table["n_places"][len(shared):] < 2).all()
    assert list(align.comparison_table(dataset, "en", shared_only=True)["measure_id"]) == shared


@pytest.mark.parametrize("lang", LANGS)
def test_headline_measures_side_by_side_for_all_cities(dataset, lang):
    table = align.comparison_table(dataset, lang, measures=HEADLINE)
    assert list(table["measure_id"]) == HEADLINE
    names = align.jurisdiction_names(dataset, lang)
    assert [names[c] for c in CITIES] == [c for c in table.columns if c in set(names)]
    assert table[[names[c] for c in CITIES]].notna().all().all()


def test_comparison_cells_distinguish_numbers_words_and_silence(dataset):
    table = align.comparison_table(dataset, "en", measures=["nursing_bed_share"])
    row = table.iloc[0]
    assert row["Ningbo"] == "60% (by 2023)"
    assert row["Rushan"] == "qualitative only"
    assert row["Wuhan"] == "not mentioned"
    assert row["National reference"] == "55% (by 2025)"
    # A city with targets of other measures of the topic says so rather than 'not mentioned'.
    meals = align.comparison_table(dataset, "en", measures=["meal_canteens_standardised"]).iloc[0]
    assert meals["Ningbo"] == "≥200 facilities (by 2023)" and meals["Wuhan"] == "other measures of the topic"


def test_a_cell_holds_only_targets_of_its_measure(dataset):
    long = align.targets_long(dataset, "en")
    table = align.comparison_table(dataset, "en", long=long)
    names = align.jurisdiction_names(dataset, "en")
    counted = set(dataset.targets.loc[(dataset.targets["kind"] != "parameter") & dataset.targets["restates"].isna(), "target_id"])
    for row in table.itertuples(index=False):
        for jid, name in names.items():
            own = long[(long["measure_id"].astype("string") == row.measure_id) & (long["jurisdiction_id"].astype(str) == jid) & long["target_id"].isin(counted)]
            cell = getattr(row, name)
            if len(own):
                assert cell.replace(align.DIFFERS_MARK, "").split("\n") == own["target"].tolist()


def test_differences_in_scope_and_hedging_are_marked(dataset):
    table = align.comparison_table(dataset, "en").set_index("measure_id")
    health = table.loc["health_management"]
    assert health["Wuhan"].endswith(align.DIFFERS_MARK) and health["Ningbo"].endswith(align.DIFFERS_MARK)
    assert "scope or population group differs" in health["differences"] and "people aged 65 and over" in health["differences"]
    beds = table.loc["family_care_beds"]
    assert beds["Chongqing"].endswith(align.DIFFERS_MARK) and not beds["Ningbo"].endswith(align.DIFFERS_MARK)
    assert beds["differences"] == "hedged with 力争/争取: Chongqing"
    assert table.loc["nursing_bed_share", "differences"] == ""


def test_every_national_reference_sits_beside_its_measure(dataset):
    for lang in LANGS:
        table = align.comparison_table(dataset, lang).set_index("measure_id")
        column = align._label("national_reference", lang)
        refs = align.national_reference(dataset, lang)
        for measure in dataset.national_targets["measure_id"].astype(str):
            assert table.loc[measure, column] == refs[measure] != ""


def test_topic_listing_puts_every_target_under_its_topic(dataset):
    listing = align.topic_listing(dataset, "en")
    assert len(listing) == len(dataset.targets)
    with_topic = listing[listing["topic_id"].notna()]
    codes = with_topic["topic_id"].cat.codes
    assert codes.is_monotonic_increasing
    assert listing["topic_id"].isna().sum() == dataset.targets["measure_id"].isna().sum()
    assert listing["topic_id"].iloc[-1] is pd.NA or pd.isna(listing["topic_id"].iloc[-1])


# --------------------------------------------------------------------------- like with like, on a small made-up corpus
def _tiny_dataset(targets: list[dict]):
    """A two-city data set built from inline frames: one topic with a share and a count of beds."""
    from pathlib import Path

    from comparison.dataset import Dataset, _categorise

    def frame(rows=None, *, columns=None):
        return pd.DataFrame(rows, columns=columns)

    units = frame([
        {"unit_id": "percent", "name_zh": "百分比", "name_en": "percent", "symbol_zh": "%", "symbol_en": "%", "is_absolute_count": False},
        {"unit_id": "beds", "name_zh": "床位数", "name_en": "beds", "symbol_zh": "张", "symbol_en": "beds", "is_absolute_count": True},
    ])
    measure = {"counted_zh": "床位", "counted_en": "beds", "population_zh": None, "population_en": None, "level": "jurisdiction", "period": None,
               "definition_zh": "定义", "definition_en": "definition", "notes": None}
    ds = Dataset(
        data_dir=Path("."), version="test",
        units=units,
        domains=frame([{"domain_id": "care", "order": 1, "name_zh": "照护", "name_en": "Care", "description_en": None}]),
        jurisdictions=frame([
            {"jurisdiction_id": j, "order": k, "name_zh": zh, "name_en": en, "province_zh": "省", "province_en": "P", "admin_level": "county"}
            for k, (j, zh, en) in enumerate([("a", "甲县", "A"), ("b", "乙县", "B")], 1)
        ]),
        topics=frame([{"topic_id": "beds", "domain_id": "care", "order": 1, "name_zh": "床位", "name_en": "Beds", "definition_zh": "床位", "definition_en": "Beds"}]),
        measures=frame([
            {"measure_id": "bed_share", "topic_id": "beds", "order": 1, "name_zh": "护理型床位占比", "name_en": "Nursing bed share", "unit_id": "percent",
             "denominator_zh": "床位总数", "denominator_en": "all beds", **measure},
            {"measure_id": "bed_count", "topic_id": "beds", "order": 2, "name_zh": "新增床位数", "name_en": "New beds", "unit_id": "beds",
             "denominator_zh": None, "denominator_en": None, **measure},
        ]),
        topic_keywords=frame([{"topic_id": "beds", "keyword": "床位", "weight": 5}]),
        sources=frame([
            {"source_id": f"{j}-2021", "jurisdiction_id": j, "title_zh": "规划", "title_en": "Plan", "document_number": None, "issuer_zh": None,
             "issuer_en": None, "issue_date": None, "in_force_date": None, "period_start_year": 2021, "period_end_year": 2025, "script": "zh-Hans",
             "text_file": f"{j}.txt", "text_sha256": "0" * 64, "notes": None}
            for j in ("a", "b")
        ]),
        targets=frame([
            {"clause": "一", "kind": "target", "measure_zh": "床位", "measure_en": "beds", "measure_word": None, "deadline_stated": 2025,
             "deadline_implied": None, "deadline_basis": "stated", "scope_zh": None, "scope_en": None, "attribute": None, "is_aspirational": False,
             "restates": None, "quote": "床位", "notes": None, **row}
            for row in targets
        ]),
        commitments=frame([], columns=["commitment_id", "source_id", "topic_id", "clause", "quote", "notes"]),
        population=frame([], columns=["jurisdiction_id", "older_population", "older_share_pct", "age_threshold", "basis", "reference_date", "source",
                                  "source_url", "source_quality", "notes"]),
        national_targets=frame([], columns=["reference_id", "measure_id", "jurisdiction_zh", "jurisdiction_en", "document_zh", "document_number", "operator",
                                        "value", "unit_id", "deadline_year", "quote", "source", "source_url", "source_quality", "notes"]),
    )
    ds.targets["deadline_stated"] = ds.targets["deadline_stated"].astype("Int64")
    ds.targets["deadline_implied"] = ds.targets["deadline_implied"].astype("Int64")
    _categorise(ds)
    return ds


def test_unlike_targets_never_share_a_cell():
    ds = _tiny_dataset([
        {"target_id": "a-2021-t01", "source_id": "a-2021", "measure_id": "bed_share", "operator": "≥", "value": 60.0, "unit_id": "percent"},
        {"target_id": "a-2021-t02", "source_id": "a-2021", "measure_id": "bed_count", "operator": "=", "value": 500.0, "unit_id": "beds"},
        {"target_id": "b-2021-t01", "source_id": "b-2021", "measure_id": "bed_count", "operator": "=", "value": 800.0, "unit_id": "beds"},
    ])
    table = align.comparison_table(ds, "en", national=False).set_index("measure_id")
    assert list(table.index) == ["bed_count", "bed_share"]  # the shared measure first
    assert table.loc["bed_share", "A"] == "≥60% (by 2025)"
    assert table.loc["bed_count", "A"] == "500 beds (by 2025)" and table.loc["bed_count", "B"] == "800 beds (by 2025)"
    assert table.loc["bed_share", "B"] == "other measures of the topic"
    for cell in table[["A", "B"]].to_numpy().ravel():
        assert not ("%" in cell and "beds" in cell), cell
    assert (table["differences"] == "").all()


def test_a_difference_in_scope_or_hedging_is_marked_and_named():
    ds = _tiny_dataset([
        {"target_id": "a-2021-t01", "source_id": "a-2021", "measure_id": "bed_share", "operator": "≥", "value": 60.0, "unit_id": "percent"},
        {"target_id": "b-2021-t01", "source_id": "b-2021", "measure_id": "bed_share", "operator": "=", "value": 55.0, "unit_id": "percent",
         "scope_zh": "65岁及以上老年人", "scope_en": "people aged 65 and over", "is_aspirational": True},
    ])
    row = align.comparison_table(ds, "en", national=False).set_index("measure_id").loc["bed_share"]
    assert row["A"] == "≥60% (by 2025)" + align.DIFFERS_MARK
    assert row["B"] == "people aged 65 and over: 55% (by 2025) (aim)" + align.DIFFERS_MARK
    assert row["differences"].split("\n") == [
        "scope or population group differs: A (whole jurisdiction, no group named); B (people aged 65 and over)",
        "hedged with 力争/争取: B",
    ]
    zh = align.comparison_table(ds, "zh-Hans", national=False).set_index("measure_id").loc["bed_share"]
    assert zh["乙县"].endswith(align.DIFFERS_MARK) and "适用范围或人群不同" in zh["differences"]


# --------------------------------------------------------------------------- filters
def test_filter_by_city_names_in_any_language(dataset):
    long = align.targets_long(dataset, "en")
    for name in ("ningbo", "宁波市", "寧波市", "Ningbo"):
        sel = align.filter_targets(dataset, long, cities=[name])
        assert set(sel["jurisdiction_id"].astype(str)) == {"ningbo"}


def test_filter_by_topic_and_measure(dataset):
    long = align.targets_long(dataset, "en")
    by_topic = align.filter_targets(dataset, long, topics=["meal_service"])
    assert set(by_topic["measure_id"].astype(str)) > {"meal_service"}
    by_measure = align.filter_targets(dataset, long, measures=["Share of communities covered by meal services for older people"])
    assert set(by_measure["measure_id"].astype(str)) == {"meal_service"}


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
    assert ningbo["older_population"] == 1702566 and ningbo["per_1000_older_people"] == pytest.approx(1500 / 1702566 * 1000)
    assert (per["population_basis"][per["older_population"].notna()] == "census2020_resident").all()
    rushan = per.loc["rushan-2025-t02"]
    assert pd.isna(rushan["per_1000_older_people"]) and "another basis (registered population, end of 2015" in rushan["reason"]


def test_per_1000_compares_at_least_four_places_on_one_basis(dataset):
    per = align.per_1000_table(dataset, "en")
    on_basis = per[per["older_population"].notna() & per["per_1000_older_people"].notna()]
    assert (on_basis["population_basis"] == align.COMPARABLE_POPULATION_BASIS).all()
    assert on_basis["jurisdiction_id"].astype(str).nunique() >= 4
    stated = per.set_index("target_id").loc["changle-2023-t06"]
    assert (stated["how"], stated["per_1000_older_people"], stated["older_population"]) == ("stated", 5.0, 134000)


def test_per_1000_never_estimates_a_missing_population(dataset):
    per = align.per_1000_table(dataset, "zh-Hans")
    rushan = per[per["jurisdiction_id"].astype(str) == "rushan"]
    assert len(rushan) > 0
    assert rushan["per_1000_older_people"].isna().all()
    assert rushan["older_population"].isna().all()
    assert rushan["reason"].str.contains("口径不同").all()


def test_per_1000_leaves_out_scoped_targets(dataset):
    per = align.per_1000_table(dataset, "en")
    scoped = set(dataset.targets.loc[dataset.targets["scope_zh"].notna(), "target_id"])
    assert not scoped & set(per["target_id"])


def test_simplified_rendering_is_simplified(dataset):
    long = align.targets_long(dataset, "zh-Hans")
    assert (long["quote_zh_hans"].map(to_simplified) == long["quote_zh_hans"]).all()
