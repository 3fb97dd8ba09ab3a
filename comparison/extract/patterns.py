"""The patterns the extractor reads a policy text with: units, operators, deadlines, cue words and phrases.

Every pattern works on the analysis text of a
:class:`~comparison.policy_text.PolicyText` (NFKC, Simplified script, no
horizontal whitespace), so full-width digits and signs are already ASCII and
Traditional characters already Simplified. Numbers themselves, in Arabic or
Chinese numerals, are found by :func:`comparison.numerals.find_numbers`.
"""

from __future__ import annotations

import re
from collections import deque

#: Columns written after those of ``targets.csv``.
EXTRA_COLUMNS = ("confidence", "reason")
#: Score a suggested topic needs: keyword weight × 3 in the measure, × 2 in the quote, × 1 earlier in the sentence.
MIN_TOPIC_SCORE = 10
#: Longest ``measure_zh`` proposed.
MEASURE_MAX = 40
#: Characters before a value within which its quote starts and its cue words are looked for.
LOOKBACK = 120
#: Characters after a value within which its quote ends.
LOOKAHEAD = 80
#: Characters before a value within which its deadline, 力争 and the keywords of its topic are looked for.
SENTENCE_LOOKBACK = 300
#: Shortest item of a list A、B、C全覆盖 that is split into one candidate per item.
ITEM_MIN = 4
#: Longest line that still counts as a table cell when looking for a table's header year.
TABLE_CELL_MAX = 30

CJK = r"\u4e00-\u9fff"
CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
CN_ORDINAL = "一二三四五六七八九十"

# What may follow a number, named by the kind of quantity it makes.
UNIT = re.compile(
    r"(?P<points>个百分点)"
    r"|(?P<area>平方米|平米|m2)"
    r"|(?P<land>亩|公顷)"  # land area (占地不少于二亩): units.csv has no unit for it
    r"|(?P<yuan>元)"
    r"|(?P<age>周岁|岁)"
    r"|(?P<person_times>人次)"
    r"|(?P<beds>张)"
    r"|(?P<people>名|人)"
    # not 五个方面, 三个环节: parts of the text, not things counted
    r"|(?P<count>个(?!方面|环节|层次|层级|阶段|领域|维度|步骤|部分|原则|重点|确保|坚持|机制|体系)|家|所(?!在|属|需|得|述|称|谓)"
    r"|处(?!理|置|罚|分|以(?![上下内]))|座|间)(?!月|工作日|小时|百分点|性|人)"
    r"|(?P<items>支|户)"
    r"|(?P<times>次)(?!性)"
    r"|(?P<years>年)"
    r"|(?P<distance>公里|千米|米)"
    # time limits and periods: 六十日前, 十五个工作日内, 三个月内, 每两周, 二十四小时
    r"|(?P<days>个?工作日|日|天)"
    r"|(?P<months>个月)"
    r"|(?P<weeks>周(?!岁)|个?星期)"
    r"|(?P<hours>个?小时)"
)
#: Quantities that are a span of time; 年 (years) is among them but has a unit of its own.
TIME_KEYS = ("years", "days", "months", "weeks", "hours")
UNIT_IDS = {
    "area": "m2", "yuan": "yuan", "age": "age_years", "person_times": "person_times", "beds": "beds",
    "people": "people", "items": "items", "times": "times_per_year", "years": "years",
}
QUANTITY_NAMES = {
    "percent": "percent", "permille": "per mille", "permyriad": "per ten thousand", "land": "area", "points": "percentage points", "area": "area", "yuan": "amount",
    "age": "age", "years": "duration", "times": "frequency", "table": "table value", "distance": "distance",
    "days": "time limit", "months": "time limit", "weeks": "time limit", "hours": "time limit",
}
# After a number: 以上, 以下, 以内 (a noun may stand between: 100张床位以上的); 内 and 前 only after a span of time
# (5年内: at most; 六十日前: at least that long before).
POST_OPERATOR = re.compile(
    rf"(?P<noun>[{CJK}]{{0,2}}?)(?P<op>及以上|以上|及以下|以下|以内|之内|左右)|(?P<within>内)|(?P<before>前|以前|之前)"
)
THRESHOLD_WORDS = ("及以上", "以上", "及以下", "以下")
# What ends a condition after a quantity: 的 and a comma (床位不足五十张的，应当…).
CONDITION_END = re.compile("的[,;:]")
PRE_OPERATOR = re.compile(
    r"达到并保持在|保持在|不[得应宜能可](?:超过|高于|多于|大于|低于|少于|小于)|不低于|不少于|不小于|不下于|至少|最少|不超过|不高于|不多于|不大于|最高|最多|至多"
    r"|(?:少于|低于|小于|不足)或者?等于|(?:多于|高于|大于|超过)或者?等于"
    r"|超过|高于|多于|大于|低于|少于|不足|不满|未满|不到|小于|提高到|提升到|增加到|达到|提前|年满|满(?=[\d一二三四五六七八九十两])"
    r"|≥|≤|>=|<=|>|<"
)
OPERATORS = {
    **dict.fromkeys(("不低于", "不少于", "不小于", "不下于", "至少", "最少", "≥", ">=", "以上", "及以上", "年满", "满"), "≥"),
    **dict.fromkeys(("不超过", "不高于", "不多于", "不大于", "最高", "最多", "至多", "≤", "<=", "以下", "及以下", "以内", "之内", "内"), "≤"),
    **dict.fromkeys(("超过", "高于", "多于", "大于", ">"), ">"),
    **dict.fromkeys(("低于", "少于", "不足", "不满", "未满", "不到", "小于", "<"), "<"),
    # 少于或等于 is at most, not less than; 提前三十日 and 六十日前 are at least that long before
    **{f"{word}或{how}等于": sign for word, sign in (("少于", "≤"), ("低于", "≤"), ("小于", "≤"), ("不足", "≤"), ("多于", "≥"),
                                                      ("高于", "≥"), ("大于", "≥"), ("超过", "≥")) for how in ("", "者")},
    **dict.fromkeys(("提前", "前", "以前", "之前"), "≥"),
}
# 不得超过, 不应低于 …: as 不超过, 不低于
OPERATORS.update({f"不{modal}{word}": OPERATORS[f"不{word}"] for modal in "得应宜能可" for word in ("超过", "高于", "多于", "大于", "低于", "少于", "小于")})
SIGNS = "≥≤<>"
# A year in digits (2025) or in Chinese numerals, as regulations write it (二〇二五).
YEAR = r"(?:19|20)\d{2}|[一二][〇零九][〇零一二三四五六七八九]{2}"
MONTH_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?"
DEADLINE = re.compile(
    r"(?=[到至于截12一二“十])"  # what every match starts with: saves trying the rest at every position
    rf"(?:(?P<pre>到|至|于|截至|截止)?(?P<y1>{YEAR})(?:[~\-—–至到](?P<y2>{YEAR}))?年"
    rf"(?P<md>{MONTH_DAY})?(?P<suf>年底前|年末前|年底|年末|底前|末前|底|末|前|以前|之前)?"
    # a five-year plan's period: “十四五”期间 ends in 2025
    r"|(?P<plan>“?十(?P<plan_no>[一二三四五六七八九])五”?(?:期间|时期|期末|末)))"
)
# Years paired with the values of a list by 分别 (2023年、2024年、2025年分别建成15个、20个、25个).
YEAR_LIST = re.compile(
    rf"(?P<years>(?:(?:{YEAR})年(?:底|末)?前?[、和及]){{1,6}}(?:{YEAR})年(?:底|末)?前?)[^;。\n\d]{{0,24}}?分别"
)
NUMBER_RUN = re.compile(r"\d+(?:\.\d+)?")
TABLE_YEAR = re.compile(r"(?:19|20)\d{2}年(?:年)?(?:底|末)?")
SENTENCE_OPENER = re.compile(r"(?:力争|争取|计划|在)?")
YEAR_NOT_DUE = ("起", "以来", "开始", "的", "度", "以前")
ASPIRATION = re.compile("力争|争取")
PENALTY = re.compile("罚款|罚金|没收|拘留|吊销|违法所得|责令(?:限期)?改正|违反本(?:条例|办法|规定|决定|细则|措施)")
DESCRIPTIVE = re.compile(
    "截至|截止|普查|同比|比上年|较上年|分别高于|分别低于|分别比|共有|以来|户籍人口|常住人口|总人口|老龄化率|预计"
    # the old population and its share: 老年人口52.7万人, 老年人口占比…, 占户籍总人口的23.1%
    r"|老年人口(?:数|总数|总量)?(?:为|约|达到|达|超过|突破)?\d|人口(?:数|总数)?占|占(?:全[省市县区])?(?:户籍|常住)?总?人口"
)
# What is already done, before a number in its sentence (全市已建成养老机构286家); not 已建成居住区, 已建成生活区,
# 已建成的住宅楼 (areas and housing built before a norm, which the norm then applies to).
ACHIEVED = re.compile(
    "已(?:建成|建有)(?!居住|居民|住宅|小区|城区|城镇|区|的"
    rf"|[{CJK}]{{0,3}}?(?:生活区|片区|社区|小区|街区|园区|住宅|楼|城区|居住区)(?:[和、及与或]|应|按|未|中|内|[,;。]))"
    "|已(?:达到|达|有|完成|累计|实现|新增|覆盖|培训)|目前"
    # 全市现有养老机构86家; not what is built on (在现有基础上, 利用现有资源)
    "|(?<!依托)(?<!利用)(?<!整合)(?<!盘活)(?<!在)现有(?!基础|资源|设施|条件)"
)
# What makes the words between 已建成 and a number a norm for what was built, not a count of it (已建成住宅区应当按照…).
NORM_WORDS = re.compile("应当|应|按照|须")
# A comparison that sets a condition when 的 ends its phrase (床位数不足40张的, 少于10人的机构): not a present count.
STRICT_COMPARISON = re.compile("不足|少于|低于|不满|未满|不到|小于|超过|多于|高于|大于")
CONDITION_AFTER = re.compile(r"[^,;。:\n的]{0,20}?的(?!标准|比例|要求|目标|基础)")
# A number in a penalty's sentence that may be a parameter: in a condition (…不足五年的，由…责令…), not a norm restated.
RESTATED_NORM = re.compile("违反|未按|未达到|不符合|标准")
# A period per which something is done once: 每两天, 每三个月, 每季度, 每两年 (the interval is the quantity).
PERIOD = re.compile(
    r"每(?P<n>\d{1,3}|[一两二三四五六七八九十半]{1,3})?个?(?P<unit>年|季度|季|月|周|星期|天|日)(?![\d一两二三四五六七八九十])"
)
# Money granted in a sentence: the counts there set the basis of a subsidy or reward (床位设置30张，给予补助80万元).
SUBSIDY = re.compile("补助|补贴|奖励|资助|奖补|补偿")
# An increment a subsidy is paid per (每增设1张床位, 每增加1人).
PER_INCREMENT = re.compile("每(?:增设|增加|新增|多增加|增)$")
# What a threshold with 以上 may close before its noun (50张及以上床位的机构) or join (3家及以上，且…): a condition.
THRESHOLD_AFTER = re.compile(rf"[{CJK}]{{1,4}}的|,?并?且[^,;。\n]{{1,20}}?的")
# A share set aside for a use (40%以上用于养老服务, 保留不低于20%的床位): without a deadline, a norm.
ALLOCATION = re.compile(r"[^,;。\n]{0,8}?用于|^的[^,;。\n]{0,6}?(?:用于|供|面向)")
ALLOCATION_BEFORE = re.compile("(?:保留|预留|安排|提取|划出)[^,;。\n]{0,6}$")
# A floor on money (不少于2万元/年): a norm for every case, not a policy setting.
FUNDING_FLOOR = ("不少于", "不低于", "至少", "不得少于", "不得低于", "不应少于", "不应低于")
# A figure a change starts from (由2020年的42.5%提高到55%): a baseline, not a goal.
FROM = re.compile(r"(?:由|从)[^,;。\n]{0,12}$")
CHANGE_TO = re.compile(r"[^\d,;。\n]{0,3}?(?:提高|提升|增加|增长|上升|下降|降低|减少|扩大|缩小)(?:到|至)")
# What an age may qualify: a rate (65岁及以上老年人健康管理率), not a benefit (80周岁以上老年人发放津贴).
RATE_AFTER = re.compile(r"[^\d,;。:\n]*?(?:率|比例|占比|比重)")
DESCRIPTIVE_SECTION = re.compile("发展基础|现实基础|工作基础|基本情况|现状|成效|成就|回顾|背景|形势|发展环境|法律责任")
PARAMETER_WORDS = re.compile("利率|额度|贷款|贴息|有效期|过渡期|期限|补贴标准|补助标准|收费标准")
DURATION_CUE = re.compile("有效期|期限|为期|过渡期")
# A time frame for a goal after a duration (三年内实现…, 5年内建成…): not a policy setting.
GOAL_AFTER = re.compile(r"(?:以内|之内|内)(?:基本)?(?:实现|完成|建成|建立|达到|新建|建设|全面|覆盖)")
PER_YEAR = re.compile("每年|年均|一年")
# A period per which something recurs: 每年, 每半年, 每两周, 每个月, 每三天.
PER_PERIOD = re.compile("每(?:[一两二三四五六七八九十半]{1,2})?个?(?:年|季度|季|月|周|星期|天|日)|年均|一年")
PER_UNIT = re.compile(rf"每[{CJK}]")
PER_1000_OLDER = re.compile("每千名?老年人|每千名?老人|千名老年人")
PER_100_HOUSEHOLDS = re.compile("每一?百户")
# Other per-unit bases (每万名老年人, 每千人口): units.csv has no unit for them.
# A few words may stand between (每百张养老机构床位).
PER_BASE = re.compile(rf"每一?(?:十万|百|千|万)(?:名|个|户|张)?[{CJK}]{{0,6}}?(?:老年人|老人|常住人口|人口|人|户|床位|床)")
RANGE_DASH = re.compile("[—–~\\-至到]")
PER_PERSON = re.compile("人均|每人")
OLDER_PEOPLE = re.compile("老年人|老人")
BED_WORDS = re.compile("床位|张")
PEOPLE_WORDS = re.compile("人数|人员|工作者|护理员")
FACILITY_NOUN = re.compile("机构|中心|站点|服务站|站|点|院|食堂|餐厅|基地|室|场所|设施|医院|学校|大学|馆|园|公寓|驿站")
NOT_FACILITY = re.compile("企业|公司|工作室|社区|案例|联合体|小区|村|试点|平台")
SCOPE = re.compile(
    r"(?:每个|每一个|各|所有|每)(?P<unit>中心城区|省辖市|设区的市|地级市|县级市|区县|县区|县市区|区|县|市|乡镇|镇街|街镇|镇|街道|社区|村民小组|村|小区)"
    r"(?P<paren>\([^)]{1,6}\))?"
)
AREA_SCOPE = re.compile("中心城区|农村|城区|城镇|城市|山区|乡村")
SCOPE_LEAD = re.compile(r"^(?:其中|力争|争取|到|全市|全县|全区|在)+")
# 所有 as "all" when 均/都/全部 follows in its clause (所有乡镇均设立…), not 集体所有的 (owned), 所有人, 所有权.
COVERAGE_STRONG = re.compile(
    r"(?=[全覆人应愿能所])(?:全覆盖|全面覆盖|全部覆盖|覆盖全体|(?<=保障|确保|实现)人人享有|[应愿能](\w)尽\1|愿(\w)全\2"
    r"|全量(?=向|推送|归集|汇聚|汇集|共享|上传|接入|纳入|上链|入库)"  # 数据全量向…平台推送: all of it
    r"|全部(?:纳入|实现|达到|建成|建立|设立|配备|享有)"
    r"|所有(?<![权归体家人]所有)(?![权制者人的])(?=[^,;。:\n]{1,30}?(?:均|都|全部)))"
)
# Coverage as an obligation (应保尽保, 应养尽养): without a deadline, a norm; 愿改尽改 (all who wish) stays a goal.
OBLIGED_COVERAGE = re.compile(r"应(\w)尽\1")
# Permission, not commitment, before coverage words (有条件的地方可以逐步覆盖全体老年人).
PERMISSION = re.compile("可以|可(?=[\u4e00-\u9fff]{0,4}(?:覆盖|纳入|实现))|鼓励|支持")
# Coverage words that need a deadline in their sentence to state a target.
COVERAGE_WEAK = re.compile(
    r"(?=[各均全所排])(?:各(?:中心城区|区县|县区|区|县|市|乡镇|镇|街道|社区|村)(?:\([^)]{1,6}\))?(?:均|都)?(?:成立|设立|建立|建成|建有|设置|配备)"
    r"|均(?:设立|设置|建立|建成|建有|达到|配备|实现|开展|纳入|提供|具备|成立)"
    r"|全面(?:设置|设立|配备|配置|建有)"
    rf"|全部[{CJK}]{{1,3}}?(?:完成|到位|覆盖)"  # 全部安装完成, 全部改造到位
    r"|排名前\d+(?:名|位)?的[^,;。:\n]{1,40}?完成"  # a set named by a cut-off, all of which are to complete something
    r"|所有(?<![权归体家人]所有)(?![权制者人的]))"  # 所有 without 均 (城区所有养老机构提供…) needs a deadline
)
SLOGAN = re.compile(rf"(?<=[“\"、])一(?P<per>[{CJK}]{{1,2}})一(?P<what>[{CJK}]{{1,3}}?)(?=[”\"、])")
MEASURE_LEAD = re.compile(
    r"^(?:其中|并且|并|且|和|及|与|在|对|为|将|使|确保|推动|推进|实现|力争|争取|全市|全县|全区|全省|共|累计|按照|按|"
    r"建设|建成|培育|创建|打造|设立|设置|新增|培训|培养|推出|开展|组建|配备|建有|完成|发展|提供|增加|新建|招募|认定)+"
)
MEASURE_TAIL = re.compile(
    r"(?:达到并保持在|保持在|不低于|不少于|不小于|至少|不超过|不高于|最高|最多|超过|高于|低于|少于|不足|达到|提高到|"
    r"提升到|增加到|达|为|占|的|有|配有|和|与|及|或|应当|应|要|须|≥|≤|>|<|=)+$"
)
# The document's numbering at the start of a clause (第十四条, 一、, (一), 1.): not part of a quote or measure.
LEADING_MARKER = re.compile(
    rf"(?:第[{CN_NUMERAL}\d]+条|[{CN_ORDINAL}]{{1,3}}、|\([{CN_ORDINAL}\d]{{1,3}}\)|\d{{1,2}}[.、)]|[\u2460-\u2473])(?!\d)"
)
MEASURE_AFTER = re.compile(r"^(?:及以上|以上|及以下|以下|以内|左右|的)+")
MEASURE_NOISE = re.compile(rf"[^{CJK}A-Za-z0-9.%+()“”《》、]")
RATE_NOUN = re.compile("(?:率|比例|占比|比重|水平|覆盖面)$")
COUNT_UNITS = ("beds", "people", "person_times", "facilities", "items")
# Units whose measure usually follows the value (建设1500张…床位, 80周岁以上老年人).
NOUN_AFTER_UNITS = (
    "beds", "people", "person_times", "facilities", "items", "times_per_year", "age_years",
    "beds_per_1000_older_people", "people_per_1000_older_people",
)
CONTENT_NOISE = re.compile(
    rf"{DEADLINE.pattern}|{PRE_OPERATOR.pattern}|以上|以下|及|的|实现|确保|其中|年底|[{CN_NUMERAL}]|百分之|千分之"
    rf"|[个家张所处名人次支]|[^{CJK}]"
)
DIGIT = re.compile(r"\d")
NAMES = re.compile(r"(?:“[^”]{1,20}”|《[^》]{1,30}》)(?:[、和与及]?(?:“[^”]{1,20}”|《[^》]{1,30}》))+")
NAME = re.compile(r"“[^”]{1,20}”|《[^》]{1,30}》")
# A cell of a flattened table that holds a value: a number, maybe signed, bracketed (【15】, a five-year total) or
# with %; or a dash for no value.
VALUE_CELL = re.compile(r"[≥≤<>]?[【\[]?(?:\d+(?:\.\d+)?[%‰]?|[—\-–/]+)[】\]]?")
# The unit an indicator's name gives its cells: 养老床位总量(万张), 护理型床位占比(%).
CELL_UNIT = re.compile(r"\((?P<scale>万)?(?P<word>%|‰|[^()\d]{1,3})\)$")
# The header of a column of values: 2020年, 2025年底, 现状值, 2025年目标值.
COLUMN_HEAD = re.compile(r"(?:(?P<year>(?:19|20)\d{2})年(?:底|末)?)?(?:现状|基期|基数|基准|基线|目标|预期|规划)?值?")
BASELINE_HEAD = re.compile("现状|基期|基数|基准|基线")
# A line that dates the document: its number (临民发〔2023〕16号) or its date (2021年12月20日) on a line of its own.
ISSUE_LINE = re.compile(r"^[^\n]{0,20}?[〔\[(](?P<n>(?:19|20)\d{2})[〕\])]\d+号$|^\(?(?P<d>(?:19|20)\d{2})年\d{1,2}月\d{1,2}日\)?$", re.M)
ROW_NUMBER = re.compile(r"\d{1,3}")
# The end of the header a text repository puts before a document (<!-- INFO END -->), whitespace removed.
REPOSITORY_HEADER_END = re.compile(r"<!--\s*INFO\s*END\s*-->")
# Spaces a PDF extraction put between two Chinese characters (养老机构全 面设置).
CJK_GAP = re.compile(rf"(?<=[{CJK}])\s+(?=[{CJK}])")


def last_match(pattern: re.Pattern, text: str):
    """The last match of ``pattern`` in ``text``, or ``None``."""
    found = deque(pattern.finditer(text), maxlen=1)
    return found.pop() if found else None


def after_marker(text: str, start: int, limit: int) -> int:
    """``start`` moved past a numbering marker (第十四条, 1.) that opens the clause, if one does before ``limit``."""
    m = LEADING_MARKER.match(text, start, limit)
    return m.end() if m else start


def is_cn_numeral(text: str) -> bool:
    """Whether ``text`` is written in Chinese numerals (三, 二十, 万)."""
    return all(ch in CN_NUMERAL for ch in text)
