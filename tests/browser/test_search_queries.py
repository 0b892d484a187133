"""Search finds what visitors type, in Danish and in English: the query set in search_queries.yml."""
from __future__ import annotations

import pytest

from tests.browser.search_queries import PASS_SCORE, TOP, query_set, score
from tests.conftest import LANGS, page_paths
from tests.browser.visitor import page_key

QUERIES = query_set()


@pytest.mark.parametrize("lang", LANGS)
def test_the_query_set_names_pages_that_exist(site, lang):
    pages = {page_key("/" + path, "da") for path in page_paths(lang)}
    named = {page for expected in QUERIES[lang].values() for page in expected}
    assert named - pages == set(), "search_queries.yml expects pages that are not built"


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_the_page_for_what_visitors_type(watched, lang):
    result = score(watched.page, watched.base_url, lang, QUERIES[lang])
    assert result.other_language == [], f"a {lang} search returned pages of the other language"
    misses = "\n".join(result.misses)
    assert result.share >= PASS_SCORE, (
        f"{lang}: {result.found} of {result.total} queries ({result.share:.0%}) find their page among the first "
        f"{TOP}; at least {PASS_SCORE:.0%} must. Misses:\n{misses}")
