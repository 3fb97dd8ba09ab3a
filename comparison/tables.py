"""Reading the curated CSV files, checked against ``datapackage.yaml``.

The Frictionless descriptor is the single description of every column. The
pandera schema that checks a table is built from it
(:func:`pandera.io.pandas_io.from_frictionless_schema`), so the published
metadata and the validation cannot drift apart.

Rows keep their physical line in the CSV file as the DataFrame index, so that
every problem can name its file, line and column.
"""

from __future__ import annotations

import csv
import difflib
import io
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from comparison.errors import Problem, display_path

DESCRIPTOR = "datapackage.yaml"
_TRUE = {"true", "TRUE", "True"}
_FALSE = {"false", "FALSE", "False"}


# --------------------------------------------------------------------------- descriptor
@lru_cache(maxsize=8)
def _descriptor_cached(path: str, mtime: float) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def read_descriptor(data_dir: Path) -> dict:
    """The parsed ``datapackage.yaml`` of ``data_dir``."""
    path = Path(data_dir) / DESCRIPTOR
    return _descriptor_cached(str(path), path.stat().st_mtime)


def resource_schema(descriptor: dict, name: str) -> dict:
    """The Table Schema of resource ``name``."""
    for res in descriptor["resources"]:
        if res["name"] == name:
            return res["schema"]
    raise KeyError(name)


def resource_path(data_dir: Path, descriptor: dict, name: str) -> Path:
    for res in descriptor["resources"]:
        if res["name"] == name:
            return Path(data_dir) / res["path"]
    raise KeyError(name)


def field_names(schema: dict) -> list[str]:
    return [f["name"] for f in schema["fields"]]


def required_fields(schema: dict) -> set[str]:
    return {f["name"] for f in schema["fields"] if f.get("constraints", {}).get("required")}


# --------------------------------------------------------------------------- raw reading
def decode(raw: bytes, label: str) -> tuple[str | None, list[Problem]]:
    """Decode a CSV file's bytes as UTF-8, explaining what else it might be."""
    notes: list[Problem] = []
    if not raw.strip():
        return None, [Problem(label, None, None, "the file is empty: expected a header row and data rows")]
    if b"\x00" in raw[:4096]:
        return None, [Problem(label, None, None, "this is not a text file (it contains NUL bytes); expected a UTF-8 CSV file")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        notes.append(Problem(label, None, None, "normalised: removed the UTF-8 byte-order mark (BOM)", "note"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        guess = guess_legacy_encoding(raw)
        hint = f"; it looks like {guess}" if guess else ""
        return None, [
            Problem(
                label,
                line,
                None,
                f"the file is not UTF-8{hint}. Save it as 'CSV UTF-8' (in Excel: Save As → CSV UTF-8) and try again",
            )
        ]
    if "\r\n" in text:
        notes.append(Problem(label, None, None, "normalised: Windows line endings (CRLF) read as plain line ends", "note"))
    return text, notes


def guess_legacy_encoding(raw: bytes) -> str | None:
    """Name the legacy Chinese encoding that decodes ``raw`` (GBK/GB18030 or Big5), if any."""
    for codec, name in (("gb18030", "GBK/GB18030 (Simplified Chinese Windows)"), ("big5", "Big5 (Traditional Chinese Windows)")):
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        return name
    return None


def _suggest(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def read_raw(path: Path, schema: dict) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV file into a DataFrame of strings indexed by physical line.

    Accepts, and reports as notes: a byte-order mark, CRLF line endings,
    spaces around cells, blank lines, columns in another order. Rejects with
    a named problem: a missing file, an empty or binary file, a non-UTF-8
    encoding, missing or unknown columns, rows with the wrong number of cells.
    Empty cells become missing values (``pd.NA``).
    """
    label = display_path(path)
    if not path.exists():
        return None, [Problem(label, None, None, "file not found")]
    text, problems = decode(path.read_bytes(), label)
    if text is None:
        return None, problems

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return None, problems + [Problem(label, None, None, "the file has no header row")]
    except csv.Error as exc:
        return None, problems + [Problem(label, 1, None, f"cannot read the header: {exc}")]
    header = [h.strip() for h in header]
    expected = field_names(schema)
    errors = []
    for pos, name in enumerate(header, start=1):
        if name == "":
            errors.append(Problem(label, 1, None, f"column {pos} has no name"))
        elif name not in expected:
            errors.append(Problem(label, 1, name, f"unknown column (column {pos}){_suggest(name, expected)}"))
    seen: set[str] = set()
    for name in header:
        if name in seen and name:
            errors.append(Problem(label, 1, name, "column appears twice in the header"))
        seen.add(name)
    missing = [name for name in expected if name not in header]
    for name in missing:
        errors.append(Problem(label, 1, name, f"required column is missing{_suggest(name, header)}"))
    if errors:
        return None, problems + errors
    if header != expected:
        problems.append(Problem(label, 1, None, "normalised: columns are in a different order than in datapackage.yaml", "note"))

    rows: list[list[str]] = []
    lines: list[int] = []
    blank: list[int] = []
    stripped = 0
    try:
        line = reader.line_num + 1
        for record in reader:
            start = line
            line = reader.line_num + 1
            if not any(cell.strip() for cell in record):
                blank.append(start)
                continue
            if len(record) != len(header):
                problems.append(
                    Problem(label, start, None, f"row has {len(record)} cells but the header has {len(header)} columns (a stray comma or a missing quote?)")
                )
                continue
            clean = [cell.strip() for cell in record]
            stripped += sum(1 for a, b in zip(record, clean) if a != b)
            rows.append(clean)
            lines.append(start)
    except csv.Error as exc:
        problems.append(Problem(label, reader.line_num, None, f"cannot read the row: {exc}"))
    if blank:
        shown = ", ".join(map(str, blank[:10])) + (" …" if len(blank) > 10 else "")
        problems.append(Problem(label, None, None, f"normalised: skipped {len(blank)} blank line(s) (line {shown})", "note"))
    if stripped:
        problems.append(Problem(label, None, None, f"normalised: removed spaces around {stripped} cell(s)", "note"))
    if not rows and not any(p.severity == "error" for p in problems):
        problems.append(Problem(label, None, None, "the file has a header but no data rows"))
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(lines, name="line"), dtype=object)
    frame = frame[expected].replace("", pd.NA)
    return frame, problems


# --------------------------------------------------------------------------- typing and checks
_DTYPES = {"number": "float64", "integer": "Int64", "boolean": "boolean", "date": "datetime64[ns]", "string": "object"}


@lru_cache(maxsize=32)
def _pandera_schema(schema_yaml: str):
    """The pandera schema of a Table Schema (given as YAML text, for caching).

    Types come from the descriptor; the columns arrive already typed by
    :func:`parse_types`, so pandera checks the constraints: required cells,
    allowed values, patterns and ranges. Keys are checked by :func:`check_keys`,
    which names the line of the first copy.
    """
    from pandera.io.pandas_io import from_frictionless_schema

    schema = yaml.safe_load(schema_yaml)
    fs = {k: v for k, v in schema.items() if k not in ("primaryKey", "foreignKeys")}
    for f in fs["fields"]:
        f.get("constraints", {}).pop("unique", None)
    pandera_schema = from_frictionless_schema(fs)
    updates = {f["name"]: {"dtype": _DTYPES.get(f["type"], "object")} for f in schema["fields"]}
    return pandera_schema.update_columns(updates)


_TYPE_MESSAGES = {
    "number": "is not a number (write digits only, e.g. 60 for 60% and 24000 for 2.4万)",
    "integer": "is not a whole number",
    "boolean": "is not true or false",
    "date": "is not a date in the form YYYY-MM-DD",
}


def _parse_column(col: pd.Series, kind: str) -> pd.Series:
    """One column of strings as the Table Schema type ``kind``; unparseable cells become missing."""
    if kind == "number":
        return pd.to_numeric(col, errors="coerce").astype("float64")
    if kind == "integer":
        num = pd.to_numeric(col, errors="coerce")
        num = num.where(num.isna() | (num == num.round()))
        return num.astype("Int64")
    if kind == "boolean":
        return col.map(lambda v: True if v in _TRUE else False if v in _FALSE else pd.NA).astype("boolean")
    if kind == "date":
        return pd.to_datetime(col, format="%Y-%m-%d", errors="coerce")
    return col


def parse_types(frame: pd.DataFrame, schema: dict, label: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Type each column as the descriptor says; one problem per cell that does not parse."""
    typed = frame.copy()
    problems = []
    for f in schema["fields"]:
        name, kind = f["name"], f["type"]
        if kind not in _TYPE_MESSAGES:
            continue
        raw = frame[name]
        parsed = _parse_column(raw, kind)
        bad = raw.notna() & parsed.isna()
        for line in raw.index[bad.to_numpy(dtype=bool)]:
            problems.append(Problem(label, int(line), name, f"'{raw.at[line]}' {_TYPE_MESSAGES[kind]}"))
        typed[name] = parsed
    return typed, problems


def _describe_failure(check: str, case, field: dict) -> str:
    """A sentence for a failed pandera check on one cell."""
    shown = "" if case is None or (isinstance(case, float) and pd.isna(case)) else f"'{case}' "
    name = check.split("(")[0]
    constraints = field.get("constraints", {})
    if name == "not_nullable":
        return "is empty but required"
    if name == "isin":
        return f"{shown}is not one of the allowed values: {', '.join(map(str, constraints.get('enum', [])))}"
    if name == "str_matches":
        return f"{shown}does not have the expected form (pattern {constraints.get('pattern')})"
    if name in ("greater_than_or_equal_to", "less_than_or_equal_to", "in_range"):
        lo, hi = constraints.get("minimum"), constraints.get("maximum")
        rng = f"at least {lo}" if hi is None else f"at most {hi}" if lo is None else f"between {lo} and {hi}"
        return f"{shown}is out of range: must be {rng}"
    return f"{shown}fails the check {check}"


def coerce(frame: pd.DataFrame, schema: dict, label: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Type the string columns of ``frame`` as ``schema`` says and check its constraints.

    Returns the typed frame (bad cells become missing, so later checks still
    run) and one problem per failing cell, with the line taken from the index.
    """
    import pandera.pandas as pa

    fields = {f["name"]: f for f in schema["fields"]}
    typed, problems = parse_types(frame, schema, label)
    seen = {(p.line, p.column) for p in problems}
    try:
        _pandera_schema(yaml.safe_dump(schema, allow_unicode=True)).validate(typed, lazy=True)
    except pa.errors.SchemaErrors as exc:
        for rec in exc.failure_cases.itertuples(index=False):
            column = rec.column if isinstance(rec.column, str) else None
            if column is None or rec.index is None or pd.isna(rec.index):
                continue
            line = int(rec.index)
            if (line, column) in seen:
                continue
            seen.add((line, column))
            problems.append(Problem(label, line, column, _describe_failure(rec.check, frame.at[line, column], fields[column])))
    return typed, problems


def check_keys(frame: pd.DataFrame, schema: dict, label: str) -> list[Problem]:
    """Duplicate primary keys, each named with the line of its first copy."""
    key = schema.get("primaryKey")
    if not key:
        return []
    key = [key] if isinstance(key, str) else list(key)
    problems = []
    sub = frame[key].dropna()
    first: dict[tuple, int] = {}
    for line, values in zip(sub.index, sub.itertuples(index=False, name=None)):
        if values in first:
            shown = ", ".join(map(str, values))
            problems.append(Problem(label, int(line), key[0], f"duplicate {'/'.join(key)} '{shown}' (first on line {first[values]})"))
        else:
            first[values] = int(line)
    return problems


def read_table(data_dir: Path, name: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read, type and check resource ``name`` of the data package in ``data_dir``."""
    descriptor = read_descriptor(data_dir)
    schema = resource_schema(descriptor, name)
    path = resource_path(data_dir, descriptor, name)
    frame, problems = read_raw(path, schema)
    if frame is None:
        return None, problems
    label = display_path(path)
    typed, type_problems = coerce(frame, schema, label)
    return typed, problems + type_problems + check_keys(typed, schema, label)
