"""``python -m comparison export``: the comparison as a formatted Excel workbook.

openpyxl, OpenCC and the workbook code are imported inside :func:`run`, so
that ``python -m comparison --help`` stays fast.
"""

from __future__ import annotations

import argparse
import errno
from pathlib import Path

from comparison.script import LANGS

DESCRIPTION = """\
Write the comparison as an Excel workbook (.xlsx) to paste into briefings.

Sheets: a cover (what each sheet holds, data version, how to read the symbols,
how to cite), the side-by-side comparison (indicators × cities, with the national
reference), coverage (colour-coded), all targets (exactly data/targets.csv, with
labels), qualitative commitments, targets per 1000 older people, the codebook and
the sources. All text is in the chosen language; quotes stay verbatim.

--cities, --indicators and --domain narrow the comparison, coverage, commitments
and per-1000 sheets; the all-targets, codebook and sources sheets always hold the
whole data set. Cities, indicators and domains may be given by id or by name in
any language (ningbo, 宁波市, 寧波市, Ningbo); separate several with spaces or commas."""

EPILOG = """\
examples:
  python -m comparison export -o comparison.xlsx
  python -m comparison export --lang en -o comparison_en.xlsx
  python -m comparison export --lang zh-Hant --taiwan -o 比較.xlsx
  python -m comparison export --cities 宁波市 wuhan --domain workforce -o workforce.xlsx
  python -m comparison export --indicators nursing_bed_share,meal_service -o two.xlsx
"""


def add_parser(subparsers) -> None:
    """Register the ``export`` sub-command."""
    p = subparsers.add_parser(
        "export",
        help="write the comparison as a formatted Excel workbook",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx", help="the workbook to write")
    p.add_argument("--lang", choices=LANGS, default="zh-Hans", help="language of all text (default: zh-Hans); quotes stay in the source's script")
    p.add_argument("--taiwan", action="store_true", help="with --lang zh-Hant: Taiwan phrasing (数据 → 資料), not only Traditional characters")
    p.add_argument("--cities", nargs="+", metavar="CITY", help="only these cities (default: all)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--indicators", nargs="+", metavar="INDICATOR", help="only these indicators (default: all)")
    which.add_argument("--domain", metavar="DOMAIN", help="only the indicators of this domain, e.g. workforce or 人才队伍")
    p.add_argument("--data", type=Path, default=None, metavar="DIR", help="folder of the curated data (default: the project's data/)")
    p.set_defaults(func=run)


def _names(values: list[str] | None) -> list[str] | None:
    """Names given with spaces, commas (or Chinese commas) between them, as one list."""
    if values is None:
        return None
    return [part.strip() for value in values for part in value.replace("，", ",").replace("、", ",").split(",") if part.strip()]


def _output_problem(path: Path) -> str | None:
    """Why ``path`` cannot be the workbook, found before any work is done; ``None`` when it looks fine."""
    if path.is_dir():
        return f"'{path}' is a folder: give a file name, e.g. {path / 'comparison.xlsx'}"
    if path.suffix.lower() != ".xlsx":
        return f"the output file must end in .xlsx (got '{path}')"
    folder = path.parent
    if not folder.is_dir():
        return f"the folder '{folder}' does not exist: create it first or choose another place"
    return None


def _os_error_message(exc: OSError, path: Path) -> str:
    """A one-line explanation of why writing ``path`` failed."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write '{path}': permission denied (is the file open in Excel, or the folder read-only?)"
    if exc.errno == errno.ENOSPC:
        return f"cannot write '{path}': the disk is full"
    return f"cannot write '{path}': {exc.strerror or exc}"


def run(args: argparse.Namespace) -> int:
    """Write the workbook; user mistakes raise :class:`comparison.cli.UserError`."""
    from comparison.align import SelectionError
    from comparison.cli import UserError
    from comparison.dataset import load_dataset
    from comparison.excel import CellError, select, selected_targets, sheet_titles, write_workbook

    path: Path = args.output
    if args.taiwan and args.lang != "zh-Hant":
        raise UserError("--taiwan applies to Traditional Chinese only: add --lang zh-Hant")
    if problem := _output_problem(path):
        raise UserError(problem)
    ds = load_dataset(args.data)
    cities, indicators = _names(args.cities), _names(args.indicators)
    try:
        selection = select(ds, cities=cities, indicators=indicators, domain=args.domain)
        write_workbook(ds, path, lang=args.lang, cities=cities, indicators=indicators, domain=args.domain, taiwan=args.taiwan)
    except SelectionError as exc:
        raise UserError(str(exc)) from None
    except CellError as exc:
        raise UserError(f"cannot write the workbook: {exc}") from None
    except OSError as exc:
        raise UserError(_os_error_message(exc, path)) from None
    titles = sheet_titles(args.lang, taiwan=args.taiwan)
    print(f"Wrote {path}")
    print(f"  {len(titles)} sheets: {', '.join(titles)}")
    in_selection = len(selected_targets(ds, selection))
    narrowed = f" ({in_selection} in the selected cities and indicators)" if in_selection != len(ds.targets) else ""
    print(f"  {len(ds.targets)} targets{narrowed}, language {args.lang}, data version {ds.version}")
    return 0
