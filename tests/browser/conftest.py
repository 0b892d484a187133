"""Headless Chromium on the built site, served on loopback; every page watched for leaks and errors.

Debian's chromium (installed by tools/system-deps.sh, which `make test` runs first), driven by
Playwright's Python package with executable_path: nothing here downloads a browser.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.visitor import off_origin
from tools.browser import CHROMIUM, launch, serve

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def base_url(site) -> str:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: `bash tools/system-deps.sh` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


class Watched:
    """A page that records every request and console error, for the checks at the end of a test."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        # An aborted request is the browser leaving a page mid-load (a click), not a broken link.
        page.on(
            "requestfailed",
            lambda request: (
                request.failure != "net::ERR_ABORTED" and self.failed.append(f"{request.failure} {request.url}")
            ),
        )
        page.on(
            "response",
            lambda response: response.status >= 400 and self.failed.append(f"{response.status} {response.url}"),
        )
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def off_origin(self) -> list[str]:
        return off_origin(self.requests, self.base_url)


@pytest.fixture
def watched(browser, base_url):
    """A fresh browser context and page; fails the test if anything left 127.0.0.1 or errored."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page(), base_url)
    yield watched
    context.close()
    assert watched.off_origin() == [], "requests left the site's origin"
    assert watched.console_errors == [], "the console reported errors"
    assert [f for f in watched.failed if "does-not-exist" not in f] == [], "requests failed"
