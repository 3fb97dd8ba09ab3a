"""The curated data itself: the descriptor, the codebook, and facts about the corpus."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

from conftest import DATA

DESCRIPTOR = yaml.safe_load((DATA / "datapackage.yaml").read_text(encoding="utf-8"))
HEADLINE = ["nursing_bed_share", "meal_service", "caregiver_certification"]


def test_descriptor_is_a_valid_frictionless_package():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DATA / "datapackage.yaml"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.parametrize("resource", [r["name"] for r in DESCRIPTOR["resources"]])
def test_every_described_column_is_in_the_file_and_back(resource):
    res = next(r for r in DESCRIPTOR["resources"] if r["name"] == resource)
    header = pd.read_csv(DATA / res["path"], nrows=0).columns.tolist()
    assert header == [f["name"] for f in res["schema"]["fields"]]
    assert all(f.get("description") for f in res["schema"]["fields"]), "every column needs a description"


def test_every_data_file_is_described():
    described = {r["path"] for r in DESCRIPTOR["resources"]}
    assert {p.name for p in DATA.glob("*.csv")} == described


def test_every_topic_is_used(dataset):
    """Each topic has a measure with a target, a commitment, or a national reference."""
    topic_of = dict(zip(dataset.measures["measure_id"].astype(str), dataset.measures["topic_id"].astype(str)))
    used = {topic_of[m] for m in dataset.targets["measure_id"].dropna().astype(str)}
    used |= set(dataset.commitments["topic_id"].astype(str))
    used |= {topic_of[m] for m in dataset.national_targets["measure_id"].astype(str)}
    assert set(dataset.topics["topic_id"].astype(str)) <= used


def test_every_measure_has_a_target_or_a_national_reference(dataset):
    used = set(dataset.targets["measure_id"].dropna().astype(str)) | set(dataset.national_targets["measure_id"].astype(str))
    assert set(dataset.measures["measure_id"].astype(str)) == used


def test_every_topic_has_keywords(dataset):
    with_keywords = set(dataset.topic_keywords["topic_id"].astype(str))
    assert set(dataset.topics["topic_id"].astype(str)) <= with_keywords


def test_former_indicator_ids_are_kept_as_topics_and_each_names_a_measure(dataset):
    """Splitting an indicator kept its id: on the topic, and on one of its measures."""
    former = [
        "nursing_bed_share", "inclusive_beds", "institution_rating", "service_quality_compliance", "home_visits_by_institutions",
        "meal_service", "family_care_beds", "township_service_centres", "community_service_coverage", "community_facility_standard",
        "visits_to_older_people", "home_retrofit", "dementia_care", "hospice_care", "health_management", "medical_care_integration",
        "rehabilitation_aids", "ltc_insurance", "caregiver_certification", "caregiver_training", "family_caregiver_training",
        "social_workers", "professional_staff_certification", "smart_nursing_homes", "digital_skills_training",
        "older_adult_education", "age_friendly_communities", "elder_care_advisers", "safety_net_support",
        "basic_service_coverage", "silver_economy",
    ]
    assert set(former) <= set(dataset.topics["topic_id"].astype(str))
    assert set(former) <= set(dataset.measures["measure_id"].astype(str))
    measures = dataset.measures.set_index(dataset.measures["measure_id"].astype(str))
    assert all(measures.loc[f, "topic_id"] == f for f in former)


def test_every_measure_is_described_in_both_languages(dataset):
    m = dataset.measures
    for col in ("name_zh", "name_en", "counted_zh", "counted_en", "definition_zh", "definition_en"):
        assert m[col].notna().all(), col
    shares = m["unit_id"].astype(str) == "percent"
    assert m.loc[shares, ["denominator_zh", "denominator_en"]].notna().all().all()
    assert m.loc[~shares, ["denominator_zh", "denominator_en"]].isna().all().all()
    assert (m["population_zh"].isna() == m["population_en"].isna()).all()


def test_every_unit_and_domain_is_used(dataset):
    assert set(dataset.domains["domain_id"].astype(str)) == set(dataset.topics["domain_id"].astype(str))
    used_units = set(dataset.targets["unit_id"].astype(str)) | set(dataset.measures["unit_id"].astype(str))
    assert set(dataset.units["unit_id"].astype(str)) == used_units


def test_every_jurisdiction_has_a_source(dataset):
    assert set(dataset.jurisdictions["jurisdiction_id"].astype(str)) == set(dataset.sources["jurisdiction_id"].astype(str))


def test_corpus_has_about_a_hundred_targets_from_every_document(dataset):
    per_source = dataset.targets.groupby(dataset.targets["source_id"].astype(str), observed=True).size()
    assert len(per_source) == 5
    assert per_source.min() >= 10
    assert 100 <= per_source.sum() <= 200
    assert per_source["ningbo-2021"] >= 40


def test_headline_measures_are_quantified_somewhere(dataset):
    quantified = set(dataset.targets.loc[dataset.targets["kind"] != "parameter", "measure_id"].dropna().astype(str))
    assert set(HEADLINE) <= quantified


def test_parameters_are_kept_apart_from_targets(dataset):
    params = dataset.targets[dataset.targets["kind"] == "parameter"]
    assert set(params["unit_id"].astype(str)) >= {"yuan", "years", "age_years"}
    assert not params["deadline_implied"].notna().any(), "a policy parameter has no deadline implied by the plan"
    assert (params["deadline_basis"].isin(["stated", "none"])).all()


def test_aspirational_targets_say_so_in_their_text(dataset):
    asp = dataset.targets[dataset.targets["is_aspirational"]]
    assert len(asp) > 0
    # The hedge may stand just before the quoted passage, but never is a target hedged without one in its clause.
    assert asp["source_id"].astype(str).isin(["rushan-2025", "chongqing-2022"]).all()


def test_traditional_sources_keep_traditional_quotes(dataset):
    from comparison.script import to_simplified

    trad = dataset.sources.loc[dataset.sources["script"] == "zh-Hant", "source_id"].astype(str)
    quotes = dataset.targets.loc[dataset.targets["source_id"].astype(str).isin(trad), "quote"]
    changed = sum(q != to_simplified(q) for q in quotes)
    assert changed >= 0.8 * len(quotes), "quotes from Traditional texts must stay in Traditional script"


def test_population_bases_are_declared_and_one_is_comparable(dataset):
    bases = dataset.population.groupby("basis").size()
    assert bases.get("census2020_resident", 0) >= 4
    census = dataset.population[dataset.population["basis"] == "census2020_resident"]
    assert (census["age_threshold"] == 60).all()
    assert census["source"].notna().all() and census["source_quality"].isin(["primary", "secondary"]).all()


def test_readme_counts_match_the_data(dataset):
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = dict(zip(dataset.sources["source_id"].astype(str), dataset.sources["jurisdiction_id"].astype(str)))
    jur = dataset.jurisdictions.set_index(dataset.jurisdictions["jurisdiction_id"].astype(str))
    n_t = dataset.targets.groupby(dataset.targets["source_id"].astype(str), observed=True).size()
    n_c = dataset.commitments.groupby(dataset.commitments["source_id"].astype(str), observed=True).size()
    for sid, jid in names.items():
        row = next(line for line in readme.splitlines() if line.startswith(f"| {jur.loc[jid, 'name_zh']} "))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[-2:] == [str(n_t[sid]), str(n_c[sid])], f"README table row for {sid} is out of date"


def test_no_measure_mixes_units_denominators_populations_or_levels(dataset):
    """Each measure is one quantity: its targets share its one unit, and a per-unit scope only in a measure of that level."""
    from comparison.validate import check_measures, scope_level

    assert check_measures(dataset) == []
    measures = dataset.measures.set_index(dataset.measures["measure_id"].astype(str))
    counted = dataset.targets[dataset.targets["measure_id"].notna() & (dataset.targets["kind"] != "parameter")]
    for measure, group in counted.groupby(counted["measure_id"].astype(str)):
        assert set(group["unit_id"].astype(str)) == {measures.loc[measure, "unit_id"]}, measure
        level = measures.loc[measure, "level"]
        implied = {scope_level(s) for s in group["scope_zh"]}
        if level in ("per_district", "per_county", "per_township", "per_community"):
            assert implied == {level}, measure  # every target names each unit of that level
        else:
            assert implied == {None}, measure  # no target is a figure per unit of an area
    # one denominator, population, level and period per measure: one row each, and a denominator only for a share
    assert dataset.measures["measure_id"].is_unique
    for col in ("unit_id", "level"):
        assert dataset.measures[col].notna().all()


def test_coverage_phrases_are_recorded_as_shares(dataset):
    """“Each X has (at least) one Y” is 100 % of X everywhere, never a count of 1 per unit."""
    t = dataset.targets
    per_unit = t["scope_zh"].fillna("").str.match(r"^(每个|各|所有)") & t["kind"].ne("parameter")
    ones = per_unit & t["value"].eq(1) & t["unit_id"].ne("percent")
    assert not ones.any(), t.loc[ones, "target_id"].tolist()
    for tid in ("wuhan-2024-t01", "wuhan-2024-t11", "wuhan-2024-t13", "wuhan-2024-t21", "chongqing-2022-t05", "chongqing-2022-t06", "ningbo-2021-t29"):
        row = t.set_index("target_id").loc[tid]
        assert (row["value"], row["unit_id"]) == (100, "percent"), tid
