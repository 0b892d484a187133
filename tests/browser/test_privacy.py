"""Nothing about a visitor leaves their browser: on every page, loading it, searching and ticking a
checklist make no request beyond the site's own origin, and no cookie is set."""

from __future__ import annotations

import pytest

from tests.browser.visitor import all_pages, off_origin, search

QUERY = {"da": "praktik", "en": "host"}


@pytest.fixture(scope="module")
def visit(browser, base_url):
    """One context for every page, with a network log of every request any of them makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context, context.new_page(), requests
    context.close()


def use_the_page(page, lang: str) -> int:
    """What a visitor does: search, tick the page's checkboxes, write in its fields. Returns the ticks."""
    search(page, QUERY[lang], lang)
    page.keyboard.press("Escape")
    boxes = page.locator("#ip-content input[type=checkbox]:visible")
    for i in range(boxes.count()):
        boxes.nth(i).check()
    fields = page.locator("#ip-content textarea:visible, #ip-content input[type=text]:visible")
    for i in range(fields.count()):
        fields.nth(i).fill("note")
    return boxes.count()


def test_no_request_leaves_the_site_and_no_cookie_is_set(site, base_url, visit):
    context, page, requests = visit
    pages, ticks = 0, 0
    for lang, path in all_pages():
        page.goto(base_url + path, wait_until="load")
        ticks += use_the_page(page, lang)
        page.reload(wait_until="load")  # saved ticks come back from the browser, not from anywhere else
        pages += 1
        assert page.evaluate("document.cookie") == "", path
    leaks = off_origin(requests, base_url)
    print(
        f"\nprivacy: {pages} pages loaded, searched and used ({ticks} ticks), {len(requests)} requests, "
        f"{len(leaks)} off-origin"
    )
    assert len(requests) > pages
    assert leaks == [], "requests left the site's origin"
    assert context.cookies() == [], "a cookie was set"


def test_the_network_log_would_catch_a_request_to_another_host(base_url, visit):
    """The check above can fail: a script asking another host is in the log (the request fails offline).

    It asks from the site's search index, a document of the site without a page's Content Security Policy:
    on a page the policy stops the request before it is made (tests/browser/test_security_policy.py).
    """
    _, page, requests = visit
    page.goto(base_url + "/search/search_index.json")
    page.evaluate("fetch('https://tracker.invalid/pixel').catch(() => null)")  # awaits the failure
    assert "https://tracker.invalid/pixel" in off_origin(requests, base_url)
    requests.clear()


@pytest.mark.parametrize(
    "path, heading, link", [("/", "Privatliv", "Privatliv"), ("/en/rejsetyper/", "Privacy", "Privacy")]
)
def test_the_footer_leads_to_the_privacy_page(site, base_url, visit, path, heading, link):
    _, page, _ = visit
    page.goto(base_url + path)
    page.locator("footer").get_by_role("link", name=link, exact=True).click()
    page.wait_for_url("**/privatliv/")
    assert page.locator("h1").inner_text() == heading
    assert "cookie" in page.locator("article").inner_text().lower()
