"""Building the whole site folder (see :mod:`comparison.site`)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from comparison.site import EDITIONS
from comparison.site.explorer import write_explorer
from comparison.site.index import write_edition_index, write_root_index
from comparison.site.layout import other_edition
from comparison.site.notebooks import course_info, edition, fold_solutions, nav_bar, notebook_html
from comparison.site.sources import SourcePage, write_source_pages


@dataclass
class SiteResult:
    """What the site build wrote: every page, the annotated sources per edition, the copied downloads and figures."""

    pages: list[Path] = field(default_factory=list)
    sources: dict[str, list[SourcePage]] = field(default_factory=dict)
    downloads: list[Path] = field(default_factory=list)
    figures: list[Path] = field(default_factory=list)


def site_editions(langs: tuple[str, ...]) -> tuple[str, ...]:
    """The site editions for the output languages ``langs``: the default editions among them, else the first language."""
    chosen = tuple(e for e in EDITIONS if e in langs)
    return chosen or tuple(langs[:1])


def site_steps(editions: tuple[str, ...], n_notebooks: int) -> int:
    """How many progress steps :func:`build_site` reports."""
    return len(editions) * (n_notebooks + 3) + 1


def _copy(paths: list[Path], out_dir: Path, root: Path) -> list[Path]:
    """``paths`` (all under ``root``) copied into ``out_dir`` keeping their place below ``root``."""
    copied = []
    for p in paths:
        target = out_dir / p.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, target)
        copied.append(target)
    return copied


def build_site(
    ds,
    site: Path,
    *,
    editions: tuple[str, ...],
    notebooks: list[Path],
    texts: dict[str, str],
    report_dir: Path,
    workbooks: list[Path],
    tables: list[Path],
    figures: list[Path],
    execute: Callable,
    step: Callable[[str], None],
    jobs: int = 2,
    write_download: Callable[[Path, Path], Path] | None = None,
) -> SiteResult:
    """Write the site into ``site``: per edition its notebooks, annotated sources, explorer and index; then the root index.

    ``workbooks``, ``tables`` and ``figures`` (files of ``report_dir``) are
    copied into ``site/downloads/`` and ``site/figures/`` so that the folder
    stands alone; ``write_download(source, destination)``, when given, writes
    each workbook's copy instead (so that its links to the passages start from
    ``downloads/``). ``execute(nb, cwd)`` runs a notebook node and returns it
    executed; ``step(message)`` reports progress.
    """
    import nbformat

    result = SiteResult()
    if site.exists():
        for sub in (*editions, "downloads", "figures"):
            if (site / sub).is_dir() and not (site / sub).is_symlink():
                shutil.rmtree(site / sub)
    site.mkdir(parents=True, exist_ok=True)
    if write_download is not None:
        (site / "downloads").mkdir(parents=True, exist_ok=True)
        books = [write_download(p, site / "downloads" / p.relative_to(report_dir)) for p in workbooks]
    else:
        books = _copy(workbooks, site / "downloads", report_dir)
    result.downloads = books + _copy(tables, site / "downloads", report_dir)
    result.figures = _copy(figures, site, report_dir)
    nodes = [nbformat.read(p, as_version=4) for p in notebooks]
    for lang in editions:
        other = other_edition(lang, editions)
        ed_dir = site / lang
        ed_dir.mkdir(parents=True, exist_ok=True)
        course = [course_info(nb, p.stem, lang) for nb, p in zip(nodes, notebooks)]
        pages = [(f"{c.stem}.html", c.title) for c in course]

        def run(i: int, lang=lang, other=other, ed_dir=ed_dir, course=course, pages=pages) -> Path:
            executed = execute(edition(nodes[i], lang), notebooks[i].parent)
            alternate = f"../{other}/{pages[i][0]}" if other else None
            markup = notebook_html(fold_solutions(executed, lang), title=course[i].title, lang=lang, nav=nav_bar(pages, i, lang, alternate))
            path = ed_dir / pages[i][0]
            path.write_text(markup, encoding="utf-8")
            step(f"notebook {notebooks[i].name} ({lang})")
            return path

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            result.pages += list(pool.map(run, range(len(notebooks))))
        sources = write_source_pages(ds, ed_dir, texts, lang=lang, other=other)
        result.sources[lang] = sources
        result.pages += [s.path for s in sources]
        step(f"annotated sources ({lang}): {len(sources)} page(s)")
        result.pages.append(write_explorer(ds, ed_dir, lang=lang, linked_sources={s.source_id for s in sources}, other=other))
        step(f"explorer ({lang})")
        titles_by_source = _source_titles(ds, lang)
        lang_figures = [f for f in result.figures if f.parent.name == lang]
        lang_downloads = [d for d in result.downloads if lang in d.stem or d.suffix == ".xlsx"]
        result.pages.append(
            write_edition_index(
                ed_dir, lang=lang, version=ds.version, course=course, sources=sources, source_titles=titles_by_source,
                downloads=lang_downloads, figures=lang_figures, other=other,
            )
        )
        step(f"index ({lang})")
    result.pages.append(write_root_index(site, editions, ds.version))
    step("site index.html")
    return result


def _source_titles(ds, lang: str) -> dict[str, str]:
    from comparison.script import to_script

    src = ds.sources
    if lang == "en":
        return dict(zip(src["source_id"].astype(str), src["title_en"].astype(str)))
    return dict(zip(src["source_id"].astype(str), [to_script(t, lang) for t in src["title_zh"].astype(str)]))
