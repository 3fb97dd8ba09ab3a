"""The whole report: workbooks, figures, tables, every notebook executed, the static site in a browser."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from comparison.build import build_report, notebook_paths
from conftest import ROOT

NOTEBOOKS = notebook_paths(ROOT / "notebooks")


@pytest.fixture(scope="session")
def report(tmp_path_factory):
    """The report, built once for the session (executes every notebook)."""
    out = tmp_path_factory.mktemp("report")
    lines: list[str] = []
    result = build_report(out, printer=lines.append)
    return result, lines


def test_there_are_numbered_notebooks():
    assert len(NOTEBOOKS) >= 7
    assert [p.name[:2] for p in NOTEBOOKS] == [f"{i:02d}" for i in range(1, len(NOTEBOOKS) + 1)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert not any(cell.get("outputs") for cell in nb["cells"]), "clear the outputs before committing"
    assert not any(cell.get("execution_count") for cell in nb["cells"] if cell["cell_type"] == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_opens_with_a_question_and_ends_with_what_we_learned(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    first, last = "".join(nb["cells"][0]["source"]), "".join(nb["cells"][-1]["source"])
    assert first.startswith("# ")
    assert "What we learned" in last or "我们学到了什么" in last


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executed_into_a_page_with_figures(report, path):
    result, _ = report
    page = result.out_dir / "site" / f"{path.stem}.html"
    html = page.read_text(encoding="utf-8")
    assert "Traceback" not in html
    assert "data:image/png;base64" in html, "every notebook shows at least one figure"


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
def test_site_pages_reference_nothing_on_the_network(report):
    # Checked on the HTML itself so that it holds even where no browser is installed.
    result, _ = report
    pages = sorted((result.out_dir / "site").glob("*.html"))
    assert len(pages) == len(NOTEBOOKS) + 1
    asset = re.compile(r"<(?:script|img|iframe)[^>]+src=[\"']https?:|<link[^>]+href=[\"']https?:|import\s*\(?\s*[\"']https?:|from\s+[\"']https?:")
    for page in pages:
        found = asset.search(page.read_text(encoding="utf-8"))
        assert found is None, f"{page.name} loads an asset from the network: {found.group(0) if found else ''}"


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    return None


@pytest.mark.slow
def test_site_loads_in_headless_chromium_without_broken_images_or_network(report):
    """Every page of the site loads in Debian's headless Chromium, all images decode, nothing is fetched from the network."""
    browser_path = _chromium()
    if browser_path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing under CI (tools/ensure-chromium installs it)")
        pytest.skip("chromium is not installed (as root: apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    result, _ = report
    site = result.out_dir / "site"
    pages = sorted(site.glob("*.html"))
    assert (site / "index.html") in pages
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=browser_path,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        try:
            for page_path in pages:
                page = browser.new_page()
                remote, failed = [], []
                page.on("request", lambda req: remote.append(req.url) if req.url.startswith(("http:", "https:")) else None)
                page.on("requestfailed", lambda req: failed.append(req.url))
                page.goto(page_path.as_uri(), wait_until="load")
                broken = page.evaluate(
                    "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 80))"
                )
                n_images = page.evaluate("document.images.length")
                page.close()
                assert not remote, f"{page_path.name} fetched from the network: {remote[:3]}"
                assert not failed, f"{page_path.name} failed to load: {failed[:3]}"
                assert not broken, f"{page_path.name} has broken images: {broken[:3]}"
                assert n_images > 0, f"{page_path.name} shows no image"
        finally:
            browser.close()


def test_build_command_rejects_an_unwritable_folder(cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = cli("build", "--out", str(blocker / "sub"), "--no-notebooks")
    assert result.returncode == 1
    assert "cannot write to the output folder" in result.stderr
    assert "Traceback" not in result.stderr
