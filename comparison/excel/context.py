"""What every sheet builder needs: the data, the language, the selection, and tables made once for all sheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from comparison import align
from comparison.dataset import Dataset
from comparison.excel.scope import Selection
from comparison.labels import COLUMNS, pick
from comparison.words import SHEETS, WORKBOOK


@dataclass(frozen=True)
class Context:
    """The data ``ds``, the output ``lang`` (with ``taiwan`` phrasing), the ``selection`` and the data package ``descriptor``."""

    ds: Dataset
    lang: str
    taiwan: bool
    selection: Selection
    descriptor: dict
    #: Where the site's edition folders are, relative to the workbook ("site/" beside it, "../" from the site's
    #: downloads), with the edition of each output language; ``None``: no links to the annotated sources.
    passages: tuple[str, dict[str, str]] | None = None

    def t(self, zh: str, en: str) -> str:
        """Interface text in the output language."""
        return pick(zh, en, self.lang, taiwan=self.taiwan)

    def word(self, key: str, **values) -> str:
        """The workbook text ``key`` of :data:`comparison.words.WORKBOOK`, with ``values`` filled in."""
        return self.t(*WORKBOOK[key]).format(**values)

    def each(self, zh: Iterable, en: Iterable) -> list[str | None]:
        """Data text given in Simplified and English, in the output language; whichever exists when one is missing."""
        out = []
        for z, e in zip(zh, en):
            z, e = (z if isinstance(z, str) else None), (e if isinstance(e, str) else None)
            out.append((e or z) if self.lang == "en" else (self.t(z, "") if z else e))
        return out

    def sheet_title(self, key: str) -> str:
        return self.t(*SHEETS[key])

    def label(self, column: str) -> str:
        zh, en = COLUMNS.get(column, (column, column))
        return self.t(zh, en)

    @cached_property
    def created(self) -> dt.datetime | None:
        """The data package's ``created`` time (naive UTC), if it states one."""
        value = self.descriptor.get("created")
        if value is None:
            return None
        stamp = pd.Timestamp(value)
        return (stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo else stamp).to_pydatetime()

    @property
    def footer(self) -> str:
        return f"{self.descriptor.get('name', '')} {self.ds.version}".strip()

    @cached_property
    def long(self) -> pd.DataFrame:
        """:func:`comparison.align.targets_long` in the workbook's language and phrasing, made once for every sheet."""
        return align.targets_long(self.ds, self.lang, taiwan=self.taiwan)

    @cached_property
    def coverage(self) -> pd.DataFrame:
        """:func:`comparison.align.coverage_long`, made once for the comparison and coverage sheets."""
        return align.coverage_long(self.ds)

    @cached_property
    def long_standard(self) -> pd.DataFrame:
        """The same without Taiwan phrasing (as the per-1000 table uses it)."""
        return align.targets_long(self.ds, self.lang) if self.taiwan else self.long

    @cached_property
    def jurisdiction_names(self) -> pd.Series:
        return align.jurisdiction_names(self.ds, self.lang)

    @cached_property
    def topic_names(self) -> pd.Series:
        return align.topic_names(self.ds, self.lang)

    @cached_property
    def measure_names(self) -> pd.Series:
        return align.measure_names(self.ds, self.lang)
