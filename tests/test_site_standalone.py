"""The site stands alone: copied elsewhere on its own, every link and image of every page resolves inside it."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key) is not None and tag in {"a", "img", "link", "script", "iframe", "source"}:
                self.links.append(a[key])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """Every link or image source of the site's pages that does not resolve to a file (and, with a fragment, an element) inside ``site``."""
    parsed = {p.resolve(): _parse(p) for p in site.rglob("*.html")}
    root = site.resolve()
    broken = []
    for page, links in parsed.items():
        for link in links.links:
            parts = urlsplit(link)
            if parts.scheme in {"data", "mailto", "javascript"}:
                continue
            if parts.scheme or parts.netloc:
                broken.append(f"{page.relative_to(root)}: {link} leaves the site")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if root not in target.parents and target != root:
                broken.append(f"{page.relative_to(root)}: {link} points outside the site")
            elif not target.is_file():
                broken.append(f"{page.relative_to(root)}: {link} does not exist")
            elif parts.fragment and target.suffix == ".html" and not {parts.fragment, unquote(parts.fragment)} & parsed[target].ids:
                broken.append(f"{page.relative_to(root)}: {link} names no element of {target.name}")
    return broken


def test_the_link_checker_sees_a_broken_link(tmp_path):
    (tmp_path / "a.html").write_text('<a href="b.html#x">b</a><a href="../out.html">o</a><img src="missing.png"><a href="#here">h</a><p id="here">', encoding="utf-8")
    (tmp_path / "b.html").write_text('<p id="y">', encoding="utf-8")
    found = broken_links(tmp_path)
    assert len(found) == 3, found


def test_quick_site_copied_alone_has_no_broken_link(quick_site, tmp_path):
    site, _ = quick_site
    copy = tmp_path / "elsewhere" / "site"
    shutil.copytree(site, copy)
    assert broken_links(copy) == []
    for explorer in copy.glob("*/explorer.html"):
        # The explorer's data links values to passages: each must name an element of a page of the copy.
        urls = set(re.findall(r'"url":"([^"]+)"', explorer.read_text(encoding="utf-8")))
        assert urls
        for url in urls:
            page, fragment = url.split("#")
            assert f'id="{fragment}"' in (explorer.parent / page).read_text(encoding="utf-8"), url


@pytest.mark.slow
def test_whole_site_copied_alone_has_no_broken_link(report, tmp_path):
    result, _ = report
    copy = tmp_path / "zipped-and-unzipped"
    shutil.copytree(result.out_dir / "site", copy)
    assert broken_links(copy) == []
    assert list(copy.glob("downloads/*.xlsx")), "the workbooks are inside the site"
    assert list(copy.glob("figures/*/*.png")), "the figures are inside the site"


@pytest.mark.slow
def test_every_target_in_the_workbooks_links_to_its_passage(report, tmp_path):
    """The targets sheet links each target to its highlighted passage: from build/ into site/, and from the site's copy."""
    from openpyxl import load_workbook

    result, _ = report
    copy = tmp_path / "site-alone"
    shutil.copytree(result.out_dir / "site", copy)
    books = [*result.out_dir.glob("comparison_*.xlsx"), *copy.glob("downloads/comparison_*.xlsx")]
    assert len(books) >= 4
    for book in books:
        wb = load_workbook(book)
        ws = wb.worksheets[4]  # the targets sheet
        header = [c.value for c in ws[2]]
        column = header.index("passage") + 1
        ids = [ws.cell(row=r, column=header.index("target_id") + 1).value for r in range(3, ws.max_row + 1)]
        for row, target_id in enumerate(ids, start=3):
            link = ws.cell(row=row, column=column).hyperlink
            assert link is not None and link.target.endswith(f"#{target_id}"), (book.name, target_id)
            page = (book.parent / link.target.split("#")[0]).resolve()
            if book.is_relative_to(result.out_dir) and not book.is_relative_to(result.out_dir / "site"):
                assert page.is_relative_to((result.out_dir / "site").resolve())
            else:
                assert page.is_relative_to(copy.resolve()), "the site's copy links inside the site"
            assert page.is_file() and f'id="{target_id}"' in page.read_text(encoding="utf-8"), (book.name, target_id)
