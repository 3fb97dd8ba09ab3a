"""Which cities, topics, measures and domains a user means.

One place resolves the names a user types, for the aligned tables
(:mod:`comparison.align`), the workbook and the charts. A name may be

* the id (``ningbo``, ``nursing_bed_share``), in any case;
* the name in Simplified or Traditional Chinese or in English (``宁波市``,
  ``寧波市``, ``Ningbo``), ignoring case, width (full-width letters) and
  spaces, hyphens or underscores between words;
* a common short name: a Chinese place name without its administrative
  suffix (``宁波``, ``寧波``, ``重庆``, ``昌乐``) and an English one without
  ``City``/``County``/``District``.

A name that resolves to nothing raises :class:`SelectionError` that lists the
valid names in the chosen language (with their ids) and the closest match; an
empty list (``--cities ,``) raises too, since it would select nothing.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from comparison.deprecation import renamed_keyword, warn_renamed
from comparison.errors import SelectionError, shown
from comparison.labels import pick
from comparison.script import to_simplified

__all__ = [
    "SelectionError",
    "Selection",
    "resolve",
    "resolve_cities",
    "resolve_indicators",
    "resolve_topics",
    "resolve_measures",
    "resolve_domains",
    "select",
]

#: Administrative suffixes of Chinese place names, longest first (昌乐县 → 昌乐).
_ZH_SUFFIXES = ("自治县", "自治州", "自治区", "地区", "新区", "市", "县", "区", "州", "盟", "旗")
_EN_SUFFIXES = re.compile(r"\s+(city|county|district|municipality|prefecture)$", re.I)
_JOINERS = re.compile(r"[\s\-_·・.]+")

#: What each kind of name is looked up in: (table attribute, id column, singular, plural).
KINDS: dict[str, tuple[str, str, str, str]] = {
    "city": ("jurisdictions", "jurisdiction_id", "city", "cities"),
    "topic": ("topics", "topic_id", "topic", "topics"),
    "measure": ("measures", "measure_id", "measure", "measures"),
    "domain": ("domains", "domain_id", "domain", "domains"),
}


def normalise(name: str) -> str:
    """The form in which names are compared: NFKC, Simplified, case-folded, without spaces, hyphens or underscores."""
    text = unicodedata.normalize("NFKC", str(name)).strip()
    return _JOINERS.sub("", to_simplified(text).casefold())


def _short_forms(name: str) -> set[str]:
    """Common short forms of a place name: without its administrative suffix."""
    forms = set()
    for suffix in _ZH_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            forms.add(name[: -len(suffix)])
            break
    if (m := _EN_SUFFIXES.search(name)) is not None:
        forms.add(name[: m.start()])
    return forms


def _table(ds, kind: str) -> pd.DataFrame:
    attr, id_col, singular, _ = KINDS[kind]
    frame = getattr(ds, attr, None)
    if frame is None or id_col not in frame.columns:
        raise SelectionError(f"this data has no {singular} table")
    if "order" in frame.columns:
        frame = frame.sort_values("order", kind="stable")
    return frame


def _lookup(frame: pd.DataFrame, id_col: str, *, short: bool) -> dict[str, str]:
    """Normalised name → id. Full names win over short forms, and a short form two entries share is left out."""
    full: dict[str, str] = {}
    shorts: dict[str, set[str]] = {}
    zh = frame["name_zh"] if "name_zh" in frame.columns else pd.Series([None] * len(frame), index=frame.index)
    en = frame["name_en"] if "name_en" in frame.columns else pd.Series([None] * len(frame), index=frame.index)
    for ident, name_zh, name_en in zip(frame[id_col].astype(str), zh, en):
        for name in (ident, name_zh, name_en):
            if isinstance(name, str) and name.strip():
                full.setdefault(normalise(name), ident)
                if short:
                    for form in _short_forms(name.strip()):
                        shorts.setdefault(normalise(form), set()).add(ident)
    for key, idents in shorts.items():
        if len(idents) == 1 and key not in full:
            full[key] = next(iter(idents))
    return full


def _label(frame: pd.DataFrame, id_col: str, ident: str, lang: str) -> str:
    """``name (id)`` in ``lang``, or the id alone when the table has no names."""
    if not {"name_zh", "name_en"} <= set(frame.columns):
        return ident
    row = frame[frame[id_col].astype(str) == ident].iloc[0]
    name = pick(str(row["name_zh"]), str(row["name_en"]), lang)
    return f"{name} ({ident})" if name != ident else ident


def _name(frame: pd.DataFrame, id_col: str, ident: str, lang: str) -> str:
    """The name of ``ident`` in ``lang`` (the id itself when the table has no names)."""
    if not {"name_zh", "name_en"} <= set(frame.columns):
        return ident
    row = frame[frame[id_col].astype(str) == ident].iloc[0]
    return pick(str(row["name_zh"]), str(row["name_en"]), lang)


def resolve(ds, kind: str, values: Iterable[str] | None, *, lang: str = "en") -> list[str] | None:
    """The ids for the names ``values`` of ``kind`` (``city``, ``topic``, ``measure`` or ``domain``).

    ``None`` means no filter and gives ``None``. Ids come back in the order
    given, each once. Raises :class:`SelectionError` for an empty list or an
    unknown name; the message lists the valid names in ``lang`` and the
    closest match. The kind ``indicator``, the former name of ``topic``, is
    deprecated and removed in 0.3.0.
    """
    if kind == "indicator":
        warn_renamed("resolve(ds, 'indicator', ...)", "resolve(ds, 'topic', ...)")
        kind = "topic"
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    _, id_col, singular, plural = KINDS[kind]
    frame = _table(ds, kind)
    given = [str(v) for v in values if str(v).strip()]
    valid = [_label(frame, id_col, i, lang) for i in frame[id_col].astype(str)]
    if not given:
        raise SelectionError(f"no {singular} given (an empty list selects nothing). Valid {plural}: {', '.join(valid)}")
    lookup = _lookup(frame, id_col, short=kind in ("city", "domain"))
    resolved: list[str] = []
    unknown: list[str] = []
    for value in given:
        ident = lookup.get(normalise(value))
        if ident is None:
            unknown.append(value)
        elif ident not in resolved:
            resolved.append(ident)
    if unknown:
        parts = []
        for name in unknown:
            close = difflib.get_close_matches(normalise(name), list(lookup), n=1, cutoff=0.5)
            hint = f" (did you mean '{lookup[close[0]]}', {_name(frame, id_col, lookup[close[0]], lang)}?)" if close else ""
            parts.append(f"'{shown(name)}'{hint}")
        which = singular if len(unknown) == 1 else plural
        raise SelectionError(f"unknown {which}: {', '.join(parts)}. Valid {plural}: {', '.join(valid)}")
    return resolved


def resolve_cities(ds, cities: Iterable[str] | None, *, lang: str = "en") -> list[str] | None:
    """Jurisdiction ids for ids or names such as ``ningbo``, ``宁波市``, ``宁波``, ``寧波`` or ``Ningbo``."""
    return resolve(ds, "city", cities, lang=lang)


def resolve_indicators(ds, indicators: Iterable[str] | None, *, lang: str = "en") -> list[str] | None:
    """Former name of :func:`resolve_topics`; deprecated, removed in 0.3.0."""
    warn_renamed("resolve_indicators()", "resolve_topics()")
    return resolve_topics(ds, indicators, lang=lang)


def resolve_topics(ds, topics: Iterable[str] | None, *, lang: str = "en") -> list[str] | None:
    """Topic ids for ids or names in any language."""
    return resolve(ds, "topic", topics, lang=lang)


def resolve_measures(ds, measures: Iterable[str] | None, *, lang: str = "en") -> list[str] | None:
    """Measure ids for ids or names in any language."""
    return resolve(ds, "measure", measures, lang=lang)


def resolve_domains(ds, domains: Iterable[str] | None, *, lang: str = "en") -> list[str] | None:
    """Domain ids for ids or names in any language (``workforce``, ``人才队伍``)."""
    return resolve(ds, "domain", domains, lang=lang)


# --------------------------------------------------------------------------- what a workbook covers
@dataclass(frozen=True)
class Selection:
    """What a workbook (or any other view) covers.

    ``city_ids`` and ``topic_ids`` list the covered ids in display order;
    ``cities``, ``topics`` and ``domain`` are the resolved filters as
    :mod:`comparison.align` takes them (``None``: no filter).
    """

    city_ids: list[str]
    topic_ids: list[str]
    cities: list[str] | None = None
    topics: list[str] | None = None
    domain: list[str] | None = None

    @property
    def filters_topics(self) -> bool:
        return self.topics is not None or self.domain is not None

    @property
    def narrowed(self) -> bool:
        return self.cities is not None or self.filters_topics


def select(ds, *, cities=None, topics=None, domain=None, indicators=None, lang: str = "en") -> Selection:
    """Resolve city, topic and domain names (ids or names in any script) to a :class:`Selection`.

    Raises :class:`SelectionError` naming the valid names (in ``lang``) and
    the closest match for any unknown name, and for an empty list.
    ``indicators``, the former name of ``topics``, is deprecated and removed
    in 0.3.0.
    """
    topics = renamed_keyword("select", "topics", topics, "indicators", indicators)
    city_filter = resolve_cities(ds, cities, lang=lang)
    topic_filter = resolve_topics(ds, topics, lang=lang)
    domain_filter = resolve_domains(ds, [domain] if isinstance(domain, str) else domain, lang=lang)
    order = ds.topic_order
    keep = set(order if topic_filter is None else topic_filter)
    if domain_filter is not None:
        in_domain = ds.topics["domain_id"].astype(str).isin(domain_filter)
        keep &= set(ds.topics.loc[in_domain, "topic_id"].astype(str))
    cities_kept = set(ds.jurisdiction_order if city_filter is None else city_filter)
    return Selection(
        city_ids=[j for j in ds.jurisdiction_order if j in cities_kept],
        topic_ids=[t for t in order if t in keep],
        cities=city_filter,
        topics=topic_filter,
        domain=domain_filter,
    )
