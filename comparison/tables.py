"""Reading the curated CSV files, checked against ``datapackage.yaml``.

The Frictionless descriptor is the single description of every column: its
types type the columns (:func:`parse_types`) and its constraints are checked
from it (:mod:`comparison.constraints`), without the ``frictionless``
package, so the published metadata and the validation cannot drift apart.

The descriptor itself is read, as untrusted input, by :mod:`comparison.descriptor`.

Rows keep their physical line in the CSV file as the DataFrame index, so that
every problem can name its file, line and column.
"""

from __future__ import annotations

import csv
import difflib
import gc
import io
import math
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd

from comparison import constraints
from comparison.charsets import guess_encoding
from comparison.csvfast import plain_cells
from comparison.descriptor import DESCRIPTOR, EXCEL_CELL_LIMIT, NOT_IN_XML, field_names, read_descriptor, resource_path, resource_schema, utf16_length
from comparison.errors import Finding, UnsafePathError, display_path, note
from comparison.paths import read_regular_bytes

_TRUE = {"true", "TRUE", "True"}
_FALSE = {"false", "FALSE", "False"}


# --------------------------------------------------------------------------- raw reading
#: Characters that an Excel workbook (XML) cannot hold; tab and line ends are fine.
_CONTROL = NOT_IN_XML


_SAVE_AS_UTF8 = "Save it as 'CSV UTF-8' (in Excel: Save As → CSV UTF-8) and try again"


def decode(raw: bytes, label: str) -> tuple[str | None, list[Finding]]:
    """Decode a CSV file's bytes as UTF-8, explaining what else it might be.

    Line ends become ``\\n`` everywhere, also inside quoted cells, so that a
    file reads the same whatever line ends an editor or Git gave it.
    """
    notes: list[Finding] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        notes.append(note(label, None, None, "normalised: removed the UTF-8 byte-order mark (BOM)"))
    if not raw.strip():
        return None, [Finding(label, None, None, "the file is empty: expected a header row and data rows")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Finding(label, None, None, f"the file is UTF-16 (Excel's 'Unicode Text'), not UTF-8. {_SAVE_AS_UTF8}")]
    if b"\x00" in raw:
        guess = guess_encoding(raw)
        hint = f"; it is probably {guess} without a byte-order mark. {_SAVE_AS_UTF8}" if guess and guess.startswith("UTF-16") else ""
        return None, [Finding(label, None, None, f"this is not a text file (it contains NUL bytes){hint or '; expected a UTF-8 CSV file'}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        guess = guess_legacy_encoding(raw)
        hint = f"; it looks like {guess}" if guess else ""
        return None, [Finding(label, line, None, f"the file is not UTF-8{hint}. {_SAVE_AS_UTF8}")]
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
        notes.append(note(label, None, None, "normalised: Windows line endings (CRLF) read as plain line ends"))
    if "\r" in text:
        text = text.replace("\r", "\n")
        notes.append(note(label, None, None, "normalised: old Mac line endings (CR) read as plain line ends"))
    return text, notes


def guess_legacy_encoding(raw: bytes) -> str | None:
    """The probable encoding of CSV bytes that are not UTF-8, for a message (see :func:`comparison.charsets.guess_encoding`)."""
    return guess_encoding(raw)


def _suggest(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _shown_lines(lines: list[int]) -> str:
    return ", ".join(map(str, lines[:10])) + (" …" if len(lines) > 10 else "")


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while a CSV file is read row by row.

    The careful row-by-row reading (every file :mod:`comparison.csvfast`
    cannot read) makes millions of small objects but few reference cycles;
    meanwhile every few hundred new objects would start a collection, and
    each full one walks every cell held so far. ``benchmarks/bench_read.py``
    measures it on a 300,000-row targets table read row by row: 6.3 s
    without the pause, 5.4 s with it. Elsewhere (the quick reading, align,
    validate) a pause gained no more than the run-to-run noise of
    ``bench_scale.py``, so it is used only here. Cycles made while paused
    are collected once the collector runs again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_raw(path: Path, schema: dict) -> tuple[pd.DataFrame | None, list[Finding]]:
    """Read a CSV file into a DataFrame of strings indexed by physical line.

    Accepts, and reports as notes: a byte-order mark, CRLF line endings,
    spaces around cells, blank lines (also before the header), columns in
    another order, and a column without a name or any value (Excel leaves
    one behind). Rejects with a named problem: a missing, unreadable, empty
    or binary file, a non-UTF-8 encoding, missing or unknown columns, rows
    with the wrong number of cells, and control characters in a cell.
    Empty cells become missing values (``pd.NA``).
    """
    label = display_path(path)
    if not path.exists() and not path.is_symlink():
        return None, [Finding(label, None, None, "file not found")]
    if path.is_dir():
        return None, [Finding(label, None, None, "this is a folder, not a CSV file")]
    try:
        raw = read_regular_bytes(path)
    except UnsafePathError as exc:
        return None, [Finding(label, None, None, str(exc).removeprefix(label).strip())]
    text, problems = decode(raw, label)
    if text is None:
        return None, problems
    with gc_paused():
        return _parse_csv(text, schema, label, problems)


def _parse_csv(text: str, schema: dict, label: str, problems: list[Finding]) -> tuple[pd.DataFrame | None, list[Finding]]:
    """The rows of decoded CSV ``text`` (see :func:`read_raw`)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    blank: list[int] = []
    try:
        for header in reader:
            if any(cell.strip() for cell in header):
                break
            blank.append(reader.line_num)
        else:
            return None, problems + [Finding(label, None, None, "the file has no header row")]
    except csv.Error as exc:
        return None, problems + [Finding(label, reader.line_num, None, f"cannot read the header: {exc}")]
    header_line = reader.line_num
    header = [h.strip() for h in header]
    expected = field_names(schema)
    errors = _header_problems(header, expected, label, header_line)
    if errors:
        return None, problems + errors
    if [h for h in header if h] != expected:
        problems.append(note(label, header_line, None, "normalised: columns are in a different order than in datapackage.yaml"))

    width = len(header)
    if header_line == 1 and "" not in header and not _CONTROL.search(text):
        cells = plain_cells(text.partition("\n")[2], width, EXCEL_CELL_LIMIT // 2)
        if cells is not None:
            return _frame(cells, range(2, 2 + len(cells)), header, expected), problems
    rows: list[list[str]] = []
    lines: list[int] = []
    stripped, stripped_lines = 0, []
    line = header_line + 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            clean = list(map(str.strip, record))
            if not any(clean):
                blank.append(start)
                continue
            if len(clean) != width:
                problems.append(_cell_count_problem(label, start, line - 1, len(clean), width))
                continue
            if clean != record:
                stripped += sum(a != b for a, b in zip(record, clean))
                stripped_lines.append(start)
            rows.append(clean)
            lines.append(start)
    except csv.Error as exc:
        problems.append(Finding(label, line, None, f"cannot read the row: {exc} (is a quote not closed?)"))
    if _CONTROL.search(text):
        problems += _control_problems(rows, lines, header, label)
    if len(text) > EXCEL_CELL_LIMIT // 2:
        problems += _long_cell_problems(rows, lines, header, label)
    problems += _unnamed_column_problems(rows, lines, header, label)
    if blank:
        problems.append(note(label, None, None, f"normalised: skipped {len(blank)} blank line(s) (line {_shown_lines(blank)})"))
    if stripped:
        problems.append(note(label, None, None, f"normalised: removed spaces around {stripped} cell(s) (line {_shown_lines(stripped_lines)})"))
    if not rows and not any(p.severity == "error" for p in problems):
        problems.append(Finding(label, None, None, "the file has a header but no data rows"))
    cells = np.array(rows, dtype=object).reshape(len(rows), width)
    cells[cells == ""] = pd.NA
    return _frame(cells, lines, header, expected), problems


def _frame(cells: np.ndarray, lines, header: list[str], expected: list[str]) -> pd.DataFrame:
    """The rows × columns ``cells`` (empty ones ``pd.NA``) as a frame indexed by line, its columns in the descriptor's order."""
    if header != expected:
        cells = cells[:, [header.index(name) for name in expected]]
    return pd.DataFrame(cells, index=pd.Index(lines, name="line", dtype="int64"), columns=expected, dtype=object)


def _header_problems(header: list[str], expected: list[str], label: str, line: int) -> list[Finding]:
    """Unknown, repeated and missing columns; a column without a name is judged by its cells."""
    errors = []
    unknown = [name for name in header if name and name not in expected]
    for pos, name in enumerate(header, start=1):
        if name in unknown:
            errors.append(Finding(label, line, name, f"unknown column (column {pos}){_suggest(name, expected)}"))
    seen: set[str] = set()
    for name in header:
        if name in seen and name:
            errors.append(Finding(label, line, name, "column appears twice in the header"))
        seen.add(name)
    for name in expected:
        if name not in header:
            errors.append(Finding(label, line, name, f"required column is missing{_suggest(name, unknown)}"))
    return errors


def _cell_count_problem(label: str, start: int, end: int, cells: int, width: int) -> Finding:
    where = f"; the row runs over lines {start}–{end}, so a quote is probably not closed" if end > start else " (a stray comma or a missing quote?)"
    return Finding(label, start, None, f"row has {cells} cells but the header has {width} columns{where}")


def _control_problems(rows: list[list[str]], lines: list[int], header: list[str], label: str) -> list[Finding]:
    found = []
    for line, row in zip(lines, rows):
        for name, cell in zip(header, row):
            if m := _CONTROL.search(cell):
                kind = "control character" if ord(m.group()) < 0x20 else "character"
                found.append(
                    Finding(label, line, name or None, f"contains the {kind} U+{ord(m.group()):04X}, which Excel cannot store: delete it")
                )
    return found


def _long_cell_problems(rows: list[list[str]], lines: list[int], header: list[str], label: str) -> list[Finding]:
    """Cells longer than an Excel cell holds, counted as Excel counts (UTF-16 code units)."""
    found = []
    for line, row in zip(lines, rows):
        if max(map(len, row), default=0) <= EXCEL_CELL_LIMIT // 2:
            continue  # the common case, decided without a Python loop over the cells
        for name, cell in zip(header, row):
            if len(cell) > EXCEL_CELL_LIMIT // 2 and (n := utf16_length(cell)) > EXCEL_CELL_LIMIT:
                found.append(Finding(label, line, name or None, f"is {n:,} characters long; an Excel cell holds at most {EXCEL_CELL_LIMIT:,} (counted as Excel counts, in UTF-16 units): shorten it"))
    return found


def _unnamed_column_problems(rows: list[list[str]], lines: list[int], header: list[str], label: str) -> list[Finding]:
    """A column without a name is dropped with a note when it is empty, and an error when it holds a value."""
    problems = []
    for pos, name in enumerate(header):
        if name:
            continue
        first = next((line for line, row in zip(lines, rows) if row[pos]), None)
        if first is None:
            problems.append(note(label, None, None, f"normalised: ignored column {pos + 1}, which has neither a name nor a value"))
        else:
            problems.append(Finding(label, first, None, f"column {pos + 1} has no name in the header but holds a value: name the column or delete it"))
    return problems


# --------------------------------------------------------------------------- typing and checks
_TYPE_MESSAGES = {
    "number": "is not a number (write digits only, e.g. 60 for 60% and 24000 for 2.4万)",
    "integer": "is not a whole number",
    "boolean": "is not true or false",
    "date": "is not a date in the form YYYY-MM-DD",
}
#: Whole numbers beyond this size lose digits as floating-point numbers.
_LARGEST_WHOLE = 2**53
#: Full-width forms of ASCII characters (６０, ．, －, ｔｒｕｅ), as typed with a Chinese input method, to their ASCII form.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _parse_column(col: pd.Series, kind: str) -> pd.Series:
    """One column of strings as the Table Schema type ``kind``; unparseable cells become missing."""
    if kind == "number":
        num = pd.to_numeric(col, errors="coerce").astype("float64")
        return num.where(np.isfinite(num))
    if kind == "integer":
        num = pd.to_numeric(col, errors="coerce").astype("float64")
        num = num.where((num == num.round()) & (num.abs() < _LARGEST_WHOLE))
        return num.astype("Int64")
    if kind == "boolean":
        return col.map(lambda v: True if v in _TRUE else False if v in _FALSE else pd.NA).astype("boolean")
    if kind == "date":
        return pd.to_datetime(col, format="%Y-%m-%d", errors="coerce")
    return col


def _type_message(cell: str, kind: str) -> str:
    """Why ``cell`` is not of type ``kind``."""
    try:
        number = float(cell)
    except ValueError:
        return _TYPE_MESSAGES[kind]
    if kind == "number" and math.isinf(number):
        return "is not a finite number"
    if kind == "integer" and number.is_integer():
        return f"is too large for a whole number (at most {_LARGEST_WHOLE - 1})"
    return _TYPE_MESSAGES[kind]


def parse_types(frame: pd.DataFrame, schema: dict, label: str) -> tuple[pd.DataFrame, list[Finding]]:
    """Type each column as the descriptor says; one problem per cell that does not parse.

    A cell that parses only once its full-width characters are read as ASCII
    (``６０``) is accepted, and a note says so.
    """
    typed = frame.copy()
    problems = []
    for f in schema["fields"]:
        name, kind = f["name"], f["type"]
        if kind not in _TYPE_MESSAGES:
            continue
        raw = frame[name]
        parsed = _parse_column(raw, kind)
        bad = raw.notna() & parsed.isna()
        if bad.any():
            parsed, note = _parse_full_width(raw[bad], parsed, kind, label, name)
            problems += note
            bad = raw.notna() & parsed.isna()
        for line in raw.index[bad.to_numpy(dtype=bool)]:
            problems.append(Finding(label, int(line), name, f"'{raw.at[line]}' {_type_message(raw.at[line], kind)}"))
        typed[name] = parsed
    return typed, problems


def _parse_full_width(cells: pd.Series, parsed: pd.Series, kind: str, label: str, name: str) -> tuple[pd.Series, list[Finding]]:
    """``parsed`` with the ``cells`` that parse once read as ASCII filled in, and a note naming their lines."""
    narrow = cells.map(lambda v: v.translate(_FULL_WIDTH))
    again = _parse_column(narrow[narrow != cells], kind).dropna()
    if again.empty:
        return parsed, []
    parsed = parsed.copy()
    parsed.loc[again.index] = again
    first = again.index[0]
    message = (
        f"normalised: read full-width characters as ASCII ('{cells[first]}' → '{narrow[first]}') "
        f"in {len(again)} cell(s) (line {_shown_lines(list(again.index))})"
    )
    return parsed, [note(label, None, name, message)]


def coerce(frame: pd.DataFrame, schema: dict, label: str) -> tuple[pd.DataFrame, list[Finding]]:
    """Type the string columns of ``frame`` as ``schema`` says and check its constraints (:mod:`comparison.constraints`).

    Returns the typed frame (bad cells become missing, so later checks still
    run) and one problem per failing cell, with the line taken from the index:
    a cell that does not parse is not also reported for a constraint.
    """
    fields = {f["name"]: f for f in schema["fields"]}
    typed, problems = parse_types(frame, schema, label)
    seen = {(p.line, p.column) for p in problems}
    for line, column, kind in constraints.broken(typed, schema):
        if (line, column) not in seen:
            problems.append(Finding(label, line, column, constraints.describe(kind, frame.at[line, column], fields[column])))
    return typed, problems


def check_keys(frame: pd.DataFrame, schema: dict, label: str) -> list[Finding]:
    """Duplicate primary keys, each named with the line of its first copy (and whether the whole row is a copy)."""
    key = schema.get("primaryKey")
    if not key:
        return []
    key = [key] if isinstance(key, str) else list(key)
    sub = frame[key].dropna()
    sub = sub[sub.duplicated(keep=False)]
    problems = []
    first: dict[tuple, int] = {}
    for line, values in zip(sub.index, sub.itertuples(index=False, name=None)):
        if values not in first:
            first[values] = int(line)
            continue
        shown = ", ".join(map(str, values))
        copy = "; the whole row is a copy of that line: delete one" if frame.loc[line].equals(frame.loc[first[values]]) else ""
        problems.append(Finding(label, int(line), key[0], f"duplicate {'/'.join(key)} '{shown}' (first on line {first[values]}{copy})"))
    return problems


def check_unique(frame: pd.DataFrame, schema: dict, label: str, written: pd.DataFrame | None = None) -> list[Finding]:
    """Repeated values in columns the descriptor declares ``unique``, each named with the line of the first copy.

    Values are compared as typed (``100`` and ``100.0`` are one number); a
    message shows the cell as ``written`` in the file (the untyped table, by
    line) where it is given.
    """
    key = schema.get("primaryKey")
    key = [key] if isinstance(key, str) else list(key or [])
    problems = []
    for f in schema["fields"]:
        if not (f.get("constraints") or {}).get("unique") or key == [f["name"]]:
            continue
        col = frame[f["name"]].dropna()
        repeated = col[col.duplicated(keep=False)]
        first: dict = {}
        for line, value in repeated.items():
            if value not in first:
                first[value] = int(line)
            else:
                cell = value if written is None else written.at[line, f["name"]]
                problems.append(Finding(label, int(line), f["name"], f"'{cell}' appears more than once (first on line {first[value]}); each value must be unique"))
    return problems


def read_table(data_dir: Path, name: str) -> tuple[pd.DataFrame | None, list[Finding]]:
    """Read, type and check resource ``name`` of the data package in ``data_dir``."""
    descriptor = read_descriptor(data_dir)
    schema = resource_schema(descriptor, name)
    try:
        path = resource_path(data_dir, descriptor, name)
    except UnsafePathError as exc:
        return None, [Finding(display_path(Path(data_dir) / DESCRIPTOR), None, None, f"resource '{name}': {exc}")]
    frame, problems = read_raw(path, schema)
    if frame is None:
        return None, problems
    label = display_path(path)
    typed, type_problems = coerce(frame, schema, label)
    found = {(p.line, p.column) for p in problems if p.severity == "error"}
    type_problems = [p for p in type_problems if (p.line, p.column) not in found]
    return typed, problems + type_problems + check_keys(typed, schema, label) + check_unique(typed, schema, label, frame)
