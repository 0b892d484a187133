"""The booklet (/haefte/) printed from the browser: the guide alone on A4, and the PDF `make pdf` made of it
as long as a visitor's own printout."""

from __future__ import annotations

import pytest

from tests.conftest import LANGS
from tests.site.booklet import pdf_file, pdf_info
from tools.booklet_pdf import page_count

# The site's chrome and the page's controls, none of which belongs on paper.
CHROME = (
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".md-top",
    ".ip-skip",
    ".ip-page-history",
    ".ip-booklet-pdf",
    "button",
)
# How far the PDF's page count may stray from the visitor's printout of the same page.
TOLERANCE = 0.2


def url(base_url: str, lang: str) -> str:
    return f"{base_url}{'' if lang == 'da' else '/en'}/haefte/"


@pytest.mark.parametrize("lang", LANGS)
def test_printed_the_booklet_shows_the_guide_and_none_of_the_sites_chrome(watched, lang):
    page = watched.page
    page.goto(url(watched.base_url, lang))
    page.emulate_media(media="print")
    assert page.locator(".ip-booklet-cover h1").is_visible()
    assert page.locator(".ip-booklet-contents").is_visible()
    shown = [
        selector
        for selector in CHROME
        if any(page.locator(selector).nth(i).is_visible() for i in range(page.locator(selector).count()))
    ]
    assert shown == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_has_as_many_pages_as_a_printout_of_the_booklet_page(watched, lang):
    page = watched.page
    page.goto(url(watched.base_url, lang))
    printed = page_count(page.pdf(format="A4"))
    made = int(pdf_info(pdf_file(lang))["Pages"])
    assert printed > 2 and abs(made - printed) <= TOLERANCE * printed, (made, printed)
