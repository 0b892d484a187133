"""Search finds what visitors type, in Danish and in English: the query set in search_queries.yml; and
what it found is marked once, without debris."""

from __future__ import annotations

import pytest

from guide.content import load_content
from tests.browser.search_queries import PASS_SCORE, TOP, query_set, score
from tests.browser.visitor import page_key, retype, search_box, watch_search
from tests.conftest import LANGS, ROOT, page_paths

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
        f"{TOP}; at least {PASS_SCORE:.0%} must. Misses:\n{misses}"
    )


# Words whose stem differs from the word ("dage" → "dag"): the word and its stem are found at the same
# place, which Material used to mark twice ("Turist (2 >dage)"). Taken from the data, not typed here.
def debris_queries(lang: str) -> list[str]:
    content = load_content(ROOT)
    words = [content["site"]["ui"]["days"][lang]]
    words += [section["title"][lang] for section in content["fine_print"]["sections"][:1]]  # "Løn og udgifter"
    return words


@pytest.mark.parametrize("lang", LANGS)
def test_each_found_word_is_marked_once_and_no_markup_shows(watched, lang):
    page = watched.page
    watch_search(page)
    page.goto(watched.base_url + ("/en/" if lang == "en" else "/"))
    box = search_box(page, lang)
    for query in debris_queries(lang):
        assert retype(page, box, query), f"{query!r} found nothing"
        shown = page.evaluate("""() => {
            const results = [...document.querySelectorAll('.md-search-result__item')];
            return {text: results.map(r => r.textContent).join(' '),
                    nested: document.querySelectorAll('.md-search-result mark mark').length,
                    marks: [...document.querySelectorAll('.md-search-result mark')].map(m => m.textContent)};
        }""")
        assert shown["marks"], f"{query!r}: nothing marked"
        assert shown["nested"] == 0 and "<" not in shown["text"] and ">" not in shown["text"], (
            f"{query!r}: markup debris in the results: {shown['text'][:300]}"
        )
        assert "" not in shown["marks"]
