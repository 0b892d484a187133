"""How much of the printed booklet the Danish site still says: a report for editors, never a gate.

    make fidelity        # after `make build`

The booklet (tests/fixtures/booklet.da.txt, a copy of the text the site replaced) is compared with the text of
the built pages, loosely: the site corrects the booklet's typos, writes 2–5 for 2-5, puts a heading before a
list's items and a link where the booklet said "page 10-21". A booklet paragraph counts as present when most of
its words, or nearly all of its letters, stand in one stretch of a page's text.

It prints the coverage, each booklet paragraph no longer on a Danish page, and each booklet sentence found on
an English page (an untranslated text). Editors may rewrite the guide, so nothing here fails a build: the
report tells a reviewer what moved away from the booklet, and the reviewer decides whether that was meant.
"""

from __future__ import annotations

import argparse
import difflib
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

BOOKLET = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "booklet.da.txt"
MIN_WORDS = 6  # shorter lines are headings and labels ("Gode råd", "PRAKTIKANT")
PRESENT = 0.85  # share of a paragraph's words (or letters) that must stand together on a page
# The printed booklet described its photo; the site has no photo, so there is nothing to compare.
IMAGE_DESCRIPTION = "A woman with blonde hair"
BOOKLET_PAGE = "haefte"  # the whole guide as one page (issue 13)


def words(text: str) -> list[str]:
    """Lowercase words without punctuation, quotes, dashes or Markdown (**bold**)."""
    return re.findall(r"\w+", text.lower())


def booklet_paragraphs(booklet: Path = BOOKLET) -> list[str]:
    """Each paragraph or list item of the booklet with six words or more, in the booklet's order."""
    paragraphs = []
    for line in booklet.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"^\s*(-|\d+\.)\s+", "", line).strip()
        if line.startswith(IMAGE_DESCRIPTION):
            continue
        if len(words(line)) >= MIN_WORDS:
            paragraphs.append(line)
    return paragraphs


def booklet_sentences(booklet: Path = BOOKLET) -> list[str]:
    """The booklet's sentences of six words or more: what should not stand on an English page."""
    sentences = []
    for paragraph in booklet_paragraphs(booklet):
        sentences += [s for s in re.split(r"(?<=[.!?:])\s+", paragraph) if len(words(s)) >= MIN_WORDS]
    return sentences


class _VisibleText(HTMLParser):
    """The text a visitor reads: everything outside <script> and <style>."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def page_texts(root: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """The visible text of every page (index.html) below root, leaving out the folders in `skip`."""
    texts = []
    for html in sorted(root.rglob("index.html")):
        relative = html.relative_to(root).as_posix()
        if relative.startswith(("assets/", "search/") + skip):
            continue
        parser = _VisibleText()
        parser.feed(html.read_text(encoding="utf-8"))
        texts.append(" ".join(parser.parts))
    return texts


class Pages:
    """The words of a set of pages, searchable for a stretch like a paragraph."""

    def __init__(self, texts: list[str]):
        self.stream: list[str] = []
        for text in texts:
            self.stream += words(text) + ["¶"] * 50  # a page break no paragraph can match across
        self.positions: dict[str, list[int]] = {}
        for index, word in enumerate(self.stream):
            self.positions.setdefault(word, []).append(index)

    def score(self, paragraph: str) -> float:
        """How much of the paragraph stands in its best-matching stretch of page text (0 to 1).

        The stretches worth comparing are found by where the paragraph's words line up; each is then
        scored by the share of the paragraph's words found in it, in order, or by the likeness of
        its letters, whichever is higher (so a corrected typo still counts).
        """
        target = words(paragraph)
        size = len(target)
        votes = Counter(start - offset for offset, word in enumerate(target) for start in self.positions.get(word, ()))
        best = 0.0
        for start, _ in votes.most_common(5):
            for shift in range(-3, 4):
                window = self.stream[max(0, start + shift) : max(0, start + shift) + size + 8]
                matcher = difflib.SequenceMatcher(None, target, window, autojunk=False)
                found = sum(block.size for block in matcher.get_matching_blocks()) / size
                letters = difflib.SequenceMatcher(
                    None, " ".join(target), " ".join(window[:size]), autojunk=False
                ).ratio()
                best = max(best, found, letters)
        return best


def report(site: Path, booklet: Path = BOOKLET) -> str:
    """The whole report as text: coverage, what is no longer on the Danish site, Danish on English pages."""
    danish = Pages(page_texts(site, skip=("en/",)))
    english = Pages(page_texts(site / "en"))
    paragraphs = booklet_paragraphs(booklet)
    missing = [(score, p) for p in paragraphs if (score := danish.score(p)) < PRESENT]
    untranslated = [s for s in booklet_sentences(booklet) if english.score(s) >= PRESENT]
    covered = len(paragraphs) - len(missing)
    lines = [
        f"Booklet coverage: {covered}/{len(paragraphs)} paragraphs "
        f"({100 * covered / max(len(paragraphs), 1):.1f} %) found on the Danish pages."
    ]
    whole_guide = site / BOOKLET_PAGE / "index.html"
    if whole_guide.is_file():  # the whole guide on one page (/haefte/) should hold all of it by itself
        on_page = Pages(page_texts(whole_guide.parent))
        found = sum(on_page.score(p) >= PRESENT for p in paragraphs)
        lines.append(
            f"On /{BOOKLET_PAGE}/ alone: {found}/{len(paragraphs)} paragraphs "
            f"({100 * found / max(len(paragraphs), 1):.1f} %)."
        )
    if missing:
        lines.append("Booklet paragraphs no longer on any Danish page (score, paragraph):")
        lines += [f"  {score:.2f}: {text}" for score, text in missing]
    lines.append(f"Danish booklet sentences on English pages: {len(untranslated)}.")
    lines += [f"  {sentence}" for sentence in untranslated]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site", help="the built site (default: site)")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site}/ is not built: run `make build` first")
        return 1
    print(report(site))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
