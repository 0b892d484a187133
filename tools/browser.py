"""The built site served on loopback, and Debian's Chromium started quietly for Playwright.

Never `playwright install`: this machine cannot download a browser. Debian's `chromium` package
puts the real binary at /usr/lib/chromium/chromium (/usr/bin/chromium is a wrapper script).
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path
from typing import Iterator

from .preview_server import SiteHandler  # quiet, and a real host's 404 pages (the English one under /en/)

CHROMIUM = os.environ.get("CHROMIUM", "/usr/lib/chromium/chromium")
# Flags that keep Chromium from calling home on an offline machine (stack notes).
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port; yields the base URL ('http://127.0.0.1:PORT')."""
    handler = functools.partial(SiteHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    """Debian's Chromium under Playwright, headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
