"""Hostile input: paths that leave the folders the user named.

A ``text_file`` in ``sources.csv`` is read only inside the source-text folder,
and a resource ``path`` in ``datapackage.yaml`` only inside the data folder:
``../``, absolute paths and symbolic links that lead out are refused with a
message that names the file, line and column, and nothing outside is read.
"""

from __future__ import annotations

import os

import pytest

from hostile import SECRET, make_workspace, point_source_at, refused, set_descriptor, succeeded


@pytest.fixture
def ws(tmp_path):
    return make_workspace(tmp_path)


# --------------------------------------------------------------------------- sources.csv text_file
def test_text_file_with_dot_dot_is_refused(ws):
    line = point_source_at(ws, "../../outside/secret.txt")
    err = refused(ws.run("validate", "--sources", "sources"))
    assert f"data/sources.csv, line {line}, column 'text_file'" in err and "leads out of the folder" in err


def test_text_file_with_an_absolute_path_is_refused(ws):
    line = point_source_at(ws, str(ws.secret_file))
    err = refused(ws.run("validate", "--sources", "sources"))
    assert f"data/sources.csv, line {line}, column 'text_file'" in err and "absolute path" in err


def test_text_file_naming_etc_passwd_is_refused(ws):
    point_source_at(ws, "/etc/passwd")
    err = refused(ws.run("validate", "--sources", "sources"))
    assert "root:" not in err and "absolute path" in err


def test_text_file_that_is_a_link_leading_out_is_refused(ws):
    os.symlink(ws.secret_file, ws.sources / "link.txt")
    line = point_source_at(ws, "link.txt")
    err = refused(ws.run("validate", "--sources", "sources"))
    assert f"line {line}, column 'text_file'" in err and "symbolic link" in err


def test_text_file_under_a_linked_folder_leading_out_is_refused(ws):
    os.symlink(ws.outside, ws.sources / "sub")
    point_source_at(ws, "sub/secret.txt")
    refused(ws.run("validate", "--sources", "sources"), "symbolic link")


def test_text_file_with_a_backslash_path_is_refused(ws):
    point_source_at(ws, "..\\..\\outside\\secret.txt")
    refused(ws.run("validate", "--sources", "sources"), "column 'text_file'", "backslashes")


def test_text_file_link_inside_the_folder_is_followed(ws):
    content = "到2030年，养老服务全覆盖。\n".encode()
    (ws.sources / "real.txt").write_bytes(content)
    os.symlink("real.txt", ws.sources / "alias.txt")
    line = point_source_at(ws, "alias.txt", content)
    done = ws.run("validate", "--sources", "sources")
    err = refused(done)  # the quotes of that source are not in this short text: but the file was read
    assert f"line {line}, column 'text_file'" not in err


def test_text_file_that_is_a_named_pipe_is_refused_without_waiting(ws):
    os.mkfifo(ws.sources / "pipe.txt")
    point_source_at(ws, "pipe.txt")
    refused(ws.run("validate", "--sources", "sources", timeout=60), "column 'text_file'", "named pipe")


# --------------------------------------------------------------------------- datapackage.yaml resource paths
def test_resource_path_with_dot_dot_is_refused(ws):
    set_descriptor(ws, "path: units.csv", "path: ../../outside/units.csv")
    refused(ws.run("validate"), "data/datapackage.yaml", "units", "leads out of the folder")


def test_resource_path_absolute_is_refused(ws):
    set_descriptor(ws, "path: units.csv", f"path: {ws.outside / 'units.csv'}")
    refused(ws.run("validate"), "data/datapackage.yaml", "absolute path")


def test_resource_that_is_a_link_leading_out_is_refused(ws):
    (ws.data / "units.csv").unlink()
    os.symlink(ws.outside / "units.csv", ws.data / "units.csv")
    refused(ws.run("validate"), "units.csv", "symbolic link")


def test_resource_link_leading_out_is_refused_by_export_too(ws):
    (ws.data / "units.csv").unlink()
    os.symlink(ws.outside / "units.csv", ws.data / "units.csv")
    refused(ws.run("export", "-o", "out.xlsx"), "symbolic link")
    assert not (ws.root / "out.xlsx").exists()


def test_resource_path_absolute_is_refused_by_export(ws):
    set_descriptor(ws, "path: units.csv", f"path: {ws.outside / 'units.csv'}")
    refused(ws.run("export", "-o", "out.xlsx"), "absolute path")


def test_resource_in_a_sub_folder_is_read(ws):
    (ws.data / "tables").mkdir()
    (ws.data / "units.csv").rename(ws.data / "tables" / "units.csv")
    set_descriptor(ws, "path: units.csv", "path: tables/units.csv")
    assert "OK:" in succeeded(ws.run("validate"))


def test_data_folder_that_is_a_file_is_named(ws):
    refused(ws.run("validate", "--data", "data/units.csv"), "data/units.csv", "not the data folder")


def test_data_folder_that_does_not_exist_is_named(ws):
    refused(ws.run("validate", "--data", "nowhere"), "nowhere", "not found")


def test_secret_is_never_in_any_output_of_a_normal_run(ws):
    out = succeeded(ws.run("validate"))
    assert SECRET not in out


def test_descriptor_that_is_a_link_leading_out_is_refused(ws):
    outside = ws.outside / "datapackage.yaml"
    (ws.data / "datapackage.yaml").rename(outside)
    os.symlink(outside, ws.data / "datapackage.yaml")
    refused(ws.run("validate"), "data/datapackage.yaml", "symbolic link")


def test_resource_that_is_a_link_loop_is_refused(ws):
    os.symlink("loop-b", ws.data / "loop-a")
    os.symlink("loop-a", ws.data / "loop-b")
    set_descriptor(ws, "path: units.csv", "path: loop-a")
    refused(ws.run("validate"), "data/datapackage.yaml", "units", "cannot be resolved")


def test_resource_path_with_a_control_character_is_refused(ws):
    set_descriptor(ws, "path: units.csv", 'path: "units\\n.csv"')
    refused(ws.run("validate"), "data/datapackage.yaml", "control character")


def test_text_file_with_a_bidi_override_is_shown_escaped(ws):
    point_source_at(ws, "\u202etxt.exe")
    refused(ws.run("validate", "--sources", "sources"), "\\u202e")
