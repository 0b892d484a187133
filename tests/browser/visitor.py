"""What a visitor does in the browser, shared by the browser tests: which pages there are, searching,
and telling the site's own requests from any that leave it."""
from __future__ import annotations

from urllib.parse import urlsplit

from tests.conftest import LANGS, page_paths

# What Material's search shows until its index has loaded; typing before then finds nothing.
SEARCH_LOADING = {"da": "Start søgning", "en": "Initializing search"}


def all_pages() -> list[tuple[str, str]]:
    """(language, URL path) of every built page and each language's 404 page."""
    pages = []
    for lang in LANGS:
        prefix = "/" if lang == "da" else "/en/"
        pages += [(lang, prefix + path) for path in page_paths(lang)]
        pages.append((lang, prefix + "does-not-exist/"))  # served as that language's 404.html
    return pages


def search(page, query: str, lang: str) -> list[str]:
    """Type a query key by key, as a visitor does (Material searches on keyup); the results' hrefs."""
    page.wait_for_function(
        "loading => document.querySelector('.md-search-result__meta').textContent.trim() !== loading",
        arg=SEARCH_LOADING[lang])
    opener = page.locator("label.md-header__button[for=__search]")
    if opener.is_visible():  # on a phone the search box hides behind this button
        opener.click()
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for()
    # Read the list in one go: Material redraws it as each keystroke's answer arrives, and a result
    # counted a moment ago may be gone when asked for one by one. The answer to "h" can also still be on
    # screen after "host" was typed: read again until the list stops changing.
    hrefs, previous = None, []
    while hrefs != previous:
        previous, hrefs = hrefs, results.evaluate_all("links => links.map(link => link.getAttribute('href'))")
        page.wait_for_timeout(250)
    return hrefs


def off_origin(urls: list[str], base_url: str) -> list[str]:
    """The requests that went anywhere but the site's own origin (data: and blob: URLs stay in the page)."""
    origin = urlsplit(base_url).netloc
    return [url for url in urls
            if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != origin]
