"""`make pdf`: the whole guide as a booklet, one A4 PDF per language, and the link to it on /haefte/.

    .venv/bin/python -m tools.booklet_pdf      # after `make build`; `make pdf` does both

Debian's Chromium prints the built /haefte/ and /en/haefte/ pages (their print styles: cover, contents,
page numbers) to site/innovationspraktik.pdf and site/en/innovationspraktik.pdf: tagged for screen
readers, with bookmarks from the headings, and the page's title and language in the metadata. Only
then does each booklet page get its link, "Hent som PDF (N sider, X KB)", with the PDF's real figures,
rendered by templates/partials/booklet_pdf.jinja where the build left that partial's marker. So a site
built without Chromium (`make build`) has no link, and no site links to a PDF that is not there.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from guide.content import load_content
from guide.i18n import LANGUAGES
from guide.rendering import Renderer

from .browser import launch, serve

ROOT = Path(__file__).resolve().parents[1]
BOOKLET = "haefte"
PDF_NAME = "innovationspraktik.pdf"
LINK_TEMPLATE = "partials/booklet_pdf"
# In the PDF a link must lead to the published site, not to the local server that printed it: every
# link that is not to a place in the booklet itself is made absolute against the page's canonical URL.
PUBLIC_LINKS = """() => {
  const canonical = document.querySelector('link[rel="canonical"]').href;
  for (const link of document.querySelectorAll("a[href]")) {
    const href = link.getAttribute("href");
    if (!href.startsWith("#")) link.href = new URL(href, canonical).href;
  }
}"""


def language_root(site: Path, lang: str) -> Path:
    """Danish at the site's root, English under en/ (as `make build` writes them)."""
    return site if lang == LANGUAGES[0] else site / lang


def page_count(pdf: bytes) -> int:
    """The pages of a PDF as Chromium writes it (every page object uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def print_booklet(browser, url: str, target: Path) -> dict[str, int]:
    """Print one booklet page to `target`; its figures for the link: pages, and size in KB."""
    page = browser.new_page(service_workers="block")  # printing needs no offline copy
    page.goto(url)
    page.evaluate(PUBLIC_LINKS)
    page.emulate_media(media="print")
    pdf = page.pdf(
        path=target, format="A4", print_background=True, prefer_css_page_size=True, tagged=True, outline=True
    )
    page.close()
    return {"pages": page_count(pdf), "size": round(len(pdf) / 1024)}


def link_booklet(html_file: Path, renderer: Renderer, figures: dict[str, int]) -> None:
    """Put the link to the PDF, with its figures, where the build left the marker."""
    marker = renderer.render(LINK_TEMPLATE, f"{BOOKLET}.md", {}).strip()
    link = renderer.render(LINK_TEMPLATE, f"{BOOKLET}.md", {"pdf": figures}).strip()
    html = html_file.read_text(encoding="utf-8")
    if html.count(marker) != 1:
        sys.exit(
            f"{html_file}: the booklet's PDF marker {marker} is missing; run `make pdf`, which builds the site first"
        )
    html_file.write_text(html.replace(marker, link), encoding="utf-8")


def main() -> None:
    site = Path(os.environ.get("SITE_DIR", ROOT / "site"))
    content = load_content(ROOT)
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for lang in LANGUAGES:
            root = language_root(site, lang)
            path = root.relative_to(site).as_posix().strip(".")
            url = f"{base}/{path + '/' if path else ''}{BOOKLET}/"
            figures = print_booklet(browser, url, root / PDF_NAME)
            link_booklet(
                root / BOOKLET / "index.html", Renderer(ROOT / "templates", ROOT / "docs", content, lang), figures
            )
            print(f"{root / PDF_NAME}: {figures['pages']} pages, {figures['size']} KB")
        browser.close()


if __name__ == "__main__":
    main()
