"""Hostile input: a broken ``datapackage.yaml``.

An invalid regular expression, an unknown field type, a folder where a file
should be, pathological nesting and YAML alias bombs each end with a clear
message naming the descriptor (and the line where it can be found), never a
traceback, in bounded memory and time.
"""

from __future__ import annotations

import os
import shutil

import pytest

from hostile import make_workspace, refused, set_descriptor

D = "data/datapackage.yaml"
#: Address space given to each run: loading the real data needs well under this.
MEMORY_MB = 1000


@pytest.fixture
def ws(tmp_path):
    return make_workspace(tmp_path)


def _descriptor(ws) -> str:
    return (ws.data / "datapackage.yaml").read_text(encoding="utf-8")


def _line_of(ws, needle: str) -> int:
    body = _descriptor(ws)
    return body[: body.index(needle)].count("\n") + 1


@pytest.mark.parametrize("command", ["validate", "export"])
def test_invalid_regular_expression(ws, command):
    set_descriptor(ws, 'pattern: "^[0-9a-f]{64}$"', 'pattern: "^[0-9a-f{64}($"')
    line = _line_of(ws, "name: text_sha256")
    args = ["export", "-o", "x.xlsx"] if command == "export" else ["validate"]
    refused(ws.run(*args), f"{D}, line {line}", "text_sha256", "not a valid regular expression")


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        pytest.param("{name: title_zh, type: string", "{name: title_zh, type: varchar", "title_zh", "unknown type 'varchar'", id="unknown-field-type"),
        pytest.param(
            "{name: title_zh, type: string, description: Full title in Simplified Chinese., constraints: {required: true}}",
            "{name: title_zh, type: string, constraints: 5}",
            "title_zh",
            "'constraints' must be a mapping",
            id="constraints-not-a-mapping",
        ),
        pytest.param("minimum: 2000, maximum: 2100}}", "minimum: two thousand, maximum: 2100}}", "period_start_year", "'minimum' must be a number", id="bound-not-a-number"),
        pytest.param(
            'constraints: {required: true, unique: true, pattern: "^[a-z][a-z0-9_]*-[0-9]{4}[a-z]?$"}}',
            "constraints: {required: true, unique: true, minimum: 3}}",
            "source_id",
            "'minimum' applies to number and integer fields only, not to a string field",
            id="bound-on-a-text-field",
        ),
        pytest.param(
            "{required: true, minimum: 2000, maximum: 2100}}",
            '{required: true, pattern: "^20"}}',
            "period_start_year",
            "'pattern' applies to string fields only, not to an integer field",
            id="pattern-on-a-number-field",
        ),
        pytest.param("enum: [zh-Hans, zh-Hant]", "enum: zh-Hans", "script", "'enum' must be a list", id="enum-not-a-list"),
    ],
)
def test_malformed_field_is_refused(ws, old, new, field, expected):
    set_descriptor(ws, old, new)
    refused(ws.run("validate"), D, field, expected)


def test_resource_described_twice(ws):
    body = _descriptor(ws)
    start = body.index("  - name: units")
    block = body[start:]
    (ws.data / "datapackage.yaml").write_text(body + "\n" + block.split("\n  - name:", 1)[0] + "\n", encoding="utf-8")
    refused(ws.run("validate"), D, "described twice")


def test_resource_without_fields(ws):
    body = _descriptor(ws)
    # Leave the resource with no schema at all.
    start = body.index("  - name: units")
    end = body.find("\n  - name:", start + 5)
    (ws.data / "datapackage.yaml").write_text(body[:start] + "  - name: units\n    path: units.csv\n" + (body[end:] if end > 0 else ""), encoding="utf-8")
    refused(ws.run("validate"), D, "needs a name, a path and schema.fields")


def test_empty_descriptor(ws):
    (ws.data / "datapackage.yaml").write_text("", encoding="utf-8")
    refused(ws.run("validate"), D, "does not describe a data package")


def test_descriptor_that_is_a_folder(ws):
    (ws.data / "datapackage.yaml").unlink()
    (ws.data / "datapackage.yaml").mkdir()
    refused(ws.run("validate"), D, "folder")


def test_table_that_is_a_folder(ws):
    (ws.data / "targets.csv").unlink()
    (ws.data / "targets.csv").mkdir()
    refused(ws.run("validate"), "data/targets.csv", "folder")


def test_table_that_is_a_folder_export(ws):
    shutil.rmtree(ws.data / "units.csv", ignore_errors=True)
    (ws.data / "units.csv").unlink(missing_ok=True)
    (ws.data / "units.csv").mkdir()
    refused(ws.run("export", "-o", "x.xlsx"), "data/units.csv", "folder")


def test_descriptor_that_is_a_named_pipe_does_not_hang(ws):
    (ws.data / "datapackage.yaml").unlink()
    os.mkfifo(ws.data / "datapackage.yaml")
    refused(ws.run("validate", timeout=60), D, "named pipe")


def test_table_that_is_a_named_pipe_does_not_hang(ws):
    (ws.data / "units.csv").unlink()
    os.mkfifo(ws.data / "units.csv")
    refused(ws.run("validate", timeout=60), "data/units.csv", "named pipe")


def test_descriptor_not_utf8(ws):
    (ws.data / "datapackage.yaml").write_bytes(_descriptor(ws).encode("gb18030"))
    refused(ws.run("validate"), D, "not UTF-8")


def test_yaml_alias_bomb(ws):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    (ws.data / "datapackage.yaml").write_text(_descriptor(ws) + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    refused(ws.run("validate", memory_mb=MEMORY_MB, timeout=120), D, "anchors or aliases")


def test_yaml_alias_bomb_export(ws):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    (ws.data / "datapackage.yaml").write_text(_descriptor(ws) + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    refused(ws.run("export", "-o", "x.xlsx", memory_mb=MEMORY_MB, timeout=120), D, "anchors or aliases")


def test_deeply_nested_flow_sequences(ws):
    (ws.data / "datapackage.yaml").write_text(_descriptor(ws) + "\nextra: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    refused(ws.run("validate", memory_mb=MEMORY_MB, timeout=120), D)


def test_deeply_nested_block_mappings(ws):
    nested = "".join(f"{'  ' * i}k{i}:\n" for i in range(200)) + "  " * 200 + "leaf: 1\n"
    (ws.data / "datapackage.yaml").write_text(_descriptor(ws) + "extra:\n" + "".join("  " + line + "\n" for line in nested.splitlines()), encoding="utf-8")
    refused(ws.run("validate", memory_mb=MEMORY_MB, timeout=120), D, "nested more than")


def test_huge_descriptor(ws):
    with open(ws.data / "datapackage.yaml", "a", encoding="utf-8") as fh:
        fh.write("padding: '" + "x" * 3_000_000 + "'\n")
    refused(ws.run("validate", memory_mb=MEMORY_MB, timeout=120), D, "at most")


def test_pattern_with_a_repeated_group_name(ws):
    set_descriptor(ws, 'pattern: "^[0-9a-f]{64}$"', 'pattern: "(?P<x>a)(?P<x>b)"')
    refused(ws.run("validate"), D, "not a valid regular expression")


@pytest.mark.parametrize("name", ["datapackage.yaml", "units.csv"])
def test_named_pipe_in_the_data_folder_does_not_hang_export(ws, name):
    (ws.data / name).unlink()
    os.mkfifo(ws.data / name)
    refused(ws.run("export", "-o", "x.xlsx", timeout=60), f"data/{name}", "named pipe")


def test_key_repeated_in_one_mapping(ws):
    set_descriptor(ws, "    path: units.csv\n", "    path: units.csv\n    path: ../../outside/units.csv\n")
    line = _line_of(ws, "path: ../../outside/units.csv")
    refused(ws.run("validate"), f"{D}, line {line}", "'path' appears twice")


def test_field_described_twice(ws):
    set_descriptor(ws, "        - {name: title_en,", "        - {name: title_zh, type: string}\n        - {name: title_en,")
    refused(ws.run("validate"), D, "field 'title_zh' is described twice")


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        ("minimum: 2000, maximum: .nan}}", "'maximum' must be a finite number (given: nan)"),
        ("minimum: 2000, maximum: 1" + "0" * 400 + "}}", "'maximum' must be a finite number"),
        ("minimum: 2000, maximum: 1" + "0" * 5000 + "}}", "is not valid YAML: cannot read the value '1000"),
        ("minimum: 2000, maximum: 2026-02-30}}", "is not valid YAML: cannot read the value '2026-02-30': day is out of range for month"),
        ("minimum: 2100, maximum: 2000}}", "'minimum' (2100) is greater than 'maximum' (2000): no value could pass"),
        ("minimum: 2000, maximun: 2100}}", "unknown constraint 'maximun'"),
        ("minimum: 2000, maximum: null}}", "'maximum' has no value"),
    ],
)
def test_constraint_that_would_switch_a_check_off_or_fail_every_cell(ws, new, expected):
    line = set_descriptor(ws, "minimum: 2000, maximum: 2100}}", new)
    refused(ws.run("validate"), f"{D}, line {line}", expected)
