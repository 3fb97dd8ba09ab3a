"""The comparison explorer in headless Chromium: filters change the table, a value opens its passage, nothing leaves the machine."""

from __future__ import annotations

import json
import re

import pytest
from site_browser import browser, watched_page

from comparison.site.explorer import explorer_data


def test_explorer_data_keeps_one_unit_per_measure_and_links_each_value(dataset):
    sources = set(dataset.sources["source_id"].astype(str))
    data = explorer_data(dataset, "en", linked_sources=sources)
    json.dumps(data, ensure_ascii=False)  # plain data, ready for the page
    measures = {m["id"]: m for m in data["measures"]}
    units = {}
    for t in data["targets"]:
        assert t["measure"] in measures
        units.setdefault(t["measure"], set()).add(measures[t["measure"]]["unit"])
        assert re.fullmatch(r"sources/[^/]+\.html#" + re.escape(t["id"]), t["url"])
        assert t["quote"]
    assert all(len(u) == 1 for u in units.values())
    from comparison.align import DIFFERS_MARK

    for t in data["targets"]:
        if DIFFERS_MARK in t["marks"]:
            assert measures[t["measure"]]["differences"], "a marked target's measure says what differs"
    assert any(m["differences"] for m in data["measures"])
    parameters = set(dataset.targets.loc[dataset.targets["kind"] == "parameter", "target_id"].astype(str))
    assert not parameters & {t["id"] for t in data["targets"]}
    assert {p["id"] for p in data["places"]} == set(dataset.jurisdictions["jurisdiction_id"].astype(str))
    assert any(m["national"] for m in data["measures"])
    assert set(data["coverage"]) <= {t["id"] for t in data["topics"]}


def test_without_a_source_page_values_are_not_links(dataset):
    data = explorer_data(dataset, "zh-Hans", linked_sources=set())
    assert all(t["url"] == "" for t in data["targets"])


@pytest.mark.slow
def test_filters_change_the_table_and_a_value_opens_its_passage(quick_site, dataset):
    site, _ = quick_site
    places = list(dataset.jurisdictions.sort_values("order")["jurisdiction_id"].astype(str))
    with browser() as b:
        for lang in ("zh-Hans", "en"):
            page, watch = watched_page(b)
            page.goto((site / lang / "explorer.html").as_uri())
            assert page.evaluate("document.documentElement.lang") == lang
            header = page.locator("#table thead th[data-place]")
            assert header.count() == len(places)
            rows_all = page.locator("#table tbody tr[data-measure]").count()
            assert rows_all > 0

            # A place unticked: its column goes.
            page.uncheck(f"input[name=place][value={places[0]}]")
            assert header.count() == len(places) - 1
            assert page.locator(f"#table th[data-place={places[0]}]").count() == 0
            assert "places=" in page.url and places[0] not in page.url.split("places=")[1].split("&")[0].split(",")
            page.check(f"input[name=place][value={places[0]}]")

            # Only measures two or more places share: fewer rows, each with values in two columns or more.
            page.check("#shared")
            shared = page.locator("#table tbody tr[data-measure]")
            assert 0 < shared.count() < rows_all
            for i in range(shared.count()):
                cells = shared.nth(i).locator("td[data-place]")
                with_values = sum(cells.nth(j).locator(".value").count() > 0 for j in range(cells.count()))
                assert with_values >= 2
            page.uncheck("#shared")

            # No measure: the table says so; one topic: only its measures.
            page.click("button[data-set=measure][data-value=none]")
            assert page.locator("#table tbody tr[data-measure]").count() == 0
            assert page.locator("#empty").is_visible()
            topic = page.locator("input[name=topic]").first
            topic_id = topic.get_attribute("value")
            topic.check()
            chosen = page.locator("#table tbody tr[data-measure]")
            assert chosen.count() >= 1
            assert page.locator("#coverage tbody tr").count() == 1
            page.click("button[data-set=measure][data-value=all]")

            # A domain: only its topics' measures.
            page.select_option("#domain", index=1)
            in_domain = page.locator("#table tbody tr[data-measure]").count()
            assert 0 < in_domain < rows_all
            page.select_option("#domain", index=0)

            # A click on a value opens its passage on the annotated source page.
            link = page.locator("#table a.value").first
            target_id = link.get_attribute("data-target")
            link.click()
            page.wait_for_load_state("load")
            assert page.url.endswith("#" + target_id)
            assert "/sources/" in page.url
            assert page.locator("#panel").is_visible()
            assert target_id in page.locator("#panel").inner_text()
            assert topic_id
            watch.assert_clean(f"explorer ({lang})")
            page.close()

            # A view given in the address: two places, shared measures only.
            page, watch = watched_page(b)
            page.goto((site / lang / "explorer.html").as_uri() + f"#places={places[1]},{places[-1]}&shared=1")
            assert page.locator("#table thead th[data-place]").count() == 2
            assert page.locator("#shared").is_checked()
            watch.assert_clean(f"explorer with a view in its address ({lang})")
            page.close()
