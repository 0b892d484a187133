"""Look at the site as a visitor would: screenshots at phone and desktop width, and print PDFs.

    .venv/bin/python -m tools.screenshots / /en/rejsetyper/ --pdf   # after `make build`

Writes PNGs (and PDFs) to tests/artifacts/; open them, and turn a PDF into PNGs with
`pdftoppm -png -r 60 FILE.pdf PREFIX`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from .browser import launch, serve

WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}
OUT = Path("tests/artifacts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="site paths, e.g. / or /en/rejsetyper/")
    parser.add_argument("--pdf", action="store_true", help="also print each page to an A4 PDF")
    parser.add_argument("--site", default="site", help="the built site (default: site)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with serve(Path(args.site)) as base, sync_playwright() as p:
        browser = launch(p)
        for path in args.paths:
            name = path.strip("/").replace("/", "_") or "index"
            for label, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(base + path)
                page.screenshot(path=OUT / f"{name}.{label}.png", full_page=True)
                if args.pdf and label == "desktop":
                    page.emulate_media(media="print")
                    page.pdf(path=OUT / f"{name}.pdf", format="A4", print_background=False)
                page.close()
            print(f"{path}: {OUT}/{name}.*")
        browser.close()


if __name__ == "__main__":
    main()
