"""Loading the curated data package as one :class:`Dataset`.

Every table is read and checked against ``datapackage.yaml`` (types, allowed
values, required cells, keys) and every foreign key is resolved. Ids that fix
an order (jurisdictions, domains, topics, measures) become ordered categoricals, so
every table and chart lists them the same way.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from comparison.deprecation import warn_renamed
from comparison.descriptor import DESCRIPTOR, read_descriptor, resource_path
from comparison.errors import DataError, Finding, UnsafePathError, display_path
from comparison.paths import default_data_dir, read_regular_bytes
from comparison.tables import read_table

#: The tables of the data package, in the order they are read.
TABLES = (
    "units",
    "domains",
    "jurisdictions",
    "topics",
    "measures",
    "topic_keywords",
    "sources",
    "targets",
    "commitments",
    "population",
    "national_targets",
)


@dataclass
class Dataset:
    """The curated data, one DataFrame per table of ``datapackage.yaml``.

    The index of each raw table is the row's line in its CSV file. Columns are
    described in ``datapackage.yaml``; :func:`comparison.align.targets_long`
    joins them into one analysis table.
    """

    data_dir: Path
    version: str
    units: pd.DataFrame
    domains: pd.DataFrame
    jurisdictions: pd.DataFrame
    topics: pd.DataFrame
    measures: pd.DataFrame
    topic_keywords: pd.DataFrame
    sources: pd.DataFrame
    targets: pd.DataFrame
    commitments: pd.DataFrame
    population: pd.DataFrame
    national_targets: pd.DataFrame
    notes: list[Finding] = field(default_factory=list)
    #: The descriptor's package-level entries (``name``, ``title``, ``created``, ``licenses`` …), without the resources;
    #: kept so that a cached dataset needs no YAML parse. Empty for a Dataset built by hand.
    meta: dict = field(default_factory=dict, repr=False)

    @property
    def created(self):
        """The data package's ``created`` entry as written in ``datapackage.yaml`` (``None`` when it states none)."""
        return self.meta.get("created")

    # Ordered id lists -------------------------------------------------------
    @property
    def jurisdiction_order(self) -> list[str]:
        return list(self.jurisdictions.sort_values("order")["jurisdiction_id"].astype(str))

    @property
    def source_order(self) -> list[str]:
        rank = {j: i for i, j in enumerate(self.jurisdiction_order)}
        src = self.sources.assign(_r=self.sources["jurisdiction_id"].astype(str).map(rank))
        return list(src.sort_values(["_r", "source_id"])["source_id"].astype(str))

    @property
    def domain_order(self) -> list[str]:
        return list(self.domains.sort_values("order")["domain_id"].astype(str))

    @property
    def topic_order(self) -> list[str]:
        """Topic ids grouped by domain (in domain order), then by their ``order``."""
        rank = {d: i for i, d in enumerate(self.domain_order)}
        top = self.topics.reset_index(drop=True)
        top = top.assign(_r=top["domain_id"].astype(str).map(rank))
        return list(top.sort_values(["_r", "order"], kind="stable")["topic_id"].astype(str))

    @property
    def measure_order(self) -> list[str]:
        """Measure ids grouped by topic (in topic order), then by their ``order``."""
        rank = {t: i for i, t in enumerate(self.topic_order)}
        mea = self.measures.reset_index(drop=True)
        mea = mea.assign(_r=mea["topic_id"].astype(str).map(rank))
        return list(mea.sort_values(["_r", "order"], kind="stable")["measure_id"].astype(str))

    @property
    def indicator_order(self) -> list[str]:
        """Former name of :attr:`topic_order`; deprecated, removed in 0.3.0."""
        warn_renamed("Dataset.indicator_order", "Dataset.topic_order")
        return self.topic_order

    @property
    def indicators(self) -> pd.DataFrame:
        """The topics under their former name and columns (``indicator_id``; ``unit_id`` where all of a topic's measures
        share one unit; ``comparability_*`` listing the topic's measures, which must not be compared with each other).

        Deprecated, removed in 0.3.0: use :attr:`topics`, and :attr:`measures` for the units of each topic's measures.
        """
        warn_renamed("Dataset.indicators", "Dataset.topics (and Dataset.measures for the units of each topic's measures)")
        measures = self.measures.assign(topic_id=self.measures["topic_id"].astype(str)).set_index("measure_id")
        by_topic = measures.groupby("topic_id", sort=False)
        units = by_topic["unit_id"].agg(lambda u: u.iloc[0] if u.nunique() == 1 else None)
        listing = {
            lang: by_topic[f"name_{lang}"].agg(lambda names, sep=sep: sep.join(map(str, names)) if len(names) > 1 else None)
            for lang, sep in (("zh", "；"), ("en", "; "))
        }
        top = self.topics.reset_index(drop=True).rename(columns={"topic_id": "indicator_id"})
        ids = top["indicator_id"].astype(str)
        return top.assign(
            unit_id=ids.map(units).astype(object),
            comparability_zh=ids.map(listing["zh"]).map(lambda v: f"不同的量，不可直接比较：{v}" if isinstance(v, str) else None),
            comparability_en=ids.map(listing["en"]).map(lambda v: f"Different quantities, not to be compared: {v}" if isinstance(v, str) else None),
        )

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)


def _foreign_key_problems(tables: dict[str, pd.DataFrame], descriptor: dict, data_dir: Path) -> list[Finding]:
    problems: list[Finding] = []
    for res in descriptor["resources"]:
        frame = tables.get(res["name"])
        if frame is None:
            continue
        label = display_path(resource_path(data_dir, descriptor, res["name"]))
        for fk in res["schema"].get("foreignKeys", []):
            (col,) = fk["fields"]
            ref = fk["reference"]
            ref_frame = tables.get(ref["resource"])
            if ref_frame is None:
                continue
            valid = ref_frame[ref["fields"][0]].dropna().astype(str)
            values = frame[col].dropna().astype(str)
            choices = sorted(set(valid.tolist()))  # a list iterates faster than a pandas array
            for line, value in values[~values.isin(valid)].items():
                close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                problems.append(
                    Finding(label, int(line), col, f"'{value}' is not a known {ref['fields'][0]} in {ref['resource']}.csv{hint}")
                )
    return problems


def _categorise(ds: Dataset) -> None:
    """Turn id columns into ordered categoricals (in place)."""
    orders = {
        "jurisdiction_id": ds.jurisdiction_order,
        "source_id": ds.source_order,
        "domain_id": ds.domain_order,
        "topic_id": ds.topic_order,
        "measure_id": ds.measure_order,
    }
    for name in TABLES:
        frame = ds.table(name)
        for col, order in orders.items():
            if col in frame.columns:
                frame[col] = pd.Categorical(frame[col], categories=order, ordered=True)


def _fingerprint(data_dir: Path) -> str:
    """A digest of everything loading reads: the descriptor, every resource it names (in any sub-folder),
    the package version and the code that checks them.

    The resources are found through the descriptor, so a table moved into a
    sub-folder is covered as well. Raises :class:`OSError` (or a
    :class:`DataError` for a descriptor that does not describe a package)
    when something cannot be read: the caller then loads without the cache.
    """
    from comparison import __version__

    digest = hashlib.sha256(f"{__version__}|{pd.__version__}|{os.fspath(data_dir)}".encode())
    descriptor = read_descriptor(data_dir)  # refuses a descriptor that is not a regular file inside the folder
    digest.update(read_regular_bytes(data_dir / DESCRIPTOR))
    for res in descriptor["resources"]:
        path = resource_path(data_dir, descriptor, res["name"])
        digest.update(f"\0{res['name']}\0{res['path']}\0".encode())
        digest.update(read_regular_bytes(path))  # never waits on a named pipe
    for module in ("tables.py", "dataset.py", "paths.py", "errors.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()


def cache_dir() -> Path:
    """The user's cache folder for this package (``~/.cache/elderly-care-targets`` on Linux; see platformdirs)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("elderly-care-targets", appauthor=False))


def load_dataset(data_dir: Path | str | None = None, *, cache: bool = True) -> Dataset:
    """Load and check the data package in ``data_dir`` (default: the project's ``data/``).

    Raises :class:`DataError` listing every problem (file, line, column, what is
    wrong) when any table is malformed. Normalisations that lose nothing (a
    byte-order mark, CRLF line ends, blank lines, spaces around cells) are
    accepted and listed in ``Dataset.notes``.

    A data package that passed these checks once is kept in the user's cache
    folder, keyed by a digest of everything that is read (the descriptor,
    every resource it names, the package version and the checking code), so
    that loading the same bytes again skips the checks; any change means a
    full check, and a cache file that cannot be read or unpickled is a miss.
    ``cache=False`` always checks.

    Worth keeping, by ``benchmarks/bench_cache.py`` (median in a warm
    process, key computation included): the project's data load in 0.080 s
    checked and 0.002 s from the cache; 30,000 synthetic targets in 0.48 s
    against 0.06 s (8x). The risk of serving stale data is bounded by keying
    on every byte read.
    """
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    if not cache:
        return _load_checked(data_dir)
    try:
        key = _fingerprint(data_dir)
    except (OSError, DataError, UnsafePathError, KeyError):
        return _load_checked(data_dir)  # an unreadable or unsafe file (or no descriptor): the checks name it
    cached = cache_dir() / f"{key}.pickle"
    try:
        ds = pickle.loads(read_regular_bytes(cached))  # a folder or named pipe in its place is a miss, not a wait
        if not isinstance(ds, Dataset):
            raise TypeError("not a dataset")
        ds.data_dir = data_dir
        return ds
    except Exception:  # any unreadable cache file (truncated, corrupt, from other code) is a miss
        pass
    ds = _load_checked(data_dir)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(ds, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except (OSError, pickle.PicklingError):
        pass  # an unwritable cache only costs time
    return ds


def _gate_problems(tables: dict[str, pd.DataFrame], descriptor: dict, data_dir: Path) -> list[Finding]:
    """Rows every output needs that the column checks alone do not catch.

    A population of zero (no figure per 1000 older people can be made of it)
    and a document period that ends before it starts.
    """
    problems: list[Finding] = []
    pop = tables.get("population")
    if pop is not None and "older_population" in pop.columns:
        label = display_path(resource_path(data_dir, descriptor, "population"))
        zero = (pop["older_population"] == 0).fillna(False).to_numpy(dtype=bool)
        for line in pop.index[zero]:
            problems.append(Finding(label, int(line), "older_population", "is 0: an older population must be a positive count (leave the row out when it is unknown)"))
    src = tables.get("sources")
    if src is not None and {"period_start_year", "period_end_year"} <= set(src.columns):
        label = display_path(resource_path(data_dir, descriptor, "sources"))
        reversed_ = (src["period_end_year"] < src["period_start_year"]).fillna(False).to_numpy(dtype=bool)
        for line, first, last in zip(src.index[reversed_], src["period_start_year"][reversed_], src["period_end_year"][reversed_]):
            problems.append(
                Finding(label, int(line), "period_end_year", f"the period is reversed: it ends in {last}, before it starts in {first}; swap the two years")
            )
    return problems


def _load_checked(data_dir: Path) -> Dataset:
    """Read and check every table (the uncached path of :func:`load_dataset`)."""
    descriptor = read_descriptor(data_dir)
    described = {res["name"] for res in descriptor["resources"]}
    tables: dict[str, pd.DataFrame] = {}
    problems: list[Finding] = []
    for name in TABLES:
        if name not in described:
            problems.append(Finding(display_path(data_dir / DESCRIPTOR), None, None, f"describes no resource '{name}'"))
            continue
        frame, found = read_table(data_dir, name)
        problems.extend(found)
        if frame is not None:
            tables[name] = frame
    problems.extend(_foreign_key_problems(tables, descriptor, data_dir))
    problems.extend(_gate_problems(tables, descriptor, data_dir))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(errors)
    meta = {k: v for k, v in descriptor.items() if k != "resources"}
    ds = Dataset(data_dir=data_dir, version=str(descriptor.get("version", "")), notes=problems, meta=meta, **tables)
    _categorise(ds)
    return ds
