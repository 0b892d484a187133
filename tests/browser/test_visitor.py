"""The browser tests' own helpers do what they say: search_box() waits until Material's search has its
index, in both languages (an English page once slipped through, as its "Initialising search" was not the
"Initializing search" the helper waited to go away)."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.visitor import search_box

INDEX = "**/search/search_index.json"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_search_box_waits_while_the_index_is_held_back_and_returns_once_it_arrives(watched, lang):
    page = watched.page
    held = []
    page.context.route(INDEX, lambda route: held.append(route))  # the index request waits here, unanswered
    page.goto(watched.base_url + ("/en/" if lang == "en" else "/"))
    page.wait_for_timeout(500)
    assert held, "the search index was never asked for, so holding it back proved nothing"
    with pytest.raises(PlaywrightTimeout):
        search_box(page, timeout=1500)  # no index: the helper must still be waiting
    for request in held:
        request.continue_()
    assert search_box(page, timeout=10_000).is_visible()
