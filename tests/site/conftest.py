"""The built HTML, parsed just enough to ask what a visitor's browser would see."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]


@dataclass
class ParsedPage:
    elements: list[Element] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str, **attrs) -> list[Element]:
        return [
            e for e in self.elements if e.tag == tag and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def first(self, tag: str, **attrs) -> Element:
        found = self.find(tag, **attrs)
        assert found, f"no <{tag} {attrs}> on the page"
        return found[0]


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.page = ParsedPage()
        self._texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.page.elements.append(Element(tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self._texts.append(data)


def parse(path: Path) -> ParsedPage:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.page.text = " ".join(" ".join(parser._texts).split())
    return parser.page
