"""What a visitor downloads: each built page, first view and repeat view, as the server sends it.

Chromium (Playwright, Debian's binary) opens each page from tools/gzip_host.py, which compresses text
with gzip as GitHub Pages does, and we add up the bytes of every response until the network is
idle (the Content-Length the server sent: gzip for HTML, CSS, JS, JSON and SVG; images and fonts as
they are). The search machinery (worker, lunr language files, the index) is counted apart: the
browser fetches it in the background after the page is shown, and it is the same file for every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from tools.browser import launch, serve
from tools.gzip_host import gzip_body

SEARCH_PARTS = ("/search/search_index.json", "/workers/search", "/lunr/")


@dataclass
class PageWeight:
    path: str  # URL path: /tjeklister/praktikant/
    html_bytes: int  # the HTML file as built
    html_gzip: int  # the HTML as sent: the repeat view
    first_view_gzip: int  # the page as sent: HTML, CSS, JS, fonts, images
    search_gzip: int  # fetched in the background for search
    files: list[str] = field(default_factory=list)


@dataclass
class SearchIndex:
    path: str
    raw: int
    gzip: int


def page_weights(site: Path, only: list[str] | None = None) -> tuple[list[PageWeight], list[SearchIndex]]:
    """Every built page, or the URL paths ONLY."""
    pages = only or [_url_path(site, html) for html in sorted(site.rglob("*.html"))]
    weights = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for path in pages:
            context = browser.new_context()  # empty cache: a first view
            sent: dict[str, int] = {}  # URL -> bytes sent; each URL once, as the browser caches
            # The offline copy's service worker fetches its list after the page has loaded (issue 24): not
            # the page's weight, and measured by tools/offline_weight.py.
            context.on(
                "response",
                lambda response, sent=sent: (
                    response.request.service_worker is None and sent.setdefault(response.url, _sent_bytes(response))
                ),
            )
            context.new_page().goto(base + path, wait_until="networkidle")
            context.close()
            weights.append(_weigh(site, base, path, sent))
        browser.close()
    indexes = [
        SearchIndex("/" + index.relative_to(site).as_posix(), index.stat().st_size, len(gzip_body(index)))
        for index in sorted(site.rglob("search_index.json"))
    ]
    return weights, indexes


def _sent_bytes(response) -> int:
    return int(response.headers.get("content-length") or len(response.body()))


def _weigh(site: Path, base: str, path: str, sent: dict[str, int]) -> PageWeight:
    page_total = search_total = 0
    files = []
    for url, size in sent.items():
        if any(part in url for part in SEARCH_PARTS):
            search_total += size
        else:
            page_total += size
            files.append(f"{urlsplit(url).path} {size}")
    html = site / path.lstrip("/") / "index.html" if path.endswith("/") else site / path.lstrip("/")
    return PageWeight(path, html.stat().st_size, sent[base + path], page_total, search_total, files)


def _url_path(site: Path, html: Path) -> str:
    relative = html.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html") if relative.endswith("index.html") else "/" + relative
