"""One rule of the extractor each, on short invented sentences of the genre.

Each case gives the rows a curator following ``docs/curation.md`` would
record: (value, operator, unit_id, measure_word, kind). Candidates that are
not listed must not appear.
"""

from __future__ import annotations

import pandas as pd
import pytest

from comparison.extract import extract_candidates, load_codebook
from comparison.numerals import find_numbers, quote_states_value


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


def rows(codebook, text: str) -> list[tuple]:
    frame = extract_candidates(text, source_id="rules-2024", codebook=codebook)
    return [(row.value, row.operator, row.unit_id, "" if pd.isna(row.measure_word) else row.measure_word, row.kind) for row in frame.itertuples()]


def reasons(codebook, text: str) -> list[str]:
    return extract_candidates(text, source_id="rules-2024", codebook=codebook)["reason"].tolist()


# --------------------------------------------------------------------------- A. per mille and per ten thousand
def test_per_mille_and_per_ten_thousand_are_read_as_written():
    assert [(n.value, n.kind) for n in find_numbers("千分之三和万分之八")] == [(3, "permille"), (8, "permyriad")]


@pytest.mark.parametrize(
    "text, value",
    [
        pytest.param("第八条 新建小区应当按照不少于总建筑面积千分之三的比例配置托老用房。", 0.3, id="qianfenzhi"),
        pytest.param("第九条 公益金应当按照不低于万分之八的比例安排老年活动经费。", 0.08, id="wanfenzhi"),
    ],
)
def test_per_mille_is_a_percentage(codebook, text, value):
    assert rows(codebook, text) == [(value, "≥", "percent", "", "standard")]
    word = "千分之三" if value == 0.3 else "万分之八"
    assert any(word in r for r in reasons(codebook, text))


def test_per_mille_of_older_people_stays_a_ratio_per_1000(codebook):
    text = "第十一条 县人民政府应当按照不低于辖区老年人口千分之一的比例配备养老护理员。"
    assert rows(codebook, text) == [(1, "≥", "people_per_1000_older_people", "", "standard")]


def test_a_quote_states_its_per_mille_as_a_percentage():
    assert quote_states_value("不少于总建筑面积千分之三", 0.3, "percent")
    assert quote_states_value("不低于万分之八", 0.08, "percent")
    assert not quote_states_value("不少于总建筑面积千分之三", 0.3, "m2")


# --------------------------------------------------------------------------- B. once every N periods
@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("第二十条 社区网格员每三天上门看望一次独居老人。", (3, "=", "", "天", "standard"), id="every-three-days"),
        pytest.param("第二十一条 家庭医生每两个月随访一次失能老年人。", (2, "=", "", "个月", "standard"), id="every-two-months"),
        pytest.param("第二十二条 养老机构每季度开展一次消防演练。", (1, "=", "", "季度", "standard"), id="every-quarter"),
        pytest.param("第二十三条 民政部门每两年至少组织一次等级评定。", (2, "≤", "", "年", "standard"), id="at-least-once-every-two-years"),
        pytest.param("第二十四条 为老年人每年提供一次健康评估。", (1, "=", "times_per_year", "次", "standard"), id="per-year-stays-times"),
    ],
)
def test_once_every_n_periods_is_the_interval(codebook, text, expected):
    assert rows(codebook, text) == [expected]


# --------------------------------------------------------------------------- C. 已建成 areas and housing
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("第十条 已建成生活区应当按照每百户不少于十二平方米的标准补建服务用房。", id="shenghuoqu"),
        pytest.param("第十条 已建成的老旧片区按照每百户不少于十二平方米的标准补建服务用房。", id="pianqu-de"),
        pytest.param("第十条 已建成小区未达到每百户十二平方米标准的，应当补足。", id="xiaoqu"),
    ],
)
def test_built_areas_are_subject_to_a_norm_not_achievements(codebook, text):
    assert [r[0] for r in rows(codebook, text)] == [12]


def test_what_was_built_is_still_an_achievement(codebook):
    assert rows(codebook, "目前全县已建成社区照料中心46个。") == []


# --------------------------------------------------------------------------- D. 应X尽X, 愿X尽X, 能X尽X
@pytest.mark.parametrize(
    "text, kind",
    [
        pytest.param("到2026年，符合条件的困难老年人家庭居室改造愿修尽修。", "target", id="yuan-with-deadline"),
        pytest.param("推动失能老年人家庭护理培训能训尽训。", "target", id="neng"),
        pytest.param("对符合条件的特困老年人做到应救尽救。", "standard", id="ying-without-deadline"),
    ],
)
def test_coverage_idioms(codebook, text, kind):
    assert rows(codebook, text) == [(100, "=", "percent", "", kind)]


# --------------------------------------------------------------------------- E. 全部…完成 with a deadline
def test_all_done_with_a_deadline_is_full_coverage(codebook):
    text = "2027年9月底前，农村幸福院的呼叫设备要全部配置到位。"
    assert rows(codebook, text) == [(100, "=", "percent", "", "target")]


def test_all_done_without_a_deadline_is_not_a_target(codebook):
    assert rows(codebook, "上述改造项目已全部验收完成。") == []


# --------------------------------------------------------------------------- F. land area
@pytest.mark.parametrize(
    "text, value, word",
    [
        pytest.param("第十二条 区域性养老服务中心按照用地不少于三亩的标准规划。", 3, "亩", id="mu"),
        pytest.param("第十二条 综合养老园区按照用地不少于1.5公顷的标准规划。", 1.5, "公顷", id="gongqing"),
    ],
)
def test_land_area(codebook, text, value, word):
    assert rows(codebook, text) == [(value, "≥", "", word, "standard")]


# --------------------------------------------------------------------------- G. conditions are parameters
@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "对现有护理员不足5名且入住老人少于20人的互助院，可以合并运营。",
            [(5, "<", "people", "名", "parameter"), (20, "<", "people", "人", "parameter")],
            id="thresholds-before-de",
        ),
        pytest.param("第三十条 在本市连续从事护理工作每满三年的，给予一次性奖励。", [(3, "≥", "years", "年", "parameter")], id="meiman-n-nian"),
        pytest.param(
            "第五十条 享受运营补贴的机构实际运营时间不足两年的，由民政部门责令退回补贴；拒不退回的，处二万元罚款。",
            [(2, "<", "years", "年", "parameter")],
            id="condition-in-a-penalty",
        ),
    ],
)
def test_conditions_are_parameters(codebook, text, expected):
    assert rows(codebook, text) == expected


def test_a_norm_restated_in_a_penalty_is_not_proposed(codebook):
    text = "第五十一条 违反本条例规定，未按照每百户不少于十二平方米的标准配建用房的，由主管部门责令限期改正。"
    assert rows(codebook, text) == []


def test_the_present_count_is_still_not_proposed(codebook):
    assert rows(codebook, "全区现有日间照料中心超过40家。") == []


# --------------------------------------------------------------------------- H. kinds
@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "建设认知症照护专区，护理床位达到20张的，给予一次性补助10万元。",
            [(20, "=", "beds", "张", "parameter"), (100000, "=", "yuan", "元", "parameter")],
            id="basis-of-a-subsidy",
        ),
        pytest.param("每新增1名持证护理员，给予运营机构奖励2000元。", [(1, "=", "people", "名", "parameter"), (2000, "=", "yuan", "元", "parameter")], id="increment"),
        pytest.param("对200张及以上床位的护理院另行评估。", [(200, "≥", "beds", "张", "parameter")], id="threshold-before-its-noun"),
        pytest.param(
            "对连锁运营网点达到5个及以上，且服务满意度在90%以上的企业给予表彰。",
            [(5, "≥", "facilities", "个", "parameter"), (90, "≥", "percent", "", "parameter")],
            id="joined-conditions",
        ),
        pytest.param("每个乡镇规划建设1处区域性养老服务中心。", [(100, "=", "percent", "", "standard")], id="one-in-every-norm"),
        pytest.param("到2027年，每个乡镇建成1处区域性养老服务中心。", [(100, "=", "percent", "", "target")], id="one-in-every-goal"),
        pytest.param("每个街道规划建设2处社区养老服务站。", [(2, "=", "facilities", "处", "standard")], id="per-case-norm"),
        pytest.param("到2027年，每个街道建成2处社区养老服务站。", [(2, "=", "facilities", "处", "target")], id="per-case-goal"),
        pytest.param("彩票公益金30%以上用于农村养老服务。", [(30, "≥", "percent", "", "standard")], id="share-set-aside"),
        pytest.param("互助院的运转经费每所不少于1.5万元/年。", [(15000, "≥", "yuan", "元", "standard")], id="funding-floor"),
        pytest.param("每百张护理床位至少配备2名康复师。", [(2, "≥", "", "", "target")], id="per-100-beds-is-a-ratio"),
    ],
)
def test_kinds(codebook, text, expected):
    assert rows(codebook, text) == expected


# --------------------------------------------------------------------------- H. one in every unit is coverage
@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("到2026年底，各县至少有1家开展康复护理服务的医院。", [(100, "=", "percent", "", "target")], id="ge-at-least-one"),
        pytest.param("到2026年，所有街道至少建成一所综合养老服务中心。", [(100, "=", "percent", "", "target")], id="suoyou-chinese-one"),
        pytest.param("力争到2027年，每个村民小组配备1名助老员。", [(100, "=", "percent", "", "target")], id="one-person-in-every"),
        pytest.param("第九条 每个社区应当至少设置一处老年人活动场所。", [(100, "=", "percent", "", "standard")], id="regulation-norm"),
        pytest.param(
            "到2026年，每个区至少有1家护理院和20%以上的社区卫生服务中心开展安宁疗护。",
            [(100, "=", "percent", "", "target"), (20, "≥", "percent", "", "target")],
            id="one-and-a-share",
        ),
        pytest.param("到2026年，每个县至少建设3家认知症照护机构。", [(3, "≥", "facilities", "家", "target")], id="more-than-one-stays-a-count"),
        pytest.param("到2026年，全市至少建设1家市级示范性护理院。", [(1, "≥", "facilities", "家", "target")], id="one-for-the-whole-city"),
        pytest.param(
            "到2026年，每个社区配备1至2名社会工作者。",
            [(1, "≥", "people", "名", "target"), (2, "≤", "people", "名", "target")],
            id="a-range-stays-a-count",
        ),
    ],
)
def test_one_in_every_unit_is_coverage(codebook, text, expected):
    assert rows(codebook, text) == expected


def test_one_in_every_unit_names_the_units_as_scope(codebook):
    frame = extract_candidates("到2026年底，各区至少有1家开展康复护理服务的医院。", source_id="rules-2024", codebook=codebook)
    assert frame["scope_zh"].tolist() == ["区"]
    assert "1家" in frame["measure_zh"].iloc[0]


def test_a_slogan_is_coverage_of_its_units(codebook):
    frame = extract_candidates("坚持“一街道一中心、一社区一驿站”的布局。", source_id="rules-2024", codebook=codebook)
    assert rows(codebook, "坚持“一街道一中心、一社区一驿站”的布局。") == [(100, "=", "percent", "", "standard")] * 2
    assert frame["scope_zh"].tolist() == ["街道", "社区"]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("到2026年，养老服务数据全量归集至市级平台。", [(100, "=", "percent", "", "target")], id="quanliang"),
        pytest.param("全量数据指标体系另行制定。", [], id="quanliang-as-a-noun"),
    ],
)
def test_all_of_it(codebook, text, expected):
    assert rows(codebook, text) == expected


def test_a_set_named_by_a_cut_off_completing_something_is_full_coverage(codebook):
    # 排名前N的X完成Y: every member of a definite set is to do Y, a share of 100 % with a deadline; not without one.
    text = "到2026年底，访问量在全市排名前20的公共服务网站完成适老化改造。"
    assert any((r[0], r[2]) == (100.0, "percent") for r in rows(codebook, text))
    assert quote_states_value(text, 100, "percent")
    assert not any((r[0], r[2]) == (100.0, "percent") for r in rows(codebook, "访问量在全市排名前20的公共服务网站完成适老化改造。"))
