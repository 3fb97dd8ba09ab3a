"""The annotated source pages: quotes located as validate locates them, mapped back to the original text, and shown in a browser."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from site_browser import browser, watched_page

from comparison.script import match_key
from comparison.site.passages import find_defects, keyed_text, locate, locate_rows


# --------------------------------------------------------------------------- locating quotes
@pytest.mark.parametrize(
    "text",
    [
        "到2025年，护理型床位占比达到60%。",
        "2025年底前,建設3家以上達到標準規范的智慧養老院",  # Traditional
        "培训 2.4 万名 养老护理员， 新增 5 万 人以上",  # PDF spacing
        "人均０．２㎡，全覆盖\n第二行\t有制表符",  # full-width digits, ㎡ (NFKC makes two characters)
        "",
    ],
)
def test_keyed_text_is_match_key_with_positions(text):
    keyed = keyed_text(text)
    assert keyed.key == match_key(text)
    assert len(keyed.origin) == len(keyed.key)
    assert keyed.origin == sorted(keyed.origin)
    for ch, pos in zip(keyed.key, keyed.origin):
        assert ch in match_key(text[pos]) or match_key(text[pos]) == ""


def test_a_simplified_quote_is_found_in_traditional_text_and_mapped_back():
    text = "一、總則\n2025年底前,建設3家以上達到標準規范的智慧養老院。其他"
    span = locate(text, "建设3家以上达到标准规范的智慧养老院")
    assert span is not None
    assert text[span[0] : span[1]] == "建設3家以上達到標準規范的智慧養老院"


def test_a_quote_without_the_pdf_spaces_is_mapped_onto_the_spaced_text():
    text = "目标：到 2023 年，培训 2.4 万名 养老护理员。"
    start, end = locate(text, "培训2.4万名养老护理员")
    assert text[start:end] == "培训 2.4 万名 养老护理员"


def test_a_full_width_quote_is_found_and_a_missing_one_is_not():
    text = "床位占比达到60%以上"
    assert locate(text, "达到６０％") is not None
    assert locate(text, "达到70%") is None
    rows = pd.DataFrame({"target_id": ["a", "b", "c"], "quote": ["达到60%", "不存在的句子", None]})
    found = locate_rows(text, rows, id_col="target_id")
    assert found["found"].tolist() == [True, False, False]
    assert found.loc[0, "start"] == text.index("达到")


def test_defects_named_in_the_notes_and_web_page_furniture_are_found():
    text = "首页 > 行业资讯\n浏览量:\n" + "正文第一段。\n" * 10 + "確?!娥B老機構\n[bookmark: _GoBack]各镇\n" + "正文。\n" * 5 + "版权所有 Copyright\n返回顶部"
    notes = "Mojibake: 確?!娥B (for 确保《养). A word-processor artefact '[bookmark: _GoBack]' stands before the addressees."
    kinds = {(d.kind, text[d.start : d.end].split("\n")[0]) for d in find_defects(text, notes)}
    assert ("mojibake", "確?!娥B") in kinds
    assert ("artefact", "[bookmark: _GoBack]") in kinds
    assert ("wrapper", "首页 > 行业资讯") in kinds
    assert ("wrapper", "版权所有 Copyright") in kinds
    assert find_defects("正文。\n" * 20, "") == []


# --------------------------------------------------------------------------- the pages of the corpus
def _marked_ids(markup: str) -> set[str]:
    ids = set()
    for rows in re.findall(r'<mark[^>]*data-rows="([^"]*)"', markup):
        ids.update(rows.split())
    return ids


def test_each_source_page_highlights_its_quotes(quick_site, dataset, sources_dir):
    """≥ 90 % of each document's target quotes, and every quote that validate locates, are highlighted."""
    from comparison.validate import check_quotes, read_source_texts

    texts, _ = read_source_texts(dataset, sources_dir)
    not_found = {p.line for p in check_quotes(dataset, texts, "targets")}
    not_found_c = {p.line for p in check_quotes(dataset, texts, "commitments")}
    locatable = set(dataset.targets.loc[~dataset.targets.index.isin(not_found), "target_id"].astype(str))
    locatable |= set(dataset.commitments.loc[~dataset.commitments.index.isin(not_found_c), "commitment_id"].astype(str))
    site, result = quick_site
    for lang, pages in result.sources.items():
        assert {p.source_id for p in pages} == set(texts), lang
        for p in pages:
            markup = p.path.read_text(encoding="utf-8")
            assert f'<html lang="{lang}">' in markup
            marked = _marked_ids(markup)
            own = dataset.targets.loc[dataset.targets["source_id"].astype(str) == p.source_id, "target_id"].astype(str)
            assert len(own) == 0 or own.isin(marked).mean() >= 0.9, p.source_id
            rows = p.located["row_id"]
            assert set(rows[rows.isin(locatable)]) <= marked, f"{p.source_id}: a quote validate locates is not highlighted"
            for rid in rows[rows.isin(marked)]:
                assert f'id="{rid}"' in markup, f"{rid} has no anchor"


def test_highlights_cover_the_quoted_text(quick_site, dataset, sources_dir):
    """The text inside the marks of a target, once normalised, is its quote."""
    from html import unescape

    site, result = quick_site
    pages = result.sources["zh-Hans"]
    t = dataset.targets.set_index(dataset.targets["target_id"].astype(str))
    checked = 0
    for p in pages:
        markup = p.path.read_text(encoding="utf-8")
        pieces: dict[str, list[str]] = {}
        for rows, inner in re.findall(r'<mark[^>]*data-rows="([^"]*)"[^>]*>(.*?)</mark>', markup, flags=re.S):
            for rid in rows.split():
                pieces.setdefault(rid, []).append(unescape(re.sub(r"<[^>]+>", "", inner)))
        for rid, parts in pieces.items():
            if rid in t.index:
                assert match_key("".join(parts)) == match_key(t.loc[rid, "quote"]), rid
                checked += 1
    assert checked > 0


def test_source_defects_are_marked_and_listed(quick_site, dataset):
    site, result = quick_site
    for p in result.sources["en"]:
        notes = dataset.sources.set_index(dataset.sources["source_id"].astype(str)).loc[p.source_id, "notes"]
        markup = p.path.read_text(encoding="utf-8")
        if isinstance(notes, str) and notes:
            assert "Defects of this text" in markup
        for d in p.defects:
            assert f"defect-{d.kind}" in markup


@pytest.mark.slow
def test_a_passage_link_opens_its_row_and_a_click_shows_the_curated_row(quick_site):
    site, result = quick_site
    page_info = result.sources["en"][0]
    first = page_info.located[page_info.located["found"]].iloc[0]["row_id"]
    with browser() as b:
        page, watch = watched_page(b)
        page.goto(page_info.path.as_uri() + "#" + first)
        panel = page.locator("#panel")
        assert panel.is_visible()
        assert first in panel.inner_text()
        assert page.locator("mark.current").count() >= 1
        page.click("#panel-close")
        assert not panel.is_visible()
        mark = page.locator("mark[data-rows]").nth(3)
        ids = mark.get_attribute("data-rows").split()
        mark.click()
        assert panel.is_visible()
        text = panel.inner_text()
        assert all(i in text for i in ids)
        assert "measure" in text or "topic" in text
        assert mark.get_attribute("title")  # the hover summary
        # From a target's passage to the comparison of its measure across places.
        rows = json.loads(page.locator("#rows").text_content())
        comparable = next(rid for rid, r in rows.items() if r.get("compare"))
        page.goto(page_info.path.as_uri() + "#" + comparable)
        page.locator("#panel a.compare").first.click()
        page.wait_for_load_state("load")
        assert page.url.split("#")[0].endswith("/explorer.html")
        assert page.locator("#table tbody tr[data-measure]").count() == 1
        watch.assert_clean(page_info.path.name)
        page.close()
