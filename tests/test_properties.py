"""Properties that must hold for any data, checked with generated examples (hypothesis).

* A target table — Simplified and Traditional text, emoji, text that looks
  like a formula, very long quotes, tiny and huge numbers, many decimals —
  survives CSV → :func:`load_dataset` → Excel workbook → pandas unchanged,
  cell for cell.
* Script conversion (OpenCC) never changes digits, units, operators or ASCII.
* The quick test of :mod:`comparison.validate` that a quote states a value
  never says yes where the full reading says no.

Examples are derandomized (the same on every run and machine) and few, so
the suite stays fast and CI reproducible.
"""

from __future__ import annotations

import csv
import shutil
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparison.dataset import load_dataset
from comparison.descriptor import field_names, read_descriptor, resource_schema
from comparison.excel import read_targets_sheet, write_workbook
from comparison.numerals import normalise, quote_states_value
from comparison.script import to_simplified, to_traditional
from comparison.validate import _fmt, _states_in_digits
from conftest import DATA

#: Fixed examples: the same ones on every run (no example database, no random seed).
FIXED = settings(derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SIMPLIFIED = "养老服务机构护理型床位占比达到以上社区居家医养结合老年人助餐认知症照护设施覆盖率发展规划后里干发于台"
TRADITIONAL = "養老服務機構護理型床位佔比達到以上社區居家醫養結合老年人助餐認知症照護設施覆蓋率發展規劃後裡乾髮於臺"
EMOJI = ["👵", "👴", "🏥", "🍲", "❤️", "🧓🏽", "♿"]
SIGNS = "≥≤=><%‰㎡，。；：、（）“”《》〔〕～—·"
#: What conversion must leave alone: ASCII, and the signs of values and units.
PROTECTED = set(string.printable) | set("≥≤=><%‰㎡")

CJK = st.sampled_from(SIMPLIFIED + TRADITIONAL)
WORDS = st.sampled_from(["U盘", "B超", "3D打印", "5G网络", "维生素C", "N95口罩", "60%以上", "≥90%", "每百户20㎡", "千分之二", "2.4万", "５０％"])
CHARACTER = st.one_of(
    CJK,
    st.sampled_from(EMOJI),
    st.sampled_from(SIGNS),
    st.sampled_from(string.ascii_letters + string.digits + string.punctuation + " \n"),
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn")),
)


def cell_text(min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    """Text a curator may type into a cell: no spaces around it (they are normalised away), never empty."""
    plain = st.lists(CHARACTER, min_size=min_size, max_size=max_size).map("".join).map(str.strip).filter(bool)
    formula = st.builds(lambda sign, rest: sign + rest, st.sampled_from("=+-@"), plain)
    return st.one_of(plain, formula)


LONG_QUOTE = st.builds(lambda text, times: (text * times)[:8000].strip(), cell_text(5, 40), st.integers(100, 400)).filter(bool)
#: Values with up to 15 significant digits, as many as Excel keeps (openpyxl writes "%.16g"); a policy text states fewer.
VALUES = st.one_of(
    st.sampled_from([0.0, 1e-9, 1e15, 0.123456789012345, 123456.789012345, 2.5e-7, 99999999999999.9]),
    st.floats(min_value=0, max_value=1e15, allow_nan=False, allow_infinity=False).map(lambda v: float(f"{v:.15g}")),
)


def _reference_ids(table: str, column: str) -> list[str]:
    with open(DATA / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return [row[column] for row in csv.DictReader(fh)]


SOURCES, MEASURES, UNITS = _reference_ids("sources", "source_id"), _reference_ids("measures", "measure_id"), _reference_ids("units", "unit_id")
COLUMNS = field_names(resource_schema(read_descriptor(DATA), "targets"))


@st.composite
def target_rows(draw) -> list[tuple]:
    """1–6 rows of ``targets.csv`` as the typed values :func:`load_dataset` should give (``None`` for empty)."""
    rows = []
    for n in range(1, draw(st.integers(1, 6)) + 1):
        source = draw(st.sampled_from(SOURCES))
        if n == 1:
            first = f"{source}-t01"
        optional = st.none() | cell_text()
        row = {
            "target_id": f"{source}-t{n:02d}",
            "source_id": source,
            "clause": draw(cell_text(max_size=8)),
            "kind": draw(st.sampled_from(["target", "standard", "parameter"])),
            "measure_id": draw(st.none() | st.sampled_from(MEASURES)),
            "measure_zh": draw(cell_text()),
            "measure_en": draw(cell_text()),
            "operator": draw(st.sampled_from(["≥", "≤", "=", ">", "<"])),
            "value": draw(VALUES),
            "unit_id": draw(st.sampled_from(UNITS)),
            "measure_word": draw(optional),
            "deadline_stated": draw(st.none() | st.integers(2000, 2100)),
            "deadline_implied": draw(st.none() | st.integers(2000, 2100)),
            "deadline_basis": draw(st.sampled_from(["stated", "plan_end", "none"])),
            "scope_zh": draw(optional),
            "scope_en": draw(optional),
            "attribute": draw(st.none() | st.sampled_from(["binding", "indicative"])),
            "is_aspirational": draw(st.booleans()),
            "restates": draw(st.none() | st.just(first)) if n > 1 else None,  # a foreign key: the first row's id
            "quote": draw(cell_text() | LONG_QUOTE),
            "notes": draw(optional),
        }
        rows.append(tuple(row[c] for c in COLUMNS))
    return rows


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


def cells(frame) -> list[tuple]:
    """Every cell of ``frame`` as a plain Python value, ``None`` where missing, row by row."""
    plain = frame.astype(object).where(frame.notna(), None)
    return list(plain.itertuples(index=False, name=None))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """A copy of data/ whose targets.csv each example replaces."""
    dest = tmp_path_factory.mktemp("generated") / "data"
    shutil.copytree(DATA, dest)
    return dest


# --------------------------------------------------------------------------- CSV → load_dataset → Excel → pandas
@pytest.mark.slow
@settings(FIXED, max_examples=25)
@given(rows=target_rows())
def test_targets_survive_csv_load_and_excel_unchanged(data_dir, rows):
    with open(data_dir / "targets.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([csv_cell(v) for v in row] for row in rows)
    ds = load_dataset(data_dir, cache=False)
    assert cells(ds.targets) == rows
    book = write_workbook(ds, data_dir.parent / "targets.xlsx")
    assert cells(read_targets_sheet(book)) == rows


# --------------------------------------------------------------------------- script conversion
def protected(text: str) -> list[str]:
    return [ch for ch in text if ch in PROTECTED]


MIXED_TEXT = st.lists(st.one_of(CHARACTER, WORDS), max_size=40).map("".join)


@settings(FIXED, max_examples=200)
@given(text=MIXED_TEXT)
def test_script_conversion_keeps_digits_units_operators_and_ascii(text):
    for converted in (to_simplified(text), to_traditional(text)):
        assert protected(converted) == protected(text)


@settings(FIXED, max_examples=200)
@given(text=MIXED_TEXT)
def test_taiwan_phrasing_keeps_digits_units_and_operators(text):
    # Taiwan phrasing replaces whole words, letters included (U盘 → 隨身碟, B超 → 超音波), never a number or a sign.
    kept = set(string.digits) | set("≥≤=><%‰㎡.")
    assert [ch for ch in to_traditional(text, taiwan=True) if ch in kept] == [ch for ch in text if ch in kept]


# --------------------------------------------------------------------------- the quick value test of validate
NUMBER_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            list("0123456789.,万亿萬億千百十五两兩〇% \t\u3000\u00a0，．０１６²①\u2024\ufe50\ufe52\ufe10㎡㏠¼")
            + ["百分之", "千分之", "百分之六十"]
        ),
        CJK,
    ),
    max_size=20,
).map("".join)


@settings(FIXED, max_examples=600)
@given(
    before=NUMBER_TEXT,
    after=NUMBER_TEXT,
    value=st.one_of(st.integers(0, 20000).map(float), st.sampled_from([0.5, 1.5, 2.4, 12.5, 60.0, 100.0])),
    written=st.booleans(),
)
def test_quick_value_test_never_contradicts_the_full_reading(before, after, value, written):
    # validate accepts a value at once when the verbatim quote writes it in digits, so the quick test, given
    # the quote as written (Traditional numerals, full-width forms, odd spaces) or normalised, must imply the
    # full reading. Most quotes are made to contain the value's digits, or the test would rarely apply.
    quote = before + (_fmt(value) if written else "") + after
    norm = normalise(quote)
    for text in (quote, norm):
        if _states_in_digits(text, value):
            assert quote_states_value(norm, value, "percent", normalised=True), text
