"""Words of the output in three languages: Simplified Chinese, Traditional Chinese, English.

Every label is written once in Simplified Chinese and once in English; the
Traditional form is derived with OpenCC (``s2tw``, or ``s2twp`` for Taiwan
phrasing). Names that come from the data (jurisdictions, indicators, domains,
units) are taken from the data's ``*_zh`` and ``*_en`` columns the same way.
"""

from __future__ import annotations

import math

from comparison.script import LANGS, to_traditional

#: The three output languages and how to name them.
LANG_NAMES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文", "en": "English"}


class UnknownLanguage(ValueError):
    pass


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of :data:`comparison.script.LANGS`, else raise with the choices."""
    if lang not in LANGS:
        raise UnknownLanguage(f"unknown language '{lang}': choose one of {', '.join(LANGS)}")
    return lang


def pick(zh: str, en: str, lang: str, *, taiwan: bool = False) -> str:
    """The Simplified text ``zh`` or the English ``en``, as ``lang`` asks."""
    if lang == "en":
        return en
    if lang == "zh-Hant":
        return to_traditional(zh, taiwan=taiwan)
    return zh


#: Column labels of the tables the package returns: (Simplified, English).
COLUMNS: dict[str, tuple[str, str]] = {
    "target_id": ("目标编号", "Target id"),
    "source_id": ("文件编号", "Source id"),
    "jurisdiction_id": ("地区编号", "Jurisdiction id"),
    "jurisdiction": ("地区", "Jurisdiction"),
    "province": ("省份", "Province"),
    "document": ("文件", "Document"),
    "document_number": ("文号", "Document number"),
    "issue_date": ("发布日期", "Issued"),
    "clause": ("条款", "Clause"),
    "kind": ("类别", "Kind"),
    "indicator_id": ("指标编号", "Indicator id"),
    "indicator": ("指标", "Indicator"),
    "domain_id": ("领域编号", "Domain id"),
    "domain": ("领域", "Domain"),
    "topic_id": ("主题编号", "Topic id"),
    "topic": ("主题", "Topic"),
    "measure_id": ("测量项编号", "Measure id"),
    "measure": ("测量项", "Measure"),
    "description": ("测量内容", "What is measured"),
    "counted": ("计数对象", "What is counted"),
    "denominator": ("分母", "Denominator"),
    "population": ("人群", "Population"),
    "level": ("适用层级", "Level"),
    "differences": ("差异说明", "What differs"),
    "n_places": ("设定目标的地区数", "Places with a target"),
    "n_measures": ("测量项数", "Measures"),
    "restates": ("重述目标", "Restates"),
    "deadline_stated": ("文件所写年份", "Year stated"),
    "deadline_implied": ("规划期末年份", "Year implied by the plan period"),
    "deadline_basis": ("完成年份依据", "Deadline basis"),
    "how": ("计算方式", "How obtained"),
    "population_source_quality": ("人口数据来源性质", "Population source quality"),
    "source_quality": ("来源性质", "Source quality"),
    "measure_zh": ("测量内容（中文）", "What is measured (Chinese)"),
    "measure_en": ("测量内容（英文）", "What is measured (English)"),
    "measure_word": ("量词", "Measure word"),
    "scope_zh": ("适用范围（中文）", "Scope (Chinese)"),
    "scope_en": ("适用范围（英文）", "Scope (English)"),
    "commitment_id": ("承诺编号", "Commitment id"),
    "operator": ("关系", "Operator"),
    "value": ("数值", "Value"),
    "unit_id": ("单位编号", "Unit id"),
    "unit": ("单位", "Unit"),
    "target": ("目标", "Target"),
    "deadline_year": ("完成年份（文件所写或规划期末）", "Deadline (stated or plan end)"),
    "scope": ("适用范围", "Scope"),
    "attribute": ("指标属性", "Attribute"),
    "is_aspirational": ("力争性目标", "Aspirational"),
    "quote": ("原文引文", "Quote (original script)"),
    "quote_zh_hans": ("原文引文（简体）", "Quote (Simplified)"),
    "notes": ("备注", "Notes"),
    "status": ("状态", "Status"),
    "n_targets": ("量化目标数", "Quantified targets"),
    "n_commitments": ("定性承诺数", "Qualitative commitments"),
    "older_population": ("老年人口", "Older population"),
    "population_basis": ("人口口径", "Population basis"),
    "population_source": ("人口数据来源", "Population source"),
    "per_1000_older_people": ("每千名老年人", "Per 1000 older people"),
    "reason": ("说明", "Reason"),
    "national_reference": ("全国参考", "National reference"),
    "comparability": ("可比性说明", "Comparability"),
    "definition": ("定义", "Definition"),
    "title": ("标题", "Title"),
    "issuer": ("发布机关", "Issuer"),
    "period": ("规划期/有效期", "Period"),
    "script": ("原文字体", "Script of text"),
    "text_file": ("文本文件", "Text file"),
    "text_sha256": ("文本SHA-256", "Text SHA-256"),
    "admin_level": ("行政级别", "Administrative level"),
}


def column_label(column: str, lang: str) -> str:
    """The label of a column name in ``lang`` (the name itself when it has none)."""
    if column not in COLUMNS:
        return column
    zh, en = COLUMNS[column]
    return pick(zh, en, lang)


#: Coverage of an indicator in a document.
STATUS = {
    "quantified": ("量化目标", "quantified"),
    "qualitative": ("仅定性承诺", "qualitative only"),
    "not_mentioned": ("未提及", "not mentioned"),
}
KIND = {"target": ("目标", "target"), "standard": ("标准", "standard"), "parameter": ("政策参数", "parameter")}
ATTRIBUTE = {"binding": ("约束性", "binding"), "indicative": ("预期性", "indicative")}
SCRIPT = {"zh-Hans": ("简体", "Simplified"), "zh-Hant": ("繁体", "Traditional")}
#: Bases of older-population figures (population.csv ``basis``).
POPULATION_BASIS = {
    "census2020_resident": ("第七次全国人口普查（2020年）常住人口", "2020 census, resident population"),
    "yearend2021_unstated": ("2021年末，口径未说明", "end of 2021, basis not stated"),
    "yearend2017_registered": ("2017年末户籍人口", "registered population, end of 2017"),
    "yearend2015_registered": ("2015年末户籍人口", "registered population, end of 2015"),
}
#: Where a target's deadline comes from (targets.csv ``deadline_basis``).
DEADLINE_BASIS = {
    "stated": ("文件写明", "stated"),
    "plan_end": ("规划期末", "end of plan period"),
    "none": ("无", "none"),
}
#: Whether a figure was seen in the issuing body's own publication.
SOURCE_QUALITY = {"primary": ("原始来源", "primary"), "secondary": ("转引来源", "secondary")}
#: How a per-1000-older-people figure was obtained.
PER_1000_HOW = {"stated": ("文件所述", "stated"), "computed": ("计算", "computed")}
ASPIRATIONAL = ("力争", "aim")


def vocab(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """The label of a controlled-vocabulary ``key`` (e.g. ``STATUS``) in ``lang``."""
    if key not in table:
        return key
    return pick(*table[key], lang)


def format_number(value: float, lang: str) -> str:
    """A number as stated, without rounding: 60 → '60', 0.2 → '0.2', 24000 → '24000' (zh) / '24,000' (en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}" if lang == "en" else str(int(value))
    text = repr(float(value))
    return text


def format_target(
    *,
    operator: str,
    value: float,
    unit_symbol: str,
    deadline_year=None,
    scope: str = "",
    is_aspirational: bool = False,
    lang: str,
) -> str:
    """One target as a short cell text.

    ``≥60%（2025年）`` in Chinese and ``≥60% (by 2025)`` in English; ``=`` is not
    written (a bare figure); a scope is put in front (``农村：≥60%``) and an
    aspirational target is marked (力争 / aim).
    """
    op = "" if operator == "=" else operator
    number = format_number(value, lang)
    if unit_symbol in ("%",):
        amount = f"{op}{number}%"
    elif lang == "en":
        amount = f"{op}{number} {unit_symbol}"
    else:
        amount = f"{op}{number}{unit_symbol}"
    text = amount
    if scope:
        text = f"{scope}: {text}" if lang == "en" else f"{scope}：{text}"
    if deadline_year is not None and not _missing(deadline_year):
        text += f" (by {int(deadline_year)})" if lang == "en" else f"（{int(deadline_year)}年）"
    if is_aspirational:
        marker = pick(*ASPIRATIONAL, lang)
        text += f" ({marker})" if lang == "en" else f"（{marker}）"
    return text


def _missing(value) -> bool:
    try:
        return value is None or bool(value != value)  # NaN and pd.NA
    except TypeError:
        return True
