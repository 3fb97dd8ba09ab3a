"""Reading numbers from Chinese policy text (comparison.numerals)."""

import pytest

from comparison.numerals import (
    find_numbers,
    parse_chinese_numeral,
    quote_states_value,
    states_coverage,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2.4万名以上", 24000, id="wan-decimal"),
        pytest.param("每日享受老年助餐服务 5 万 人以上", 50000, id="pdf-spaces"),
        pytest.param("护理型床位占比６０％", 60, id="full-width"),
        pytest.param("开展萬名老年人培训", 10000, id="bare-wan-traditional"),
        pytest.param("最高3000萬元", 30000000, id="wan-yuan"),
        pytest.param("百分之五十", 50, id="percent-words"),
        pytest.param("千分之二", 2, id="permille-words"),
        pytest.param("万分之五", 5, id="permyriad-words"),
        pytest.param("二十平方米", 20, id="chinese-tens"),
        pytest.param("两家", 2, id="liang"),
        pytest.param("1,500张", 1500, id="thousands-separator"),
        pytest.param("每年提供一次", 1, id="yi"),
        pytest.param("人均不低于0.2平方米", 0.2, id="decimal"),
        pytest.param("人均用地不少于零点一平方米", 0.1, id="chinese-decimal"),
        pytest.param("培训一万二千人次", 12000, id="wan-and-thousands"),
        pytest.param("不低于百分之零点五", 0.5, id="percent-words-decimal"),
        pytest.param("配备两名护士", 2, id="liang-ming"),
    ],
)
def test_find_numbers_reads_value(text, expected):
    assert expected in [n.value for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十", 10), ("十五", 15), ("二十", 20), ("一百二十", 120), ("三千零五", 3005), ("两万", 20000), ("二〇二五", 2025),
        ("万", 10000), ("一万二千", 12000), ("零点一", 0.1), ("二点五", 2.5), ("六十", 60), ("两", 2), ("一亿五千万", 150000000),
    ],
)
def test_parse_chinese_numeral(numeral, value):
    assert parse_chinese_numeral(numeral) == value


def test_parse_chinese_numeral_rejects_non_numerals():
    assert parse_chinese_numeral("万寿") is None
    assert parse_chinese_numeral("") is None
    assert parse_chinese_numeral("一点") is None  # a point needs digits after it
    assert parse_chinese_numeral("一点十") is None


def test_point_after_a_word_is_not_a_decimal():
    """助餐点, 重点: 点 is a decimal point only between numerals."""
    assert [n.value for n in find_numbers("建设助餐点3个，重点保障")] == [3]


def test_full_width_digits_are_read():
    (n,) = find_numbers("６０")
    assert (n.value, n.kind) == (60, "plain")


def test_coverage_in_words_includes_renren():
    assert quote_states_value("保障人人享有基本养老服务", 100, "percent")


def test_percent_kind_is_marked():
    (n,) = [m for m in find_numbers("覆盖率达到70%") if m.value == 70]
    assert n.kind == "percent"


@pytest.mark.parametrize(
    "quote",
    ["中心城區社區老年助餐服務全覆蓋", "所有乡镇(街道)居家养老服务中心均设立老年大学教学点", "各區成立區級養老服務指導中心", "确保应补尽补", "居室改造愿修尽修",
     "養老數據全量向市級平臺推送", "按照“一街道一中心、一社区一驿站”的原则"],
)
def test_coverage_words_state_100_percent(quote):
    assert states_coverage(quote)
    assert quote_states_value(quote, 100, "percent")


def test_a_list_of_ones_is_not_a_slogan():
    assert not states_coverage("第一项第一款")
    assert not quote_states_value("一年一次", 100, "percent")


def test_coverage_word_does_not_make_a_count():
    assert not quote_states_value("中心城區社區老年助餐服務全覆蓋", 100, "facilities")


def test_value_absent_from_quote_is_rejected():
    assert not quote_states_value("建设家庭养老床位1500张以上", 1600, "beds")
    assert not quote_states_value("养老机构护理型床位占比不低于60%", 0.6, "percent")


def test_per_mille_states_its_value_in_percent():
    assert quote_states_value("不少于总建筑面积千分之三", 0.3, "percent")
    assert quote_states_value("不少于总建筑面积千分之三", 3, "percent")  # as written, too
    assert not quote_states_value("不少于总建筑面积千分之三", 0.03, "percent")
    assert quote_states_value("不低于万分之八", 0.08, "percent")
