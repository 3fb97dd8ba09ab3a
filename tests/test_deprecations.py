"""Former names (the topics were called indicators until data version 0.2.0): each still works and warns until 0.3.0.

Every warning names the new name and the release that removes the old one,
and points at the line that used the old name (not at the package). The
project itself uses none of them: pyproject.toml turns these warnings into
errors, so a use anywhere in the tests fails.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from readback import workbook_cells

from comparison import align, charts, selection
from comparison.deprecation import REMOVED_IN, renamed_note
from comparison.errors import SelectionError
from comparison.excel import write_workbook

TOPICS = ["老年助餐服务", "nursing_bed_share"]


def former(call, new: str):
    """``call()`` under a former name: it must warn once, name ``new`` and 0.3.0, and point at this file."""
    with pytest.warns(DeprecationWarning, match=rf"will be removed in {re.escape(REMOVED_IN)}: use {re.escape(new)}") as record:
        result = call()
    ours = [w for w in record if REMOVED_IN in str(w.message)]
    assert len(ours) == 1, [str(w.message) for w in ours]
    assert Path(ours[0].filename) == Path(__file__), ours[0].filename
    return result


def test_the_note_names_the_new_name_and_the_release():
    assert renamed_note("--indicators", "--topics") == "--indicators is deprecated and will be removed in 0.3.0: use --topics"


def test_dataset_indicators_and_indicator_order(dataset):
    frame = former(lambda: dataset.indicators, "Dataset.topics")
    assert list(frame["indicator_id"].astype(str)) == list(dataset.topics["topic_id"].astype(str))
    assert {"unit_id", "comparability_zh", "comparability_en"} <= set(frame.columns)
    assert former(lambda: dataset.indicator_order, "Dataset.topic_order") == dataset.topic_order


def test_resolve_indicators(dataset):
    expected = selection.resolve_topics(dataset, TOPICS)
    assert former(lambda: selection.resolve_indicators(dataset, TOPICS), "resolve_topics()") == expected
    assert former(lambda: align.resolve_indicators(dataset, TOPICS), "resolve_topics()") == expected
    assert former(lambda: selection.resolve(dataset, "indicator", TOPICS), "resolve(ds, 'topic', ...)") == expected


def test_indicator_names(dataset):
    assert former(lambda: align.indicator_names(dataset, "en"), "topic_names()").equals(align.topic_names(dataset, "en"))


def test_select_with_indicators(dataset):
    assert former(lambda: selection.select(dataset, indicators=TOPICS), "topics=") == selection.select(dataset, topics=TOPICS)


def test_align_functions_with_indicators(dataset):
    long = align.targets_long(dataset, "en")
    by_topic = align.filter_targets(dataset, long, topics=TOPICS)
    assert former(lambda: align.filter_targets(dataset, long, indicators=TOPICS), "topics=").equals(by_topic)
    matrix = align.coverage_matrix(dataset, "en", topics=TOPICS)
    assert former(lambda: align.coverage_matrix(dataset, "en", indicators=TOPICS), "topics=").equals(matrix)
    table = align.comparison_table(dataset, "en", topics=TOPICS, long=long)
    assert former(lambda: align.comparison_table(dataset, "en", indicators=TOPICS, long=long), "topics=").equals(table)


def test_write_workbook_with_indicators(dataset, tmp_path):
    new = write_workbook(dataset, tmp_path / "topics.xlsx", lang="en", topics=TOPICS)
    old = former(lambda: write_workbook(dataset, tmp_path / "indicators.xlsx", lang="en", indicators=TOPICS), "topics=")
    assert workbook_cells(old) == workbook_cells(new)  # the bytes differ by the zip entries' times


def test_plot_indicator_targets(dataset):
    ax = former(lambda: charts.plot_indicator_targets(dataset, indicator="nursing_bed_share", lang="en"), "plot_measure_targets(measure=...)")
    expected = charts.plot_measure_targets(dataset, measure="nursing_bed_share", lang="en")
    assert ax.get_title() == expected.get_title()
    assert [t.get_text() for t in ax.get_yticklabels()] == [t.get_text() for t in expected.get_yticklabels()]


@pytest.mark.parametrize(
    "call",
    [
        lambda ds: selection.select(ds, topics=TOPICS, indicators=TOPICS),
        lambda ds: align.coverage_matrix(ds, "en", topics=TOPICS, indicators=TOPICS),
        lambda ds: align.comparison_table(ds, "en", topics=TOPICS, indicators=TOPICS),
    ],
    ids=["select", "coverage_matrix", "comparison_table"],
)
def test_a_name_and_its_former_name_together_are_refused(dataset, call):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # refused before any warning
        with pytest.raises(SelectionError, match="give topics or indicators"):
            call(dataset)


# --------------------------------------------------------------------------- the command line
def test_export_indicators_still_works_and_says_to_use_topics(cli, tmp_path):
    out = tmp_path / "former.xlsx"
    done = cli("export", "--lang", "en", "--indicators", "nursing_bed_share", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["export: --indicators is deprecated and will be removed in 0.3.0: use --topics"]
    assert f"Wrote {out}" in done.stdout and "in the selected cities and topics" in done.stdout
    assert out.is_file()


def test_export_topics_prints_no_note(cli, tmp_path):
    done = cli("export", "--lang", "en", "--topics", "nursing_bed_share", "-o", str(tmp_path / "topics.xlsx"))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_export_indicators_with_domain_is_refused(cli, tmp_path):
    done = cli("export", "--indicators", "meal_service", "--domain", "workforce", "-o", str(tmp_path / "x.xlsx"))
    assert done.returncode == 2
    assert "not allowed with" in done.stderr and "Traceback" not in done.stderr
