"""Proposing candidate targets from the text of a policy document.

``python -m comparison extract POLICY.txt`` reads a policy text (see
:mod:`comparison.policy_text`), finds every number that states a goal, a norm
or a policy setting, and writes one candidate row per number in the columns of
``data/targets.csv``, followed by ``confidence`` (0–1) and ``reason`` (the cue
words that made it a candidate). A curator checks every row before it joins
the data; the extractor only saves the reading.

The rules are written for the genre, not for particular documents:

* A number is a candidate when it carries a unit (%, 百分之…, 张, 名, 个, 家,
  平方米, 周岁, 元 …) or follows a comparison sign (a cell of a flattened
  table). Years, dates, document numbers (〔2021〕21号), article numbers
  (第十四条), per-unit bases (每千名, 每百户), numbers inside quotation marks
  (“十四五”) and numbers without a unit (phone numbers, census figures) are not;
  nor is the figure a change starts from (由2020年的42.5%提高到55%).
* A flattened table is read row by row (rows numbered 1, 2, 3 …): a cell's
  unit may come from the indicator's name (养老床位总量(万张): 45 is 450000
  beds), its deadline from its column's header; columns of a year before the
  document was issued, or headed 现状/基期, hold baselines and yield nothing.
* Sentences about fines and violations (罚款, 没收, 违反本条例 …) and sentences
  or sections that describe the present (普查, 截至, 同比, 预计, the old
  population and its share, 发展基础, 规划背景, 法律责任 …) yield nothing; nor
  does what is already done (已建成, 现有 …) unless a deadline follows it.
* Coverage in words (全覆盖, 所有…, 应补尽补; 各区…成立, …均设立, 全面设置
  when the sentence has a deadline) is a target of 100 percent.
* The operator comes from 以上/以下/以内 after the number or from the nearest
  cue before it (不低于, 至少, 最高 …); the deadline from 到2025年, 2025年底前,
  2021~2023年, 到二〇二五年, “十四五”期间 in the same sentence (or before a
  semicolon), from a list of years paired by 分别, or from a table's header.
* The kind: ages, amounts, durations and thresholds (床位数在100张以上的) are
  parameters; per-household areas, frequencies, 原则上, and 应当 or a
  regulation's article without a deadline make a standard; the rest targets.
* Indicators are suggested by the keywords of ``data/indicator_keywords.csv``.
"""

from __future__ import annotations

import argparse
import re
import sys
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

#: Columns written after those of ``targets.csv``.
EXTRA_COLUMNS = ("topic_id", "confidence", "reason")
#: Score a suggested indicator needs: keyword weight × 3 in the measure, × 2 in the quote, × 1 earlier in the sentence.
MIN_INDICATOR_SCORE = 10
#: Longest ``measure_zh`` proposed.
MEASURE_MAX = 40
#: Characters before a value within which its quote starts and its cue words are looked for.
LOOKBACK = 120
#: Characters after a value within which its quote ends.
LOOKAHEAD = 80
#: Characters before a value within which its deadline, 力争 and the context of its indicator are looked for.
SENTENCE_LOOKBACK = 300
#: Shortest item of a list A、B、C全覆盖 that is split into one candidate per item.
ITEM_MIN = 4
#: Longest line that still counts as a table cell when looking for a table's header year.
TABLE_CELL_MAX = 30

_CJK = r"\u4e00-\u9fff"
_CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
_CN_ORDINAL = "一二三四五六七八九十"

# What may follow a number, named by the kind of quantity it makes.
_UNIT = re.compile(
    r"(?P<points>个百分点)"
    r"|(?P<area>平方米|平米|m2)"
    r"|(?P<yuan>元)"
    r"|(?P<age>周岁|岁)"
    r"|(?P<person_times>人次)"
    r"|(?P<beds>张)"
    r"|(?P<people>名|人)"
    r"|(?P<count>个|家|所(?!在|属|需|得|述|称|谓)|处(?!理|置|罚|分|以(?![上下内]))|座|间)(?!月|工作日|小时|百分点|性|人)"
    r"|(?P<items>支|户)"
    r"|(?P<times>次)(?!性)"
    r"|(?P<years>年)"
    r"|(?P<distance>公里|千米|米)"
)
_UNIT_IDS = {
    "area": "m2", "yuan": "yuan", "age": "age_years", "person_times": "person_times", "beds": "beds",
    "people": "people", "items": "items", "times": "times_per_year", "years": "years",
}
_QUANTITY_NAMES = {
    "percent": "percent", "permille": "per mille", "points": "percentage points", "area": "area", "yuan": "amount",
    "age": "age", "years": "duration", "times": "frequency", "table": "table value", "distance": "distance",
}
_POST_OPERATOR = re.compile(rf"(?P<noun>[{_CJK}]{{0,2}}?)(?P<op>及以上|以上|及以下|以下|以内|之内|左右)|(?P<within>内)")
_THRESHOLD_WORDS = ("及以上", "以上", "及以下", "以下")
_PRE_OPERATOR = re.compile(
    r"达到并保持在|保持在|不低于|不少于|不小于|不下于|至少|最少|不超过|不高于|不多于|不大于|最高|最多|至多"
    r"|超过|高于|多于|大于|低于|少于|不足|小于|提高到|提升到|增加到|达到|≥|≤|>=|<=|>|<"
)
_OPERATORS = {
    **dict.fromkeys(("不低于", "不少于", "不小于", "不下于", "至少", "最少", "≥", ">=", "以上", "及以上"), "≥"),
    **dict.fromkeys(("不超过", "不高于", "不多于", "不大于", "最高", "最多", "至多", "≤", "<=", "以下", "及以下", "以内", "之内", "内"), "≤"),
    **dict.fromkeys(("超过", "高于", "多于", "大于", ">"), ">"),
    **dict.fromkeys(("低于", "少于", "不足", "小于", "<"), "<"),
}
_SIGNS = "≥≤<>"
# A year in digits (2025) or in Chinese numerals, as regulations write it (二〇二五).
_YEAR = r"(?:19|20)\d{2}|[一二][〇零九][〇零一二三四五六七八九]{2}"
_MONTH_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?"
_DEADLINE = re.compile(
    r"(?=[到至于截12一二“十])"  # what every match starts with: saves trying the rest at every position
    rf"(?:(?P<pre>到|至|于|截至|截止)?(?P<y1>{_YEAR})(?:[~\-—–至到](?P<y2>{_YEAR}))?年"
    rf"(?P<md>{_MONTH_DAY})?(?P<suf>年底前|年末前|年底|年末|底前|末前|底|末|前|以前|之前)?"
    # a five-year plan's period: “十四五”期间 ends in 2025
    r"|(?P<plan>“?十(?P<plan_no>[一二三四五六七八九])五”?(?:期间|时期|期末|末)))"
)
# Years paired with the values of a list by 分别 (2023年、2024年、2025年分别建成15个、20个、25个).
_YEAR_LIST = re.compile(
    rf"(?P<years>(?:(?:{_YEAR})年(?:底|末)?前?[、和及]){{1,6}}(?:{_YEAR})年(?:底|末)?前?)[^;。\n\d]{{0,24}}?分别"
)
_NUMBER_RUN = re.compile(r"\d+(?:\.\d+)?")
_TABLE_YEAR = re.compile(r"(?:19|20)\d{2}年(?:年)?(?:底|末)?")
_SENTENCE_OPENER = re.compile(r"(?:力争|争取|计划|在)?")
_YEAR_NOT_DUE = ("起", "以来", "开始", "的", "度", "以前")
_ASPIRATION = re.compile("力争|争取")
_PENALTY = re.compile("罚款|罚金|没收|拘留|吊销|违法所得|责令(?:限期)?改正|违反本(?:条例|办法|规定|决定|细则|措施)")
_DESCRIPTIVE = re.compile(
    "截至|截止|普查|同比|比上年|较上年|分别高于|分别低于|分别比|共有|以来|户籍人口|常住人口|总人口|老龄化率|预计"
    # the old population and its share: 老年人口52.7万人, 老年人口占比…, 占户籍总人口的23.1%
    r"|老年人口(?:数|总数|总量)?(?:为|约|达到|达|超过|突破)?\d|人口(?:数|总数)?占|占(?:全[省市县区])?(?:户籍|常住)?总?人口"
)
# What is already done, before a number in its sentence (全市已建成养老机构286家); not 已建成居住区 (built-up areas).
_ACHIEVED = re.compile(
    "已(?:建成|建有)(?!居住|住宅|小区|城区|区|的)|已(?:达到|达|有|完成|累计|实现|新增|覆盖|培训)|目前"
    # 全市现有养老机构86家; not what is built on (在现有基础上, 利用现有资源)
    "|(?<!依托)(?<!利用)(?<!整合)(?<!盘活)(?<!在)现有(?!基础|资源|设施|条件)"
)
# A figure a change starts from (由2020年的42.5%提高到55%): a baseline, not a goal.
_FROM = re.compile(r"(?:由|从)[^,;。\n]{0,12}$")
_CHANGE_TO = re.compile(r"[^\d,;。\n]{0,3}?(?:提高|提升|增加|增长|上升|下降|降低|减少|扩大|缩小)(?:到|至)")
# What an age may qualify: a rate (65岁及以上老年人健康管理率), not a benefit (80周岁以上老年人发放津贴).
_RATE_AFTER = re.compile(r"[^\d,;。:\n]*?(?:率|比例|占比|比重)")
_DESCRIPTIVE_SECTION = re.compile("发展基础|现实基础|工作基础|基本情况|现状|成效|成就|回顾|背景|形势|发展环境|法律责任")
_PARAMETER_WORDS = re.compile("利率|额度|贷款|贴息|有效期|过渡期|期限|补贴标准|补助标准|收费标准")
_DURATION_CUE = re.compile("有效期|期限|为期|过渡期")
# A time frame for a goal after a duration (三年内实现…, 5年内建成…): not a policy setting.
_GOAL_AFTER = re.compile(r"(?:以内|之内|内)(?:基本)?(?:实现|完成|建成|建立|达到|新建|建设|全面|覆盖)")
_PER_YEAR = re.compile("每年|年均|一年")
_PER_PERIOD = re.compile("每(?:年|半年|季度|季|月|周|星期|天|日)|年均|一年")
_PER_UNIT = re.compile(rf"每[{_CJK}]")
_PER_1000_OLDER = re.compile("每千名?老年人|每千名?老人|千名老年人")
_PER_100_HOUSEHOLDS = re.compile("每百户")
# Other per-unit bases (每万名老年人, 每千人口): units.csv has no unit for them.
_PER_BASE = re.compile("每(?:十万|百|千|万)(?:名|个|户|张)?(?:老年人|老人|常住人口|人口|人|户|床位|床)")
_RANGE_DASH = re.compile("[—–~\\-至到]")
_PER_PERSON = re.compile("人均|每人")
_OLDER_PEOPLE = re.compile("老年人|老人")
_BED_WORDS = re.compile("床位|张")
_PEOPLE_WORDS = re.compile("人数|人员|工作者|护理员")
_FACILITY_NOUN = re.compile("机构|中心|站点|服务站|站|点|院|食堂|餐厅|基地|室|场所|设施|医院|学校|大学|馆|园|公寓|驿站")
_NOT_FACILITY = re.compile("企业|公司|工作室|社区|案例|联合体|小区|村|试点|平台")
_SCOPE = re.compile(
    r"(?:每个|每一个|各|所有|每)(?P<unit>中心城区|区县|县区|县市区|区|县|市|乡镇|镇街|街镇|镇|街道|社区|村民小组|村|小区)"
    r"(?P<paren>\([^)]{1,6}\))?"
)
_AREA_SCOPE = re.compile("中心城区|农村|城区|城镇|城市|山区|乡村")
_SCOPE_LEAD = re.compile(r"^(?:其中|力争|争取|到|全市|全县|全区|在)+")
# 所有, but not 所有权, 所有制, 所有者, 版权所有.
_COVERAGE_STRONG = re.compile(r"全覆盖|全面覆盖|全部覆盖|应(\w)尽\1|愿(\w)全\2|所有(?<![权归]所有)(?![权制者])")
_COVERAGE_WEAK = re.compile(
    r"各(?:中心城区|区县|县区|区|县|市|乡镇|镇|街道|社区|村)(?:\([^)]{1,6}\))?(?:均|都)?(?:成立|设立|建立|建成|建有|设置|配备)"
    r"|均(?:设立|设置|建立|建成|建有|达到|配备|实现|开展|纳入|提供|具备|成立)"
    r"|全面(?:设置|设立|配备|配置|建有)"
)
_SLOGAN = re.compile(rf"(?<=[“\"、])一(?P<per>[{_CJK}]{{1,2}})一(?P<what>[{_CJK}]{{1,3}}?)(?=[”\"、])")
_MEASURE_LEAD = re.compile(
    r"^(?:其中|并且|并|且|和|及|与|在|对|为|将|使|确保|推动|推进|实现|力争|争取|全市|全县|全区|全省|共|累计|按照|按|"
    r"建设|建成|培育|创建|打造|设立|设置|新增|培训|培养|推出|开展|组建|配备|建有|完成|发展|提供|增加|新建|招募|认定)+"
)
_MEASURE_TAIL = re.compile(
    r"(?:达到并保持在|保持在|不低于|不少于|不小于|至少|不超过|不高于|最高|最多|超过|高于|低于|少于|不足|达到|提高到|"
    r"提升到|增加到|达|为|占|的|有|配有|和|与|及|或|应当|应|要|须|≥|≤|>|<|=)+$"
)
# The document's numbering at the start of a clause (第十四条, 一、, (一), 1.): not part of a quote or measure.
_LEADING_MARKER = re.compile(
    rf"(?:第[{_CN_NUMERAL}\d]+条|[{_CN_ORDINAL}]{{1,3}}、|\([{_CN_ORDINAL}\d]{{1,3}}\)|\d{{1,2}}[.、)]|[\u2460-\u2473])(?!\d)"
)
_MEASURE_AFTER = re.compile(r"^(?:及以上|以上|及以下|以下|以内|左右|的)+")
_MEASURE_NOISE = re.compile(rf"[^{_CJK}A-Za-z0-9.%+()“”《》、]")
_RATE_NOUN = re.compile("(?:率|比例|占比|比重|水平|覆盖面)$")
_COUNT_UNITS = ("beds", "people", "person_times", "facilities", "items")
# Units whose measure usually follows the value (建设1500张…床位, 80周岁以上老年人).
_NOUN_AFTER_UNITS = (
    "beds", "people", "person_times", "facilities", "items", "times_per_year", "age_years",
    "beds_per_1000_older_people", "people_per_1000_older_people",
)
_CONTENT_NOISE = re.compile(
    rf"{_DEADLINE.pattern}|{_PRE_OPERATOR.pattern}|以上|以下|及|的|实现|确保|其中|年底|[{_CN_NUMERAL}]|百分之|千分之"
    rf"|[个家张所处名人次支]|[^{_CJK}]"
)
_DIGIT = re.compile(r"\d")
_NAMES = re.compile(r"(?:“[^”]{1,20}”|《[^》]{1,30}》)(?:[、和与及]?(?:“[^”]{1,20}”|《[^》]{1,30}》))+")
_NAME = re.compile(r"“[^”]{1,20}”|《[^》]{1,30}》")
# A cell of a flattened table that holds a value: a number, maybe signed, bracketed (【15】, a five-year total) or
# with %; or a dash for no value.
_VALUE_CELL = re.compile(r"[≥≤<>]?[【\[]?(?:\d+(?:\.\d+)?[%‰]?|[—\-–/]+)[】\]]?")
# The unit an indicator's name gives its cells: 养老床位总量(万张), 护理型床位占比(%).
_CELL_UNIT = re.compile(r"\((?P<scale>万)?(?P<word>%|‰|[^()\d]{1,3})\)$")
# The header of a column of values: 2020年, 2025年底, 现状值, 2025年目标值.
_COLUMN_HEAD = re.compile(r"(?:(?P<year>(?:19|20)\d{2})年(?:底|末)?)?(?:现状|基期|基数|基准|基线|目标|预期|规划)?值?")
_BASELINE_HEAD = re.compile("现状|基期|基数|基准|基线")
# A line that dates the document: its number (临民发〔2023〕16号) or its date (2021年12月20日) on a line of its own.
_ISSUE_LINE = re.compile(r"^[^\n]{0,20}?[〔\[(](?P<n>(?:19|20)\d{2})[〕\])]\d+号$|^\(?(?P<d>(?:19|20)\d{2})年\d{1,2}月\d{1,2}日\)?$", re.M)
_ROW_NUMBER = re.compile(r"\d{1,3}")
# Spaces a PDF extraction put between two Chinese characters (养老机构全 面设置).
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


@dataclass
class Candidate:
    """A proposed target; positions index the analysis text of a :class:`~comparison.policy_text.PolicyText`.

    ``source`` says what found it: ``"number"``, ``"coverage"`` (words of
    full coverage) or ``"slogan"`` (一X一Y).
    """

    pos: int
    quote_start: int
    quote_end: int
    value: float
    unit_id: str
    source: str
    measure: str = ""
    measure_word: str = ""
    operator: str = "="
    kind: str = "target"
    clause: str = ""
    deadline: int | None = None
    scope: str = ""
    attribute: str = ""
    aspirational: bool = False
    has_cue: bool = False
    cue: str = ""
    indicator_id: str = ""
    measure_en: str = ""
    scale: float = 1.0  # the value is the stated number times this (a table's 万张)
    notes: str = ""
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Quantity:
    """How a number is stated: the kind of quantity (a group of :data:`_UNIT`), its unit, measure word and end."""

    key: str
    unit_id: str
    measure_word: str
    end: int
    more: bool = False  # 10余个, 100多家: more than the number
    scale: float = 1.0  # 10000 for a table cell whose indicator is counted in 万 (养老床位总量(万张))
    year: int | None = None  # the year of a table cell's column


@dataclass(frozen=True)
class _Row:
    """A row of a flattened table: the line of its measure (indicator name) and where a value cell stands in it."""

    measure: tuple[int, int]
    index: int  # position of the value cell among the row's value cells
    count: int  # how many value cells the row has
    first: int  # where the table's first row (its number 1) starts: its header is above


# --------------------------------------------------------------------------- the command line
def add_parser(subparsers) -> None:
    """Add the ``extract`` sub-command."""
    p = subparsers.add_parser(
        "extract",
        help="propose candidate targets from a policy text, as rows in the columns of targets.csv",
        description=(
            "Read a policy document (plain text: UTF-8, GB18030/GBK or Big5; Simplified or Traditional script)\n"
            "and propose every quantified target, standard and policy parameter it states: percentages,\n"
            "counts with measure words, per-1000 ratios, floor areas, coverage in words (全覆盖 = 100%).\n"
            "Each row has the columns of data/targets.csv with a verbatim quote, then 'confidence' (0-1)\n"
            "and 'reason' (the cue words). Fines, dates, document and article numbers are left out.\n"
            "The rows are candidates: check each one against the text before adding it to the data."
        ),
        epilog="example:\n  python -m comparison extract policy.txt --source-id hangzhou-2024 -o candidates.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("policy", type=Path, metavar="POLICY.txt", help="the policy text (plain text file)")
    p.add_argument(
        "--source-id",
        metavar="ID",
        help="source id of the rows, {jurisdiction}-{year} such as hangzhou-2024 (default: made from the file name)",
    )
    p.add_argument("--encoding", metavar="ENC", help="encoding of the file, e.g. gb18030 or big5 (default: detected)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="CSV file to write (default: standard output)")
    p.add_argument("--data", type=Path, default=None, metavar="DIR", help="folder of the curated data (default: the project's data/)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Extract the candidates of ``args.policy`` and write them as CSV."""
    from comparison.cli import UserError
    from comparison.errors import display_path
    from comparison.policy_text import read_policy_text

    text = read_policy_text(args.policy, args.encoding)
    pattern = source_id_pattern(args.data)
    if args.source_id and not re.fullmatch(pattern, args.source_id):
        raise UserError(f"source id '{args.source_id}' does not have the form {{jurisdiction}}-{{year}}, e.g. hangzhou-2024")
    source_id = args.source_id or default_source_id(args.policy, text, pattern)
    frame = extract_candidates(text, source_id=source_id, codebook=load_codebook(args.data), data_dir=args.data)
    shown = display_path(args.policy)
    if frame.empty:
        raise UserError(
            f"found no candidate targets in {shown}: it states no percentages, counts with measure words or "
            "coverage (全覆盖) as goals; is it a policy text?"
        )
    csv_text = candidates_to_csv(frame)
    if args.output is None:
        sys.stdout.buffer.write(csv_text.encode("utf-8"))
        sys.stdout.flush()
        print(f"{len(frame)} candidate targets from {shown}.", file=sys.stderr)
        return 0
    try:
        args.output.write_text(csv_text, encoding="utf-8", newline="")
    except OSError as exc:
        raise UserError(f"cannot write {display_path(args.output)}: {exc.strerror or exc}") from None
    print(f"{len(frame)} candidate targets from {shown} written to {display_path(args.output)}.")
    return 0


# --------------------------------------------------------------------------- data the extractor uses
def _data_dir(data_dir: Path | str | None) -> Path:
    """``data_dir``, or the project's data folder."""
    from comparison.paths import default_data_dir

    return Path(data_dir) if data_dir is not None else default_data_dir()


def target_columns(data_dir: Path | str | None = None) -> list[str]:
    """The columns of ``targets.csv`` (from ``datapackage.yaml``) followed by :data:`EXTRA_COLUMNS`."""
    from comparison.tables import field_names, read_descriptor, resource_schema

    return field_names(resource_schema(read_descriptor(_data_dir(data_dir)), "targets")) + list(EXTRA_COLUMNS)


def source_id_pattern(data_dir: Path | str | None = None) -> str:
    """The pattern a ``source_id`` must match (from ``datapackage.yaml``)."""
    from comparison.tables import read_descriptor, resource_schema

    schema = resource_schema(read_descriptor(_data_dir(data_dir)), "sources")
    field_def = next(f for f in schema["fields"] if f["name"] == "source_id")
    return field_def["constraints"]["pattern"]


def default_source_id(path: Path | str, text: str, pattern: str) -> str:
    """A source id ``{name}-{year}`` from the file name, with the first year of ``text`` when the name has none.

    Raises :class:`~comparison.cli.UserError` when no id matching ``pattern`` can be made.
    """
    import unicodedata

    from comparison.cli import UserError

    stem = Path(path).stem.lower()
    year = re.search(r"(?<!\d)((?:19|20)\d{2})([a-z]?)(?![a-z0-9])", stem)
    if year:
        stem = stem[: year.start()] + stem[year.end() :]
        suffix = year.group(1) + year.group(2)
    else:
        in_text = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", unicodedata.normalize("NFKC", text[:20000]))
        suffix = in_text.group() if in_text else ""
    prefix = re.sub(r"[^a-z0-9]+", "_", stem).strip("_")
    if not prefix[:1].isalpha():
        prefix = "doc" + (f"_{prefix}" if prefix else "")
    source_id = f"{prefix}-{suffix}"
    if not suffix or not re.fullmatch(pattern, source_id):
        raise UserError(f"cannot make a source id from the name {Path(path).name}; give one with --source-id (e.g. hangzhou-2024)")
    return source_id


def load_codebook(data_dir: Path | str | None = None):
    """The rows of ``topic_keywords.csv`` (topic id as ``indicator_id``) with each topic's English name (column ``name_en``).

    Raises :class:`~comparison.errors.DataError` when either table is malformed.
    """
    from comparison.errors import DataError
    from comparison.tables import read_table

    folder = _data_dir(data_dir)
    keywords, problems = read_table(folder, "topic_keywords")
    indicators, more = read_table(folder, "topics")
    errors = [p for p in problems + more if p.severity == "error"]
    if errors:
        raise DataError(errors)
    # The codebook's topics are the former indicators, ids unchanged.
    keywords, indicators = keywords.rename(columns={"topic_id": "indicator_id"}), indicators.rename(columns={"topic_id": "indicator_id"})
    names = indicators[["indicator_id", "name_en"]].astype(str)
    frame = keywords.astype({"indicator_id": str, "keyword": str}).merge(names, on="indicator_id", how="left")
    return frame[["indicator_id", "keyword", "weight", "name_en"]].reset_index(drop=True)


# --------------------------------------------------------------------------- the library entry points
def extract_candidates(text: str, *, source_id: str, codebook=None, data_dir: Path | str | None = None):
    """Candidate targets of the policy ``text``: a DataFrame in the columns of :func:`target_columns`.

    ``codebook`` is a frame as returned by :func:`load_codebook` (loaded from
    ``data_dir`` when not given). Every quote is copied verbatim from
    ``text`` and states its value (:func:`comparison.numbers.quote_states_value`).
    """
    from comparison.numbers import normalise_many
    from comparison.policy_text import PolicyText

    if not re.fullmatch(source_id_pattern(data_dir), source_id):
        raise ValueError(f"source id '{source_id}' does not have the form {{jurisdiction}}-{{year}}")
    if codebook is None:
        codebook = load_codebook(data_dir)
    doc = PolicyText(text)
    found = _Reader(doc).candidates()
    _suggest_indicators(found, codebook, doc)
    quotes = [doc.quote(c.quote_start, c.quote_end) for c in found]
    rows = []
    for c, quote, norm in zip(found, quotes, normalise_many(quotes)):
        quote = _checked_quote(doc, c, quote, norm)
        if quote is not None:
            rows.append(_row(c, quote))
    return _frame(rows, source_id, target_columns(data_dir))


def _checked_quote(doc, c: Candidate, quote: str, norm: str) -> str | None:
    """``quote`` (``norm``: its normalised form) when it states the value of ``c``, else ``None``.

    A quote may leave out the spaces a PDF put inside words. The cells of a
    table are joined with one space, which :mod:`comparison.numbers` reads as
    a space inside a number (48 60 as 4860): then it is enough that one of the
    cells states the value, and a note says so.
    """
    from comparison.numbers import quote_states_value

    stated = c.value / c.scale  # a table cell in 万张 states 45 for 450000
    if quote_states_value(norm, stated, c.unit_id, normalised=True):
        return quote
    gapless = _CJK_GAP.sub("", norm)
    if quote_states_value(gapless, stated, c.unit_id, normalised=True):
        c.reasons.append("quote leaves out the spaces inside words")
        return _CJK_GAP.sub("", quote)
    cells = doc.text[c.quote_start : c.quote_end].split("\n")
    if len(cells) > 1 and any(quote_states_value(cell, stated, c.unit_id, normalised=True) for cell in cells):
        c.notes = "; ".join(filter(None, (c.notes, "the quote joins table cells with a space: a number checker may read two cells as one number")))
        return quote
    return None


def _frame(rows: list[dict], source_id: str, columns: list[str]):
    """The rows as a DataFrame numbered ``{source_id}-t01`` … in reading order.

    Numbers are ``float64``, ``deadline_stated`` is ``Int64``, ``is_aspirational``
    is ``bool``, the other columns are text.
    """
    import numpy as np
    import pandas as pd

    data = {col: [row.get(col, "") for row in rows] for col in columns}
    data["target_id"] = [f"{source_id}-t{i:02d}" for i in range(1, len(rows) + 1)]
    data["source_id"] = [source_id] * len(rows)
    typed = {
        "value": np.array(data["value"], dtype="float64"),
        "deadline_stated": pd.array(data["deadline_stated"], dtype="Int64"),
        "is_aspirational": np.array(data["is_aspirational"], dtype=bool),
        "confidence": np.array(data["confidence"], dtype="float64"),
    }
    return pd.DataFrame({col: typed.get(col, np.array(data[col], dtype=object)) for col in columns}, copy=False)


def candidates_to_csv(frame) -> str:
    """The candidates as CSV text: plain numbers (24000, not 24000.0), ``true``/``false``, empty missing cells."""
    out = frame.copy()
    out["value"] = out["value"].map(_plain_number)
    out["is_aspirational"] = out["is_aspirational"].map(lambda v: "true" if v else "false")
    out["confidence"] = out["confidence"].map(lambda v: f"{v:.2f}")
    return out.to_csv(index=False, lineterminator="\n")


def _plain_number(value: float) -> str:
    """24000.0 as ``24000``, 0.2 as ``0.2``."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _row(c: Candidate, quote: str) -> dict:
    """The output row of candidate ``c`` (ids are filled in afterwards)."""
    return {
        "clause": c.clause,
        "kind": c.kind,
        "topic_id": c.indicator_id,  # the suggested topic; the curator picks the measure
        "measure_zh": c.measure,
        "measure_en": c.measure_en,
        "operator": c.operator,
        "value": c.value,
        "unit_id": c.unit_id,
        "measure_word": c.measure_word,
        "deadline_stated": c.deadline,
        "deadline_basis": "stated" if c.deadline is not None else "",
        "scope_zh": c.scope,
        "scope_en": "",
        "attribute": c.attribute,
        "is_aspirational": c.aspirational,
        "quote": quote,
        "notes": c.notes,
        "confidence": _confidence(c),
        "reason": "; ".join(c.reasons),
    }


def _confidence(c: Candidate) -> float:
    """How likely a curator keeps the candidate, from the evidence found for it."""
    score = {"number": 0.55, "coverage": 0.5, "slogan": 0.35}[c.source]
    score += 0.15 * c.has_cue + 0.15 * (c.deadline is not None) + 0.1 * bool(c.indicator_id)
    if not c.unit_id:
        score -= 0.2
    return round(min(max(score, 0.05), 0.95), 2)


# --------------------------------------------------------------------------- reading one document
class _Reader:
    """Finds the candidates of one :class:`~comparison.policy_text.PolicyText`."""

    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        self._why_excluded: dict[int, str] = {}
        self._deadlines = list(_DEADLINE.finditer(self.text))
        self._deadline_starts = [m.start() for m in self._deadlines]
        self._opening_marks = [m.start() for m in re.finditer("“", self.text)]
        self._closing_marks = [m.start() for m in re.finditer("”", self.text)]
        self._straight_marks = [m.start() for m in re.finditer('"', self.text)]
        self._issue_year: int | None = None
        self._rows: dict[int, _Row] | None = None
        self._heads: dict[int, list] = {}

    def candidates(self) -> list[Candidate]:
        """All candidates, in reading order."""
        from comparison.numbers import find_numbers

        numeric = self._numeric(find_numbers(self.text, normalised=True))
        found = numeric + self._coverage(numeric) + self._slogans()
        found.sort(key=lambda c: (c.quote_start, c.pos))
        for c in found:
            c.clause = c.clause or self.doc.clause_label(c.pos)
        return [part for c in found for part in _split_enumeration(c)]

    def excluded(self, pos: int) -> str:
        """Why the sentence holding ``pos`` yields no candidates (fines, the present); empty when it may."""
        start, end = self.doc.sentence_span(pos)
        if start not in self._why_excluded:
            sentence = self.text[start:end]
            why = ""
            if m := _PENALTY.search(sentence):
                why = f"penalty ({m.group()})"
            elif m := _DESCRIPTIVE.search(sentence):
                why = f"describes the present ({m.group()})"
            elif m := _DESCRIPTIVE_SECTION.search(self.doc.section_heading(pos)):
                why = f"section on {m.group()}"
            self._why_excluded[start] = why
        return self._why_excluded[start]

    # -- numbers ------------------------------------------------------------------
    def _numeric(self, numbers) -> list[Candidate]:
        """The candidates stated by ``numbers`` (from :func:`comparison.numbers.find_numbers`)."""
        found: list[Candidate] = []
        previous = None
        for n in numbers:
            c = self._from_number(n, previous.end if previous else 0)
            if c is not None and previous is not None and _RANGE_DASH.fullmatch(self.text, previous.end, n.start):
                found += self._range(c, previous, found[-1] if found and found[-1].pos == previous.start else None)
            elif c is not None:
                found.append(c)
            previous = n
        return found

    def _range(self, upper: Candidate, lower_number, lower: Candidate | None) -> list[Candidate]:
        """A range 60%—70%, 3至5家: at least the lower figure and at most the upper one."""
        if lower is None:
            reasons = [f"{lower_number.text}: lower end of a range", *upper.reasons[1:]]
            lower = replace(upper, pos=lower_number.start, value=lower_number.value, reasons=reasons)
            added = [lower, upper]
        else:
            lower.reasons.append("lower end of a range")
            added = [upper]
        upper.operator, upper.has_cue = "≤", True
        upper.reasons.append("upper end of a range")
        lower.operator, lower.has_cue = "≥", True
        upper.measure = lower.measure
        return added

    def _from_number(self, n, previous_end: int) -> Candidate | None:
        """The candidate stated by number ``n`` (a :class:`~comparison.numbers.NumberMatch`), or ``None``."""
        if not self._may_be_target(n):
            return None
        q = self._quantity(n)
        if q is None:
            return None
        t = self.text
        c_start, c_end = self._clause_around(n.start, q.end)
        window = t[max(c_start, previous_end) : n.start]
        post = self._post_operator(q)
        cue = None if post or q.more else _last_match(_PRE_OPERATOR, window)
        if not self._quantity_allowed(n, q, cue, post, t[c_start : n.start]):
            return None
        if _FROM.search(t, max(c_start, n.start - 14), n.start) and _CHANGE_TO.match(t, q.end, c_end):
            return None  # 由2020年的42.5%提高到55%: where the change starts
        if q.key == "age" and _RATE_AFTER.match(t, post.end() if post else q.end, c_end):
            return None  # 65岁及以上老年人健康管理率: the age only says whose rate it is
        c = Candidate(n.start, _after_marker(t, c_start, n.start), c_end, n.value * q.scale, q.unit_id, "number", measure_word=q.measure_word)
        stated = f"{_QUANTITY_NAMES.get(q.key, 'count')} {t[n.start : q.end]}"
        if q.scale != 1:
            c.scale = q.scale
            c.notes = f"the table gives {n.text} in units of {q.scale:g} ({q.measure_word}, from the indicator's name)"
            c.reasons.append(f"×{q.scale:g} from the unit in the indicator's name")
        op_end = q.end
        if post:
            word = post.group("op") or post.group("within")
            c.operator, c.has_cue, op_end = _OPERATORS.get(word, "="), True, post.end()
            c.reasons.append(f"{stated} with {word}")
        elif q.more:
            c.operator, c.has_cue = ">", True
            c.reasons.append(f"{stated} (more than)")
        elif cue:
            c.operator, c.has_cue = _OPERATORS.get(cue.group(), "="), True
            c.reasons.append(f"{stated} after {cue.group()}")
        else:
            c.reasons.append(stated)
        self._place(c, n.start, op_end)
        if q.year is not None:
            c.deadline = q.year
        self._classify(c, q, window, op_end)
        # 100张床位以上的养老机构, 1000平方米以下的建筑, 床位数在一百张以上的: a condition on what follows
        conditional = t.startswith("在", n.start - 1) and t.startswith("的", post.end()) if post else False
        if post and post.group("op") in _THRESHOLD_WORDS and (post.group("noun") or c.unit_id == "m2" or conditional):
            self._mark_threshold(c, post, conditional)
        return c

    def _may_be_target(self, n) -> bool:
        """False for years, dates, document and article numbers, per-unit bases, numbers in quotation marks."""
        t = self.text
        before = t[n.start - 1] if n.start else ""
        after = t[n.end] if n.end < len(t) else ""
        if self._value_cell(n.start) is not None:
            before, after = before.strip("[【"), after.strip("]】")  # 【15】: a table's five-year total
        if (before and before in "第每〔[【") or (after and after in "月日号时分秒〕]】"):
            return False
        if n.kind == "plain" and ((before and before in "-:") or (after and after in "-:./")):
            return False  # dates, times, phone numbers, list markers
        if 1900 <= n.value <= 2100 and (after == "年" or re.match(r"[~\-—–至到]\d", t[n.end : n.end + 2])):
            return False
        if n.text in ("万", "亿") and before == "(":
            return False  # the unit of a table's column: 养老床位总量(万张)
        if self.excluded(n.start) or self._achieved(n):
            return False
        return not self._in_quotation_marks(n.start)

    def _achieved(self, n) -> bool:
        """Whether the sentence says, before ``n``, that something is already done (全市已建成养老机构286家).

        Not when a deadline comes between (在已建成12处敬老院的基础上，到2026年底，完成6处…): a new goal
        starts there. 现有 (currently) describes counts, not rates.
        """
        s_start = self._sentence_start(n.start)
        if not _ACHIEVED.search(self.text, s_start, n.start):
            return False
        done = _last_match(_ACHIEVED, self.text[s_start : n.start])
        if done is None or (done.group() == "现有" and n.kind != "plain"):
            return False
        return self._first_deadline(s_start + done.end(), n.start, s_start) is None

    def _in_quotation_marks(self, pos: int) -> bool:
        """Whether ``pos`` stands between quotation marks opened in its sentence."""
        start = self.doc.sentence_span(pos)[0]

        def count(marks: list[int]) -> int:
            return bisect_left(marks, pos) - bisect_left(marks, start)

        return count(self._opening_marks) > count(self._closing_marks) or count(self._straight_marks) % 2 == 1

    def _clause_around(self, start: int, end: int) -> tuple[int, int]:
        """The clause holding ``start``–``end``, cut to :data:`LOOKBACK` before and :data:`LOOKAHEAD` after it."""
        c_start, c_end = self.doc.clause_span(start)
        return max(c_start, start - LOOKBACK), min(c_end, end + LOOKAHEAD)

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts, at most :data:`SENTENCE_LOOKBACK` before it."""
        return max(self.doc.sentence_span(pos)[0], pos - SENTENCE_LOOKBACK)

    def _quantity(self, n) -> _Quantity | None:
        """The quantity a number states; ``None`` for a bare number (no unit, no comparison sign)."""
        t = self.text
        if (cell := self._value_cell(n.start)) is not None and (row := self._row(cell)) is not None:
            return self._cell_quantity(n, row)
        if n.kind == "percent":
            return _Quantity("percent", "percent", "", n.end)
        if n.kind == "permille":
            return _Quantity("permille", "", "", n.end)
        more = t.startswith(("余", "多"), n.end)
        m = _UNIT.match(t, n.end + more)
        if m:
            key = m.lastgroup
            return _Quantity(key, _UNIT_IDS.get(key, ""), "" if key == "points" else m.group(), m.end(), more)
        if n.start and t[n.start - 1] in _SIGNS and not _is_cn_numeral(n.text):
            return _Quantity("table", "", "", n.end)
        return None

    # -- flattened tables ----------------------------------------------------------
    def _value_cell(self, pos: int) -> tuple[int, int] | None:
        """The line holding ``pos`` when it is a table cell holding a value (≥45, 【15】, 60%), else ``None``."""
        if pos and self.text[pos - 1] not in "\n≥≤<>[【":
            return None  # a value cell starts its line, maybe after a sign or a bracket
        start, end = self.doc.line_span(pos)
        return (start, end) if _VALUE_CELL.fullmatch(self.text, start, end) else None

    def _row(self, cell: tuple[int, int]) -> _Row | None:
        """The table row holding value ``cell``, if it stands in a table whose rows are numbered 1, 2, 3 …"""
        if self._rows is None:
            self._rows = self._read_tables()
        return self._rows.get(cell[0])

    def _read_tables(self) -> dict[int, _Row]:
        """The rows of every flattened table, by the start of each of their value cells.

        A table is a run of rows numbered from 1, each a line with the number, a line naming the measure, then
        short cells up to the next row's number (a line with it followed by a line that is not a value).
        """
        doc, t = self.doc, self.text
        rows: dict[int, _Row] = {}
        for first in re.finditer(r"^1$", t, re.M):
            line, expected = (first.start(), first.end()), 1
            if first.start() in rows:
                continue  # a value cell of a table already read
            while line is not None and t[line[0] : line[1]] == str(expected):
                measure = doc.next_line(line[1])
                if measure is None or _VALUE_CELL.fullmatch(t, *measure):
                    break
                cells, line = [], doc.next_line(measure[1])
                while line is not None and line[1] - line[0] <= TABLE_CELL_MAX and not self._row_number(line, expected + 1):
                    if _VALUE_CELL.fullmatch(t, *line):
                        cells.append(line)
                    line = doc.next_line(line[1])
                rows.update((cell[0], _Row(measure, i, len(cells), first.start())) for i, cell in enumerate(cells))
                expected += 1
        return rows

    def _row_number(self, line: tuple[int, int], number: int) -> bool:
        """Whether ``line`` is the number of a table's row ``number``: the number, then a line that is not a value."""
        if self.text[line[0] : line[1]] != str(number):
            return False
        following = self.doc.next_line(line[1])
        return following is not None and not _VALUE_CELL.fullmatch(self.text, *following)

    def _cell_quantity(self, n, row: _Row) -> _Quantity | None:
        """The quantity of a value cell: unit and scale from the indicator's name (养老床位总量(万张)), year from the
        column's header; ``None`` for a cell in a baseline column (2020年, 现状值)."""
        t = self.text
        column = self._column(row)
        year = int(column["year"]) if column is not None and column["year"] else None
        if column is not None and (_BASELINE_HEAD.search(column.group()) or (year is not None and year < self._baseline_before())):
            return None
        unit = _CELL_UNIT.search(t, row.measure[0], row.measure[1])
        word, scale = (unit["word"], 10000.0 if unit["scale"] else 1.0) if unit else ("", 1.0)
        if n.kind == "percent" or word == "%":
            return _Quantity("percent", "percent", "", n.end, year=year)
        if n.kind == "permille" or word == "‰":
            return _Quantity("permille", "", "", n.end, year=year)
        if (m := _UNIT.fullmatch(word)) and m.lastgroup != "points":
            return _Quantity(m.lastgroup, _UNIT_IDS.get(m.lastgroup, ""), f"{unit['scale'] or ''}{word}", n.end, scale=scale, year=year)
        return _Quantity("table", "", "", n.end, year=year)

    def _column(self, row: _Row):
        """The header cell (a match of :data:`_COLUMN_HEAD`) of a row's value cell, when the header can be read:
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
                if (m := _COLUMN_HEAD.fullmatch(self.text, *line)) and m.group():
                    heads.append(m)
                line = self.doc.previous_line(line[0])
            self._heads[first] = heads[::-1]
        return self._heads[first]

    def _baseline_before(self) -> int:
        """Columns of years before this one hold baselines: the year the document was issued (its number or date on a
        line of its own), else its earliest deadline."""
        if self._issue_year is None:
            issued = [int(m["n"] or m["d"]) for m in _ISSUE_LINE.finditer(self.text)]
            stated = [_deadline_year(m) for m in self._deadlines if _is_deadline(m, self.text, self._sentence_start(m.start()))]
            self._issue_year = max(issued) if issued else min(stated, default=0)
        return self._issue_year

    def _post_operator(self, q: _Quantity):
        """以上/以下/以内 right after the quantity (内 only after a duration: 5年内)."""
        m = _POST_OPERATOR.match(self.text, q.end)
        if m and m.group("within") and q.key != "years":
            return None
        return m

    def _quantity_allowed(self, n, q: _Quantity, cue, post, clause_head: str) -> bool:
        """Durations need a cue (有效期, …年内, 不超过3年), frequencies a period (每年…次), distances a bound
        (不超过1公里), a lone 一 a per-unit context (每个村…一名) or a lower bound (至少一处, 一处以上)."""
        bound = _OPERATORS.get(post.group("op") or post.group("within")) if post else None
        if cue is not None and clause_head.endswith(cue.group()):
            bound = bound or _OPERATORS.get(cue.group())
        if q.key == "years":
            clause = self.text[self.doc.clause_span(n.start)[0] : self.doc.clause_span(n.start)[1]]
            return n.value < 100 and (bool(_DURATION_CUE.search(clause)) or (bound in ("≤", "≥") and not _GOAL_AFTER.match(self.text, q.end)))
        if q.key == "times" and not _PER_PERIOD.search(clause_head):
            return False
        if q.key == "distance":
            return bound is not None
        if _is_cn_numeral(n.text) and n.value == 1:
            return bool(_PER_UNIT.search(clause_head)) or bound == "≥" or (cue is not None and _OPERATORS.get(cue.group()) == "≥")
        return True

    def _mark_threshold(self, c: Candidate, post, conditional: bool = False) -> None:
        """A count or area with 以上/以下 that qualifies a noun (100张床位以上的养老机构) is a threshold: a parameter;
        so is a condition (床位数在一百张以上的，应当…), even in a norm."""
        following = self.text[post.end() : post.end() + 3]
        if conditional or (c.kind != "standard" and not following.startswith(("的标准", "标准")) and re.match(f"的|[{_CJK}]", following)):
            c.kind = "parameter"
            c.reasons.append(f"threshold ({post.group('op')} qualifies what follows)")

    def _classify(self, c: Candidate, q: _Quantity, window: str, op_end: int) -> None:
        """Refine the unit (ratios, per-household areas, facilities or items) and decide the kind."""
        head = self.text[c.quote_start : c.pos]
        if q.key in ("table", "permille") or q.unit_id in ("beds", "people"):
            self._per_1000(c, q)
        if q.unit_id == "m2" and _PER_100_HOUSEHOLDS.search(head):
            c.unit_id = "m2_per_100_households"
        elif q.unit_id == "m2" and _PER_PERSON.search(head):
            c.unit_id = "m2_per_person"
        if q.key == "count":
            c.unit_id = "facilities" if _counts_facilities(c.measure or self.text[c.quote_start : c.quote_end]) else "items"
        if c.unit_id in _COUNT_UNITS and (base := _PER_BASE.search(head)):
            c.unit_id, c.measure_word = "", ""
            c.reasons.append(f"ratio {base.group()}: units.csv has no unit for it")
        if q.key == "times" and not _PER_YEAR.search(head):
            c.unit_id = ""
            c.reasons.append("frequency not per year: units.csv has no unit for it")
        if q.key == "points":
            c.reasons.append("percentage points: units.csv has no unit for them")
        if q.key == "distance":
            c.reasons.append("distance: units.csv has no unit for it")
        if q.key == "permille" and not c.unit_id:
            c.reasons.append("per mille: units.csv has no unit for it")
        if c.kind != "parameter":
            c.kind = self._kind(c, q, window, op_end)

    def _per_1000(self, c: Candidate, q: _Quantity) -> None:
        """Beds or people per 1000 older people (每千名老年人…张, 千分之二 of older people)."""
        quote_text = self.text[c.quote_start : c.quote_end]
        if not (_PER_1000_OLDER.search(quote_text) or (q.key == "permille" and _OLDER_PEOPLE.search(quote_text))):
            return
        if q.unit_id == "beds" or (q.unit_id != "people" and _BED_WORDS.search(c.measure)):
            c.unit_id = "beds_per_1000_older_people"
        elif q.unit_id == "people" or _PEOPLE_WORDS.search(c.measure):
            c.unit_id = "people_per_1000_older_people"
        else:
            return
        c.measure_word = ""
        if "千名" not in c.measure:
            c.measure = f"每千名老年人{c.measure}"[:MEASURE_MAX]
        c.reasons.append("per 1000 older people")

    def _kind(self, c: Candidate, q: _Quantity, window: str, op_end: int) -> str:
        """``parameter`` for ages, amounts, durations, caps and loan terms; ``standard`` for norms; else ``target``."""
        if q.unit_id in ("age_years", "yuan", "years") or re.search("最高|最多", window):
            return "parameter"
        if m := _PARAMETER_WORDS.search(self.text, c.quote_start, c.quote_end):
            c.reasons.append(f"policy setting ({m.group()})")
            return "parameter"
        if c.unit_id in ("m2_per_100_households", "m2_per_person") or q.key == "times":
            return "standard"
        if self.text.startswith(("的标准", "标准"), op_end) or "应当" in self.text[c.quote_start : c.pos]:
            return "standard"
        head = self.text[self._sentence_start(c.pos) : c.pos]
        if "原则上" in head or (c.deadline is None and ("应当" in head or self._in_article(c.pos))):
            return "standard"  # 原则上 (as a rule); 应当 or a regulation's article, without a deadline
        return "target"

    def _in_article(self, pos: int) -> bool:
        """Whether ``pos`` stands in an article (第十四条) of a regulation."""
        return self.doc.clause_label(pos).startswith("第")

    # -- context shared by every kind of candidate -----------------------------------
    def _place(self, c: Candidate, value_start: int, value_end: int) -> None:
        """Quote span, measure, deadline, table context, aspiration and scope of a numeric candidate."""
        t = self.text
        s_start = self._sentence_start(c.pos)
        table_line = None
        if _content_chars(t[c.quote_start : value_start] + t[value_end : c.quote_end]) < 2:
            table_line = self._widen(c, s_start)
        c.measure = self._measure_of(c, value_start, value_end)
        c.deadline = self._deadline(c, s_start)
        if table_line is not None:
            self._table_context(c, table_line)
        self._aspiration(c, s_start)
        c.scope = self._scope(c, c.pos)
        if c.scope:
            c.reasons.append(f"scope {c.scope}")

    def _measure_of(self, c: Candidate, value_start: int, value_end: int) -> str:
        """What the value measures: the words of its segment (between 、) before and after it, else of its quote."""
        t = self.text
        seg_start, _ = self.doc.segment_span(value_start)
        before = t[max(seg_start, c.quote_start) : value_start]
        if _content_chars(before) < 2:
            before = t[c.quote_start : value_start]
        next_value = _DIGIT.search(t, value_end, c.quote_end)
        return _measure(before, _noun_after(t[value_end : next_value.start() if next_value else c.quote_end]), c.unit_id)

    def _widen(self, c: Candidate, s_start: int) -> int | None:
        """Take in the previous clause, or the previous line (a table cell), when the quote names no measure.

        Returns the start of the line taken in, if it was a line.
        """
        if c.quote_start > s_start:
            c.quote_start = max(self.doc.clause_span(c.quote_start - 2)[0], c.pos - LOOKBACK)
            return None
        line_start, _ = self.doc.line_span(c.quote_start)
        previous = self.doc.previous_line(line_start) if line_start == c.quote_start else None
        while previous is not None and _VALUE_CELL.fullmatch(self.text, *previous):
            previous = self.doc.previous_line(previous[0])  # a row's earlier value cells (a baseline column)
        if previous is None:
            return None
        c.quote_start = previous[0]
        c.reasons.append(f"table cell after {self.text[previous[0] : previous[1]][:20]}")
        return previous[0]

    def _deadline(self, c: Candidate, s_start: int) -> int | None:
        """The last deadline before the value in its sentence, else the first after it in its clause; for the k-th
        value after 分别, the k-th of a list of years before it."""
        if (year := self._respective_year(c, s_start)) is not None:
            return year
        chosen = None
        k = bisect_left(self._deadline_starts, s_start)
        while k < len(self._deadlines) and self._deadlines[k].start() < c.quote_end:
            m = self._deadlines[k]
            k += 1
            if not _is_deadline(m, self.text, s_start):
                continue
            if m.start() < c.pos:
                chosen = m
            elif chosen is None:
                chosen = m
                break
        if chosen is None:
            chosen = self._deadline_before_semicolon(s_start)
        if chosen is None:
            return None
        c.reasons.append(f"deadline {chosen.group()}")
        return _deadline_year(chosen)

    def _deadline_before_semicolon(self, s_start: int):
        """The last explicit deadline (到2026年, 2025年底前) of the parts a semicolon joins before ``s_start``."""
        p_start = max(self.doc.period_span(s_start)[0], s_start - SENTENCE_LOOKBACK)
        chosen = None
        for k in range(bisect_left(self._deadline_starts, p_start), bisect_left(self._deadline_starts, s_start)):
            m = self._deadlines[k]
            if m.group("pre") not in (None, "截至", "截止") or m.group("suf") or m.group("y2") or m.group("plan"):
                chosen = m
        return chosen

    def _respective_year(self, c: Candidate, s_start: int) -> int | None:
        """The year of ``c`` when years and values are paired by 分别 (2023年、2024年分别建成15个、20个)."""
        if c.source != "number" or self.text.find("分别", s_start, c.pos) < 0:
            return None
        if (m := _last_match(_YEAR_LIST, self.text[s_start : c.pos])) is None:
            return None
        years = re.findall(_YEAR, m.group("years"))
        index = len(_NUMBER_RUN.findall(self.text, s_start + m.end(), c.pos))
        if index >= len(years):
            return None
        c.reasons.append(f"deadline {years[index]}年 (分别)")
        return _year_value(years[index])

    def _first_deadline(self, start: int, end: int, s_start: int):
        """The first deadline (see :func:`_is_deadline`) that starts between ``start`` and ``end``, if any."""
        k = bisect_left(self._deadline_starts, start)
        while k < len(self._deadlines) and self._deadlines[k].start() < end:
            if _is_deadline(self._deadlines[k], self.text, s_start):
                return self._deadlines[k]
            k += 1
        return None

    def _table_context(self, c: Candidate, measure_line: int) -> None:
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
            if m := _TABLE_YEAR.search(self.text, line[0], line[1]):
                c.reasons.append(f"deadline {m.group()} (table header)")
                return int(m.group()[:4])
            line = self.doc.previous_line(line[0])
        return None

    def _aspiration(self, c: Candidate, s_start: int) -> None:
        """Mark ``c`` as hedged when 力争 or 争取 comes before it in its sentence."""
        if m := _ASPIRATION.search(self.text, s_start, c.pos):
            c.aspirational = True
            c.reasons.append(f"aspirational {m.group()}")

    def _scope(self, c: Candidate, end: int) -> str:
        """The part of the jurisdiction the candidate applies to (每个区县, 农村), from its quote up to ``end``."""
        t = self.text
        if m := _last_match(_SCOPE, t[c.quote_start : min(end, c.quote_end)]):
            return f"每个{m.group('unit')}{m.group('paren') or ''}"
        seg_start, _ = self.doc.segment_span(c.pos)
        segment = _SCOPE_LEAD.sub("", _DEADLINE.sub("", t[max(seg_start, c.quote_start) : c.pos + 4]))
        m = _AREA_SCOPE.match(segment)
        return m.group() if m else ""

    # -- coverage in words and slogans ----------------------------------------------------
    def _coverage(self, numeric: list[Candidate]) -> list[Candidate]:
        """Coverage stated in words (全覆盖, 所有…, 应补尽补 …): 100 percent, one per quote."""
        taken = {self.doc.segment_span(c.pos) for c in numeric if c.kind != "parameter"}
        quotes: set[tuple[int, int]] = set()
        found = []
        for pattern, strong in ((_COVERAGE_STRONG, True), (_COVERAGE_WEAK, False)):
            for m in pattern.finditer(self.text):
                c = self._coverage_at(m, strong, taken, quotes)
                if c is not None:
                    quotes.add((c.quote_start, c.quote_end))
                    found.append(c)
        return found

    def _coverage_at(self, m, strong: bool, taken: set, quotes: set) -> Candidate | None:
        """The coverage candidate of cue ``m``; weak cues (各区…, …均…, 全面…) need a deadline."""
        pos = m.start()
        if self.doc.segment_span(pos) in taken or self.excluded(pos):
            return None
        c_start, c_end = self._clause_around(pos, m.end())
        c_start = _after_marker(self.text, c_start, pos)
        c = Candidate(pos, c_start, c_end, 100.0, "percent", "coverage", cue=m.group(), reasons=[f"coverage {m.group()}"])
        s_start = self._sentence_start(pos)
        if _content_chars(self.text[c_start:c_end].replace(m.group(), "")) < 4:
            self._widen(c, s_start)
        if (c.quote_start, c.quote_end) in quotes:
            return None
        c.deadline = self._deadline(c, s_start)
        if not strong and c.deadline is None:
            return None
        c.measure = _clean_measure(self.text[c.quote_start : c.quote_end])[:MEASURE_MAX]
        self._aspiration(c, s_start)
        c.scope = self._scope(c, m.end() + 8)
        return c

    def _slogans(self) -> list[Candidate]:
        """Provision slogans 一X一Y (一镇街一中心): one facility Y in every X, a standard."""
        found = []
        for m in _SLOGAN.finditer(self.text):
            if not _FACILITY_NOUN.search(m.group("what")) or self.excluded(m.start()):
                continue
            c_start, c_end = self._clause_around(m.start(), m.end())
            c = Candidate(m.start(), c_start, c_end, 1.0, "facilities", "slogan", kind="standard")
            c.measure = f"每个{m.group('per')}{m.group('what')}数"
            c.scope = f"每个{m.group('per')}"
            c.reasons.append(f"slogan {m.group()}: one {m.group('what')} in every {m.group('per')}")
            found.append(c)
        return found


# --------------------------------------------------------------------------- helpers
def _last_match(pattern: re.Pattern, text: str):
    """The last match of ``pattern`` in ``text``, or ``None``."""
    last = None
    for last in pattern.finditer(text):
        pass
    return last


def _after_marker(text: str, start: int, limit: int) -> int:
    """``start`` moved past a numbering marker (第十四条, 1.) that opens the clause, if one does before ``limit``."""
    m = _LEADING_MARKER.match(text, start, limit)
    return m.end() if m else start


def _is_cn_numeral(text: str) -> bool:
    """Whether ``text`` is written in Chinese numerals (三, 二十, 万)."""
    return all(ch in _CN_NUMERAL for ch in text)


def _is_deadline(m, text: str, s_start: int) -> bool:
    """Whether a year expression sets a deadline: 到2025年, 2025年底前, 2021~2023年, or a year opening a sentence
    (2021年，…; not 2021年起, 2021年以来)."""
    if m.group("plan"):
        return True
    pre, suffix = m.group("pre"), m.group("suf")
    if pre in ("截至", "截止"):
        return False
    if pre or suffix or m.group("y2"):
        return True
    opener = text[_after_marker(text, s_start, m.start()) : m.start()]
    return not m.group("md") and not text.startswith(_YEAR_NOT_DUE, m.end()) and bool(_SENTENCE_OPENER.fullmatch(opener))


def _year_value(year: str) -> int:
    """2025 from ``2025`` or ``二〇二五``."""
    from comparison.numbers import parse_chinese_numeral

    return int(year) if year.isdigit() else int(parse_chinese_numeral(year))


def _deadline_year(m) -> int:
    """The year a match of :data:`_DEADLINE` is due: the end of a range (2021~2023年), of a plan's period
    (“十四五”期间: 2025)."""
    if m.group("plan"):
        # the 十一五 plan ended in 2010, and each plan lasts five years
        return 2005 + 5 * ("一二三四五六七八九".index(m.group("plan_no")) + 1)
    return _year_value(m.group("y2") or m.group("y1"))


def _content_chars(text: str) -> int:
    """How many characters of ``text`` name something (not numbers, cue words, deadlines or punctuation)."""
    return len(_CONTENT_NOISE.sub("", text))


def _clean_measure(text: str) -> str:
    """``text`` without deadlines, punctuation, leading verbs and connectives, trailing cue words."""
    text = _MEASURE_NOISE.sub("", _DEADLINE.sub("", text))
    previous = None
    while previous != text:
        previous = text
        text = _MEASURE_TAIL.sub("", _MEASURE_LEAD.sub("", text)).strip("、")
    return text


def _measure(before: str, after: str, unit_id: str) -> str:
    """A short description of what a number measures, from the words before and after it in its quote."""
    pre = _clean_measure(_PRE_OPERATOR.sub("", _SCOPE.sub("", before)))
    post = _clean_measure(_MEASURE_AFTER.sub("", after))
    if unit_id in ("percent", "") and not _RATE_NOUN.search(pre) and len(post) >= 2:
        measure = post
    elif unit_id in _NOUN_AFTER_UNITS and len(post) >= 2:
        last = post.rsplit("的", 1)[-1]
        measure = last if len(last) >= 2 else post
    else:
        measure = pre or post or _clean_measure(before)
    return measure[:MEASURE_MAX]


def _noun_after(text: str) -> str:
    """The words after a value that may name what it counts: none after 、 or a comma, else up to the
    first 、 (配备1名人员、培育…) unless a 的 closes the list (1所以失能、半失能…为主的机构)."""
    if text.startswith(("、", ",")):
        return ""
    parts = text.split("、")
    return parts[-1] if len(parts) > 1 and "的" in parts[-1] else parts[0]


def _counts_facilities(counted: str) -> bool:
    """Whether a count counts facilities: the last noun of ``counted`` that names either a facility (机构, 中心 …)
    or another thing (社区, 企业 …) is a facility (社区嵌入式养老服务机构, not 老年友好型社区)."""
    facility, other = _last_match(_FACILITY_NOUN, counted), _last_match(_NOT_FACILITY, counted)
    if facility is None:
        return False
    return other is None or other.end() < facility.end()


def _split_enumeration(c: Candidate) -> list[Candidate]:
    """One candidate per item when one rate is stated for several things.

    Named things (“A”“B”覆盖率达到100%, 《A》《B》达标率) split for any
    percentage; a list A、B、C全覆盖 splits when every item is at least
    :data:`ITEM_MIN` characters long (独居、空巢、留守老年人 does not).
    """
    if c.unit_id != "percent":
        return [c]
    if group := _NAMES.search(c.measure):
        head, tail, items = c.measure[: group.start()], c.measure[group.end() :], _NAME.findall(group.group())
    elif c.cue and c.cue in c.measure:
        head, tail = "", c.measure[c.measure.index(c.cue) :]
        items = c.measure[: c.measure.index(c.cue)].split("、")
        if len(items) < 2 or min(map(len, items)) < ITEM_MIN:
            return [c]
    else:
        return [c]
    return [
        replace(c, measure=f"{head}{item}{tail}"[:MEASURE_MAX], reasons=[*c.reasons, f"one of several items: {item}"])
        for item in items
    ]


@lru_cache(maxsize=8)
def _keyword_table(rows: tuple[tuple, ...]) -> tuple[re.Pattern, dict[str, tuple[str, int, str]]]:
    """A pattern matching every keyword (longest first) and, per keyword, its indicator, weight and English name."""
    entries = {str(keyword): (str(indicator), int(weight), str(name)) for indicator, keyword, weight, name in rows}
    return re.compile("|".join(re.escape(k) for k in sorted(entries, key=len, reverse=True))), entries


def _suggest_indicators(found: list[Candidate], codebook, doc) -> None:
    """Fill ``indicator_id`` and ``measure_en`` from the keywords of ``codebook`` (see :data:`MIN_INDICATOR_SCORE`)."""
    if len(codebook) == 0:
        return
    columns = (codebook[name].tolist() for name in ("indicator_id", "keyword", "weight", "name_en"))
    pattern, entries = _keyword_table(tuple(zip(*columns)))
    hits = [(m.start(), m.group()) for m in pattern.finditer(doc.text)]
    starts = [start for start, _ in hits]
    for c in found:
        s_start = max(doc.sentence_span(c.pos)[0], c.quote_start - SENTENCE_LOOKBACK)
        in_quote = hits[bisect_left(starts, c.quote_start) : bisect_left(starts, c.quote_end)]
        before = hits[bisect_left(starts, s_start) : bisect_left(starts, c.quote_start)]
        scores: dict[str, int] = {}
        first_word: dict[str, str] = {}
        for words, factor in (([m.group() for m in pattern.finditer(c.measure)], 3), ([w for _, w in in_quote], 2), ([w for _, w in before], 1)):
            for word in words:
                indicator, weight, _ = entries[word]
                scores[indicator] = scores.get(indicator, 0) + weight * factor
                first_word.setdefault(indicator, word)
        if scores:
            best = max(scores, key=scores.get)
            if scores[best] >= MIN_INDICATOR_SCORE:
                c.indicator_id = best
                c.measure_en = entries[first_word[best]][2]
                c.reasons.append(f"keyword {first_word[best]}")
