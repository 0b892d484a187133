"""What the booklet (/haefte/) must hold, taken from the data, and its built page and PDF per language."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest

from guide.content import load_content
from tests.conftest import ROOT, lang_root

CONTENT = load_content(ROOT)
# The data files whose every text the booklet shows: all of the guide, not the site's frame (site.yml).
DOMAINS = ("scheme", "roles", "journey", "fine_print", "travel_types", "advice", "spreading")
PDF_NAME = "innovationspraktik.pdf"


def page_file(lang: str) -> Path:
    return lang_root(lang) / "haefte" / "index.html"


def pdf_file(lang: str) -> Path:
    path = lang_root(lang) / PDF_NAME
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `make pdf` (`make test` runs it after the build)")
    return path


def texts(data: Any, lang: str, where: str = "") -> Iterator[tuple[str, str]]:
    """Every {da, en} text in `data` as (where it stands, the text in `lang`)."""
    if isinstance(data, dict) or hasattr(data, "keys"):
        if set(data.keys()) == {"da", "en"}:
            yield where, data[lang]
            return
        for key, value in data.items():
            yield from texts(value, lang, f"{where}.{key}".lstrip("."))
    elif isinstance(data, (list, tuple)):
        for index, item in enumerate(data):
            yield from texts(item, lang, f"{where}[{index}]")


# Texts of those files that the web pages show and the booklet does not: the small print's summary for
# the pages where people decide (the booklet holds the small print itself).
# Texts of the web's own tools, never printed in the booklet: the costs at a glance (the booklet has the full
# sections), and the fourth travel type's short name, which the programme planner and the agreement use.
WEB_ONLY = ("fine_print.at_a_glance", "travel_types.other.name")


def booklet_texts(lang: str) -> list[tuple[str, str]]:
    return [
        (f"{domain}.{where}", text)
        for domain in DOMAINS
        for where, text in texts(CONTENT[domain], lang)
        if not f"{domain}.{where}".startswith(WEB_ONLY)
    ]


def screen_only_texts(lang: str) -> set[str]:
    """The words of the booklet page's buttons (a.md-button): they act on screen and stay off paper."""
    html = page_file(lang).read_text(encoding="utf-8")
    html = html[html.index("<article") : html.index("</article>")]
    found = re.findall(r'<a [^>]*class="[^"]*\bmd-button\b[^"]*"[^>]*>(.*?)</a>', html, re.S)
    return {" ".join(re.sub(r"<[^>]+>", "", text).split()) for text in found}


def advice_items(lang: str) -> list[tuple[str, str]]:
    """Every piece of advice and every question of every phase, as (id, text)."""
    return [
        (item["id"], item["text"][lang])
        for phase in CONTENT["advice"]["phases"]
        for kind in ("advice", "questions")
        for group in phase[kind]
        for item in group["items"]
    ]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def visible(markdown_text: str) -> str:
    """An inline Markdown text as a reader sees it: the words, without the link targets or markup."""
    parser = _Text()
    parser.feed(markdown.markdown(markdown_text))
    return "".join(parser.parts)


def squeezed(text: str) -> str:
    """Text to compare across HTML and PDF: without whitespace (line breaks, joins) and case (print's caps)."""
    return re.sub(r"\s+", "", text).casefold()


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields (Title, Pages, Tagged, …)."""
    fields = (line.split(":", 1) for line in run("pdfinfo", str(path)).splitlines() if ":" in line)
    return {key: value.strip() for key, value in fields}


def pdf_pages_text(path: Path) -> list[str]:
    """The text of each page in the order Chromium drew it (pdftotext -raw: a card's lines stay together
    where reading order would interleave cards side by side), without its page number ("3 / 20", drawn first)."""
    pages = run("pdftotext", "-raw", "-enc", "UTF-8", str(path), "-").split("\f")
    pages = pages[:-1] if pages and not pages[-1].strip() else pages
    return [re.sub(r"(?m)^\d+ / \d+$", "", page).strip() for page in pages]
