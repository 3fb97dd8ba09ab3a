"""The command line imports only the chosen sub-command's module, and lists the others with their own help."""

from __future__ import annotations

import argparse
import importlib

import pytest

from comparison import cli


def _helps(parser: argparse.ArgumentParser) -> dict[str, str]:
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {choice.dest: choice.help for choice in sub._choices_actions}


def test_listed_help_equals_each_modules_own():
    full = _helps(cli.build_parser())
    for name, (module, help_text) in cli.COMMANDS.items():
        importlib.import_module(module)
        assert full[name] == help_text


def test_lazy_parser_lists_the_same_commands():
    assert _helps(cli.build_parser(["export", "-o", "x.xlsx"])) == _helps(cli.build_parser())
    assert _helps(cli.build_parser([])) == _helps(cli.build_parser())


def test_chosen_command_is_parsed_fully():
    args = cli.build_parser(["export", "-o", "x.xlsx", "--lang", "en"]).parse_args(["export", "-o", "x.xlsx", "--lang", "en"])
    assert args.lang == "en" and args.func.__module__ == "comparison.export_cli"


def test_messages_name_the_command_as_typed(monkeypatch):
    monkeypatch.setattr(cli.sys, "argv", ["/venv/bin/elderly-care-targets", "export"])
    assert cli.build_parser().prog == "elderly-care-targets"
    monkeypatch.setattr(cli.sys, "argv", ["/project/comparison/__main__.py", "export"])
    assert cli.build_parser().prog == "python -m comparison"


@pytest.mark.parametrize("command", [[], ["export"], ["extract"], ["validate"], ["build"]])
def test_help_examples_name_the_command_as_typed(monkeypatch, capsys, command):
    monkeypatch.setattr(cli.sys, "argv", ["/venv/bin/elderly-care-targets", *command])
    with pytest.raises(SystemExit):
        cli.main([*command, "--help"])
    text = capsys.readouterr().out
    assert "python -m comparison" not in text
    assert "elderly-care-targets" in text


def test_data_error_hint_names_the_command_as_typed(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(cli.sys, "argv", ["/venv/bin/elderly-care-targets"])
    code = cli.main(["export", "--data", str(tmp_path / "missing"), "-o", str(tmp_path / "x.xlsx")])
    err = capsys.readouterr().err
    assert code == 1
    assert "Run 'elderly-care-targets validate' for a full check." in err and "python -m comparison" not in err

