"""A visitor switches language and searches, and stays in the language they chose."""
from __future__ import annotations

import pytest

from tests.browser.visitor import search


def test_the_switcher_lands_on_the_same_page_in_the_other_language(watched):
    page = watched.page
    page.goto(f"{watched.base_url}/rejsetyper/")
    page.get_by_role("link", name="Read this page in English").click()
    page.wait_for_url(f"{watched.base_url}/en/rejsetyper/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Travel types"
    page.get_by_role("link", name="Læs denne side på dansk").click()
    page.wait_for_url(f"{watched.base_url}/rejsetyper/")
    assert page.locator("h1").inner_text() == "Rejsetyper"


@pytest.mark.parametrize("start, query, lang", [("/", "praktikvært", "da"), ("/en/", "host", "en")])
def test_search_finds_pages_in_the_language_searched(watched, start, query, lang):
    page = watched.page
    page.goto(watched.base_url + start)
    hrefs = search(page, query, lang)
    assert hrefs, f"no results for {query!r}"
    for href in hrefs:
        in_english = "/en/" in href
        assert in_english == (lang == "en"), href


def test_the_404_page_answers_in_the_visitors_language(watched):
    page = watched.page
    response = page.goto(f"{watched.base_url}/en/does-not-exist/")
    assert response.status == 404
    watched.console_errors.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Page not found"
