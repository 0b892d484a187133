"""What the offline copy costs (issue 24): bytes kept per language, and what a repeat view sends.

The built site is served as a host serves it (tools/gzip_host.py, gzip), and the server counts the bytes of
every body it sends, whoever asked: the page, or the service worker fetching its list or checking sw.js.
For each language, in a fresh Chromium profile:

- first view: the front page until the service worker is active (the page's own bytes and the worker's
  downloads are counted apart: the worker starts after the page has loaded);
- kept: the bytes in the language's cache (Cache Storage), as the browser stores them (uncompressed);
- repeat view online: the front page loaded again; the browser checks sw.js, everything else comes from
  the cache. Compared with the page's own HTML as sent, which is what revalidating the page would cost;
- offline: the same page with the network off; the server must see nothing.

    .venv/bin/python -m tools.offline_weight [SITE_DIR]
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.browser import launch
from tools.gzip_host import SiteHandler, gzip_body, serve

# The bytes kept by a language's worker: every entry of its caches (the key names the language).
CACHE_BYTES = """async (prefix) => {
  let total = 0, files = 0;
  for (const name of await caches.keys()) {
    if (!name.startsWith(prefix)) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      total += (await (await cache.match(request)).arrayBuffer()).byteLength;
      files += 1;
    }
  }
  return [total, files];
}"""


# Chromium checks sw.js for a new version after a navigation, not during it: give it time to be counted.
UPDATE_CHECK_MS = 3000


class CountingHandler(SiteHandler):
    """The test server's handler, noting the length of every body it sends, by path."""

    sent: list[tuple[str, int]] = []
    lock = threading.Lock()

    def _send_file(self, status, file):
        body = super()._send_file(status, file)
        with CountingHandler.lock:
            CountingHandler.sent.append((self.path, len(body.getvalue())))
        return body

    @classmethod
    def take(cls) -> list[tuple[str, int]]:
        with cls.lock:
            sent, cls.sent = cls.sent, []
        return sent

    @classmethod
    def wait_for(cls, page, ending: str) -> None:
        """Until the server has sent a path ending so (the browser's check of sw.js), or a few seconds."""
        for _ in range(UPDATE_CHECK_MS // 100):
            with cls.lock:
                if any(path.split("?")[0].endswith(ending) for path, _ in cls.sent):
                    return
            page.wait_for_timeout(100)


def total(sent: list[tuple[str, int]]) -> int:
    return sum(size for _, size in sent)


@dataclass
class OfflineWeight:
    lang: str
    files_kept: int
    bytes_kept: int  # in the browser's cache, uncompressed
    first_view_page: int  # sent for the page before its load event (gzip)
    first_view_worker: int  # sent afterwards, while the worker fetched its list
    repeat_view: int  # sent for the page loaded again, online: the browser's check of sw.js
    page_html_gzip: int  # the page's HTML as sent: what revalidating it costs at most
    offline: int  # sent for the page and its files loaded again, offline (must be 0)


def wait_for_worker(page) -> None:
    """Until this page's service worker is active: its whole list is then kept."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


def measure(site: Path, browser, lang: str) -> OfflineWeight:
    root = "/" if lang == "da" else "/en/"
    with serve(site, CountingHandler) as base:
        context = browser.new_context()
        page = context.new_page()
        CountingHandler.take()
        page.goto(base + root, wait_until="load")
        first_page = total(CountingHandler.take())
        wait_for_worker(page)
        page.wait_for_load_state("networkidle")
        first_worker = total(CountingHandler.take())
        kept, files = page.evaluate(CACHE_BYTES, f"ipraktik-{lang}-")
        page.reload(wait_until="networkidle")
        CountingHandler.wait_for(page, "/sw.js")
        repeat = total(CountingHandler.take())
        context.set_offline(True)
        page.reload(wait_until="load")
        page.wait_for_timeout(500)
        # Chromium's emulated offline mode still lets the browser's own check of sw.js through (a phone
        # without a network could not make it); the page and its files are what must cost nothing.
        offline = total([(path, size) for path, size in CountingHandler.take() if not path.endswith("/sw.js")])
        context.close()
    html = site / root.lstrip("/") / "index.html"
    return OfflineWeight(lang, files, kept, first_page, first_worker, repeat, len(gzip_body(html)), offline)


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        print(
            f"{'lang':4} {'files':>5} {'kept KB':>8} {'1st page KB':>11} {'1st worker KB':>13} "
            f"{'repeat B':>8} {'page HTML gz B':>14} {'offline B':>9}"
        )
        for lang in ("da", "en"):
            w = measure(site, browser, lang)
            print(
                f"{w.lang:4} {w.files_kept:5} {w.bytes_kept / 1024:8.0f} {w.first_view_page / 1024:11.1f} "
                f"{w.first_view_worker / 1024:13.1f} {w.repeat_view:8} {w.page_html_gzip:14} {w.offline:9}"
            )
        browser.close()


if __name__ == "__main__":
    main()
