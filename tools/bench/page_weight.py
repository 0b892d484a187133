"""What a visitor downloads: each built page, first view and repeat view, gzip-compressed.

Chromium (Playwright, Debian's binary) opens each page from a local server and we record every
request it makes until the network is idle. Sizes are of the files as built, compressed by us with
gzip level 6 (what a typical web server sends); images and fonts are already compressed and count
as they are. The search machinery (worker, lunr language files, the index) is counted apart: the
browser fetches it in the background after the page is shown, and it is the same file for every page.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import sync_playwright

from tools.browser import launch, serve

BINARY = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff", ".woff2"}
SEARCH_PARTS = ("/search/search_index.json", "/workers/search", "/lunr/")


@dataclass
class PageWeight:
    path: str                       # URL path: /tjeklister/praktikant/
    html_bytes: int
    html_gzip: int
    first_view_gzip: int            # the page: HTML, CSS, JS, fonts, images
    search_gzip: int                # fetched in the background for search
    files: list[str] = field(default_factory=list)


@dataclass
class SearchIndex:
    path: str
    raw: int
    gzip: int


def page_weights(site: Path) -> tuple[list[PageWeight], list[SearchIndex]]:
    pages = [_url_path(site, html) for html in sorted(site.rglob("*.html"))]
    weights = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for path in pages:
            context = browser.new_context()      # empty cache: a first view
            requested: list[str] = []
            context.on("request", lambda request: requested.append(request.url))
            context.new_page().goto(base + path, wait_until="networkidle")
            context.close()
            weights.append(_weigh(site, path, requested))
        browser.close()
    indexes = [SearchIndex("/" + index.relative_to(site).as_posix(), index.stat().st_size, gzipped(index))
               for index in sorted(site.rglob("search_index.json"))]
    return weights, indexes


def _weigh(site: Path, path: str, requested: list[str]) -> PageWeight:
    html = _file(site, path)
    page_total = search_total = 0
    files = []
    for url in dict.fromkeys(requested):             # each URL once: the browser caches within a view
        file = _file(site, urlsplit(url).path)
        if file is None:
            continue
        size = gzipped(file)
        if any(part in url for part in SEARCH_PARTS):
            search_total += size
        else:
            page_total += size
            files.append(f"{urlsplit(url).path} {size}")
    return PageWeight(path, html.stat().st_size, gzipped(html), page_total, search_total, files)


def gzipped(file: Path) -> int:
    data = file.read_bytes()
    return len(data) if file.suffix in BINARY else len(gzip.compress(data, compresslevel=6, mtime=0))


def _url_path(site: Path, html: Path) -> str:
    relative = html.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html") if relative.endswith("index.html") else "/" + relative


def _file(site: Path, url_path: str) -> Path | None:
    file = site / unquote(url_path).lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else None
