"""Hostile input: the command line never shows a traceback.

Closed pipes, named pipes and devices as input, names that are not text
encodings, UTF-16 without a byte-order mark, empty selections, unknown names
(answered with the valid names in the chosen language and the closest
match) and invisible characters (shown escaped).
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys

import pytest

from hostile import SMALL_TEXT, make_workspace, refused, succeeded, text

POLICY_ARGS = ("--source-id", "sample-2024")


@pytest.fixture
def ws(tmp_path):
    ws = make_workspace(tmp_path)
    (ws.root / "policy.txt").write_text(SMALL_TEXT * 3, encoding="utf-8")
    return ws


# --------------------------------------------------------------------------- closed pipes
@pytest.mark.parametrize(
    "args",
    [
        ("extract", "policy.txt", *POLICY_ARGS),
        ("validate", "--data", "data"),
        ("--help",),
        ("export", "--help"),
    ],
    ids=["extract", "validate", "help", "export-help"],
)
def test_closed_pipe_ends_quietly(ws, args):
    """As with ``| head``: the reader of standard output is gone before the command writes."""
    proc = subprocess.Popen([sys.executable, "-m", "comparison", *args], cwd=ws.root, env=ws.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.wait(timeout=120)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert proc.returncode in (0, 1), err


def test_full_disk_on_standard_output_is_one_line(ws):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "comparison", "extract", "policy.txt", *POLICY_ARGS], cwd=ws.root, env=ws.env(), stdout=full, stderr=subprocess.PIPE)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1 and "Traceback" not in err and "No space left" in err, err


# --------------------------------------------------------------------------- files that are not regular files
def test_named_pipe_as_policy_is_refused_without_waiting(ws):
    os.mkfifo(ws.root / "pipe.txt")
    refused(ws.run("extract", "pipe.txt", *POLICY_ARGS, timeout=60), "pipe.txt", "named pipe")


def test_device_as_policy_is_refused(ws):
    refused(ws.run("extract", "/dev/zero", *POLICY_ARGS, timeout=60), "/dev/zero", "device")


def test_folder_as_policy_is_refused(ws):
    (ws.root / "folder.txt").mkdir()
    refused(ws.run("extract", "folder.txt", *POLICY_ARGS), "folder.txt", "folder")


def test_missing_policy_is_named(ws):
    refused(ws.run("extract", "nothing.txt", *POLICY_ARGS), "nothing.txt", "not found")


def test_empty_policy_is_named(ws):
    (ws.root / "empty.txt").write_bytes(b"")
    refused(ws.run("extract", "empty.txt", *POLICY_ARGS), "empty.txt", "empty")


def test_binary_policy_is_named(ws):
    (ws.root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    refused(ws.run("extract", "image.txt", *POLICY_ARGS), "image.txt", "not a text file")


def test_data_folder_that_is_a_device_is_refused(ws):
    refused(ws.run("validate", "--data", "/dev/null"), "/dev/null")


# --------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("name", ["base64", "rot13", "zlib", "hex", "uu"])
def test_encoding_that_is_not_a_text_encoding_is_refused(ws, name):
    refused(ws.run("extract", "policy.txt", *POLICY_ARGS, "--encoding", name), name, "not a text encoding")


@pytest.mark.parametrize("name", ["no-such-codec", "", "utf-9", "gbk\u200bx"])
def test_unknown_encoding_is_refused(ws, name):
    err = refused(ws.run("extract", "policy.txt", *POLICY_ARGS, "--encoding", name), "unknown encoding")
    if "\u200b" in name:
        assert "\\u200b" in err


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_policy_without_bom_is_named(ws, codec):
    (ws.root / "wide.txt").write_bytes(SMALL_TEXT.encode(codec))
    refused(ws.run("extract", "wide.txt", *POLICY_ARGS), "wide.txt", "UTF-16", f"--encoding {codec}")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_mostly_chinese_utf16_without_bom_is_named(ws, codec):
    # Chinese characters leave few zero bytes in UTF-16: the text is recognised by reading as common Chinese.
    text = "各区养老机构护理型床位占比达到百分之六十以上，社区养老服务设施实现全覆盖。" * 40 + "\n2025\n"
    (ws.root / "wide.txt").write_bytes(text.encode(codec))
    refused(ws.run("extract", "wide.txt", *POLICY_ARGS), "wide.txt", "UTF-16", f"--encoding {codec}")


def test_utf16_policy_without_bom_reads_with_the_encoding_it_names(ws):
    (ws.root / "wide.txt").write_bytes(SMALL_TEXT.encode("utf-16-le"))
    out = succeeded(ws.run("extract", "wide.txt", *POLICY_ARGS, "--encoding", "utf-16-le"))
    assert "55" in out


def test_utf16_table_without_bom_is_named(ws):
    body = (ws.data / "units.csv").read_text(encoding="utf-8")
    (ws.data / "units.csv").write_bytes(body.encode("utf-16-le"))
    refused(ws.run("validate"), "data/units.csv", "UTF-16")


def test_utf16_table_with_bom_is_named(ws):
    body = (ws.data / "units.csv").read_text(encoding="utf-8")
    (ws.data / "units.csv").write_bytes(codecs.BOM_UTF16_LE + body.encode("utf-16-le"))
    refused(ws.run("validate"), "data/units.csv", "UTF-16")


# --------------------------------------------------------------------------- selections
@pytest.mark.parametrize(
    "args, what",
    [(("--cities", ","), "no city given"), (("--topics", ",", "，"), "no topic given"), (("--domain", " , "), "no domain given"), (("--cities", "、"), "no city given")],
    ids=["cities", "topics", "domain", "chinese-comma"],
)
def test_empty_selection_is_refused(ws, args, what):
    refused(ws.run("export", "-o", "x.xlsx", *args), what)
    assert not (ws.root / "x.xlsx").exists()


def test_unknown_city_lists_names_in_chinese_with_the_closest(ws):
    err = refused(ws.run("export", "-o", "x.xlsx", "--cities", "宁坡", "--lang", "zh-Hans"))
    assert "did you mean 'ningbo', 宁波市?" in err and "重庆市 (chongqing)" in err


def test_unknown_city_lists_names_in_english_with_the_closest(ws):
    err = refused(ws.run("export", "-o", "x.xlsx", "--cities", "Ningbp", "--lang", "en"))
    assert "did you mean 'ningbo', Ningbo?" in err and "Chongqing (chongqing)" in err


def test_unknown_city_lists_names_in_traditional_chinese(ws):
    err = refused(ws.run("export", "-o", "x.xlsx", "--cities", "寧坡", "--lang", "zh-Hant"))
    assert "寧波市 (ningbo)" in err


def test_zero_width_space_in_a_name_is_shown_escaped(ws):
    err = refused(ws.run("export", "-o", "x.xlsx", "--cities", "ningbo\u200b"))
    assert "'ningbo\\u200b'" in err


def test_undecodable_argument_is_shown_escaped(ws):
    done = subprocess.run([sys.executable, "-m", "comparison", "export", "-o", "x.xlsx", "--data", "data", "--cities", b"ning\xffbo"], cwd=ws.root, env=ws.env(), capture_output=True)
    out, err = text(done)
    assert done.returncode == 1 and "Traceback" not in err and "\\udcff" in err, err


@pytest.mark.parametrize("names", [["宁波"], ["寧波"], ["重庆"], ["Chongqing"], ["宁波市"], ["NINGBO"], ["宁波,重庆"], ["寧波市", "chongqing"]])
def test_cities_by_common_names_in_any_script(ws, names):
    out = succeeded(ws.run("export", "-o", "x.xlsx", "--lang", "en", "--cities", *names))
    assert "in the selected cities" in out


@pytest.mark.parametrize("codec", ["utf-32", "utf-16"])
def test_policy_with_a_byte_order_mark_reads(ws, codec):
    (ws.root / "marked.txt").write_bytes(SMALL_TEXT.encode(codec))
    assert "55" in succeeded(ws.run("extract", "marked.txt", *POLICY_ARGS))


def test_oversized_policy_is_refused_before_reading(ws):
    with open(ws.root / "huge.txt", "wb") as fh:
        fh.truncate(60_000_000)
    refused(ws.run("extract", "huge.txt", *POLICY_ARGS), "huge.txt", "at most")


def test_extract_with_an_encoding_that_fails_on_these_bytes(ws):
    (ws.root / "latin.txt").write_bytes(b"\xff\xfe\xfa" * 10)
    refused(ws.run("extract", "latin.txt", *POLICY_ARGS, "--encoding", "idna"), "latin.txt", "cannot be read as idna")


def test_executed_notebooks_talk_to_their_kernel_without_a_tcp_warning(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    path = tmp_path / "01_tiny.ipynb"
    nbformat.write(nb, path)
    code = f"from comparison.build import execute_notebook; nb = execute_notebook(__import__('pathlib').Path({str(path)!r})); print(nb.cells[0].outputs[0]['text'])"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "42" in done.stdout
    assert "without encryption" not in done.stderr, done.stderr
    assert not list(tmp_path.glob("kernel-*")), "socket files were left in the working folder"
