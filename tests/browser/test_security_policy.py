"""Under the Content Security Policy everything still works and nothing is refused: every page of both
languages, its search (a web worker fetching the index), the checklists, the language switch and print
raise no `securitypolicyviolation` event and no policy message in the console. And the policy is really
in force: a script slipped into a page does not run, and a request to another host is never made.
"""

from __future__ import annotations

import pytest

from tests.browser.visitor import all_pages, off_origin, search, wait_for_search

# Recorded from the first script on, in every document of the context.
RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => window.__violations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`));
"""
QUERY = {"da": "praktik", "en": "host"}


@pytest.fixture(scope="module")
def watched_policy(browser):
    """One context for every page: its violations, the console's policy messages and every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD)
    page = context.new_page()
    log = {"console": [], "requests": []}
    page.on(
        "console", lambda message: "Content Security Policy" in message.text and log["console"].append(message.text)
    )
    context.on("request", lambda request: log["requests"].append(request.url))
    yield page, log
    context.close()


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def test_no_page_of_either_language_raises_a_violation(site, base_url, watched_policy):
    page, log = watched_policy
    found, loaded = [], 0
    for _, path in all_pages():
        page.goto(base_url + path, wait_until="load")
        # The search worker has started and fetched its index: the worker and the connection were allowed.
        wait_for_search(page)
        loaded += 1
        found += [f"{path}: {violation}" for violation in violations(page)]
    print(
        f"\ncontent security: {loaded} pages loaded, {len(found)} violations, "
        f"{len(log['console'])} policy messages in the console"
    )
    assert loaded > 4
    assert found == []
    assert log["console"] == []


@pytest.mark.parametrize("lang", ["da", "en"])
def test_search_checklists_switch_and_print_raise_no_violation(site, base_url, watched_policy, lang):
    page, log = watched_policy
    prefix = "/" if lang == "da" else "/en/"
    page.goto(base_url + prefix, wait_until="load")
    assert search(page, QUERY[lang], lang)
    page.keyboard.press("Escape")
    page.locator(".ip-language__link").click()  # the switch to the other language
    page.wait_for_load_state("load")
    checklist = next(
        path
        for language, path in all_pages()
        if language == lang and "/tjeklister/" in path and path.rstrip("/") != prefix + "tjeklister"
    )
    page.goto(base_url + checklist, wait_until="load")
    boxes = page.locator("#ip-content input[type=checkbox]")
    boxes.first.check()
    page.reload(wait_until="load")
    assert boxes.first.is_checked()  # checklist.js ran and saved the tick
    page.emulate_media(media="print")
    page.pdf(format="A4")
    page.emulate_media(media="screen")
    assert violations(page) == []
    assert log["console"] == []


def test_the_policy_stops_a_slipped_in_script_and_a_request_elsewhere(site, base_url, browser):
    """The checks above can fail: what the policy exists for is refused, and reported."""
    context = browser.new_context()
    context.add_init_script(RECORD)
    page = context.new_page()
    # Chromium reports a request the policy blocked as failed with "csp": it never reached the network.
    refused, sent = [], []
    page.on("requestfailed", lambda request: (refused if request.failure == "csp" else sent).append(request.url))
    page.on("requestfinished", lambda request: sent.append(request.url))
    page.goto(base_url + "/", wait_until="load")
    page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.__ran = true";
      document.body.append(script);
      const pixel = new Image();
      pixel.src = "https://tracker.invalid/p.png";
      document.body.append(pixel);
    }""")
    page.wait_for_function("window.__violations.length >= 2")
    assert page.evaluate("window.__ran === undefined")
    assert off_origin(sent, base_url) == []
    assert refused == ["https://tracker.invalid/p.png"]
    assert [violation.split(" blocked ")[0] for violation in violations(page)] == ["script-src-elem", "img-src"]
    context.close()
