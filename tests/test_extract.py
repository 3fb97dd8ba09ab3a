"""The candidate-target extractor: ``python -m comparison extract`` and :mod:`comparison.extract`.

Every text here is a short invented passage in the style of local
elderly-care plans and regulations; one behaviour per test.
"""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from comparison.extract import (
    default_source_id,
    extract_candidates,
    load_codebook,
    source_id_pattern,
    target_columns,
)
from comparison.numerals import quote_states_value
from comparison.policy_text import read_policy_text
from comparison.script import match_key
from conftest import DATA, run_cli

SOURCE_ID = "testcity-2024"


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.fixture
def extract(codebook):
    """Candidates of a text, as a DataFrame."""

    def _extract(text: str) -> pd.DataFrame:
        return extract_candidates(text, source_id=SOURCE_ID, codebook=codebook)

    return _extract


def only(frame: pd.DataFrame, value: float) -> pd.Series:
    """The one candidate with ``value``."""
    rows = frame[frame["value"] == value]
    assert len(rows) == 1, f"expected one candidate of value {value}, got:\n{frame[['value', 'unit_id', 'quote']]}"
    return rows.iloc[0]


# --------------------------------------------------------------------------- how documents state targets
PHRASINGS = [
    pytest.param(
        "到2025年，养老机构护理型床位占比达到60%。",
        60, dict(unit_id="percent", operator="=", deadline_stated=2025, topic_id="nursing_bed_share", kind="target"),
        id="by-year-reaches-percent",
    ),
    pytest.param(
        "2025年底前，养老机构护理员持证上岗率不低于90%。",
        90, dict(unit_id="percent", operator="≥", deadline_stated=2025, topic_id="caregiver_certification"),
        id="before-end-of-year-not-below",
    ),
    pytest.param(
        "2021~2023年免费培训2.4万名以上的家庭照护者。",
        24000, dict(unit_id="people", operator="≥", deadline_stated=2023, measure_word="名", topic_id="family_caregiver_training"),
        id="year-range-and-wan-ming",
    ),
    pytest.param(
        "每日享受老年助餐服务5万人以上。",
        50000, dict(unit_id="people", operator="≥", measure_word="人", topic_id="meal_service"),
        id="wan-ren",
    ),
    pytest.param("建设养老护理技能大师工作室不少于3家。", 3, dict(operator="≥", measure_word="家"), id="not-fewer-than"),
    pytest.param("建设家庭养老床位1500张以上。", 1500, dict(unit_id="beds", operator="≥", topic_id="family_care_beds"), id="yishang-after-count"),
    pytest.param(
        "到2023年，每个区县至少建设2家智慧养老院。",
        2, dict(unit_id="facilities", operator="≥", scope_zh="每个区县", deadline_stated=2023, topic_id="smart_nursing_homes"),
        id="per-district-at-least",
    ),
    pytest.param(
        "力争到2025年，新增普惠养老床位1万张。",
        10000, dict(unit_id="beds", operator="=", is_aspirational=True, deadline_stated=2025, topic_id="inclusive_beds"),
        id="aspirational-lizheng",
    ),
    pytest.param(
        "每千名老年人配有2张以上认知症照护床位。",
        2, dict(unit_id="beds_per_1000_older_people", operator="≥", measure_word="", topic_id="dementia_care"),
        id="per-1000-older-people",
    ),
    pytest.param(
        "到2025年底，实现城乡居民长期护理保险全覆盖。",
        100, dict(unit_id="percent", operator="=", deadline_stated=2025, topic_id="ltc_insurance"),
        id="full-coverage-words",
    ),
    pytest.param(
        "所有乡镇（街道）养老服务中心均设立老年大学教学点。",
        100, dict(unit_id="percent", topic_id="older_adult_education"),
        id="all-suoyou-jun",
    ),
    pytest.param("落实居家养老服务补助制度，确保应补尽补。", 100, dict(unit_id="percent"), id="coverage-idiom"),
    pytest.param(
        "到 2023 年，建设家庭养老床 位 1 500 张以 上。",
        1500, dict(unit_id="beds", operator="≥", deadline_stated=2023),
        id="pdf-spaces-inside-numbers-and-words",
    ),
    pytest.param("到２０２５年，护理型床位占比达到６０％以上。", 60, dict(operator="≥", deadline_stated=2025), id="full-width-digits"),
    pytest.param("养老机构护理型床位占比应当不低于百分之五十五。", 55, dict(unit_id="percent", operator="≥"), id="chinese-percent"),
    pytest.param(
        "新建住宅小区应当按照每百户不少于二十平方米的标准配套建设社区养老服务用房。",
        20, dict(unit_id="m2_per_100_households", operator="≥", kind="standard", measure_word="平方米"),
        id="chinese-numeral-area-standard",
    ),
    pytest.param("建设三家智慧养老院。", 3, dict(unit_id="facilities", measure_word="家"), id="chinese-numeral-count"),
    pytest.param("按照人均不低于0.2平方米的标准编制养老服务设施布局规划。", 0.2, dict(unit_id="m2_per_person", kind="standard"), id="per-person-area"),
    pytest.param(
        "对照顾失能老年人的家庭成员提供每年不少于1次护理技能培训。",
        1, dict(unit_id="times_per_year", operator="≥", kind="standard"),
        id="times-per-year",
    ),
    pytest.param("为80周岁及以上老年人发放高龄津贴。", 80, dict(unit_id="age_years", operator="≥", kind="parameter"), id="age-threshold"),
    pytest.param("单户授信额度最高3000万元。", 30000000, dict(unit_id="yuan", operator="≤", kind="parameter"), id="loan-cap"),
    pytest.param("本措施有效期为3年。", 3, dict(unit_id="years", kind="parameter"), id="validity-period"),
    pytest.param("建成10余个区域性养老服务中心。", 10, dict(operator=">"), id="more-than-yu"),
]


@pytest.mark.parametrize("text, value, expected", PHRASINGS)
def test_phrasing(extract, text, value, expected):
    row = only(extract(text), value)
    assert {key: row[key] for key in expected} == expected


MEASURE_WORDS = [
    pytest.param("建设康养联合体100个。", 100, "个", "items", id="ge"),
    pytest.param("培育产教融合型养老机构30家。", 30, "家", "facilities", id="jia"),
    pytest.param("新增养老床位800张。", 800, "张", "beds", id="zhang"),
    pytest.param("新建老年大学2所。", 2, "所", "facilities", id="suo"),
    pytest.param("打造示范性老年友好型社区3处。", 3, "处", "items", id="chu"),
    pytest.param("培养养老机构管理人员300名。", 300, "名", "people", id="ming"),
    pytest.param("培训养老护理员6000人次。", 6000, "人次", "person_times", id="renci"),
    pytest.param("组建志愿服务队伍20支。", 20, "支", "items", id="zhi"),
]


@pytest.mark.parametrize("text, value, measure_word, unit_id", MEASURE_WORDS)
def test_count_with_measure_word(extract, text, value, measure_word, unit_id):
    row = only(extract(text), value)
    assert (row["measure_word"], row["unit_id"]) == (measure_word, unit_id)


def test_several_targets_in_one_sentence_each_get_a_row(extract):
    frame = extract("到2023年，全市80%的养老机构达到二星级标准，其中三星级以上50家、四星级以上10家。")
    assert frame[["value", "operator"]].values.tolist() == [[80, "="], [50, "="], [10, "="]]
    assert set(frame["deadline_stated"]) == {2023}


def test_count_with_yishang_before_a_noun_is_a_threshold_parameter(extract):
    frame = extract("到2023年，100张床位以上的养老机构均设立康复室。")
    kinds = dict(zip(frame["unit_id"], frame["kind"]))
    assert kinds == {"beds": "parameter", "percent": "target"}


def test_rate_for_several_named_items_gives_one_row_each(extract):
    frame = extract("推动“智慧消防”“智慧燃气”覆盖率达到100%。")
    assert frame["measure_zh"].tolist() == ["“智慧消防”覆盖率", "“智慧燃气”覆盖率"]


def test_flattened_table_reads_measure_row_header_year_and_attribute(extract):
    text = "三、发展目标\n序号\n指标\n2025年底\n目标值\n指标属性\n1\n养老机构护理型床位占比\n≥60%\n预期性\n2\n老年大学县级覆盖率\n100%\n\n"
    frame = extract(text)
    first = only(frame, 60)
    assert (first["clause"], first["operator"], first["deadline_stated"], first["attribute"]) == ("三、表第1项", "≥", 2025, "indicative")
    assert match_key(first["quote"]) == "养老机构护理型床位占比≥60%"
    assert only(frame, 100)["measure_zh"] == "老年大学县级覆盖率"


def test_range_gives_a_lower_and_an_upper_bound(extract):
    frame = extract("养老机构床位使用率保持在60%—70%之间。")
    assert frame[["value", "operator", "measure_zh"]].values.tolist() == [[60, "≥", "养老机构床位使用率"], [70, "≤", "养老机构床位使用率"]]


def test_ratio_without_a_unit_in_the_codebook_has_an_empty_unit(extract):
    row = only(extract("到2025年，每万名老年人拥有持证养老护理员数达到20人。"), 20)
    assert (row["unit_id"], row["measure_word"]) == ("", "")
    assert "每万名老年人" in row["reason"]


def test_age_that_only_qualifies_a_rate_is_not_a_candidate(extract):
    frame = extract("到2025年底，65岁及以上老年人健康管理率达到65%。")
    assert frame[["value", "unit_id"]].values.tolist() == [[65, "percent"]]


def test_line_wrapped_inside_a_sentence_is_joined(extract):
    row = only(extract("到2025年，全市养老机构护理型床位占比不低于\n60%，普惠性床位不低于80%。"), 60)
    assert (row["operator"], row["deadline_stated"], row["measure_zh"]) == ("≥", 2025, "养老机构护理型床位占比")


def test_clause_follows_the_documents_numbering(extract):
    text = "二、工作任务\n（一）居家养老服务\n1.建设家庭养老床位。到2023年，建设家庭养老床位1500张以上。\n（二）机构养老服务\n2.提升照护能力。养老机构护理型床位占比达到60%。"
    frame = extract(text)
    assert frame["clause"].tolist() == ["二、(一)1", "二、(二)2"]


def test_deeper_numbering_levels_are_kept_and_markers_left_out_of_quotes(extract):
    frame = extract("三、主要任务\n（一）队伍建设\n1.培训。\n（1）全年培训养老护理员1.2万人次；\n①新增养老床位800张。")
    assert frame[["clause", "quote"]].values.tolist() == [["三、(一)1(1)", "全年培训养老护理员1.2万人次"], ["三、(一)1(1)①", "新增养老床位800张"]]


# --------------------------------------------------------------------------- operators, numerals, time limits, coverage
OPERATOR_WORDS = [
    pytest.param("养老机构床位数不足五十张的，应当配备一名专职护士。", 50, "<", id="buzu"),
    pytest.param("入住老年人少于二十人的，可以不设医务室。", 20, "<", id="shaoyu"),
    pytest.param("入住老年人少于或等于二十人的，可以不设医务室。", 20, "≤", id="shaoyu-huo-dengyu"),
    pytest.param("每个护理员照护失能老年人不超过四人。", 4, "≤", id="buchaoguo"),
    pytest.param("单间不得超过两张床位。", 2, "≤", id="bude-chaoguo"),
    pytest.param("服务半径在1000米以内。", 1000, "≤", id="yinei"),
    pytest.param("建筑面积1000平方米以下。", 1000, "≤", id="yixia"),
    pytest.param("全市至少建设一所区域性养老服务中心。", 1, "≥", id="zhishao"),
    pytest.param("护理型床位占比不低于百分之六十。", 60, "≥", id="budiyu"),
    pytest.param("到2025年，护理型床位占比达到百分之五十五以上。", 55, "≥", id="dadao-yishang"),
    pytest.param("不满七十周岁的老年人半价购买门票。", 70, "<", id="buman"),
    pytest.param("养老机构应当提前三十日告知入住老年人。", 30, "≥", id="tiqian"),
]


@pytest.mark.parametrize("text, value, operator", OPERATOR_WORDS)
def test_operator_from_the_words(extract, text, value, operator):
    assert only(extract(text), value)["operator"] == operator


NUMERALS = [
    pytest.param("新建城镇居住区按照每一百户不低于二十平方米的标准配套建设社区养老服务设施。", 20, "m2_per_100_households", id="ershi-per-yibai-hu"),
    pytest.param("按照人均用地不少于零点一平方米的标准规划养老服务设施。", 0.1, "m2_per_person", id="lingdianyi"),
    pytest.param("全省培训养老护理员一万二千人次。", 12000, "person_times", id="yiwan-erqian"),
    pytest.param("政府投资兴办的养老机构应当将百分之五十的床位用于保障特困老年人。", 50, "percent", id="baifenzhi-wushi"),
    pytest.param("新建养老机构配备两名以上专业社会工作者。", 2, "people", id="liang"),
    pytest.param("护理型床位占比达到６０％。", 60, "percent", id="full-width"),
]


@pytest.mark.parametrize("text, value, unit_id", NUMERALS)
def test_numeral_forms(extract, text, value, unit_id):
    assert only(extract(text), value)["unit_id"] == unit_id


def test_range_gives_two_candidates(extract):
    frame = extract("每个社区配备2至3名养老服务专职人员。")
    assert frame[["value", "operator", "unit_id"]].values.tolist() == [[2, "≥", "people"], [3, "≤", "people"]]


def test_range_in_chinese_numerals_gives_two_candidates(extract):
    frame = extract("每个社区配备二至三名养老服务专职人员。")
    assert frame[["value", "operator"]].values.tolist() == [[2, "≥"], [3, "≤"]]


TIME_LIMITS = [
    pytest.param("养老机构暂停、终止服务的，应当在暂停或者终止服务六十日前，向民政部门提交安置方案。", 60, "≥", "日", id="liushi-ri-qian"),
    pytest.param("建设单位应当自竣工验收合格之日起三个月内将设施无偿移交民政部门。", 3, "≤", "个月", id="san-ge-yue-nei"),
    pytest.param("民政部门应当自收到申请之日起十五个工作日内作出决定。", 15, "≤", "个工作日", id="gongzuori-nei"),
    pytest.param("发生突发事件的，养老机构应当在二十四小时内报告。", 24, "≤", "小时", id="xiaoshi-nei"),
]


@pytest.mark.parametrize("text, value, operator, measure_word", TIME_LIMITS)
def test_time_limit_is_a_parameter(extract, text, value, operator, measure_word):
    row = only(extract(text), value)
    assert (row["kind"], row["operator"], row["measure_word"], row["unit_id"]) == ("parameter", operator, measure_word, "")


def test_time_per_year_is_a_standard(extract):
    row = only(extract("用人单位应当给予每年累计不少于二十日的护理假。"), 20)
    assert (row["kind"], row["operator"], row["measure_word"]) == ("standard", "≥", "日")


FREQUENCIES = [
    pytest.param("基层医疗卫生机构为老年人每年进行一次免费体检。", 1, "=", "times_per_year", "次", id="meinian-yici"),
    # once every N periods: the interval N, with the period as measure word (docs/curation.md)
    pytest.param("村民委员会应当每两周至少探访一次独居老年人。", 2, "≤", "", "周", id="mei-liang-zhou"),
    pytest.param("对特殊困难老年人每两天探视一次。", 2, "=", "", "天", id="mei-liang-tian"),
]


@pytest.mark.parametrize("text, value, operator, unit_id, measure_word", FREQUENCIES)
def test_frequency_is_a_standard(extract, text, value, operator, unit_id, measure_word):
    row = only(extract(text), value)
    assert (row["kind"], row["operator"], row["unit_id"], row["measure_word"]) == ("standard", operator, unit_id, measure_word)


COVERAGE = [
    pytest.param("符合条件的失能老年人全部纳入长期护理保险保障范围。", id="quanbu-naru"),
    pytest.param("所有养老机构均应当配备专职消防安全管理人员。", id="suoyou-jun"),
    pytest.param("到2025年，社区居家养老服务实现全覆盖。", id="quan-fugai"),
    pytest.param("保障人人享有基本养老服务。", id="renren-xiangyou"),
]


@pytest.mark.parametrize("text", COVERAGE)
def test_coverage_in_words_is_100_percent(extract, text):
    row = only(extract(text), 100)
    assert (row["unit_id"], row["operator"]) == ("percent", "=")


NOT_COVERAGE = [
    pytest.param("可以依法使用国有划拨土地或者农民集体所有的建设用地。", id="jiti-suoyou-owned"),
    pytest.param("无障碍设施的所有人和管理人负责对无障碍设施进行维护。", id="suoyouren-owner"),
    pytest.param("有条件的地方可以逐步覆盖全体老年人。", id="permission-keyi"),
    pytest.param("建设单位应当将设施以及有关建设资料全部无偿移交民政部门。", id="quanbu-as-manner"),
]


@pytest.mark.parametrize("text", NOT_COVERAGE)
def test_not_coverage(extract, text):
    assert extract(text).empty


def test_condition_with_de_is_a_parameter(extract):
    frame = extract("养老机构床位不足五十张的，应当配备至少一名专职护士。")
    assert frame[["value", "kind"]].values.tolist() == [[50, "parameter"], [1, "standard"]]


REPOSITORY_HEADER = "# 某省养老服务条例\n\n2020年3月26日 某省第十三届人民代表大会常务委员会第十八次会议通过\n\n<!-- INFO END -->\n\n"


def test_repository_header_is_not_part_of_the_policy(extract):
    frame = extract(REPOSITORY_HEADER + "## 第一章  总则\n\n第十一条 新建城镇居住区按照每一百户不低于二十平方米的标准配套建设社区养老服务设施。\n")
    assert frame[["clause", "value"]].values.tolist() == [["第十一条", 20]]


# --------------------------------------------------------------------------- what is not a target
NOT_TARGETS = [
    pytest.param("宁波市人民政府办公厅（甬政办发〔2021〕21号）", id="document-number"),
    pytest.param("宁波市人民政府办公厅 2021年4月6日", id="date"),
    pytest.param("联系电话：023-68268888，服务热线12349。", id="phone-numbers"),
    pytest.param("根据第七次全国人口普查结果，我县60岁及以上人口13.4万，占常住人口的22.97%。", id="census"),
    pytest.param("截至2020年底，全市共有养老机构120家，床位1.5万张。", id="present-state"),
    pytest.param("全市已建成养老机构286家，床位5.6万张。", id="already-achieved"),
    pytest.param("违反本条例第十四条规定的，处一万元以上三万元以下罚款。", id="fine-and-article-number"),
    pytest.param("为贯彻落实《“十四五”国家老龄事业发展和养老服务体系规划》，推进“五床联动”试点。", id="names-in-quotation-marks"),
    pytest.param("通过三年努力，推进医养康养结合，建立一批示范项目，给予一次性奖补。", id="prose-numerals"),
    pytest.param("评定为三星级以上的养老机构，二级以上综合医院设立老年医学科。", id="grade-names"),
    pytest.param("从以下五个方面推进养老服务高质量发展，落实两个确保。", id="parts-of-the-text"),
    pytest.param("本条例自二〇二二年三月一日起施行。", id="date-in-chinese-numerals"),
    pytest.param("违反本条例规定的，处骗取资金数额百分之十以上百分之五十以下的罚款。", id="fine-as-a-percentage"),
    pytest.param("逾期不改正的，处配套设施建设工程造价二倍以上五倍以下的罚款。", id="fine-as-a-multiple"),
]


@pytest.mark.parametrize("text", NOT_TARGETS)
def test_not_a_target(extract, text):
    assert extract(text).empty


REGULATION = """某市养老服务条例

第一章　总则
第一条　为了规范养老服务，根据有关法律、行政法规，结合本市实际，制定本条例。
第二条　本条例所称老年人，是指六十周岁以上的公民。
第二章　设施规划
第十四条　新建住宅小区应当按照每百户不少于二十平方米的标准配套建设社区养老服务用房。
第十五条　养老机构护理型床位占比应当不低于百分之五十五。区人民政府应当按照不低于常住老年人口千分之二的比例配备养老服务社会工作者。
第六章　法律责任
第四十条　违反本条例第十四条规定，未按照标准配套建设社区养老服务用房的，由住房城乡建设主管部门责令限期改正；逾期不改正的，处十万元以上五十万元以下罚款。
第四十一条　养老机构违反本条例规定，情节严重的，处一万元以上三万元以下罚款，并处没收违法所得。
第七章　附则
第四十五条　本条例自二〇二二年三月一日起施行。
"""


def test_regulation_yields_its_norms_and_no_fines_dates_or_article_numbers(extract):
    frame = extract(REGULATION)
    found = list(zip(frame["clause"], frame["value"], frame["unit_id"]))
    assert found == [
        ("第二条", 60, "age_years"),
        ("第十四条", 20, "m2_per_100_households"),
        ("第十五条", 55, "percent"),
        ("第十五条", 2, "people_per_1000_older_people"),
    ]


# --------------------------------------------------------------------------- scripts and encodings
TRADITIONAL = "到2025年底，養老機構護理型床位佔比不低於60%，普惠性床位不低於80%。"


def test_traditional_text_is_quoted_in_its_own_script(extract):
    row = only(extract(TRADITIONAL), 60)
    assert row["quote"] == "養老機構護理型床位佔比不低於60%"
    assert row["measure_zh"] == "养老机构护理型床位占比"
    assert (row["operator"], row["deadline_stated"], row["topic_id"]) == ("≥", 2025, "nursing_bed_share")


@pytest.mark.parametrize(
    "encoding, text",
    [
        pytest.param("gbk", "到2025年，养老机构护理型床位占比达到60%。", id="gbk"),
        pytest.param("gb18030", "每个区县至少建设2家智慧养老院。", id="gb18030"),
        pytest.param("big5", TRADITIONAL, id="big5"),
        pytest.param("utf-8-sig", "新增普惠养老床位1万张。", id="utf-8-with-bom"),
    ],
)
def test_encoding_is_detected(tmp_path, encoding, text):
    path = tmp_path / "policy.txt"
    path.write_bytes(text.encode(encoding))
    assert read_policy_text(path) == text


@pytest.mark.parametrize("encoding, text", [pytest.param("gbk", "建设家庭养老床位1500张以上。", id="gbk"), pytest.param("big5", TRADITIONAL, id="big5")])
def test_cli_reads_legacy_encodings(tmp_path, encoding, text):
    path = tmp_path / "policy.txt"
    path.write_bytes(text.encode(encoding))
    done = run_cli("extract", str(path), "--source-id", SOURCE_ID)
    assert done.returncode == 0, done.stderr
    quotes = pd.read_csv(io.StringIO(done.stdout))["quote"]
    assert all(q in text for q in quotes)


def test_named_encoding_is_used(tmp_path):
    path = tmp_path / "policy.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    assert read_policy_text(path, encoding="big5") == TRADITIONAL


# --------------------------------------------------------------------------- bad input
BAD_INPUTS = [
    pytest.param(None, [], "file not found", id="missing-file"),
    pytest.param(b"", [], "is empty", id="empty-file"),
    pytest.param(b" \n\t\n", [], "is empty", id="blank-file"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", [], "not a text file", id="binary-file"),
    pytest.param("养老服务".encode() + b"\xff\xfe\xff\x80 abc", [], "neither UTF-8", id="undecodable"),
    pytest.param("养老服务".encode(), ["--encoding", "klingon"], "unknown encoding", id="unknown-encoding"),
    pytest.param("建设家庭养老床位1500张以上。".encode("gbk"), ["--encoding", "utf-8"], "cannot be read as utf-8", id="wrong-encoding"),
    pytest.param("今天天气很好，我们去公园散步。".encode(), [], "found no candidate targets", id="no-targets"),
    pytest.param("建设家庭养老床位1500张以上。".encode(), ["--source-id", "Not An Id"], "does not have the form", id="bad-source-id"),
]


@pytest.mark.parametrize("content, options, message", BAD_INPUTS)
def test_bad_input_gives_one_clear_line_and_exit_code_1(tmp_path, content, options, message):
    path = tmp_path / "policy-2024.txt"
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "candidates.csv"
    done = run_cli("extract", str(path), "-o", str(out), *options)
    assert done.returncode == 1
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert not out.exists()


# --------------------------------------------------------------------------- output
POLICY = """二、主要目标
（一）到2025年，全市养老床位总量达到5.5万张，护理型床位占比提高到55%以上，每千名老年人拥有养老床位35张。
（二）每个区县至少建设2家智慧养老院。实现社区居家养老服务全覆盖。
"""


def test_output_csv_has_the_columns_of_targets_then_topic_confidence_and_reason(tmp_path):
    policy = tmp_path / "hangzhou_2024.txt"
    policy.write_text(POLICY, encoding="utf-8")
    out = tmp_path / "candidates.csv"
    done = run_cli("extract", str(policy), "-o", str(out))
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    targets_header = pd.read_csv(DATA / "targets.csv", nrows=0).columns.tolist()
    assert frame.columns.tolist() == targets_header + ["topic_id", "confidence", "reason"]
    assert frame["target_id"].tolist() == [f"hangzhou-2024-t{i:02d}" for i in range(1, len(frame) + 1)]
    assert set(frame["source_id"]) == {"hangzhou-2024"}
    assert frame["value"].tolist() == ["55000", "55", "35", "2", "100"]
    assert all(0 <= float(c) <= 1 for c in frame["confidence"]) and all(frame["reason"])
    assert set(frame["is_aspirational"]) == {"false"}


def test_output_to_standard_output(tmp_path):
    policy = tmp_path / "policy.txt"
    policy.write_text(POLICY, encoding="utf-8")
    done = run_cli("extract", str(policy), "--source-id", SOURCE_ID)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("target_id,source_id,clause,")
    assert "5 candidate targets" in done.stderr


@pytest.mark.parametrize(
    "text",
    [pytest.param(POLICY, id="plan"), pytest.param(REGULATION, id="regulation"), pytest.param(TRADITIONAL, id="traditional")],
)
def test_quotes_are_verbatim_and_state_their_values(extract, text):
    frame = extract(text)
    assert not frame.empty
    for _, row in frame.iterrows():
        assert row["quote"] in text
        assert quote_states_value(row["quote"], row["value"], row["unit_id"])


def test_columns_match_the_schema(extract):
    assert extract(POLICY).columns.tolist() == target_columns()


@pytest.mark.parametrize(
    "name, text, expected",
    [
        pytest.param("hangzhou_2024.txt", "", "hangzhou-2024", id="name-with-year"),
        pytest.param("Ningbo Plan 2021b.txt", "", "ningbo_plan-2021b", id="name-with-year-and-letter"),
        pytest.param("001_3a780e08.txt", "甬政办发〔2021〕21号", "doc_001_3a780e08-2021", id="year-from-text"),
    ],
)
def test_default_source_id(name, text, expected):
    source_id = default_source_id(name, text, source_id_pattern())
    assert source_id == expected
    assert re.fullmatch(source_id_pattern(), source_id)


# --------------------------------------------------------------------------- the corpus
def test_corpus_candidates_quote_their_source(sources_dir, codebook):
    sources = pd.read_csv(DATA / "sources.csv", dtype=str)
    for _, src in sources.iterrows():
        text = read_policy_text(sources_dir / src["text_file"])
        frame = extract_candidates(text, source_id=src["source_id"], codebook=codebook)
        key = match_key(text)
        assert len(frame) >= 10
        for _, row in frame.iterrows():
            assert match_key(row["quote"]) in key
            assert quote_states_value(row["quote"], row["value"], row["unit_id"])


def test_one_candidate_is_counted_in_the_singular(tmp_path):
    policy = tmp_path / "policy.txt"
    policy.write_text("到2025年，养老机构护理型床位占比达到60%以上。\n", encoding="utf-8")
    done = run_cli("extract", str(policy), "--source-id", SOURCE_ID, "-o", str(tmp_path / "c.csv"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 candidate target from "), done.stdout
