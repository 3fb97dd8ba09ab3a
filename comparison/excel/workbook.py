"""Writing the workbook (:func:`write_workbook`) and reading its targets sheet back (:func:`read_targets_sheet`)."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.utils import range_boundaries
from openpyxl.writer.excel import ExcelWriter

from comparison.dataset import Dataset
from comparison.deprecation import renamed_keyword
from comparison.descriptor import read_descriptor, resource_schema
from comparison.excel.context import Context
from comparison.excel.sheets import SHEET_BUILDERS, TARGETS_RANGE_NAME
from comparison.excel.styles import named_styles
from comparison.labels import check_lang, pick
from comparison.paths import default_data_dir
from comparison.selection import select
from comparison.words import SHEETS


def sheet_titles(lang: str, *, taiwan: bool = False) -> list[str]:
    """The names of the workbook's sheets in ``lang``, in order."""
    return [pick(zh, en, lang, taiwan=taiwan) for zh, en in SHEETS.values()]


def write_workbook(
    ds: Dataset,
    path: Path | str,
    *,
    lang: str = "zh-Hans",
    cities=None,
    topics=None,
    domain=None,
    taiwan: bool = False,
    indicators=None,
    passages: tuple[str, dict[str, str]] | None = None,
) -> Path:
    """Write the comparison workbook of ``ds`` to ``path`` (``.xlsx``) in ``lang``; returns the path.

    ``cities``, ``topics`` and ``domain`` (ids or names in any language)
    narrow the comparison, by-topic, coverage, commitments, per-1000 and print
    sheets; the targets, codebook and sources sheets always hold the whole
    data set. An unknown name raises :class:`comparison.errors.SelectionError`. ``taiwan=True`` uses Taiwan
    phrasing in Traditional Chinese. The file is written next to ``path``
    under a temporary name and renamed when complete, so a failure leaves no
    half-written workbook. A value no Excel cell can hold raises
    :class:`comparison.excel.CellError` naming its sheet and cell.

    ``passages`` = ``(base, editions)`` adds to the targets sheet a column
    linking each target to its passage on the site's annotated source page:
    ``base`` is where the site's edition folders are, relative to the
    workbook (``"site/"``, ``"../"``), and ``editions`` maps an output
    language to the edition whose pages it links to.

    ``indicators``, the former name of ``topics``, is deprecated and removed
    in 0.3.0.
    """
    topics = renamed_keyword("write_workbook", "topics", topics, "indicators", indicators)
    check_lang(lang)
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    descriptor = ds.meta or read_descriptor(ds.data_dir)  # a cached dataset carries the package-level entries
    ctx = Context(ds, lang, taiwan, select(ds, cities=cities, topics=topics, domain=domain, lang=lang), descriptor, passages)
    tmp = path.with_name(f".~{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            wb = _build(ctx)
            with ZipFile(fh, "w", ZIP_DEFLATED, allowZip64=True) as archive:
                # ExcelWriter rather than Workbook.save, which stamps 'modified' with the current time.
                ExcelWriter(wb, archive).save()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _build(ctx: Context) -> Workbook:
    """The whole workbook, in write-only mode (rows stream to a temporary file, so large corpora fit in memory)."""
    wb = Workbook(write_only=True)
    for style in named_styles(ctx.lang):
        wb.add_named_style(style)
    props = wb.properties
    props.title = ctx.word("properties_title")
    props.creator = "elderly-care-targets"
    props.version = ctx.ds.version
    props.language = ctx.lang
    if ctx.created is not None:
        props.created = props.modified = ctx.created
    for build in SHEET_BUILDERS.values():
        build(wb, ctx)
    return wb


def read_targets_sheet(path: Path | str) -> pd.DataFrame:
    """The curated columns of a workbook's targets sheet, typed as ``targets.csv`` is (see ``datapackage.yaml``).

    Strings are Python ``str`` with ``pd.NA`` for an empty cell, ``value`` is
    ``float64``, ``deadline_year`` ``Int64`` and ``is_aspirational`` ``bool``;
    rows keep the file's order. Raises :class:`ValueError` for a workbook
    that :func:`write_workbook` did not write.
    """
    wb = load_workbook(path, read_only=True)
    try:
        if TARGETS_RANGE_NAME not in wb.defined_names:
            raise ValueError(f"{path} has no range named '{TARGETS_RANGE_NAME}': was it written by comparison.excel.write_workbook?")
        ((title, ref),) = list(wb.defined_names[TARGETS_RANGE_NAME].destinations)
        min_col, min_row, max_col, max_row = range_boundaries(ref.replace("$", ""))
        rows = wb[title].iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col, values_only=True)
        names = [str(n) for n in next(rows)]
        frame = pd.DataFrame.from_records(list(rows), columns=names)
    finally:
        wb.close()
    return _typed(frame, resource_schema(read_descriptor(default_data_dir()), "targets"))


def _typed(frame: pd.DataFrame, schema: dict) -> pd.DataFrame:
    """Columns typed as the Table Schema says, the way :mod:`comparison.tables` types them."""
    out = {}
    for f in schema["fields"]:
        col = frame[f["name"]]
        required = f.get("constraints", {}).get("required", False)
        if f["type"] == "number":
            out[f["name"]] = pd.to_numeric(col).astype("float64")
        elif f["type"] == "integer":
            out[f["name"]] = col.astype("int64") if required else pd.array(col.tolist(), dtype="Int64")
        elif f["type"] == "boolean":
            out[f["name"]] = col.astype(bool if required else "boolean")
        else:
            out[f["name"]] = col.astype(object).where(col.notna(), pd.NA)
    return pd.DataFrame(out)
