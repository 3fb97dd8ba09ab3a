"""``python -m comparison build``: every output of the project in one folder.

The report folder holds, for each output language:

* ``comparison_<lang>.xlsx`` — the formatted Excel workbook;
* ``figures/<lang>/*.png`` and ``*.svg`` — the charts;
* ``tables/*_<lang>.csv`` — the aligned tables as CSV (UTF-8);

and ``site/`` — every notebook executed headless and rendered to one
self-contained HTML page (images embedded, no asset from the network), with
an ``index.html`` that links them with the workbooks and figures.

Progress is printed as ``[k/N] what`` so a user sees which step runs and how
many remain.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from comparison.script import LANGS

#: Kernel backend for executed notebooks: inline figures (``Agg`` would leave the pages without images).
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
NOTEBOOK_TIMEOUT_S = 300


@dataclass
class BuildResult:
    """What a build wrote, by kind of output."""

    out_dir: Path
    workbooks: list[Path] = field(default_factory=list)
    figures: list[Path] = field(default_factory=list)
    tables: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)
    seconds: float = 0.0


class Progress:
    """Prints ``[k/N] message`` lines; ``total`` grows as steps become known."""

    def __init__(self, total: int, printer: Callable[[str], None] = print):
        self.total = total
        self.done = 0
        self.printer = printer

    def step(self, message: str) -> None:
        self.done += 1
        self.printer(f"[{self.done}/{self.total}] {message}")


# --------------------------------------------------------------------------- tables
def write_tables(ds, out_dir: Path, lang: str) -> list[Path]:
    """The aligned tables of :mod:`comparison.align` as CSV files in ``out_dir``."""
    from comparison import align

    out_dir.mkdir(parents=True, exist_ok=True)
    frames = {
        f"targets_long_{lang}.csv": align.targets_long(ds, lang),
        f"comparison_{lang}.csv": align.comparison_table(ds, lang).reset_index(),
        f"coverage_{lang}.csv": align.coverage_matrix(ds, lang).reset_index(),
        f"per_1000_older_people_{lang}.csv": align.per_1000_table(ds, lang),
    }
    paths = []
    for name, frame in frames.items():
        path = out_dir / name
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- notebooks
def notebook_paths(notebooks_dir: Path) -> list[Path]:
    """The numbered notebooks, in order (``01_…ipynb``, ``02_…``)."""
    return sorted(p for p in notebooks_dir.glob("[0-9][0-9]_*.ipynb"))


def execute_notebook(path: Path):
    """Run a notebook top to bottom in a fresh kernel of this Python; returns the executed node."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    old = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = INLINE_BACKEND
    try:
        client = NotebookClient(nb, timeout=NOTEBOOK_TIMEOUT_S, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
        client.execute()
    finally:
        if old is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = old
    return nb


_EMPTY_SCRIPT = re.compile(r'<script[^>]*\ssrc=""[^>]*>\s*</script>')


def notebook_html(nb, title: str, nav: str) -> str:
    """One self-contained HTML page of an executed notebook: images embedded, nothing fetched from the network."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        embed_images=True,
        mathjax_url="",
        require_js_url="",
        jquery_url="",
        mermaid_js_url="",
        mermaid_layout_elk_js_url="",
        widget_renderer_url="",
        jupyter_widgets_base_url="",
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    body = _EMPTY_SCRIPT.sub("", body)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, body, count=1)


def _nav(pages: list[tuple[str, str]], i: int) -> str:
    prev = f'<a href="{pages[i - 1][0]}">← {html.escape(pages[i - 1][1])}</a>' if i > 0 else ""
    nxt = f'<a href="{pages[i + 1][0]}">{html.escape(pages[i + 1][1])} →</a>' if i + 1 < len(pages) else ""
    return (
        '<nav style="display:flex;justify-content:space-between;gap:1em;padding:.5em 1em;'
        'border-bottom:1px solid #ccc;font-family:sans-serif">'
        f'{prev}<a href="index.html">目录 Contents</a>{nxt}</nav>'
    )


def notebook_title(path: Path) -> str:
    """The first Markdown heading of a notebook, else its file name."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return path.stem


# --------------------------------------------------------------------------- the index page
def write_index(site: Path, pages: list[tuple[str, str]], result: BuildResult, version: str) -> Path:
    """``site/index.html``: links to every notebook page, workbook and figure, relative to the report folder."""

    def rel(p: Path) -> str:
        return os.path.relpath(p, site).replace(os.sep, "/")

    items = "\n".join(f'<li><a href="{href}">{html.escape(title)}</a></li>' for href, title in pages)
    books = "\n".join(f'<li><a href="{rel(p)}">{html.escape(p.name)}</a></li>' for p in result.workbooks)
    figs = "\n".join(
        f'<figure><a href="{rel(p)}"><img src="{rel(p)}" alt="{html.escape(p.stem)}" width="360"></a>'
        f"<figcaption>{html.escape(p.parent.name)} · {html.escape(p.stem)}</figcaption></figure>"
        for p in result.figures
        if p.suffix == ".png"
    )
    page = f"""<!DOCTYPE html>
<html lang="zh-Hans"><head><meta charset="utf-8">
<title>养老服务政策目标比较 · Elderly-care policy targets</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 70em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }}
figure {{ display: inline-block; margin: .5em; vertical-align: top; }}
figcaption {{ font-size: .8em; color: #555; }}
</style></head>
<body>
<h1>养老服务政策目标比较<br><small>Elderly-care policy targets across Chinese cities</small></h1>
<p>数据版本 Data version {html.escape(version)}. 每个数字都附有原文引文与条款，见工作簿“全部目标”表。
Every number carries its verbatim quote and clause: see the workbook's all-targets sheet.</p>
<h2>笔记本 Notebooks</h2>
<ol>
{items}
</ol>
<h2>Excel 工作簿 Workbooks</h2>
<ul>
{books}
</ul>
<h2>图表 Figures</h2>
{figs}
</body></html>
"""
    path = site / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the whole build
def build_report(
    out_dir: Path | str = "build",
    *,
    data_dir: Path | str | None = None,
    notebooks_dir: Path | str | None = None,
    langs: tuple[str, ...] = LANGS,
    notebooks: bool = True,
    jobs: int = 2,
    printer: Callable[[str], None] = print,
) -> BuildResult:
    """Build every output into ``out_dir`` (see the module docstring)."""
    from comparison import charts
    from comparison.dataset import load_dataset
    from comparison.excel import write_workbook
    from comparison.paths import default_notebooks_dir

    start = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = BuildResult(out_dir=out)
    ds = load_dataset(data_dir)
    nb_paths = notebook_paths(Path(notebooks_dir) if notebooks_dir else default_notebooks_dir()) if notebooks else []
    n_figures = len(charts.CHARTS)
    progress = Progress(len(langs) * (2 + n_figures) + len(nb_paths) + (1 if notebooks else 0), printer)

    for lang in langs:
        path = out / f"comparison_{lang}.xlsx"
        progress.step(f"workbook {path.name}")
        result.workbooks.append(write_workbook(ds, path, lang=lang))
        progress.step(f"tables ({lang})")
        result.tables += write_tables(ds, out / "tables", lang)
        fig_dir = out / "figures" / lang
        if fig_dir.exists():
            shutil.rmtree(fig_dir)
        result.figures += charts.render_all(ds, fig_dir, lang=lang, progress=lambda name, lang=lang: progress.step(f"figure {name} ({lang})"))

    if notebooks:
        site = out / "site"
        site.mkdir(parents=True, exist_ok=True)
        titles = [notebook_title(p) for p in nb_paths]
        pages = [(f"{p.stem}.html", t) for p, t in zip(nb_paths, titles)]

        def run(i: int) -> Path:
            nb = execute_notebook(nb_paths[i])
            page = site / pages[i][0]
            page.write_text(notebook_html(nb, titles[i], _nav(pages, i)), encoding="utf-8")
            progress.step(f"notebook {nb_paths[i].name}")
            return page

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            result.pages = list(pool.map(run, range(len(nb_paths))))
        progress.step("site index.html")
        result.pages.append(write_index(site, pages, result, ds.version))
    result.seconds = time.perf_counter() - start
    return result


# --------------------------------------------------------------------------- command line
def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "build",
        help="build every output: workbooks, figures, tables and the executed notebooks as a static site",
        description=(
            "Build every output into one folder: an Excel workbook, the figures (PNG and SVG) and the aligned\n"
            "tables (CSV) in each language, and each notebook executed headless as a self-contained HTML page\n"
            "with an index (site/index.html) that needs no network. Progress is shown as [k/N] steps."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="output folder (default: build)")
    p.add_argument("--data", type=Path, default=None, metavar="DIR", help="folder of the curated data (default: the project's data/)")
    p.add_argument("--lang", choices=LANGS, action="append", help="only this output language (repeatable; default: all three)")
    p.add_argument("--no-notebooks", action="store_true", help="skip executing the notebooks and the site")
    p.add_argument("--jobs", type=int, default=2, metavar="N", help="notebooks executed at once (default: 2)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from comparison.cli import UserError

    try:
        args.out.mkdir(parents=True, exist_ok=True)
        probe = args.out / ".write-test"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise UserError(f"cannot write to the output folder {args.out}: {exc.strerror or exc}") from None
    from comparison.excel import CellError

    try:
        result = build_report(
            args.out,
            data_dir=args.data,
            langs=tuple(args.lang) if args.lang else LANGS,
            notebooks=not args.no_notebooks,
            jobs=args.jobs,
        )
    except CellError as exc:
        raise UserError(f"cannot write a workbook: {exc}") from None
    print(
        f"Built in {result.seconds:.1f} s into {result.out_dir}: {len(result.workbooks)} workbook(s), "
        f"{sum(p.suffix == '.png' for p in result.figures)} figure(s) (PNG and SVG), {len(result.tables)} table(s), "
        f"{len(result.pages)} page(s). Open {result.out_dir / 'site' / 'index.html'}"
        if result.pages
        else f"Built in {result.seconds:.1f} s into {result.out_dir}."
    )
    return 0
