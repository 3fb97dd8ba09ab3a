"""Flattened tables: a table of main indicators whose cells a PDF or web extraction put one per line.

A table is a run of rows numbered from 1: a line with the number, a line
naming the measure (the indicator, maybe with its unit: 养老床位总量(万张)), then
short value cells (≥45, 【15】, 60%, —) up to the next row's number. A cell's
unit may come from the indicator's name, its deadline from its column's
header; columns of a year before the document was issued, or headed 现状/基期,
hold baselines and yield nothing.
"""

from __future__ import annotations

import re

from comparison.extract.context import deadline_year, is_deadline
from comparison.extract.model import Candidate, Quantity, Row
from comparison.extract.patterns import (
    BASELINE_HEAD,
    CELL_UNIT,
    COLUMN_HEAD,
    ISSUE_LINE,
    TABLE_CELL_MAX,
    TABLE_YEAR,
    UNIT,
    UNIT_IDS,
    VALUE_CELL,
)


class Tables:
    """The flattened tables of one :class:`~comparison.policy_text.PolicyText`, read when first asked for."""

    def __init__(self, context):
        self.ctx = context
        self.doc = context.doc
        self.text = context.text
        self._rows: dict[int, Row] | None = None
        self._heads: dict[int, list] = {}
        self._issue_year: int | None = None

    def value_cell(self, pos: int) -> tuple[int, int] | None:
        """The line holding ``pos`` when it is a table cell holding a value (≥45, 【15】, 60%), else ``None``."""
        if pos and self.text[pos - 1] not in "\n≥≤<>[【":
            return None  # a value cell starts its line, maybe after a sign or a bracket
        start, end = self.doc.line_span(pos)
        return (start, end) if VALUE_CELL.fullmatch(self.text, start, end) else None

    def row(self, cell: tuple[int, int]) -> Row | None:
        """The table row holding value ``cell``, if it stands in a table whose rows are numbered 1, 2, 3 …"""
        if self._rows is None:
            self._rows = self._read_tables()
        return self._rows.get(cell[0])

    def _read_tables(self) -> dict[int, Row]:
        """The rows of every flattened table, by the start of each of their value cells.

        A table is a run of rows numbered from 1, each a line with the number, a line naming the measure, then
        short cells up to the next row's number (a line with it followed by a line that is not a value).
        """
        doc, t = self.doc, self.text
        rows: dict[int, Row] = {}
        for first in re.finditer(r"^1$", t, re.M):
            line, expected = (first.start(), first.end()), 1
            if first.start() in rows:
                continue  # a value cell of a table already read
            while line is not None and t[line[0] : line[1]] == str(expected):
                measure = doc.next_line(line[1])
                if measure is None or VALUE_CELL.fullmatch(t, *measure):
                    break
                cells, line = [], doc.next_line(measure[1])
                while line is not None and line[1] - line[0] <= TABLE_CELL_MAX and not self._row_number(line, expected + 1):
                    if VALUE_CELL.fullmatch(t, *line):
                        cells.append(line)
                    line = doc.next_line(line[1])
                rows.update((cell[0], Row(measure, i, len(cells), first.start())) for i, cell in enumerate(cells))
                expected += 1
        return rows

    def _row_number(self, line: tuple[int, int], number: int) -> bool:
        """Whether ``line`` is the number of a table's row ``number``: the number, then a line that is not a value."""
        if self.text[line[0] : line[1]] != str(number):
            return False
        following = self.doc.next_line(line[1])
        return following is not None and not VALUE_CELL.fullmatch(self.text, *following)

    def cell_quantity(self, n, row: Row) -> Quantity | None:
        """The quantity of a value cell: unit and scale from the indicator's name (养老床位总量(万张)), year from the
        column's header; ``None`` for a cell in a baseline column (2020年, 现状值)."""
        t = self.text
        column = self._column(row)
        year = int(column["year"]) if column is not None and column["year"] else None
        if column is not None and (BASELINE_HEAD.search(column.group()) or (year is not None and year < self._baseline_before())):
            return None
        unit = CELL_UNIT.search(t, row.measure[0], row.measure[1])
        word, scale = (unit["word"], 10000.0 if unit["scale"] else 1.0) if unit else ("", 1.0)
        if n.kind == "percent" or word == "%":
            return Quantity("percent", "percent", "", n.end, year=year)
        if n.kind == "permille" or word == "‰":
            return Quantity("permille", "", "", n.end, year=year)
        if (m := UNIT.fullmatch(word)) and m.lastgroup != "points":
            return Quantity(m.lastgroup, UNIT_IDS.get(m.lastgroup, ""), f"{unit['scale'] or ''}{word}", n.end, scale=scale, year=year)
        return Quantity("table", "", "", n.end, year=year)

    def _column(self, row: Row):
        """The header cell (a match of :data:`COLUMN_HEAD`) of a row's value cell, when the header can be read:
        the value cells of a row stand under the last columns of the header, in order."""
        heads = self._column_heads(row.first)
        if not heads or row.count > len(heads):
            return None
        return heads[len(heads) - row.count + row.index]

    def _column_heads(self, first: int) -> list:
        """The headers of the value columns of the table whose first row starts at ``first`` (its short lines above)."""
        if first not in self._heads:
            heads = []
            line = self.doc.previous_line(first)
            while line is not None and line[1] - line[0] <= TABLE_CELL_MAX:
                if (m := COLUMN_HEAD.fullmatch(self.text, *line)) and m.group():
                    heads.append(m)
                line = self.doc.previous_line(line[0])
            self._heads[first] = heads[::-1]
        return self._heads[first]

    def _baseline_before(self) -> int:
        """Columns of years before this one hold baselines: the year the document was issued (its number or date on a
        line of its own), else its earliest deadline."""
        if self._issue_year is None:
            issued = [int(m["n"] or m["d"]) for m in ISSUE_LINE.finditer(self.text)]
            ctx = self.ctx
            stated = [deadline_year(m) for m in ctx.deadlines if is_deadline(m, self.text, ctx.sentence_start(m.start()))]
            self._issue_year = max(issued) if issued else min(stated, default=0)
        return self._issue_year

    def table_context(self, c: Candidate, measure_line: int) -> None:
        """Row number, header year and 约束性/预期性 of a value read from a flattened table."""
        doc, t = self.doc, self.text
        above = doc.previous_line(measure_line)
        if above and re.fullmatch(r"\d{1,3}", t[above[0] : above[1]]):
            c.clause = f"{doc.clause_label(c.pos)}表第{t[above[0] : above[1]]}项"
        if c.deadline is None:
            c.deadline = self._table_year(measure_line, c)
        following = doc.next_line(doc.line_span(c.pos)[1])
        cell = t[following[0] : following[1]] if following else ""
        if cell in ("约束性", "预期性"):
            c.attribute = "binding" if cell == "约束性" else "indicative"
            c.reasons.append(f"attribute {cell}")

    def _table_year(self, line_start: int, c: Candidate) -> int | None:
        """A year in the header of the table above ``line_start`` (its cells are short lines)."""
        line = self.doc.previous_line(line_start)
        while line is not None and line[1] - line[0] <= TABLE_CELL_MAX:
            if m := TABLE_YEAR.search(self.text, line[0], line[1]):
                c.reasons.append(f"deadline {m.group()} (table header)")
                return int(m.group()[:4])
            line = self.doc.previous_line(line[0])
        return None
