"""The data package's descriptor, ``datapackage.yaml``: read as untrusted input, then looked up.

The Frictionless descriptor is the single description of every column of the
curated tables (:mod:`comparison.tables` reads the tables with it). It is
read only when it is a regular file of bounded size, without YAML aliases or
deep nesting; its resource paths must stay inside the data folder, its field
types and patterns must be ones the tables can be read with, and its own
entries must be text a workbook can hold.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from comparison.errors import DataError, Finding, UnsafePathError, display_path, shown
from comparison.paths import confined, read_regular_bytes

DESCRIPTOR = "datapackage.yaml"
#: libyaml's safe loader where PyYAML was built with it (several times faster), else the pure-Python one.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _readable(construct):
    """``construct`` (a YAML constructor), but a value it cannot build (a date such as 2026-02-30, an
    integer of more digits than Python writes out) is a YAML error at that value's line, not a crash."""

    def guarded(loader, node):
        try:
            return construct(loader, node)
        except ValueError as exc:
            value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
            why = str(exc).split(";")[0]  # without Python's advice to raise its digit limit
            raise yaml.constructor.ConstructorError(None, None, f"cannot read the value {value!r}: {why}", node.start_mark) from None

    return guarded


class _FastLoader(_FAST_LOADER):
    """The safe YAML loader (LibYAML's where installed), with values it cannot build reported as YAML errors."""


class _WordingLoader(yaml.SafeLoader):
    """The pure-Python safe YAML loader, which words a problem as PyYAML always has; values as :class:`_FastLoader`."""


for _loader in (_FastLoader, _WordingLoader):
    for _tag, _construct in (
        ("tag:yaml.org,2002:int", yaml.constructor.SafeConstructor.construct_yaml_int),
        ("tag:yaml.org,2002:float", yaml.constructor.SafeConstructor.construct_yaml_float),
        ("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_yaml_timestamp),
    ):
        _loader.add_constructor(_tag, _readable(_construct))


#: The descriptor is read only up to this size: it describes tables, it does not hold them.
DESCRIPTOR_MAX_BYTES = 1_000_000
#: Nesting deeper than this is no data package (a hostile file could otherwise exhaust the parser's stack).
DESCRIPTOR_MAX_DEPTH = 32
#: The Table Schema field types the tables are read as.
FIELD_TYPES = ("string", "number", "integer", "boolean", "date")
#: The field types each constraint can be checked on (:mod:`comparison.constraints`); ``required`` and ``unique`` fit all.
_CONSTRAINT_TYPES = {
    "enum": ("string", "number", "integer", "boolean"),
    "minimum": ("number", "integer"),
    "maximum": ("number", "integer"),
    "minLength": ("string",),
    "maxLength": ("string",),
    "pattern": ("string",),
}
#: Characters an Excel workbook (XML 1.0) cannot hold; tab and line ends are fine.
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: Excel's limit on the text of one cell, counted as Excel counts, in UTF-16 code units.
EXCEL_CELL_LIMIT = 32767
_CREATED = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def utf16_length(text: str) -> int:
    """The length of ``text`` as Excel counts it: UTF-16 code units (a character beyond U+FFFF counts twice)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF) if not text.isascii() else len(text)


@lru_cache(maxsize=8)
def _descriptor_cached(path: str, mtime: float, size: int) -> dict:
    label = display_path(path)
    try:
        raw = read_regular_bytes(Path(path), limit=DESCRIPTOR_MAX_BYTES)
    except UnsafePathError as exc:
        raise DataError([Finding(label, None, None, str(exc).removeprefix(label).strip())]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError([Finding(label, None, None, "is not UTF-8: save it as UTF-8 text")]) from None
    try:
        _check_yaml_shape(text, label)
        try:
            descriptor = yaml.load(text, Loader=_FastLoader)
        except yaml.YAMLError:
            descriptor = yaml.load(text, Loader=_WordingLoader)  # the pure-Python parser words the problem as it always has
    except yaml.YAMLError as exc:
        mark, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
        what = getattr(exc, "problem", None) or str(exc)
        if context is not None and getattr(exc, "context", None):
            what += f" ({exc.context} from line {context.line + 1})"
        raise DataError([Finding(label, mark.line + 1 if mark else None, None, f"is not valid YAML: {what}")]) from None
    except RecursionError:
        raise DataError([Finding(label, None, None, "is nested too deeply to be a data package")]) from None
    problems = [Finding(label, line, None, message) for line, message in _descriptor_problems(descriptor, text)]
    if problems:
        raise DataError(problems)
    return descriptor


def _check_yaml_shape(text: str, label: str) -> None:
    """Refuse, before building anything, YAML that uses aliases, nests deeper than :data:`DESCRIPTOR_MAX_DEPTH`
    or repeats a key in one mapping (YAML parsers keep the last copy silently).

    A data package needs neither; a few lines of aliases can stand for
    billions of nodes (a "billion laughs" file), and deep nesting can exhaust
    the parser's stack. The events are read one by one, in memory bounded by
    the text.
    """
    depth = 0
    try:
        events = list(yaml.parse(text, Loader=_FAST_LOADER))
    except yaml.YAMLError:
        return  # not YAML at all: the loader words the problem (before building any value)
    # For each open mapping: the keys seen so far and whether the next node is a key (None for a sequence).
    open_nodes: list[tuple[set | None, list[bool]]] = []
    for event in events:
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise DataError([Finding(label, line, None, "uses YAML anchors or aliases (& and *), which a data package does not need: write the values out")])
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)) and open_nodes:
            keys, key_next = open_nodes[-1]
            if keys is not None:
                if key_next[0] and isinstance(event, yaml.ScalarEvent):
                    if event.value in keys:
                        raise DataError([Finding(label, line, None, f"the key '{shown(event.value)}' appears twice in one mapping: keep one")])
                    keys.add(event.value)
                key_next[0] = not key_next[0]
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > DESCRIPTOR_MAX_DEPTH:
                raise DataError([Finding(label, line, None, f"is nested more than {DESCRIPTOR_MAX_DEPTH} levels deep: not a data package")])
            open_nodes.append((set() if isinstance(event, yaml.MappingStartEvent) else None, [True]))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
            open_nodes.pop()


def _line_of(text: str, needle: str, start: int = 0) -> int | None:
    """The line of the first occurrence of ``needle`` at or after offset ``start`` of the descriptor's text (for
    messages), if any."""
    pos = text.find(needle, start) if needle else -1
    return text.count("\n", 0, pos) + 1 if pos >= 0 else None


def _resource_start(text: str, name: str) -> int:
    """The offset where resource ``name`` begins in the descriptor's text (its ``- name:`` line), else 0."""
    found = re.search(rf"^\s*-\s*name:\s*['\"]?{re.escape(name)}['\"]?\s*$", text, re.M)
    return found.start() if found else 0


def _descriptor_problems(descriptor, text: str = "") -> list[tuple[int | None, str]]:
    """What keeps ``descriptor`` from describing tables, each with the line it is on where it can be found.

    Each resource needs a name, a safe relative path and typed fields; field
    types must be ones the tables are read as, patterns must be valid regular
    expressions, each constraint must fit its field's type (a pattern or a
    length for text, bounds for numbers), and the package's own entries (version, created, title …)
    must be text that a workbook can hold, ``created`` a date.
    """
    from comparison.paths import name_problem

    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return [(None, "does not describe a data package: expected a mapping with a list of 'resources'")]
    problems: list[tuple[int | None, str]] = []
    for key, value in descriptor.items():
        if key == "resources":
            continue
        for item in _strings(value):
            if m := NOT_IN_XML.search(item):
                problems.append((_line_of(text, f"{key}:"), f"'{key}' contains the character U+{ord(m.group()):04X}, which a workbook cannot hold: delete it"))
                break
    created = descriptor.get("created")
    if created is not None and not _is_timestamp(created):
        problems.append((_line_of(text, "created:"), f"'created' is {shown(repr(created))}, not a date such as 2026-11-23 or 2026-11-23T00:00:00Z"))
    names: set[str] = set()
    for pos, res in enumerate(descriptor["resources"], start=1):
        res = res if isinstance(res, dict) else {}
        schema = res.get("schema") if isinstance(res.get("schema"), dict) else {}
        fields = schema.get("fields")
        typed = isinstance(fields, list) and all(isinstance(f, dict) and isinstance(f.get("name"), str) and "type" in f for f in fields)
        name = res.get("name")
        if not (isinstance(name, str) and isinstance(res.get("path"), str) and typed):
            problems.append((None, f"resource {pos} ('{shown(name if isinstance(name, str) else '?')}') needs a name, a path and schema.fields, each field with a name and a type"))
            continue
        if name in names:
            problems.append((_line_of(text, f"name: {name}"), f"resource '{shown(name)}' is described twice"))
        names.add(name)
        if why := name_problem(res["path"]):
            problems.append((_line_of(text, f"path: {res['path']}"), f"resource '{shown(name)}': path '{shown(res['path'])}' {why}"))
        field_names_seen: set[str] = set()
        start = _resource_start(text, name)
        for f in fields:
            where = _line_of(text, f"name: {f['name']}", start)
            if f["name"] in field_names_seen:
                problems.append((where, f"resource '{shown(name)}': field '{shown(f['name'])}' is described twice"))
            field_names_seen.add(f["name"])
            if f["type"] not in FIELD_TYPES:
                problems.append((where, f"resource '{shown(name)}', field '{shown(f['name'])}': unknown type '{shown(f['type'])}' (known: {', '.join(FIELD_TYPES)})"))
            constraints = f.get("constraints", {})
            if not isinstance(constraints, dict):
                problems.append((where, f"resource '{shown(name)}', field '{shown(f['name'])}': 'constraints' must be a mapping"))
                continue
            problems += [(where, f"resource '{shown(name)}', field '{shown(f['name'])}': {why}") for why in constraint_problems(constraints, str(f["type"]))]
    return problems


def constraint_problems(constraints: dict, field_type: str) -> list[str]:
    """What is wrong with the ``constraints`` mapping of a field of ``field_type``, one sentence each.

    Only the constraints of Table Schema are known, each with a value of its
    own kind: ``required`` and ``unique`` true or false; ``minimum`` and
    ``maximum`` finite numbers; ``minLength`` and ``maxLength`` whole numbers
    of at least 0; ``pattern`` a valid regular expression; ``enum`` a
    non-empty list of plain values. A lower bound may not exceed its upper
    bound, and each constraint must fit the field's type (see
    :data:`_CONSTRAINT_TYPES`). A misspelt or empty constraint is refused
    rather than ignored, so that no check is silently switched off.
    """
    problems = []
    for key, value in constraints.items():
        if key not in _CONSTRAINT_KINDS:
            problems.append(f"unknown constraint '{shown(str(key))}' (known: {', '.join(_CONSTRAINT_KINDS)})")
        elif value is None:
            problems.append(f"'{key}' has no value: give one or leave the constraint out")
        elif key in _CONSTRAINT_TYPES and field_type not in _CONSTRAINT_TYPES[key]:
            *others, last = _CONSTRAINT_TYPES[key]
            types = f"{', '.join(others)} and {last}" if others else last
            article = "an" if field_type[:1] in "aeiou" else "a"
            problems.append(f"'{key}' applies to {types} fields only, not to {article} {shown(field_type)} field")
        elif (why := _CONSTRAINT_KINDS[key](value)) is not None:
            problems.append(f"'{key}' {why} (given: {_given(value)})")
        elif key == "enum" and (stray := [v for v in value if not _of_type(v, field_type)]):
            problems.append(f"'enum' lists {_given(stray[0])}, which is not a value of this {shown(field_type)} field (write it as the field's cells hold it)")
    if problems:
        return problems
    for lower, upper in (("minimum", "maximum"), ("minLength", "maxLength")):
        if lower in constraints and upper in constraints and constraints[lower] > constraints[upper]:
            problems.append(f"'{lower}' ({constraints[lower]}) is greater than '{upper}' ({constraints[upper]}): no value could pass")
    return problems


def _given(value) -> str:
    """``value`` as a message shows it: its ``repr``, at most 60 characters."""
    try:
        text = repr(value)
    except ValueError:  # an integer of more digits than Python will write out
        text = "a number of thousands of digits"
    return shown(text if len(text) <= 60 else text[:57] + "...")


def _is_number(value, *, whole: bool = False) -> bool:
    """Whether ``value`` (from YAML) is a number (an integer if ``whole``); true and false are not numbers."""
    return isinstance(value, int if whole else (int, float)) and not isinstance(value, bool)


def _of_type(value, field_type: str) -> bool:
    """Whether ``value`` (from YAML) is a value of a field of ``field_type``: text for a string, a number for a number …"""
    if field_type == "string":
        return isinstance(value, str)
    if field_type == "boolean":
        return isinstance(value, bool)
    return _is_number(value, whole=field_type == "integer")


def _flag(value) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _bound(value) -> str | None:
    if not _is_number(value):
        return "must be a number"
    try:
        finite = math.isfinite(float(value))
    except OverflowError:
        finite = False
    return None if finite else "must be a finite number"


def _length(value) -> str | None:
    return None if _is_number(value, whole=True) and value >= 0 else "must be a whole number, 0 or more"


def _pattern(value) -> str | None:
    if not isinstance(value, str):
        return "must be text (a regular expression)"
    try:
        re.compile(value)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"is not a valid regular expression: {exc}"
    return None


def _enum(value) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a list of at least one value"
    if not all(isinstance(v, (str, int, float, bool)) for v in value):
        return "must list plain values (text, numbers, true or false), not lists or mappings"
    return None


#: The constraints of Table Schema, each with the check of its value (``None`` when it is well formed).
_CONSTRAINT_KINDS = {
    "required": _flag,
    "unique": _flag,
    "enum": _enum,
    "pattern": _pattern,
    "minimum": _bound,
    "maximum": _bound,
    "minLength": _length,
    "maxLength": _length,
}


def _is_timestamp(value) -> bool:
    """Whether ``value`` is an ISO 8601 date or date and time (``2026-11-23``, ``2026-11-23T00:00:00Z``)
    that a workbook can store as its creation time (from 1900 to 2262, pandas' range)."""
    import datetime as dt

    if isinstance(value, str):
        if not _CREATED.fullmatch(value.strip()):
            return False
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return False
    if not isinstance(value, (dt.date, dt.datetime)):
        return False
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return False
    return 1900 <= stamp.year <= 2262


def _strings(value) -> list[str]:
    """Every string in a YAML value (nested lists and mappings included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def read_descriptor(data_dir: Path) -> dict:
    """The parsed ``datapackage.yaml`` of ``data_dir``.

    Raises :class:`DataError` when the folder has none, or when it is not
    valid YAML or does not describe its resources.
    """
    path = Path(data_dir) / DESCRIPTOR
    if path.is_symlink():
        try:
            confined(data_dir, DESCRIPTOR)
        except UnsafePathError as exc:
            raise DataError([Finding(display_path(path), None, None, f"{exc}: only files inside the data folder are read")]) from None
    try:
        st = path.stat()
    except OSError:
        inside = Path(data_dir) / "data" / DESCRIPTOR
        hint = f" (there is one in {display_path(inside.parent)})" if inside.is_file() else ""
        if not Path(data_dir).is_dir():
            why = "not found" if not Path(data_dir).exists() else "is a file, not the data folder"
            raise DataError([Finding(display_path(data_dir), None, None, why)]) from None
        raise DataError([Finding(display_path(data_dir), None, None, f"no {DESCRIPTOR} here: is this the data folder?{hint}")]) from None
    return _descriptor_cached(str(path), st.st_mtime_ns, st.st_size)


def resource_schema(descriptor: dict, name: str) -> dict:
    """The Table Schema of resource ``name``."""
    for res in descriptor["resources"]:
        if res["name"] == name:
            return res["schema"]
    raise KeyError(name)


def resource_path(data_dir: Path, descriptor: dict, name: str) -> Path:
    """Where resource ``name`` is: its path inside ``data_dir`` (:class:`UnsafePathError` for one that leaves it)."""
    for res in descriptor["resources"]:
        if res["name"] == name:
            return confined(data_dir, res["path"])
    raise KeyError(name)


def field_names(schema: dict) -> list[str]:
    return [f["name"] for f in schema["fields"]]
