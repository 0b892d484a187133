"""What a visitor does in the browser, shared by the browser tests: which pages there are, searching,
and telling the site's own requests from any that leave it."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.conftest import LANGS, ROOT, page_paths

# Whether Material's search is ready: until its worker has loaded the index, the line above the results says
# "Initialising search" (each language in its own words) and typing finds nothing. Once the index has answered
# the empty query, Material writes its own translation of "Type to start searching" there, which every page
# carries in Material's config (#__config, translations): the test needs neither language's wording.
SEARCH_READY = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  const config = document.getElementById("__config");
  if (meta === null || config === null) return false;  /* not this page yet */
  return meta.textContent.trim() === JSON.parse(config.textContent).translations["search.result.placeholder"];
}"""


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
    box = search_box(page, lang)
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


def wait_for_search(page, timeout: float | None = None) -> None:
    """Until Material's search has loaded its index (before then, typing finds nothing)."""
    page.wait_for_function(SEARCH_READY, timeout=timeout)


def search_box(page, lang: str | None = None, timeout: float | None = None):
    """The search box, once Material's index has loaded. Any language: `lang` is no longer needed."""
    wait_for_search(page, timeout)
    opener = page.locator("label.md-header__button[for=__search]")
    if opener.is_visible():  # on a phone the search box hides behind this button
        opener.click()
    return page.locator("input.md-search__input")


# Counts the queries the page sends to Material's search worker and the answers it gets back (message
# types 2 and 3), so a test knows when the results on screen answer the last key typed. Test-only: Playwright
# injects it before the page's own scripts (watch_search).
_COUNT_SEARCH_MESSAGES = """
(() => {
  const Native = window.Worker;
  const counts = window.__searchMessages = {asked: 0, answered: 0};
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => { if (event.data && event.data.type === 3) counts.answered++; });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) counts.asked++;
      super.postMessage(message, ...rest);
    }
  };
})();
"""
_RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item => ({
    href: item.querySelector(':scope > a').href,
    sections: [...item.querySelectorAll(':scope > a ~ a, details a')].map(a => ({
        href: a.href, title: a.querySelector('h2').textContent.trim()}))}))"""


def watch_search(page) -> None:
    """Before the page loads: let retype() tell when Material's search has answered every key."""
    page.add_init_script(_COUNT_SEARCH_MESSAGES)


def retype(page, box, query: str) -> list[dict]:
    """Empty the box and type a new query key by key; the results once the last key has its answer.

    Each result is a page: {"href": its link, "sections": [{"href", "title"}] shown below it}, best first.
    The page must have been opened after watch_search(page).
    """
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    box.press_sequentially(query)
    page.wait_for_function("() => { const c = window.__searchMessages; return c.asked === c.answered; }")
    return page.evaluate(_RESULTS)


def page_key(href: str, lang: str) -> str:
    """A result's page as its source path without .md: '/en/tjeklister/' -> 'tjeklister/index'."""
    path = urlsplit(href).path.removeprefix("/en/" if lang == "en" else "/").strip("/")
    return path if (ROOT / "docs" / f"{path}.md").is_file() else f"{path}/index".lstrip("/")


def off_origin(urls: list[str], base_url: str) -> list[str]:
    """The requests that went anywhere but the site's own origin (data: and blob: URLs stay in the page)."""
    origin = urlsplit(base_url).netloc
    return [
        url for url in urls if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != origin
    ]
