"""Every word the package shows, in Simplified Chinese and English: the one place to change or add one.

Each entry is a ``(Simplified, English)`` pair; Traditional Chinese is derived
from the Simplified text with OpenCC (see :mod:`comparison.script`, whose
Taiwan glossary protects these words from wrong phrase conversion), and
:func:`comparison.labels.pick` chooses the language. Names that come from the
data (jurisdictions, topics, measures, domains, units) are not here: they are
in the data's ``*_zh`` and ``*_en`` columns.

Tables: :data:`COLUMNS` (column labels), the controlled vocabularies
(:data:`STATUS`, :data:`KIND`, :data:`ATTRIBUTE`, :data:`SCRIPT`,
:data:`POPULATION_BASIS`), :data:`SHEETS` and :data:`SHEET_DESCRIPTIONS` (the
workbook's sheets), :data:`SYMBOLS` and :data:`STATUS_MEANINGS` (how to read
the cells), :data:`WORKBOOK` (other workbook texts) and :data:`CHART` (the
charts' texts, with ``{placeholders}``).
"""

from __future__ import annotations

#: The three output languages and how to name them.
LANG_NAMES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文", "en": "English"}

#: Column labels of the tables the package returns.
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
    "passage": ("原文位置（网站注释原文页）", "Passage (annotated source page of the site)"),
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

#: Coverage of a topic in a jurisdiction's documents.
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

#: English unit symbols (``data/units.csv``, ``symbol_en``) in the singular, for a value of exactly 1 ("1 facility").
#: A unit not listed keeps its symbol.
SINGULAR_EN = {
    "beds": "bed",
    "people": "person",
    "person-times": "person-time",
    "facilities": "facility",
    "items": "item",
    "years": "year",
    "years of age": "year of age",
}

# --------------------------------------------------------------------------- the workbook
#: Sheets in workbook order: key → name.
SHEETS: dict[str, tuple[str, str]] = {
    "cover": ("说明", "About"),
    "comparison": ("目标对比", "Comparison"),
    "topics": ("按主题浏览", "By topic"),
    "coverage": ("覆盖情况", "Coverage"),
    "targets": ("全部目标", "All targets"),
    "commitments": ("定性承诺", "Commitments"),
    "per_1000": ("每千名老年人", "Per 1000 older people"),
    "codebook": ("测量项定义", "Codebook"),
    "sources": ("政策文件", "Sources"),
    "print_view": ("目标打印版", "Targets for printing"),
}

#: What each sheet holds, for the cover.
SHEET_DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "comparison": (
        "每行一个测量项（一个具体的量），按主题分组；两地及以上设定目标的测量项排在前面。各地一列，单元格只列该测量项的目标：关系、数值、单位、完成年份，"
        "多项目标分行列出。△表示该目标在适用范围、人群或“力争”表述上与同行其他目标不同，“差异说明”列写明差异。“全国参考”列为同一测量项的全国目标。"
        "“本主题其他量”“仅定性承诺”“未提及”以底色和斜体区分。",
        "One row per measure (one quantity), grouped by topic; measures that two or more places set targets for come first. "
        "One column per place; a cell holds only that measure's targets (operator, value, unit, deadline), one line each. "
        "△ marks a target that differs from the others in its row in scope, population or hedging (力争); the What differs "
        "column says how. The National reference column holds the national target of the same measure. 'Other measures of "
        "the topic', 'qualitative only' and 'not mentioned' have their own fill and are in italics.",
    ),
    "topics": (
        "逐主题浏览全部目标：每项目标一行，按主题、测量项、地区排列，附所测内容和是否重述其他目标。",
        "Every target under its topic, for browsing: one row per target, by topic, measure and place, with what it "
        "measures and whether it restates another target.",
    ),
    "coverage": (
        "每个主题在各地文件中的覆盖情况：量化目标、仅定性承诺或未提及，按颜色区分（见图例）。",
        "How each city's documents cover each topic: quantified, qualitative only or not mentioned, colour-coded (see the legend).",
    ),
    "targets": (
        "全部数据，不受筛选影响。每项目标一行。深色表头的各列与数据文件 data/targets.csv 完全相同：第1行为列名，第2行为数据文件中的字段名（供软件读取）。"
        "浅色表头的各列为便于阅读而添加：地区、主题、测量项、目标摘要、引文的简体转写。打印时横向分为三页，每页重复目标编号列；只需阅读时请打印“目标打印版”表。",
        "The whole data set, whatever the selection. One row per target. The columns under the dark header are exactly the data file data/targets.csv: row 1 names them, "
        "row 2 gives each column's name in the file (for software). The columns under the light header are added for reading: "
        "jurisdiction, topic, measure, the target in short, the quote in Simplified characters. It prints three pages across, "
        "the target id repeated on each; to read on paper, print the Targets for printing sheet.",
    ),
    "commitments": (
        "文件仅以文字承诺、未给出数值的主题，附原文引文。",
        "Topics a document commits to in words only, without a number, with the quote.",
    ),
    "per_1000": (
        "以绝对数表述的目标（床位、人数、机构数等）折算为每千名老年人。仅在有同一口径（2020年第七次全国人口普查常住人口）"
        "且注明来源的老年人口数时计算；否则“说明”列给出原因。不作任何估算。",
        "Targets stated as absolute counts (beds, people, facilities …) per 1000 older people, computed only where a sourced "
        "older-population figure on one basis (2020 census, resident population) exists; otherwise the Reason column says why. "
        "Nothing is estimated.",
    ),
    "codebook": (
        "全部测量项的定义：所属主题、单位、计数对象、分母、人群、适用层级和周期。比较不同地区之前，请先阅读定义和备注。",
        "Every measure's definition: its topic, unit, what is counted, denominator, population, level and period. Read "
        "the definitions and notes before comparing places.",
    ),
    "sources": (
        "全部政策文件：标题、文号、发布机关、日期、规划期、原文字体、文本文件及其 SHA-256、已知缺陷。",
        "All policy documents: title, number, issuer, dates, period, script, text file and its SHA-256, known defects.",
    ),
    "print_view": (
        "所选范围内的目标，供打印：每项目标一行，只列阅读所需的各列（编号、地区、主题、测量项、目标、条款、引文），A4横向，每页重复表头。",
        "The targets of the selection laid out for printing: one row per target with the columns a reader needs (id, jurisdiction, "
        "topic, measure, target, clause, quote), landscape A4, the header repeated on every page.",
    ),
}

#: How to read the cells: (symbol, meaning).
SYMBOLS: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (("≥", "≥"), ("不低于（原文“以上”“不低于”“不少于”“至少”）", "at least (以上, 不低于, 不少于, 至少 in the text)")),
    (("≤", "≤"), ("不高于（原文“以下”“不超过”“最高”）", "at most (以下, 不超过, 最高 in the text)")),
    (("> <", "> <"), ("大于、小于", "more than, less than")),
    (
        ("=", "="),
        ("文件所述数值，未写“以上”等限定；目标对比表中省略“=”，只写数值", "the figure as stated, without 'at least'; the comparison omits the sign and shows the bare figure"),
    ),
    (("（力争）", "(aim)"), ("文件以“力争”或“争取”表述的目标", "a goal the text hedges with 力争 or 争取")),
    (("（2025年）", "(by 2025)"), ("完成年份", "the year by which it is due")),
    (
        ("（规划期末2023年）", "(plan ends 2023)"),
        ("原文未写完成年份，按文件规划期末年份计", "the sentence states no year: the end of the document's plan period"),
    ),
    (
        ("△", "△"),
        (
            "该目标与同一测量项的其他目标在适用范围、人群或“力争”表述上不同；“差异说明”列写明差异",
            "the target differs from the others of its measure in scope, population or hedging (力争); the What differs column says how",
        ),
    ),
    (
        ("本主题其他量", "other measures of the topic"),
        ("该地对本主题设定了其他测量项的目标，但没有这一项", "the place set targets of other measures of this topic, not of this one"),
    ),
    (("农村：", "rural areas:"), ("适用范围：目标只适用于该部分", "scope: the target applies to that part only")),
)

#: What the three coverage statuses mean.
STATUS_MEANINGS = {
    "quantified": ("文件为该主题设定了至少一项数值目标或标准", "the documents set at least one numeric target or standard for the topic"),
    "qualitative": ("文件仅以文字承诺，未给出数值", "the documents commit to it in words only, without a number"),
    "not_mentioned": ("文件既无数值目标，也无文字承诺", "the documents give neither a number nor a commitment in words"),
}

#: Other texts of the workbook, with ``{placeholders}``.
WORKBOOK: dict[str, tuple[str, str]] = {
    "title": ("养老服务政策量化目标比较", "Quantified targets of local elderly-care (养老服务) policies"),
    "properties_title": ("养老服务政策量化目标比较", "Quantified targets of local elderly-care policies"),
    "subtitle": (
        "各地养老服务政策文件中的量化目标、标准与政策参数；每一项都附原文引文、条款和出处。",
        "Every quantified target, standard and policy parameter of each local document, each with its verbatim quote, clause and source.",
    ),
    "data_version": ("数据版本", "Data version"),
    "data_date": ("数据日期", "Data date"),
    "not_stated": ("未注明", "not stated"),
    "language": ("语言", "Language"),
    "cities": ("地区", "Cities"),
    "topics": ("主题", "Topics"),
    "measures_vs_topics": ("测量项与主题", "Measures and topics"),
    "measure_text": (
        "测量项是一个具体的量：计数对象、单位、分母、人群和适用层级（全市、每个街道、每个机构……）都相同，如“老年食堂数量”。"
        "只有同一测量项的数值才在“目标对比”表中并列。",
        "A measure is one quantity: the same thing counted, unit, denominator, population and level (the whole city, each "
        "township, each institution …), such as the number of meal canteens. Only figures of one measure stand side by side in the Comparison sheet.",
    ),
    "topic_word": ("主题", "Topic"),
    "topic_text": (
        "主题（如“老年助餐服务”）把相关的测量项归在一起；同一主题下的不同测量项分行列出，彼此不能直接比较。覆盖情况按主题统计。",
        "A topic (such as meal services) groups related measures; different measures of one topic take rows of their own "
        "and cannot be compared with each other. Coverage is counted by topic.",
    ),
    "shared_measures": ("两地及以上设定目标的测量项", "Measures that two or more places set targets for"),
    "single_measures": ("仅一地设定目标的测量项（或仅有全国参考）", "Measures only one place set a target for (or only the national reference)"),
    "other_measures": ("本主题其他量", "other measures of the topic"),
    "coverage_topics_title": ("各地文件对各主题的覆盖情况", "How each city's documents cover each topic"),
    "counts_label": ("数量", "Counts"),
    "counts": (
        "量化目标 {targets} 项；定性承诺 {commitments} 项；政策文件 {sources} 份",
        "{targets} targets; {commitments} qualitative commitments; {sources} documents",
    ),
    "counts_selected": (
        "。所选范围内：量化目标 {targets} 项，定性承诺 {commitments} 项。“目标对比”“覆盖情况”“定性承诺”“每千名老年人”四表按所选范围列出，其余各表包含全部数据。",
        ". In the selection: {targets} targets, {commitments} qualitative commitments. The Comparison, Coverage, "
        "Commitments and Per 1000 sheets show the selection; the other sheets hold the whole data set.",
    ),
    "sheets": ("工作表", "Sheets"),
    "symbols": ("符号说明", "How to read the cells"),
    "quotes": ("引文", "Quotes"),
    "quote": ("原文引文", "Quote"),
    "quotes_text": (
        "引文均为原文，保持文件本身的字体（简体或繁体），未作改动。“原文引文（简体）”列是便于检索的简体转写，不是原文。备注和文件说明为英文。",
        "Quotes are verbatim, in the document's own script (Simplified or Traditional), unchanged. The column "
        "'Quote (Simplified)' is a Simplified rendering for searching, not the original.",
    ),
    "reading": ("用软件读取", "Reading the data with software"),
    "reading_text": (
        "各数据表的第2行为字段名，其下为数据，并定义为 Excel 表格（“插入 > 表格”中可见）。在 Python 中：pandas.read_excel(文件, sheet_name=表名, header=1)。",
        "In every data sheet row 2 holds the field names and the data follow; each is defined as an Excel table. In Python: "
        "pandas.read_excel(file, sheet_name=<sheet name>, header=1).",
    ),
    "cite": ("引用方式", "How to cite"),
    "cite_data": ("数据", "The data"),
    "cite_documents": ("政策文件", "The documents"),
    "cite_documents_text": (
        "引用政策文件本身时，请使用“政策文件”表中的标题和文号。",
        "Cite the policy documents themselves by the title and number in the Sources sheet.",
    ),
    "all": ("全部（{n}）", "all ({n})"),
    "selected": ("已选 {n} 项", "{n} selected"),
    "list_sep": ("、", ", "),
    "colon": ("：", ": "),
    "legend": ("图例", "Legend"),
    "legend_quantified": ("{word}：列出目标，如 ≥60%（2025年）", "{word}: the targets, e.g. ≥60% (by 2025)"),
    "comparison_title": ("各地养老服务政策量化目标对比", "Quantified elderly-care targets, side by side"),
    "coverage_title": ("各地文件对各主题的覆盖情况", "How each city's documents cover each topic"),
    "varies": ("各文件不一", "varies between documents"),
    "too_many_to_browse": (
        "所选范围内有 {n} 项目标，超过本表的上限（{limit} 项），全部目标见“全部目标”表（可按列筛选）。请选择部分地区或主题后再导出（--cities、--topics 或 --domain）。",
        "The selection holds {n} targets, more than this sheet lists ({limit}); all are in the All targets sheet, with a "
        "filter on every column. Export again for some cities or topics (--cities, --topics or --domain) to browse them here.",
    ),
    "too_many_to_print": (
        "所选范围内有 {n} 项目标，超过打印版的上限（{limit} 项）。请选择部分地区或主题后再导出（--cities、--topics 或 --domain）。",
        "The selection holds {n} targets, more than the print view lays out ({limit}). Export again for some cities or "
        "topics (--cities, --topics or --domain) to print them.",
    ),
    "left_out": (
        "……另有 {n} 项未能列入本单元格（Excel 单元格字数上限），全部见“{sheet}”表",
        "… {n} more, beyond what an Excel cell holds: all are in the {sheet} sheet",
    ),
}

# --------------------------------------------------------------------------- the charts
#: Every text of the charts, with ``{placeholders}``.
CHART: dict[str, tuple[str, str]] = {
    "source": ("来源：{cities}政策文件，见 data/sources.csv", "Source: policy documents of {cities}, see data/sources.csv"),
    "national_source": ("全国参考见 data/national_targets.csv", "national reference in data/national_targets.csv"),
    "population_source": ("老年人口见 data/population.csv", "older population in data/population.csv"),
    "version": ("数据版本 {version}", "data version {version}"),
    "coverage_title": ("哪些城市为哪些主题设定了量化目标", "Which city set a quantified target for which topic"),
    "quantified_count": ("量化目标（格内数字＝目标数）", "quantified (number in cell = targets)"),
    "measure_title": ("{measure}：各市目标", "{measure}: city targets"),
    "measure_national_title": ("{measure}：各市目标与全国参考", "{measure}:\ncity targets and the national reference"),
    "value_axis": ("目标值（{unit}）", "Target ({unit})"),
    "gap_qualitative": ("本主题仅定性承诺（无数值）", "qualitative commitment only (no figure)"),
    "gap_not_mentioned": ("未提及", "not mentioned"),
    "gap_quantified": ("有本主题其他量的目标，无此量", "targets of other measures of the topic, not of this one"),
    "no_deadline": ("（无完成年份）", " (no deadline)"),
    "differs_note": (
        "△ 各地目标在适用范围、人群或“力争”表述上不同：{what}",
        "△ the targets differ in scope, population group or hedging: {what}",
    ),
    "implied_deadline": ("空心圆：文件未写年份，按规划期末计", "hollow circle: no year stated,\nend of the plan period"),
    "national": ("全国参考：{target}", "National reference: {target}"),
    "deadlines_title": ("各市目标的完成年份与文件期限", "Target deadlines against each document's period"),
    "year_axis": ("年份", "Year"),
    "period": ("文件期限", "document period"),
    "open_period": ("文件期限\n（未写明结束年份）", "document period\n(no end year stated)"),
    "due": ("圆内数字：\n当年到期的目标数", "number in circle:\ntargets due that year"),
    "undated": ("另有{n}项无完成年份", "+{n} without a deadline"),
    "per_1000_title": ("每千名老年人的目标数量（仅列口径可比的数据）", "Targets per 1000 older people (comparable figures only)"),
    "per_1000_axis": (
        "每千名老年人（2020年第七次人口普查，常住老年人口）",
        "Per 1000 older people (2020 census, resident older population)",
    ),
    "per_1000_target": ("{city} · {measure}\n{target}", "{city} · {measure}\n{target}"),
    "per_1000_stated": ("（文件所述比率）", " (ratio stated in the document)"),
    "missing_header": ("其他城市为何没有可比数据：", "Why the other cities have no comparable figure:"),
    "missing_line": ("• {city}（{n}项数量目标）：{reason}", "• {city} ({n} count targets): {reason}"),
    "missing_line_no_targets": ("• {city}：{reason}", "• {city}: {reason}"),
    "no_absolute_target": (
        "无可比数据：没有全市（县）范围的绝对数量目标",
        "no comparable figure: no jurisdiction-wide target stated as an absolute count",
    ),
    "domains_title": ("各市目标的领域分布", "Targets by policy domain"),
    "domains_axis": ("目标与标准数（不含政策参数）", "Targets and standards (policy parameters excluded)"),
    "no_measure": ("未归入测量项", "No codebook measure"),
}

#: Every table of words above, for checks that cover them all (the Taiwan glossary test).
ALL_TABLES: dict[str, dict] = {
    "COLUMNS": COLUMNS, "STATUS": STATUS, "KIND": KIND, "ATTRIBUTE": ATTRIBUTE, "SCRIPT": SCRIPT,
    "POPULATION_BASIS": POPULATION_BASIS, "DEADLINE_BASIS": DEADLINE_BASIS, "SOURCE_QUALITY": SOURCE_QUALITY,
    "PER_1000_HOW": PER_1000_HOW, "SHEETS": SHEETS, "SHEET_DESCRIPTIONS": SHEET_DESCRIPTIONS,
    "STATUS_MEANINGS": STATUS_MEANINGS, "WORKBOOK": WORKBOOK, "CHART": CHART,
}


def simplified_texts() -> list[str]:
    """Every Simplified-Chinese text of this module (what Traditional output is made from)."""
    texts = [zh for table in ALL_TABLES.values() for zh, _ in table.values()]
    texts += [zh for pair in SYMBOLS for zh, _ in pair]
    return [*texts, ASPIRATIONAL[0]]
