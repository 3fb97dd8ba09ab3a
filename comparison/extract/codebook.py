"""The data the extractor reads: the columns of ``targets.csv``, the form of a source id and the keyword codebook.

Everything is read from ``datapackage.yaml`` and the tables it describes, so
that the extractor follows the codebook when its columns or keys change.
"""

from __future__ import annotations

import re
from pathlib import Path

from comparison.extract.patterns import EXTRA_COLUMNS

#: The table of keywords that suggest an entry of the codebook for a candidate.
KEYWORDS = "topic_keywords"


def _data_dir(data_dir: Path | str | None) -> Path:
    """``data_dir``, or the project's data folder."""
    from comparison.paths import default_data_dir

    return Path(data_dir) if data_dir is not None else default_data_dir()


def _descriptor(data_dir: Path | str | None) -> dict:
    from comparison.descriptor import read_descriptor

    return read_descriptor(_data_dir(data_dir))


def target_columns(data_dir: Path | str | None = None) -> list[str]:
    """The columns of ``targets.csv`` (from ``datapackage.yaml``), then the column of the suggested codebook entry
    when ``targets.csv`` has none (``topic_id``: the curator picks the measure), then :data:`EXTRA_COLUMNS`."""
    return _target_columns(_descriptor(data_dir))


def _target_columns(descriptor: dict) -> list[str]:
    """:func:`target_columns` of a parsed descriptor."""
    from comparison.descriptor import field_names, resource_schema

    columns = field_names(resource_schema(descriptor, "targets"))
    suggested = _suggestion_column(descriptor)
    return columns + ([suggested] if suggested not in columns else []) + list(EXTRA_COLUMNS)


def layout(data_dir: Path | str | None = None) -> tuple[str, str, list[str]]:
    """What extracting needs from ``datapackage.yaml``, read once: (:func:`source_id_pattern`,
    :func:`suggestion_column`, :func:`target_columns`)."""
    descriptor = _descriptor(data_dir)
    return _source_id_pattern(descriptor), _suggestion_column(descriptor), _target_columns(descriptor)


def source_id_pattern(data_dir: Path | str | None = None) -> str:
    """The pattern a ``source_id`` must match (from ``datapackage.yaml``)."""
    return _source_id_pattern(_descriptor(data_dir))


def _source_id_pattern(descriptor: dict) -> str:
    """:func:`source_id_pattern` of a parsed descriptor."""
    from comparison.descriptor import resource_schema

    schema = resource_schema(descriptor, "sources")
    field_def = next(f for f in schema["fields"] if f["name"] == "source_id")
    return field_def["constraints"]["pattern"]


def _keyword_reference(descriptor: dict) -> tuple[str, str, str]:
    """The keyword table's id column, and the resource and column it refers to (``topic_id`` →
    ``topics.topic_id``), from the table's foreign key."""
    from comparison.descriptor import resource_schema

    schema = resource_schema(descriptor, KEYWORDS)
    key = schema["foreignKeys"][0]
    return key["fields"][0], key["reference"]["resource"], key["reference"]["fields"][0]


def suggestion_column(data_dir: Path | str | None = None) -> str:
    """The column that takes a suggested codebook entry: the column of ``targets.csv`` whose foreign key refers to
    the same table as the keywords', else the keywords' own id column (``topic_id``)."""
    return _suggestion_column(_descriptor(data_dir))


def _suggestion_column(descriptor: dict) -> str:
    """:func:`suggestion_column` of a parsed descriptor."""
    from comparison.descriptor import resource_schema

    _, resource, column = _keyword_reference(descriptor)
    for key in resource_schema(descriptor, "targets").get("foreignKeys", []):
        if key["reference"]["resource"] == resource and key["reference"]["fields"] == [column]:
            return key["fields"][0]
    return column


def default_source_id(path: Path | str, text: str, pattern: str) -> str:
    """A source id ``{name}-{year}`` from the file name, with the first year of ``text`` when the name has none.

    Raises :class:`~comparison.errors.InputError` when no id matching ``pattern`` can be made.
    """
    import unicodedata

    from comparison.errors import InputError

    stem = Path(path).stem.lower()
    year = re.search(r"(?<!\d)((?:19|20)\d{2})([a-z]?)(?![a-z0-9])", stem)
    if year:
        stem = stem[: year.start()] + stem[year.end() :]
        suffix = year.group(1) + year.group(2)
    else:
        in_text = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", unicodedata.normalize("NFKC", text[:20000]))
        suffix = in_text.group() if in_text else ""
    prefix = re.sub(r"[^a-z0-9]+", "_", stem).strip("_")
    if not prefix[:1].isalpha():
        prefix = "doc" + (f"_{prefix}" if prefix else "")
    source_id = f"{prefix}-{suffix}"
    if not suffix or not re.fullmatch(pattern, source_id):
        raise InputError(f"cannot make a source id from the name {Path(path).name}; give one with --source-id (e.g. hangzhou-2024)")
    return source_id


def load_codebook(data_dir: Path | str | None = None):
    """The keywords of ``topic_keywords.csv``: a frame with the columns ``entry_id`` (the codebook entry a
    keyword suggests, in the column its foreign key names), ``keyword``, ``weight`` and ``name_en`` (the entry's
    English name).

    Raises :class:`~comparison.errors.DataError` when either table is malformed.
    """
    from comparison.errors import DataError
    from comparison.tables import read_table

    folder = _data_dir(data_dir)
    id_column, resource, ref_column = _keyword_reference(_descriptor(folder))
    keywords, problems = read_table(folder, KEYWORDS)
    entries, more = read_table(folder, resource)
    errors = [p for p in problems + more if p.severity == "error"]
    if errors:
        raise DataError(errors)
    names = entries[[ref_column, "name_en"]].astype(str).rename(columns={ref_column: "entry_id"})
    frame = keywords.astype({id_column: str, "keyword": str}).rename(columns={id_column: "entry_id"})
    frame = frame.merge(names, on="entry_id", how="left")
    return frame[["entry_id", "keyword", "weight", "name_en"]].reset_index(drop=True)
