"""A visitor switches language and searches, and stays in the language they chose."""

from __future__ import annotations

import pytest

from guide.content import load_content
from tests.browser.search_queries import query_set
from tests.browser.visitor import retype, search, search_box, watch_search
from tests.conftest import LANGS, ROOT


def test_the_switcher_lands_on_the_same_page_in_the_other_language(watched):
    title = load_content(ROOT)["site"]["pages"]["rejsetyper"]["title"]
    page = watched.page
    page.goto(f"{watched.base_url}/rejsetyper/")
    page.get_by_role("link", name="Read this page in English").click()
    page.wait_for_url(f"{watched.base_url}/en/rejsetyper/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == title["en"]
    page.get_by_role("link", name="Læs denne side på dansk").click()
    page.wait_for_url(f"{watched.base_url}/rejsetyper/")
    assert page.locator("h1").inner_text() == title["da"]


@pytest.mark.parametrize("start, query, lang", [("/", "praktikvært", "da"), ("/en/", "host", "en")])
def test_search_finds_pages_in_the_language_searched(watched, start, query, lang):
    page = watched.page
    page.goto(watched.base_url + start)
    hrefs = search(page, query, lang)
    assert hrefs, f"no results for {query!r}"
    for href in hrefs:
        in_english = "/en/" in href
        assert in_english == (lang == "en"), href


@pytest.mark.parametrize("lang", LANGS)
def test_a_result_names_its_section_and_following_it_lands_there(watched, lang):
    page = watched.page
    watch_search(page)
    page.goto(watched.base_url + ("/en/" if lang == "en" else "/"))
    box = search_box(page, lang)
    shown_sections = page.locator(".md-search-result__item > a[href*='#']")  # not folded away under "more"
    for query in query_set()[lang]:  # the first query of the query set whose results show a section
        retype(page, box, query)
        if shown_sections.count():
            break
    else:
        pytest.fail("no query of the query set shows a section of a page among its results")
    result = shown_sections.first
    heading_named, href = result.locator("h2").inner_text().strip(), result.get_attribute("href")
    result.click()
    page.wait_for_url(href)
    anchor = href.split("#", 1)[1]
    heading = page.locator(f"[id='{anchor}']")
    assert heading.evaluate("el => /^H[1-6]$/.test(el.tagName)"), f"#{anchor} is not a heading"
    assert heading.inner_text().strip() == heading_named
    assert heading.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"
    ), f"the page did not scroll to #{anchor}"


def test_the_404_page_answers_in_the_visitors_language(watched):
    page = watched.page
    response = page.goto(f"{watched.base_url}/en/does-not-exist/")
    assert response.status == 404
    watched.console_errors.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Page not found"
