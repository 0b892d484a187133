"""The whole guide as a booklet (/haefte/): every text of the guide's data once, in both languages, linked
from every page, and a link to its PDF only where the PDF exists (`make pdf`), with the PDF's real figures."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from markdown.extensions.toc import slugify_unicode

from tests.conftest import LANGS, lang_root, page_paths
from tests.site.booklet import CONTENT, advice_items, booklet_texts, page_file, pdf_file, pdf_info, squeezed, visible
from tests.site.conftest import parse


def article(lang: str) -> str:
    """The booklet's own content: the page between Material's header and footer."""
    html = page_file(lang).read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def headings(html: str) -> list[tuple[int, str, str]]:
    """(level, id, text) of every heading with an id, in order."""
    return [
        (int(level), anchor, re.sub(r"<[^>]+>", "", text).strip())
        for level, anchor, text in re.findall(r'<h([1-6])[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', html, re.S)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_booklet_holds_every_text_of_the_guides_data(site, lang):
    page = squeezed(parse(page_file(lang)).text)
    missing = [where for where, text in booklet_texts(lang) if squeezed(visible(text)) not in page]
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_piece_of_advice_and_each_question_is_in_the_booklet_exactly_once(site, lang):
    page = squeezed(parse(page_file(lang)).text)
    counts = {item_id: page.count(squeezed(visible(text))) for item_id, text in advice_items(lang)}
    assert counts and {item_id: n for item_id, n in counts.items() if n != 1} == {}


def test_the_english_booklet_has_every_section_of_the_danish_one(site):
    """The same headings at the same levels with the same anchors, but for anchors made from the words."""
    danish, english = (headings(article(lang)) for lang in LANGS)
    assert len(danish) > 10 and [h[0] for h in english] == [h[0] for h in danish]
    for (_, da_id, da_text), (_, en_id, en_text) in zip(danish, english, strict=True):
        translated = da_id == slugify_unicode(da_text, "-") and en_id == slugify_unicode(en_text, "-")
        assert en_id == da_id or translated, (da_id, en_id)
    assert [h[2] for h in english] != [h[2] for h in danish]  # …in English


@pytest.mark.parametrize("lang", LANGS)
def test_the_contents_list_leads_to_every_main_section_in_order(site, lang):
    html = article(lang)
    contents = html[html.index('class="ip-booklet-contents"') : html.index("</nav>")]
    sections = [anchor for level, anchor, _ in headings(html[html.index("</nav>") :]) if level == 2]
    assert len(sections) > 1 and re.findall(r'href="#([^"]+)"', contents) == sections


@pytest.mark.parametrize("lang", LANGS)
def test_no_id_is_used_twice_on_the_booklet(site, lang):
    ids = re.findall(r'\bid="([^"]+)"', page_file(lang).read_text(encoding="utf-8"))
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


@pytest.mark.parametrize("lang", LANGS)
def test_links_to_pages_shown_in_the_booklet_stay_in_the_booklet(site, lang):
    """The front page's role cards and the journey's links to before/during/after lead to their sections."""
    html = article(lang)
    anchors = {anchor for _, anchor, _ in headings(html)}
    for role in CONTENT["roles"]["roles"]:
        card = re.search(rf'id="rolle-{role["id"]}".*?href="([^"]+)"', html, re.S).group(1)
        assert card.startswith("#") and card[1:] in anchors or card == f"../{role['page']}/", card
    for phase in CONTENT["advice"]["phases"]:
        assert f'href="#{phase["id"]}-praktikken"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_the_booklet_in_its_footer_and_the_front_page_in_its_content(site, lang):
    for path in page_paths(lang):
        html = (lang_root(lang) / path / "index.html").read_text(encoding="utf-8")
        footer = html[html.index('<footer class="md-footer">') :]
        targets = {urljoin(f"/{path}", href) for href in re.findall(r'href="([^"]+)"', footer)}
        assert "/haefte/" in targets, path or "/"
    front = (lang_root(lang) / "index.html").read_text(encoding="utf-8")
    assert 'href="haefte/"' in front[front.index("<article") : front.index("</article>")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_booklet_is_not_in_search_results(site, lang):
    """It repeats every page: a search should lead to the page itself."""
    index = json.loads((lang_root(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and not [d["location"] for d in index["docs"] if d["location"].startswith("haefte/")]


def test_no_page_links_to_a_pdf_that_is_not_there(site):
    links = 0
    for html_file in Path(site).rglob("*.html"):
        for href in re.findall(r'href="([^"#?]+\.pdf)"', html_file.read_text(encoding="utf-8")):
            links += 1
            assert (html_file.parent / href).resolve().is_file(), f"{html_file}: {href}"
    assert links >= len(LANGS), "the booklets link their PDFs (after `make pdf`)"


@pytest.mark.parametrize("lang", LANGS)
def test_the_booklet_offers_its_pdf_with_the_pdfs_real_pages_and_size(site, lang):
    pdf = pdf_file(lang)
    expected = (
        CONTENT["booklet"]["pdf_link"][lang]
        .replace("{pages}", pdf_info(pdf)["Pages"])
        .replace("{size}", str(round(pdf.stat().st_size / 1024)))
    )
    link = re.search(r'<a class="ip-booklet-pdf__link" href="([^"]+)"[^>]*>([^<]+)</a>', article(lang))
    assert link and link.group(2) == expected
    assert (page_file(lang).parent / link.group(1)).resolve() == pdf.resolve()
