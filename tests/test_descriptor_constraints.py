"""Each constraint of a field in ``datapackage.yaml`` is well formed and fits its field, or is refused.

A constraint that is misspelt, empty, of the wrong kind or impossible to meet
would otherwise switch a check off silently, or fail every cell.
"""

from __future__ import annotations

import pytest

from comparison.descriptor import constraint_problems


@pytest.mark.parametrize(
    ("constraints", "field_type"),
    [
        ({"required": True, "unique": False}, "string"),
        ({"enum": ["≥", "≤", "="]}, "string"),
        ({"enum": [1, 2.5]}, "number"),
        ({"enum": [2025, 2030]}, "integer"),
        ({"enum": [True]}, "boolean"),
        ({"pattern": "^[a-z]+$", "minLength": 0, "maxLength": 32767}, "string"),
        ({"minimum": 2000, "maximum": 2100}, "integer"),
        ({"minimum": -0.5, "maximum": -0.5}, "number"),
        ({}, "boolean"),
    ],
)
def test_well_formed_constraints_pass(constraints, field_type):
    assert constraint_problems(constraints, field_type) == []


@pytest.mark.parametrize(
    ("constraints", "field_type", "expected"),
    [
        ({"minimun": 0}, "number", "unknown constraint 'minimun' (known: required, unique, enum, pattern, minimum, maximum, minLength, maxLength)"),
        ({"pattern": None}, "string", "'pattern' has no value: give one or leave the constraint out"),
        ({"enum": None}, "string", "'enum' has no value"),
        ({"maxLength": None}, "string", "'maxLength' has no value"),
        ({"required": "yes"}, "string", "'required' must be true or false (given: 'yes')"),
        ({"unique": 1}, "string", "'unique' must be true or false (given: 1)"),
        ({"minimum": "two thousand"}, "integer", "'minimum' must be a number (given: 'two thousand')"),
        ({"minimum": True}, "integer", "'minimum' must be a number (given: True)"),
        ({"maximum": float("nan")}, "number", "'maximum' must be a finite number (given: nan)"),
        ({"minimum": float("-inf")}, "number", "'minimum' must be a finite number (given: -inf)"),
        ({"maximum": 10**400}, "number", "'maximum' must be a finite number (given: 1" + "0" * 56 + "...)"),
        ({"maximum": 10**5000}, "number", "'maximum' must be a finite number (given: a number of thousands of digits)"),
        ({"maxLength": 2.5}, "string", "'maxLength' must be a whole number, 0 or more (given: 2.5)"),
        ({"minLength": -1}, "string", "'minLength' must be a whole number, 0 or more (given: -1)"),
        ({"maxLength": float("nan")}, "string", "'maxLength' must be a whole number, 0 or more (given: nan)"),
        ({"pattern": 5}, "string", "'pattern' must be text (a regular expression) (given: 5)"),
        ({"pattern": "^[a-z"}, "string", "'pattern' is not a valid regular expression: unterminated character set at position 1 (given: '^[a-z')"),
        ({"enum": []}, "string", "'enum' must be a list of at least one value (given: [])"),
        ({"enum": "zh-Hans"}, "string", "'enum' must be a list of at least one value (given: 'zh-Hans')"),
        ({"enum": [["zh-Hans"], "zh-Hant"]}, "string", "'enum' must list plain values (text, numbers, true or false), not lists or mappings"),
        ({"enum": [2025, "2027"]}, "integer", "'enum' lists '2027', which is not a value of this integer field"),
        ({"enum": [2025, 2030.0]}, "integer", "'enum' lists 2030.0, which is not a value of this integer field"),
        ({"enum": [1, True]}, "number", "'enum' lists True, which is not a value of this number field"),
        ({"enum": ["false"]}, "boolean", "'enum' lists 'false', which is not a value of this boolean field"),
        ({"enum": [0]}, "boolean", "'enum' lists 0, which is not a value of this boolean field"),
        ({"enum": [1]}, "string", "'enum' lists 1, which is not a value of this string field"),
        ({"enum": ["2021-04-06"]}, "date", "'enum' applies to string, number, integer and boolean fields only, not to a date field"),
        ({"minimum": 3}, "string", "'minimum' applies to number and integer fields only, not to a string field"),
        ({"pattern": "^20"}, "integer", "'pattern' applies to string fields only, not to an integer field"),
        ({"maxLength": 4}, "date", "'maxLength' applies to string fields only, not to a date field"),
        ({"minimum": 9, "maximum": 1}, "integer", "'minimum' (9) is greater than 'maximum' (1): no value could pass"),
        ({"minLength": 5, "maxLength": 4}, "string", "'minLength' (5) is greater than 'maxLength' (4): no value could pass"),
    ],
)
def test_malformed_constraints_are_refused(constraints, field_type, expected):
    problems = constraint_problems(constraints, field_type)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_every_problem_is_named():
    problems = constraint_problems({"required": "no", "minimum": "x", "colour": "red"}, "number")
    assert len(problems) == 3
