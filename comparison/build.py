"""``python -m comparison build``: every output of the project in one folder.

The report folder holds, for each output language:

* ``comparison_<lang>.xlsx`` — the formatted Excel workbook;
* ``figures/<lang>/*.png`` and ``*.svg`` — the charts;
* ``tables/*_<lang>.csv`` — the aligned tables as CSV (UTF-8);

and ``site/`` — a static site that stands alone (:mod:`comparison.site`):
in a Simplified Chinese and an English edition, every notebook executed
headless as a self-contained page, each source text annotated with its
curated quotes, the comparison explorer, and copies of the workbooks, tables
and figures it links.

Progress is printed as ``[k/N] what`` so a user sees which step runs and how
many remain.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from collections.abc import Callable
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
    #: What the site build wrote (:class:`comparison.site.make.SiteResult`) when the notebooks were built.
    site: object = None


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
    """The aligned tables of :mod:`comparison.align` as CSV files in ``out_dir``.

    The long table gains a ``passage`` column: the address of the target's
    passage on its annotated source page, relative to the site folder
    (``<edition>/sources/<source_id>.html#<target_id>``).
    """
    from comparison import align
    from comparison.site import passage_url
    from comparison.site.make import site_editions

    out_dir.mkdir(parents=True, exist_ok=True)
    long = align.targets_long(ds, lang)
    edition = site_editions((lang,) if lang != "zh-Hant" else ("zh-Hans",))[0]
    long["passage"] = [f"{edition}/{passage_url(s, t)}" for s, t in zip(long["source_id"].astype(str), long["target_id"].astype(str))]
    frames = {
        f"targets_long_{lang}.csv": long,
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
    from comparison.site.notebooks import notebook_paths as paths

    return paths(notebooks_dir)


def execute_notebook(nb, cwd: Path | None = None):
    """Run a notebook (a path or a notebook node) top to bottom in a fresh kernel of this Python; returns the executed node.

    The kernel draws inline figures (``MPLBACKEND`` is set in the kernel's
    environment only, not in this process's) and runs in ``cwd`` (default:
    the notebook's folder). It talks to this process over local (IPC)
    sockets in a private temporary folder, not over TCP: nothing listens on
    the network, and the kernel has no reason to warn that TCP runs without
    encryption. (Windows has no IPC transport and keeps TCP.)
    """
    import tempfile

    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    if isinstance(nb, (str, Path)):
        cwd = cwd or Path(nb).parent
        nb = nbformat.read(nb, as_version=4)
    env = {**os.environ, "MPLBACKEND": INLINE_BACKEND}
    with tempfile.TemporaryDirectory(prefix="ect-kernel-") as sockets:
        km = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "k")) if os.name != "nt" else None
        client = NotebookClient(nb, km=km, timeout=NOTEBOOK_TIMEOUT_S, kernel_name="python3", resources={"metadata": {"path": str(cwd or Path.cwd())}})
        try:
            client.execute(env=env)
        finally:
            if km is not None and km.has_kernel:
                km.shutdown_kernel(now=False)
    return nb


# --------------------------------------------------------------------------- the whole build
def build_report(
    out_dir: Path | str = "build",
    *,
    data_dir: Path | str | None = None,
    notebooks_dir: Path | str | None = None,
    sources_dir: Path | str | None = None,
    langs: tuple[str, ...] = LANGS,
    notebooks: bool = True,
    jobs: int = 2,
    printer: Callable[[str], None] = print,
) -> BuildResult:
    """Build every output into ``out_dir`` (see the module docstring).

    ``sources_dir`` holds the source texts for the annotated source pages
    (default: ``$COMPARISON_SOURCES``); without it the site has no source pages
    and its index says so.
    """
    from comparison import charts
    from comparison.dataset import load_dataset
    from comparison.excel import write_workbook
    from comparison.paths import default_notebooks_dir, default_sources_dir
    from comparison.site.make import build_site, site_editions, site_steps
    from comparison.site.sources import read_texts

    start = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = BuildResult(out_dir=out)
    ds = load_dataset(data_dir)
    nb_paths = notebook_paths(Path(notebooks_dir) if notebooks_dir else default_notebooks_dir()) if notebooks else []
    editions = site_editions(tuple(langs))
    n_figures = len(charts.charts_of(ds))
    progress = Progress(len(langs) * (2 + n_figures) + (site_steps(editions, len(nb_paths)) if notebooks else 0), printer)

    # Each workbook links every target to its passage on the site, when the site is built: the edition of its
    # language (zh-Hant reads the Simplified one when there is no Traditional edition).
    linked = {lang: lang if lang in editions else ("zh-Hans" if "zh-Hans" in editions else editions[0]) for lang in langs}

    def passages(base: str):
        return (base, linked) if notebooks and editions else None

    for lang in langs:
        path = out / f"comparison_{lang}.xlsx"
        progress.step(f"workbook {path.name}")
        result.workbooks.append(write_workbook(ds, path, lang=lang, passages=passages("site/")))
        progress.step(f"tables ({lang})")
        result.tables += write_tables(ds, out / "tables", lang)
        fig_dir = out / "figures" / lang
        if fig_dir.exists():
            shutil.rmtree(fig_dir)
        result.figures += charts.render_all(ds, fig_dir, lang=lang, progress=lambda name, lang=lang: progress.step(f"figure {name} ({lang})"))

    if notebooks:
        texts = read_texts(ds, Path(sources_dir) if sources_dir is not None else default_sources_dir())
        result.site = build_site(
            ds,
            out / "site",
            editions=editions,
            notebooks=nb_paths,
            texts=texts,
            report_dir=out,
            workbooks=result.workbooks,
            # the site's copy of each workbook links from site/downloads/ to the edition folders beside it
            write_download=lambda src, dest: write_workbook(ds, dest, lang=src.stem.removeprefix("comparison_"), passages=passages("../")),
            tables=result.tables,
            figures=result.figures,
            execute=execute_notebook,
            step=progress.step,
            jobs=jobs,
        )
        result.pages = result.site.pages
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
    p.add_argument("--lang", choices=LANGS, nargs="+", action="extend", help="only these output languages (e.g. --lang zh-Hans en; default: all three)")
    p.add_argument("--sources", type=Path, default=None, metavar="DIR", help="folder of the source texts, for the annotated source pages (default: $COMPARISON_SOURCES)")
    p.add_argument("--no-notebooks", action="store_true", help="skip executing the notebooks, and so the site (annotated sources, explorer, notebook pages); workbooks, figures and tables are still built")
    p.add_argument("--jobs", type=int, default=2, metavar="N", help="notebooks executed at once (default: 2)")
    p.set_defaults(func=run)


def out_problems(out: Path, langs: tuple[str, ...], notebooks: bool) -> list[str]:
    """What in ``out`` stands where the build must write: a folder where a file goes, a file where a folder goes,
    or a symbolic link anywhere (a build never follows a link to write or delete)."""
    files = [out / f"comparison_{lang}.xlsx" for lang in langs] + [out / "tables" / f"{stem}_{lang}.csv" for lang in langs for stem in ("targets_long", "comparison", "coverage", "per_1000_older_people")]
    folders = [out / "tables", out / "figures"] + [out / "figures" / lang for lang in langs]
    if notebooks:
        folders.append(out / "site")
        files.append(out / "site" / "index.html")
    problems = []
    for path in folders + files:
        if path.is_symlink():
            problems.append(f"{path} is a symbolic link; a build never follows or deletes one: remove it or choose another --out")
        elif path in files and path.is_dir():
            problems.append(f"{path} is a folder where the build writes a file: move it or choose another --out")
        elif path in folders and path.exists() and not path.is_dir():
            problems.append(f"{path} is a file where the build makes a folder: move it or choose another --out")
    for folder in (out / "tables", out / "site"):
        if folder.is_dir() and not folder.is_symlink():
            problems += [f"{p} is a symbolic link; a build never follows or deletes one: remove it or choose another --out" for p in sorted(folder.iterdir()) if p.is_symlink() and p not in files]
    return problems


def run(args: argparse.Namespace) -> int:
    from comparison.errors import UserError
    from comparison.paths import default_data_dir

    if problems := out_problems(args.out, tuple(args.lang) if args.lang else LANGS, not args.no_notebooks):
        raise UserError("; ".join(problems))
    data = (args.data or default_data_dir()).resolve()
    if args.out.resolve() == data or data in args.out.resolve().parents:
        raise UserError(f"--out {args.out} lies inside the data folder {data}, which is never written to: choose another folder")
    if args.out.exists() and not args.out.is_dir():
        raise UserError(f"--out {args.out} is a file: name a folder for the outputs (e.g. build)")
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        probe = args.out / ".write-test"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise UserError(f"cannot write to the output folder {args.out}: {exc.strerror or exc}") from None
    if args.sources is not None and not args.sources.is_dir():
        raise UserError(f"the folder of source texts {args.sources} does not exist or is not a folder")
    from comparison.excel import CellError

    try:
        result = build_report(
            args.out,
            data_dir=args.data,
            sources_dir=args.sources,
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
