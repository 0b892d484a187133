"""The booklet's PDFs (`make pdf`): tagged, titled, in their language, with bookmarks, small, holding the
guide's text, and never ending a page on a heading. Read with poppler-utils (pdfinfo, pdftotext)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.conftest import LANGS
from tests.site.booklet import (
    CONTENT,
    booklet_texts,
    page_file,
    pdf_file,
    pdf_info,
    pdf_pages_text,
    screen_only_texts,
    squeezed,
    visible,
)

MAX_BYTES = 2 * 1024 * 1024


def title(lang: str) -> str:
    html = page_file(lang).read_text(encoding="utf-8")
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip())


def heading_texts(lang: str) -> list[str]:
    html = page_file(lang).read_text(encoding="utf-8")
    html = html[html.index("<article") : html.index("</article>")]
    found = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
    return [unescape(" ".join(re.sub(r"<[^>]+>", "", text).split())) for _, text in found]


def pdf_string(raw: bytes) -> str:
    """A PDF string as Chromium writes it: (literal, with \\ escapes) or <hex UTF-16 with a BOM>."""
    if raw.startswith(b"<"):
        return bytes.fromhex(raw[1:-1].decode("ascii")).decode("utf-16")
    return re.sub(rb"\\([()\\])", rb"\1", raw[1:-1]).decode("latin-1")


def bookmarks(pdf: bytes) -> list[str]:
    """The titles of the document outline's entries (objects with a /Title, a /Parent and a /Dest)."""
    entries = [
        obj
        for obj in re.findall(rb"\d+ 0 obj\s*<<(.*?)>>\s*endobj", pdf, re.S)
        if b"/Parent" in obj and b"/Dest" in obj
    ]
    titles = [re.search(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)", obj) for obj in entries]
    return [pdf_string(found.group(1)) for found in titles if found]


def catalog_language(pdf: bytes) -> str | None:
    found = re.search(rb"/Type /Catalog.*?/Lang\s*\(([^)]*)\)", pdf, re.S)
    return found.group(1).decode("ascii") if found else None


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_is_tagged_titled_in_its_language_and_small(site, lang):
    pdf = pdf_file(lang)
    info = pdf_info(pdf)
    assert info["Tagged"] == "yes"  # a structure screen readers can follow
    assert info["Title"] == title(lang)
    assert info["Page size"].endswith("(A4)")
    assert catalog_language(pdf.read_bytes()) == lang
    assert pdf.stat().st_size < MAX_BYTES


def contents(lang: str) -> list[str]:
    """The entries of the booklet's contents list: its main sections."""
    html = page_file(lang).read_text(encoding="utf-8")
    nav = html[html.index('class="ip-booklet-contents"') :]
    return [
        unescape(entry) for entry in re.findall(r'<li><a href="#[^"]+">([^<]+)</a></li>', nav[: nav.index("</nav>")])
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_has_a_bookmark_for_every_main_section(site, lang):
    # A bookmark's title is its heading's lines run together: compare without the spaces.
    marks = {squeezed(mark) for mark in bookmarks(pdf_file(lang).read_bytes())}
    sections = contents(lang)
    assert len(sections) > 1 and [section for section in sections if squeezed(section) not in marks] == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_holds_every_heading_and_text_of_the_booklet(site, lang):
    text = squeezed("".join(pdf_pages_text(pdf_file(lang))))
    missing_headings = [h for h in heading_texts(lang) if squeezed(h) not in text]
    buttons = screen_only_texts(lang)
    missing_texts = [
        where
        for where, data_text in booklet_texts(lang)
        if squeezed(visible(data_text)) not in text and visible(data_text) not in buttons
    ]
    assert missing_headings == [] and missing_texts == []


# A page with fewer words than this after the cover and the contents is a near-empty page (issue 22: a
# step's heading alone, a footer line alone).
MIN_WORDS = 40


@pytest.mark.parametrize("lang", LANGS)
def test_no_pdf_page_after_the_cover_and_contents_is_nearly_empty(site, lang):
    contents_title = CONTENT["booklet"]["contents"][lang]
    pages = pdf_pages_text(pdf_file(lang))
    first = next(number for number, page in enumerate(pages) if page.startswith(contents_title)) + 1
    words = {number: len(page.split()) for number, page in enumerate(pages[first:], start=first + 1)}
    assert len(words) > 1
    assert [number for number, count in words.items() if count < MIN_WORDS] == [], f"words per page: {words}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_booklets_buttons_stay_off_paper(site, lang):
    buttons = screen_only_texts(lang)
    assert buttons, "the booklet page has no button to leave off paper: the check would prove nothing"
    text = squeezed("".join(pdf_pages_text(pdf_file(lang))))
    assert [button for button in buttons if squeezed(button) in text] == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_pdf_page_ends_with_a_heading(site, lang):
    headings = heading_texts(lang)
    contents_title = CONTENT["booklet"]["contents"][lang]
    pages = [
        (number, page)
        for number, page in enumerate(pdf_pages_text(pdf_file(lang)), start=1)
        if not page.startswith(contents_title)
    ]  # the contents list: its entries are the headings' words
    assert len(pages) > 1
    stranded = [(number, heading) for number, page in pages for heading in headings if ends_with(page, heading)]
    assert stranded == []


def ends_with(page: str, heading: str) -> bool:
    words, last = page.split(), heading.split()
    return words[-len(last) :] == last


def test_a_page_ending_with_a_heading_would_be_caught():
    assert ends_with("Some text.\nGode råd\n", "Gode råd")
    assert not ends_with("Gode råd\n- Giv praktikanten tid.", "Gode råd")


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdfs_links_lead_to_the_published_site_not_to_the_printing_machine(site, lang):
    uris = re.findall(rb"/URI\s*\(([^)]*)\)", pdf_file(lang).read_bytes())
    assert uris and [u for u in uris if not re.match(rb"(https://|mailto:)", u)] == []
