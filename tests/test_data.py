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


def test_every_indicator_is_used(dataset):
    used = set(dataset.targets["indicator_id"].dropna().astype(str)) | set(dataset.commitments["indicator_id"].astype(str))
    assert set(dataset.indicators["indicator_id"].astype(str)) <= used


def test_every_indicator_has_keywords(dataset):
    with_keywords = set(dataset.indicator_keywords["indicator_id"].astype(str))
    assert set(dataset.indicators["indicator_id"].astype(str)) <= with_keywords


def test_every_unit_and_domain_is_used(dataset):
    assert set(dataset.domains["domain_id"].astype(str)) == set(dataset.indicators["domain_id"].astype(str))
    used_units = set(dataset.targets["unit_id"].astype(str)) | set(dataset.indicators["unit_id"].dropna().astype(str))
    assert set(dataset.units["unit_id"].astype(str)) == used_units


def test_every_jurisdiction_has_a_source(dataset):
    assert set(dataset.jurisdictions["jurisdiction_id"].astype(str)) == set(dataset.sources["jurisdiction_id"].astype(str))


def test_corpus_has_about_a_hundred_targets_from_every_document(dataset):
    per_source = dataset.targets.groupby(dataset.targets["source_id"].astype(str), observed=True).size()
    assert len(per_source) == 5
    assert per_source.min() >= 10
    assert 100 <= per_source.sum() <= 200
    assert per_source["ningbo-2021"] >= 40


def test_headline_indicators_are_quantified_somewhere(dataset):
    quantified = set(dataset.targets.loc[dataset.targets["kind"] != "parameter", "indicator_id"].dropna().astype(str))
    assert set(HEADLINE) <= quantified


def test_parameters_are_kept_apart_from_targets(dataset):
    params = dataset.targets[dataset.targets["kind"] == "parameter"]
    assert set(params["unit_id"].astype(str)) >= {"yuan", "years", "age_years"}
    assert not params["deadline_year"].notna().any(), "a policy parameter has no deadline"


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
    assert bases.get("census2020_resident", 0) >= 2


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
