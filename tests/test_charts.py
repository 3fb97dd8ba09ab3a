"""Charts: drawn without missing glyphs in every language, with the right artists, saved deterministically.

Tests inspect the drawn artists (cells, bars, lines, texts) rather than
comparing images. Figures are closed by the autouse fixture in conftest.py.
"""

from __future__ import annotations

import functools
import warnings

import matplotlib as mpl
import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import pytest
from matplotlib.collections import QuadMesh
from matplotlib.colors import to_hex
from matplotlib.text import Text

from comparison import charts, fonts
from comparison.align import coverage_long, domain_names, jurisdiction_names, per_1000_table, shared_measures, targets_long, topic_names

LANGS = ["zh-Hans", "zh-Hant", "en"]

#: Every kind of chart of the report, by name, as render_all draws it (one measure chart stands for all of them).
CHART_NAMES = [*charts.CHARTS, "measure_nursing_bed_share"]


def plot_of(name: str):
    """The plot function render_all uses for the chart ``name``."""
    if name in charts.CHARTS:
        return charts.CHARTS[name]
    return functools.partial(charts.plot_measure_targets, measure=name.removeprefix("measure_"))


def draw(ax):
    """Draw the figure of ``ax``; any warning (e.g. 'Glyph … missing from font') fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.figure.canvas.draw()
    return ax


def all_texts(ax) -> list[str]:
    """Every text on the figure of ``ax``: titles, labels, tick labels, annotations, legends."""
    return [t.get_text() for t in ax.figure.findobj(Text) if t.get_text()]


def bar_colours_by_label(ax) -> dict[str, str]:
    """Container label (a city name) → the face colour of its bars."""
    return {c.get_label(): to_hex(c.patches[0].get_facecolor()) for c in ax.containers if c.patches}


@pytest.fixture(params=LANGS)
def lang(request):
    return request.param


# --------------------------------------------------------------------------- fonts
def test_setup_fonts_returns_a_simplified_chinese_family():
    assert fonts.setup_fonts() == "Noto Sans CJK SC"


def test_setup_fonts_sets_latin_then_cjk_fallback():
    family = fonts.setup_fonts()
    assert plt.rcParams["font.family"] == ["DejaVu Sans", family]
    assert plt.rcParams["axes.unicode_minus"] is False


def test_setup_fonts_uses_only_the_noto_file_of_mplfonts():
    assert fonts._mplfonts_file().name == "NotoSansCJKsc-Regular.otf"


def test_setup_fonts_says_what_to_install_when_no_font_is_found(monkeypatch):
    monkeypatch.setattr(fonts, "_system_has", lambda family: False)
    monkeypatch.setattr(fonts, "_mplfonts_file", lambda: None)
    fonts._register_cjk_font.cache_clear()
    try:
        with pytest.raises(fonts.ChineseFontNotFound, match="mplfonts.*fonts-noto-cjk"):
            fonts.setup_fonts()
    finally:
        fonts._register_cjk_font.cache_clear()


def test_charts_keep_chinese_after_a_seaborn_theme(dataset, lang):
    import seaborn as sns

    with mpl.rc_context():
        sns.set_theme()  # resets font.family to plain sans-serif
        draw(charts.plot_coverage(dataset, lang=lang))


@pytest.mark.parametrize("name", CHART_NAMES)
def test_chart_on_axes_made_under_a_seaborn_theme_draws_chinese(dataset, name):
    import seaborn as sns

    with mpl.rc_context():
        sns.set_theme()
        _, ax = plt.subplots()  # its title, labels and ticks get the theme's fonts
        draw(plot_of(name)(dataset, lang="zh-Hant", ax=ax))


def test_rc_params_work_with_seaborn_set_theme():
    import seaborn as sns

    with mpl.rc_context():
        sns.set_theme(rc=fonts.rc_params())
        assert plt.rcParams["font.family"] == ["DejaVu Sans", fonts.setup_fonts()]


def test_missing_glyphs_are_caught_by_draw():
    with mpl.rc_context({"font.family": ["DejaVu Sans"]}):
        fig, ax = plt.subplots()
        ax.set_title("养老服务")
        with pytest.raises(UserWarning, match="missing from font"):
            draw(ax)


# --------------------------------------------------------------------------- every chart
@pytest.mark.parametrize("name", CHART_NAMES)
def test_chart_draws_without_missing_glyphs(dataset, lang, name):
    draw(plot_of(name)(dataset, lang=lang))


@pytest.mark.parametrize("name", CHART_NAMES)
def test_chart_has_title_axis_labels_and_source_line(dataset, lang, name):
    ax = draw(plot_of(name)(dataset, lang=lang))
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    (source,) = [t for t in ax.texts if t.get_gid() == "source-line"]
    assert "data/sources.csv" in source.get_text()
    assert dataset.version in source.get_text()


@pytest.mark.parametrize("name", CHART_NAMES)
def test_chart_draws_on_a_given_axes(dataset, name):
    fig, given = plt.subplots()
    assert plot_of(name)(dataset, ax=given) is given
    assert fig.axes == [given]


def test_source_line_names_the_cities_in_the_language(dataset, lang):
    text = charts.source_line(dataset, lang)
    assert all(name in text for name in jurisdiction_names(dataset, lang))


@pytest.mark.parametrize("name", CHART_NAMES)
def test_english_chart_has_no_chinese_text(dataset, name):
    ax = draw(plot_of(name)(dataset, lang="en"))
    assert not any("\u4e00" <= ch <= "\u9fff" for text in all_texts(ax) for ch in text)


def test_plot_rejects_a_dataframe_with_a_helpful_message(dataset):
    with pytest.raises(TypeError, match="load_dataset"):
        charts.plot_coverage(dataset.targets)


def test_plot_rejects_an_unknown_language(dataset):
    with pytest.raises(ValueError, match="zh-Hans"):
        charts.plot_coverage(dataset, lang="fr")


# --------------------------------------------------------------------------- (a) coverage
def test_coverage_has_one_cell_per_topic_and_city(dataset):
    ax = charts.plot_coverage(dataset)
    (mesh,) = [c for c in ax.collections if isinstance(c, QuadMesh)]
    assert mesh.get_array().size == len(dataset.topic_order) * len(dataset.jurisdiction_order)


def test_coverage_tick_labels_are_in_the_language(dataset, lang):
    ax = draw(charts.plot_coverage(dataset, lang=lang))
    assert [t.get_text() for t in ax.get_xticklabels()] == list(jurisdiction_names(dataset, lang))
    assert [t.get_text() for t in ax.get_yticklabels()] == list(topic_names(dataset, lang))


def test_coverage_cell_colours_follow_status(dataset):
    ax = charts.plot_coverage(dataset)
    (mesh,) = [c for c in ax.collections if isinstance(c, QuadMesh)]
    codes = mesh.get_array().reshape(len(dataset.topic_order), len(dataset.jurisdiction_order))
    cov = coverage_long(dataset)
    expected = cov.loc[cov["topic_id"] == "nursing_bed_share", "status"].tolist()
    row = codes[dataset.topic_order.index("nursing_bed_share")]
    assert [list(charts.STATUS_COLOURS)[int(code)] for code in row] == expected


def test_coverage_legend_names_every_status(dataset, lang):
    ax = charts.plot_coverage(dataset, lang=lang)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(labels) == 3
    assert labels[1:] == [charts.vocab(charts.STATUS, s, lang) for s in ("qualitative", "not_mentioned")]


def test_coverage_counts_targets_in_quantified_cells(dataset):
    ax = charts.plot_coverage(dataset)
    cov = coverage_long(dataset)
    numbers = sorted(int(t.get_text()) for t in ax.texts if t.get_text().isdigit())
    assert numbers == sorted(cov.loc[cov["status"] == "quantified", "n_targets"])


def test_coverage_names_every_domain(dataset, lang):
    ax = charts.plot_coverage(dataset, lang=lang)
    texts = " ".join(t.get_text().replace("\n", " ") for t in ax.texts)
    assert all(name in texts for name in domain_names(dataset, lang))


# --------------------------------------------------------------------------- (b) one measure
def test_nursing_beds_has_one_bar_per_quantified_city(dataset, lang):
    ax = draw(charts.plot_measure_targets(dataset, measure="nursing_bed_share", lang=lang))
    names = jurisdiction_names(dataset, lang)
    assert sorted(c.get_label() for c in ax.containers) == sorted(names[["ningbo", "changle", "chongqing"]])
    assert sorted(c.patches[0].get_width() for c in ax.containers) == [60, 60, 60]


def test_nursing_beds_has_the_national_reference_line(dataset, lang):
    ax = charts.plot_measure_targets(dataset, measure="nursing_bed_share", lang=lang)
    (line,) = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert set(line.get_xdata()) == {55}
    assert "55%" in line.get_label()


def test_nursing_beds_labels_gaps_instead_of_zero_bars(dataset, lang):
    ax = charts.plot_measure_targets(dataset, measure="nursing_bed_share", lang=lang)
    texts = [t.get_text() for t in ax.texts]
    assert charts.vocab(charts.TEXT, "gap_qualitative", lang) in texts  # Rushan
    assert charts.vocab(charts.TEXT, "gap_not_mentioned", lang) in texts  # Wuhan


def test_nursing_beds_labels_show_operator_and_deadline(dataset):
    ax = charts.plot_measure_targets(dataset, measure="nursing_bed_share", lang="en")
    texts = [t.get_text() for t in ax.texts]
    assert "60% (by 2023)" in texts  # Ningbo: a bare figure (=)
    assert texts.count("≥60% (by 2025)") == 2  # Changle and Chongqing: at least


def test_every_shared_measure_can_be_drawn_with_only_its_own_targets(dataset):
    long = targets_long(dataset, "en")
    for measure in charts.shared_measures(dataset):
        ax = draw(charts.plot_measure_targets(dataset, measure=measure, lang="en"))
        own = long[(long["measure_id"].astype("string") == measure) & (long["restates"] == "") & (long["kind"] != "parameter")]
        assert sorted(c.patches[0].get_width() for c in ax.containers) == sorted(own["value"])
        plt.close(ax.figure)


def test_a_measure_in_counts_has_its_unit_on_the_axis_and_marks_hedging(dataset):
    ax = draw(charts.plot_measure_targets(dataset, measure="family_care_beds", lang="en"))
    assert ax.get_xlabel() == "Target (beds)"
    texts = [t.get_text() for t in ax.texts]
    assert "5,000 beds (by 2025) (aim)" + charts.DIFFERS_MARK in texts  # Chongqing hedges with 力争
    assert "≥1,500 beds (by 2023)" in texts  # Ningbo does not


def test_a_difference_in_population_group_is_marked_and_noted(dataset):
    ax = draw(charts.plot_measure_targets(dataset, measure="health_management", lang="en"))
    texts = [t.get_text().replace("\n", " ") for t in ax.texts]
    assert "65% (by 2025)" + charts.DIFFERS_MARK in texts
    assert any("people aged 65 and over" in t and t.startswith(charts.DIFFERS_MARK) for t in texts)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert "Wuhan\npeople aged 65 and over" in ticks


def test_a_deadline_implied_by_the_plan_is_said_to_be_one(dataset):
    ax = charts.plot_measure_targets(dataset, measure="age_friendly_communities", lang="en")
    assert "30 items (plan ends 2023)" in [t.get_text() for t in ax.texts]


def test_measure_accepts_a_chinese_name(dataset):
    ax = charts.plot_measure_targets(dataset, measure="养老机构护理型床位占比")
    assert len(ax.containers) == 3


def test_measure_without_targets_is_refused(dataset):
    with pytest.raises(ValueError, match="nursing_bed_share"):
        charts.plot_measure_targets(dataset, measure="care_beds_total")


# --------------------------------------------------------------------------- (c) deadlines
def test_deadlines_has_one_period_band_per_document(dataset, lang):
    ax = draw(charts.plot_deadlines(dataset, lang=lang))
    assert len(ax.containers) == len(dataset.sources)


def test_deadlines_draws_open_ended_periods_dashed(dataset):
    ax = charts.plot_deadlines(dataset, lang="en")
    dashed = {c.get_label() for c in ax.containers if c.patches[0].get_linestyle() == "--"}
    assert dashed == {"Rushan"}  # its document states no end year


def test_deadlines_counts_targets_due_each_year(dataset):
    ax = charts.plot_deadlines(dataset, lang="en")
    circles = sorted(int(t.get_text()) for t in ax.texts if t.get_text().isdigit())
    counted = dataset.targets[(dataset.targets["kind"] != "parameter") & dataset.targets["restates"].isna()]
    stated = counted.groupby(["source_id", "deadline_stated"], observed=True).size()
    implied = counted.groupby(["source_id", "deadline_implied"], observed=True).size()
    assert circles == sorted([*stated, *implied])


def test_deadlines_draw_implied_years_as_hollow_circles(dataset):
    ax = charts.plot_deadlines(dataset, lang="en")
    hollow = [c for c in ax.collections if len(c.get_offsets()) and (c.get_facecolor()[:, :3] == 1).all()]
    years = sorted(int(x) for c in hollow for x, _ in c.get_offsets())
    counted = dataset.targets[(dataset.targets["kind"] != "parameter") & dataset.targets["restates"].isna()]
    expected = counted.groupby(["source_id", "deadline_implied"], observed=True).size().reset_index()["deadline_implied"]
    assert years == sorted(int(y) for y in expected)


def test_deadlines_notes_targets_without_a_deadline(dataset):
    ax = charts.plot_deadlines(dataset, lang="en")
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert "Rushan\n+5 without a deadline" in ticks  # no year stated and no end of period to imply one
    assert "Ningbo" in ticks  # every Ningbo target without a year falls due at the end of its plan


# --------------------------------------------------------------------------- (d) per 1000
def test_per_1000_shows_only_comparable_figures(dataset, lang):
    ax = draw(charts.plot_per_1000(dataset, lang=lang))
    table = per_1000_table(dataset, lang)
    expected = sorted(table["per_1000_older_people"].dropna())
    assert sorted(p.get_width() for c in ax.containers for p in c.patches) == pytest.approx(expected)


def test_per_1000_gives_the_reason_for_each_missing_city(dataset, lang):
    ax = draw(charts.plot_per_1000(dataset, lang=lang))
    text = "\n".join(t.get_text() for t in ax.texts)
    joined = _unwrapped(text, lang)
    table = per_1000_table(dataset, lang)
    for reason in table.loc[table["per_1000_older_people"].isna(), "reason"].unique():
        assert _unwrapped(reason, lang) in joined
    names = jurisdiction_names(dataset, lang)
    assert all(names[j] in text for j in ("rushan", "ningbo", "changle", "wuhan"))


def test_per_1000_explains_a_city_without_a_comparable_figure(dataset):
    ax = charts.plot_per_1000(dataset, lang="en")
    text = _unwrapped("\n".join(t.get_text() for t in ax.texts), "en")
    assert "• Rushan (3 count targets): no comparable figure: the cited older population is on another basis" in text


def _unwrapped(text: str, lang: str) -> str:
    """``text`` with its line breaks (and the indent after them) undone, as it reads before wrapping."""
    return " ".join(text.split()) if lang == "en" else "".join(text.split())


def test_per_1000_labels_no_positive_figure_as_zero(dataset):
    ax = charts.plot_per_1000(dataset, lang="en")
    widths = [p.get_width() for c in ax.containers for p in c.patches]
    labels = [t.get_text() for t in ax.texts if t.get_text()[:1].isdigit()]  # the bar labels: "0.88 beds"
    assert len(labels) == len(widths)
    for width, label in zip(sorted(widths), sorted(labels, key=lambda t: float(t.split()[0]))):
        assert float(label.split()[0]) == pytest.approx(width, rel=0.05, abs=0.005)
        assert width == 0 or float(label.split()[0]) > 0, label


def test_per_1000_marks_ratios_stated_by_the_document(dataset):
    ax = charts.plot_per_1000(dataset, lang="en")
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert any(t.startswith("Changle") and t.endswith("(ratio stated in the document)") for t in ticks)


# --------------------------------------------------------------------------- (e) domains
def test_domain_profile_counts_every_non_parameter_target(dataset):
    ax = charts.plot_domain_profile(dataset, lang="en")
    total = sum(p.get_width() for c in ax.containers for p in c.patches)
    assert total == (dataset.targets["kind"] != "parameter").sum()


def test_domain_profile_labels_every_bar_with_its_count_zeros_included(dataset):
    ax = charts.plot_domain_profile(dataset, lang="en")
    widths = [int(p.get_width()) for c in ax.containers for p in c.patches]
    labels = [t.get_text() for t in ax.texts if t.get_text() != charts.source_line(dataset, "en")]
    assert sorted(labels) == sorted(str(w) for w in widths)  # a 0 too: an empty slot would look like missing data


def test_domain_profile_lists_domains_in_order(dataset, lang):
    ax = charts.plot_domain_profile(dataset, lang=lang)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == [*domain_names(dataset, lang), charts.vocab(charts.TEXT, "no_measure", lang)]


@pytest.mark.parametrize("chart", ["coverage", "deadlines", "per_1000", "domain_profile", "measure_targets"])
def test_every_chart_fits_inside_its_figure(dataset, lang, chart):
    """Nothing is cut off at the figure's edge: title, notes, labels and the source line all fit."""
    plot = getattr(charts, f"plot_{chart}")
    measures = shared_measures(dataset) if chart == "measure_targets" else [None]
    for measure in measures:
        ax = draw(plot(dataset, lang=lang, **({"measure": measure} if measure else {})))
        fig = ax.figure
        drawn = fig.get_tightbbox(fig.canvas.get_renderer())
        width, height = fig.get_size_inches()
        assert drawn.x0 >= -0.01 and drawn.y0 >= -0.01 and drawn.x1 <= width + 0.01 and drawn.y1 <= height + 0.01, (chart, measure, drawn.extents)
        plt.close(fig)


# --------------------------------------------------------------------------- colours
def test_city_palette_is_colour_blind_safe_and_distinct(dataset):
    palette = charts.city_palette(dataset)
    assert list(palette) == dataset.jurisdiction_order
    assert len(set(palette.values())) == len(palette)
    assert set(palette.values()) <= set(charts.OKABE_ITO)


@pytest.mark.parametrize("name", ["nursing_bed_share", "deadlines", "domain_profile"])
def test_city_colours_are_the_same_in_every_chart(dataset, name):
    ax = plot_of(name)(dataset, lang="en")
    names = jurisdiction_names(dataset, "en")
    expected = {names[j]: colour.lower() for j, colour in charts.city_palette(dataset).items()}
    drawn = bar_colours_by_label(ax)
    assert drawn and all(drawn[city] == expected[city] for city in drawn)


def test_per_1000_bars_use_city_colours(dataset):
    ax = charts.plot_per_1000(dataset, lang="en")
    palette = charts.city_palette(dataset)
    shown = per_1000_table(dataset, "en").dropna(subset=["per_1000_older_people"])["jurisdiction_id"].astype(str)
    assert {to_hex(p.get_facecolor()) for c in ax.containers for p in c.patches} == {palette[j].lower() for j in shown}
    assert len(set(shown)) >= 4


# --------------------------------------------------------------------------- saving
def test_save_figure_writes_non_empty_png_and_svg(dataset, tmp_path):
    paths = charts.save_figure(charts.plot_coverage(dataset).figure, tmp_path / "coverage")
    assert [p.name for p in paths] == ["coverage.png", "coverage.svg"]
    assert all(p.stat().st_size > 1000 for p in paths)


@pytest.mark.parametrize("name", CHART_NAMES)
def test_save_figure_twice_gives_identical_bytes(dataset, tmp_path, name):
    fig = plot_of(name)(dataset, lang="zh-Hant").figure
    first = [p.read_bytes() for p in charts.save_figure(fig, tmp_path / "a")]
    fig.canvas.draw()  # as a notebook would, between two saves
    second = [p.read_bytes() for p in charts.save_figure(fig, tmp_path / "b")]
    assert first == second


def test_same_chart_drawn_again_saves_identical_bytes(dataset, tmp_path):
    first = charts.save_figure(charts.plot_coverage(dataset, lang="en").figure, tmp_path / "a")
    second = charts.save_figure(charts.plot_coverage(dataset, lang="en").figure, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_save_figure_keeps_the_layout_engine(dataset, tmp_path):
    fig = charts.plot_coverage(dataset).figure
    engine = fig.get_layout_engine()
    charts.save_figure(fig, tmp_path / "coverage")
    assert fig.get_layout_engine() is engine


def test_saved_png_has_drawn_content(dataset, tmp_path):
    png, _ = charts.save_figure(charts.plot_measure_targets(dataset).figure, tmp_path / "beds")
    pixels = mpimg.imread(png)
    assert pixels.std() > 0.05


def test_save_figure_refuses_a_suffix(dataset, tmp_path):
    with pytest.raises(ValueError, match="without a suffix"):
        charts.save_figure(charts.plot_coverage(dataset).figure, tmp_path / "coverage.png")


def test_render_all_saves_every_chart_and_reports_progress(dataset, tmp_path, capsys):
    seen = []
    paths = charts.render_all(dataset, tmp_path, lang="en", progress=seen.append)
    expected = [*charts.CHARTS, *(f"measure_{m}" for m in charts.shared_measures(dataset))]
    assert seen == expected and "measure_nursing_bed_share" in seen
    assert sorted(p.name for p in paths) == sorted(f"{n}_en.{ext}" for n in expected for ext in ("png", "svg"))
    assert capsys.readouterr() == ("", "")
    assert plt.get_fignums() == []
