"""Every page on paper without orphans (issue 22): no printed page after the first is nearly empty (a
footer line alone, the signatures alone, one step alone), the agreement's signatures stay with its last
section, and buttons meant for the screen are left off paper. Printed with Chromium's page.pdf, read
with pdftotext, in both languages."""

from __future__ import annotations

import pytest

from guide.content import load_content
from tests.conftest import LANGS, ROOT, page_paths
from tests.site.booklet import pdf_pages_text

CONTENT = load_content(ROOT)
# Fewer words than this on a printed page after the first is a near-empty page: "Last updated" and the print
# trace alone (they do not count), a heading or the signature lines cut off from their text. Not more: the
# tail of a long page (a paragraph or two, 30 words) is how any printout ends, and an editor who lengthens a
# text must not fail this test.
MIN_WORDS = 15
# The booklet (/haefte/) is printed by `make pdf`; tests/site/test_booklet_pdf.py reads its PDFs.
BOOKLET = "haefte/"


def prefix(lang: str) -> str:
    return "/" if lang == "da" else "/en/"


def words(page_text: str, lang: str) -> int:
    footer = CONTENT["site"]["ui"]["last_updated"][lang]
    trace = CONTENT["site"]["ui"]["checklist_printed_from"][lang]
    lines = [line for line in page_text.splitlines() if footer not in line and trace not in line]
    return len(" ".join(lines).split())


@pytest.fixture(scope="module")
def printer(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def printed(page, url: str, tmp_path) -> list[str]:
    page.emulate_media(media="screen")
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    return pdf_pages_text(pdf)


@pytest.mark.parametrize("lang", LANGS)
def test_no_printed_page_is_nearly_empty_and_no_button_prints(site, base_url, printer, lang, tmp_path):
    near_empty, buttons = [], []
    for path in page_paths(lang):
        if path == BOOKLET:
            continue
        pages = printed(printer, base_url + prefix(lang) + path, tmp_path)
        counts = [words(text, lang) for text in pages]
        if any(count < MIN_WORDS for count in counts[1:]):
            near_empty.append(f"/{path}: words per page {counts}; last page: {pages[-1][:120]!r}")
        shown = printer.locator("article a.md-button, article button").evaluate_all(
            "els => els.filter(el => el.getClientRects().length > 0).map(el => el.textContent.trim())"
        )
        buttons += [f"/{path}: {text}" for text in shown]
    assert near_empty == [], "\n".join(near_empty)
    assert buttons == [], "buttons on paper:\n" + "\n".join(buttons)


def test_the_near_empty_measure_ignores_the_footer_line_alone():
    footer = CONTENT["site"]["ui"]["last_updated"]["da"]
    assert words(f"{footer}: 7. december 2026", "da") == 0
    assert words("Underskrifter\nPraktikant · Dato og underskrift", "da") < MIN_WORDS


@pytest.mark.parametrize("lang", LANGS)
def test_the_agreements_signatures_print_on_the_page_of_its_last_section(site, base_url, printer, lang, tmp_path):
    agreement = CONTENT["planning"]["agreement"]
    pages = printed(printer, base_url + prefix(lang) + "tjeklister/praktikaftale/", tmp_path)
    on = {
        title: [n for n, text in enumerate(pages) if title in text.splitlines()]
        for title in (agreement["small_print"]["title"][lang], agreement["signatures"]["title"][lang])
    }
    small_print, signatures = on.values()
    assert small_print and signatures and small_print[-1] == signatures[0], on
    signers = [signer["label"][lang] for signer in agreement["signatures"]["signers"]]
    assert all(signer in pages[signatures[0]] for signer in signers)
