"""Debian's Chromium started quietly for Playwright, and the built site served as a host serves it.

Never `playwright install`: this machine cannot download a browser. Debian's `chromium` package
puts the real binary at /usr/lib/chromium/chromium (/usr/bin/chromium is a wrapper script).
"""

from __future__ import annotations

import os

from tools.gzip_host import serve  # noqa: F401 -- tests and tools take the server and the browser from here

CHROMIUM = os.environ.get("CHROMIUM", "/usr/lib/chromium/chromium")
# Flags that keep Chromium from calling home on an offline machine (stack notes).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(playwright):
    """Debian's Chromium under Playwright, headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
