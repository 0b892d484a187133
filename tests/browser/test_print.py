"""Every page on paper: A4 with who sent it (COI), the page's address and the date, the text alone
(no menu, search, footer or edit link), headings kept with their text, and the intern's page short."""

from __future__ import annotations

import pytest

from guide.content import load_content
from tests.conftest import LANGS, ROOT, page_paths
from tests.site.booklet import pdf_pages_text

CONTENT = load_content(ROOT)
PUBLISHER = CONTENT["site"]["publisher"]
FRAME = (
    ".md-header",
    ".md-banner",
    ".md-sidebar--primary",
    ".md-search",
    ".md-footer",
    ".md-tabs",
    ".ip-page-history__edit",
    ".ip-language",
)
MAX_PAGES = {"bliv-praktikant/": 4}  # the intern's page, on A4


def prefix(lang: str) -> str:
    return "/" if lang == "da" else "/en/"


@pytest.fixture(scope="module")
def paper(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_prints_with_sender_address_and_date_and_without_the_screens_frame(site, base_url, paper, lang):
    problems = []
    for path in page_paths(lang):
        paper.emulate_media(media="screen")
        paper.goto(base_url + prefix(lang) + path)
        paper.emulate_media(media="print")
        for frame in FRAME:
            if paper.locator(frame).first.is_visible():
                problems.append(f"{path}: {frame} shows on paper")
        trace = paper.locator(".ip-print-trace")
        text = trace.inner_text() if trace.is_visible() else ""
        if PUBLISHER["name"][lang] not in text or f"{prefix(lang)}{path}".rstrip("/") + "/" not in text.replace(
            " ", ""
        ):
            problems.append(f"{path}: no sender and address at the top: {text!r}")
        if "__" in text:
            problems.append(f"{path}: the date is not filled in")
        breaks = paper.locator("article h2, article h3").evaluate_all(
            "hs => hs.filter(h => getComputedStyle(h).display !== 'none').map(h => getComputedStyle(h).breakAfter)"
        )
        if set(breaks) - {"avoid"}:
            problems.append(f"{path}: a heading may be left alone at the foot of a page")
    assert problems == [], "\n".join(problems)


# The headings with nothing of their own under them: no text before the next heading of the same or a
# higher level (a heading whose subsections hold the text is not empty).
EMPTY_HEADINGS = """() => {
  const article = document.querySelector("article");
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const seen = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const where = node.parentElement;
    if (!node.textContent.trim() || !where.checkVisibility() || where.closest(".md-source-file")) continue;
    const heading = where.closest("h1, h2, h3, h4, h5, h6");
    if (!heading) seen.push({ level: 0 });
    else if (!seen.length || seen[seen.length - 1].heading !== heading)
      seen.push({ heading, level: Number(heading.tagName[1]), text: heading.textContent.trim() });
  }
  return seen.filter((item, i) => {
    if (!item.level) return false;
    const next = seen.slice(i + 1).find((later) => !later.level || later.level <= item.level);
    return !next || next.level > 0;
  }).map((item) => item.text);
}"""


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_page_has_an_empty_heading_on_screen_or_on_paper(site, base_url, paper, lang, media):
    problems = []
    for path in page_paths(lang):
        paper.emulate_media(media="screen")
        paper.goto(base_url + prefix(lang) + path)
        paper.emulate_media(media=media)
        problems += [f"{path}: '{text}'" for text in paper.evaluate(EMPTY_HEADINGS)]
    assert problems == [], "headings with nothing under them:\n" + "\n".join(problems)


def test_the_empty_heading_check_finds_one(base_url, paper):
    paper.emulate_media(media="screen")
    paper.goto(base_url + "/det-med-smaat/")
    paper.evaluate("document.querySelector('article h2').after(document.createElement('h2'))")
    paper.evaluate("document.querySelectorAll('article h2')[1].textContent = 'Tom'")
    assert paper.evaluate(EMPTY_HEADINGS) != []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", list(MAX_PAGES))
def test_the_interns_page_prints_on_few_pages_and_no_page_holds_a_single_step(base_url, paper, lang, path, tmp_path):
    paper.emulate_media(media="screen")
    paper.goto(base_url + prefix(lang) + path)
    paper.emulate_media(media="print")
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(paper.pdf(format="A4"))
    pages = pdf_pages_text(pdf)
    assert len(pages) <= MAX_PAGES[path]
    steps = [step["name"][lang] for step in CONTENT["journey"]["steps"]]
    on_page = [sum(line.strip() in steps for line in text.splitlines()) for text in pages]
    assert sum(on_page) == len(steps), on_page  # the measure found every step
    assert 1 not in on_page, f"steps per printed page: {on_page}"
    # A step's number and its text are on the same page: no step is cut in two.
    steps_unbroken = paper.locator(".ip-journey__step").evaluate_all(
        "steps => steps.map(step => getComputedStyle(step).breakInside)"
    )
    assert steps_unbroken and set(steps_unbroken) == {"avoid"}
