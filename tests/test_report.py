"""The whole report: workbooks, figures, tables, every notebook executed in each site edition, the static site in a browser."""

from __future__ import annotations

import json
import re

import pytest
from site_browser import browser, watched_page

from comparison.build import notebook_paths
from comparison.site import EDITIONS
from conftest import ROOT

NOTEBOOKS = notebook_paths(ROOT / "notebooks")


def _nb(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell) -> str:
    return "".join(cell["source"])


def _tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def test_there_are_numbered_notebooks():
    assert len(NOTEBOOKS) >= 8
    assert [p.name[:2] for p in NOTEBOOKS] == [f"{i:02d}" for i in range(1, len(NOTEBOOKS) + 1)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path):
    nb = _nb(path)
    assert not any(cell.get("outputs") for cell in nb["cells"]), "clear the outputs before committing"
    assert not any(cell.get("execution_count") for cell in nb["cells"] if cell["cell_type"] == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_teaches_in_both_languages(path):
    """A heading; goals and time in Chinese and English; a parameters cell setting LANG; exercises with solutions; what we learned."""
    cells = _nb(path)["cells"]
    assert _source(cells[0]).startswith("# ")
    for lang, time_word in (("zh", "分钟"), ("en", "minutes")):
        goals = [c for c in cells if "goals" in _tags(c) and lang in _tags(c)]
        assert len(goals) == 1, f"one goals cell in {lang}"
        assert time_word in _source(goals[0]) and "- " in _source(goals[0])
        assert any(lang in _tags(c) for c in cells if c["cell_type"] == "markdown" and "goals" not in _tags(c))
    params = [c for c in cells if "parameters" in _tags(c)]
    assert len(params) == 1 and re.search(r'^LANG = "zh-Hans"', _source(params[0]), re.M)
    solutions = [c for c in cells if "solution" in _tags(c)]
    assert solutions, "every notebook has exercises with solutions"
    for c in solutions:
        if c["cell_type"] == "code":
            assert c["metadata"]["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
        else:
            assert _source(c).lstrip().startswith("<details>") and " open" not in _source(c).split(">")[0]
    assert any("What we learned" in _source(c) for c in cells[-3:]) and any("我们学到了什么" in _source(c) for c in cells[-3:])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_assumes_no_number_of_documents_and_no_filler(path):
    code = "\n".join(_source(c) for c in _nb(path)["cells"] if c["cell_type"] == "code")
    assert not re.search(r"len\((ds\.)?(sources|jurisdictions)\)\s*==\s*\d", code)
    for name in ("plt", "np", "sns"):
        if re.search(rf"^import \S+ as {name}$", code, re.M):
            assert re.search(rf"\b{name}\.", code), f"{name} is imported but not used"


def test_an_edition_keeps_its_language_and_sets_lang():
    import nbformat

    from comparison.site.notebooks import edition

    nb = nbformat.read(NOTEBOOKS[0], as_version=4)
    en = edition(nb, "en")
    assert not any("zh" in c.metadata.get("tags", []) for c in en.cells)
    assert any('LANG = "en"' in c.source for c in en.cells if "parameters" in c.metadata.get("tags", []))
    hant = edition(nb, "zh-Hant")
    assert any("學習目標" in c.source for c in hant.cells)


@pytest.mark.slow
def test_progress_names_each_step_and_counts_down(report):
    result, lines = report
    assert lines[0].startswith("[1/")
    total = int(lines[0].split("/")[1].split("]")[0])
    assert lines[-1].startswith(f"[{total}/{total}]")
    assert any("notebook 01_" in line for line in lines) and any("figure" in line for line in lines)


@pytest.mark.slow
def test_report_holds_workbooks_figures_and_tables_in_three_languages(report):
    result, _ = report
    assert sorted(p.name for p in result.workbooks) == ["comparison_en.xlsx", "comparison_zh-Hans.xlsx", "comparison_zh-Hant.xlsx"]
    pngs = [p for p in result.figures if p.suffix == ".png"]
    assert {p.parent.name for p in pngs} == {"zh-Hans", "zh-Hant", "en"}
    assert all(p.stat().st_size > 10_000 for p in pngs)
    assert {p.with_suffix(".svg").exists() for p in pngs} == {True}
    assert all(p.read_text(encoding="utf-8").strip() for p in result.tables)


@pytest.mark.slow
@pytest.mark.parametrize("lang", EDITIONS)
def test_each_edition_has_every_notebook_with_folded_solutions(report, lang):
    result, _ = report
    for path in NOTEBOOKS:
        page = result.out_dir / "site" / lang / f"{path.stem}.html"
        markup = page.read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in markup
        assert "Traceback" not in markup
        assert re.search(r"<details( class=\"solution\")?>", markup), f"{page.name}: no exercise solution"
        assert not re.search(r"<details[^>]*\sopen", markup), f"{page.name}: a solution is open"
        assert not re.search(r"<td[^>]*>[^<]*\\n", markup), f"{page.name}: a table cell shows a literal \\n"
        other = "学习目标" if lang == "en" else "Learning goals"
        assert other not in markup, f"{page.name} mixes the editions"


@pytest.mark.slow
def test_site_pages_reference_nothing_on_the_network(report):
    # Checked on the HTML itself so that it holds even where no browser is installed.
    result, _ = report
    pages = sorted((result.out_dir / "site").rglob("*.html"))
    assert len(pages) >= len(EDITIONS) * (len(NOTEBOOKS) + 2) + 1
    asset = re.compile(r"<(?:script|img|iframe)[^>]+src=[\"']https?:|<link[^>]+href=[\"']https?:|import\s*\(?\s*[\"']https?:|from\s+[\"']https?:")
    for page in pages:
        found = asset.search(page.read_text(encoding="utf-8"))
        assert found is None, f"{page.name} loads an asset from the network: {found.group(0) if found else ''}"


@pytest.mark.slow
def test_site_loads_in_headless_chromium_without_broken_images_errors_or_network(report):
    """Every page of the site loads in headless Chromium, all images decode, no console error, nothing fetched from the network."""
    result, _ = report
    site = result.out_dir / "site"
    pages = sorted(site.rglob("*.html"))
    with browser() as b:
        for page_path in pages:
            page, watch = watched_page(b)
            page.goto(page_path.as_uri(), wait_until="load")
            broken = page.evaluate(
                "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 80))"
            )
            lang = page.evaluate("document.documentElement.lang")
            page.close()
            watch.assert_clean(str(page_path.relative_to(site)))
            assert not broken, f"{page_path.name} has broken images: {broken[:3]}"
            assert lang in (*EDITIONS, "zh-Hant"), f"{page_path.name} declares no language"


def test_build_command_rejects_an_unwritable_folder(cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = cli("build", "--out", str(blocker / "sub"), "--no-notebooks")
    assert result.returncode == 1
    assert "cannot write to the output folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_command_rejects_a_missing_sources_folder(cli, tmp_path):
    result = cli("build", "--out", str(tmp_path / "out"), "--no-notebooks", "--sources", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "source texts" in result.stderr and "Traceback" not in result.stderr


def test_the_kernel_draws_inline_without_changing_this_process_environment(monkeypatch):
    import os

    import nbformat

    from comparison.build import INLINE_BACKEND, execute_notebook

    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import os; print(os.environ.get('MPLBACKEND'))")])
    out = execute_notebook(nb, ROOT)
    assert out.cells[0].outputs[0]["text"].strip() == INLINE_BACKEND
    assert "MPLBACKEND" not in os.environ
