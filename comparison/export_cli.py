"""``python -m comparison export``: the comparison as a formatted Excel workbook.

openpyxl, OpenCC and the workbook code are imported inside :func:`run`, so
that ``python -m comparison --help`` stays fast.
"""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path

from comparison.script import LANGS

DESCRIPTION = """\
Write the comparison as an Excel workbook (.xlsx) to paste into briefings.

Sheets: a cover (what each sheet holds, measures versus topics, data version, how
to read the symbols, how to cite), the side-by-side comparison (one measure per
row, grouped by topic, with the national reference), a by-topic listing, coverage
by topic (colour-coded), all targets (exactly data/targets.csv, with labels), a
print view, qualitative commitments, targets per 1000 older people, the codebook
and the sources. All text is in the chosen language; quotes stay verbatim.

--cities, --topics and --domain narrow the comparison, by-topic, coverage,
commitments and per-1000 sheets; the all-targets, codebook and sources sheets
always hold the whole data set. Cities, topics and domains may be given by id or
by name in any script (ningbo, 宁波, 宁波市, 寧波市, Ningbo); separate several with
spaces or commas."""

EPILOG = """\
examples:
  %(prog)s -o comparison.xlsx
  %(prog)s --lang en -o comparison_en.xlsx
  %(prog)s --lang zh-Hant --taiwan -o 比較.xlsx
  %(prog)s --cities 宁波市 wuhan --domain workforce -o workforce.xlsx
  %(prog)s --topics nursing_bed_share,meal_service -o two.xlsx
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
    which.add_argument("--topics", nargs="+", metavar="TOPIC", help="only these topics, e.g. meal_service or 老年助餐服务 (default: all)")
    which.add_argument("--indicators", dest="former_indicators", nargs="+", help=argparse.SUPPRESS)  # the former name of --topics, until 0.3.0
    which.add_argument("--domain", metavar="DOMAIN", help="only the topics of this domain, e.g. workforce or 人才队伍")
    p.add_argument("--data", type=Path, default=None, metavar="DIR", help="folder of the curated data (default: the project's data/)")
    p.set_defaults(func=run)


def _names(values: list[str] | None) -> list[str] | None:
    """Names given with spaces, commas (or Chinese commas) between them, as one list (empty when only separators were given)."""
    if values is None:
        return None
    return [part.strip() for value in values for part in value.replace("，", ",").replace("、", ",").split(",") if part.strip()]


def _output_problem(path: Path, data_dir: Path | None) -> str | None:
    """Why ``path`` cannot be the workbook, found before any work is done; ``None`` when it looks fine."""
    from comparison.paths import default_data_dir, output_problem

    if path.is_dir():
        return f"'{path}' is a folder: give a file name, e.g. {path / 'comparison.xlsx'}"
    if path.suffix.lower() != ".xlsx":
        return f"the output file must end in .xlsx (got '{path}')"
    return output_problem(path, [], [data_dir or default_data_dir()])


def _os_error_message(exc: OSError, path: Path) -> str:
    """A one-line explanation of why writing ``path`` failed."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write '{path}': permission denied (is the file open in Excel, or the folder read-only?)"
    if exc.errno == errno.ENOSPC:
        return f"cannot write '{path}': the disk is full"
    if exc.errno == errno.ENAMETOOLONG:
        return f"cannot write '{path}': the file name is too long"
    return f"cannot write '{path}': {exc.strerror or exc}"


def run(args: argparse.Namespace) -> int:
    """Write the workbook; user mistakes raise :class:`comparison.errors.UserError`."""
    from comparison.dataset import load_dataset
    from comparison.deprecation import renamed_note
    from comparison.errors import UserError
    from comparison.excel import CellError, selected_targets, sheet_titles, write_workbook
    from comparison.selection import SelectionError, select

    path: Path = args.output
    if args.former_indicators is not None:
        print(f"export: {renamed_note('--indicators', '--topics')}", file=sys.stderr)
        args.topics = args.former_indicators
    if args.taiwan and args.lang != "zh-Hant":
        raise UserError("--taiwan applies to Traditional Chinese only: add --lang zh-Hant")
    if problem := _output_problem(path, args.data):
        raise UserError(problem)
    ds = load_dataset(args.data)
    cities, topics = _names(args.cities), _names(args.topics)
    domain = None if args.domain is None else (_names([args.domain]) or [])
    try:
        selection = select(ds, cities=cities, topics=topics, domain=domain, lang=args.lang)
        write_workbook(ds, path, lang=args.lang, cities=cities, topics=topics, domain=domain, taiwan=args.taiwan)
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
    narrowed = f" ({in_selection} in the selected cities and topics)" if in_selection != len(ds.targets) else ""
    print(f"  {len(ds.targets)} targets{narrowed}, language {args.lang}, data version {ds.version}")
    return 0
