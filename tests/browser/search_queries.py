"""The query set (search_queries.yml) typed into the real search box: which queries find their page.

Shared by the browser test (test_search_queries.py) and `make bench` (tools/bench/search_quality.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.browser.visitor import page_key, retype, search_box, watch_search

QUERIES = Path(__file__).with_name("search_queries.yml")
TOP = 3  # the expected page must be among the first three results
PASS_SCORE = 0.95  # share of the queries that must find their page, per language


def query_set() -> dict[str, dict[str, list[str]]]:
    """{lang: {query: [pages that answer it]}}, each page as its source path without .md."""
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return {
        lang: {
            str(query): [expected] if isinstance(expected, str) else list(expected)
            for query, expected in queries.items()
        }
        for lang, queries in data.items()
    }


@dataclass
class Score:
    lang: str
    found: int = 0
    first: int = 0  # of those found, how many as the first result
    misses: list[str] = field(default_factory=list)  # "query -> expected; got …"
    other_language: list[str] = field(default_factory=list)  # results that left the language searched

    @property
    def total(self) -> int:
        return self.found + len(self.misses)

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 0.0


def score(page, base_url: str, lang: str, queries: dict[str, list[str]]) -> Score:
    """Type every query into the search box of the language's front page; count those that find their page."""
    watch_search(page)
    page.goto(base_url + ("/en/" if lang == "en" else "/"))
    box = search_box(page, lang)
    result = Score(lang)
    for query, expected in queries.items():
        pages = retype(page, box, query)
        hrefs = [p["href"] for p in pages] + [s["href"] for p in pages for s in p["sections"]]
        result.other_language += [href for href in hrefs if ("/en/" in href) != (lang == "en")]
        top = [page_key(p["href"], lang) for p in pages[:TOP]]
        if set(top) & set(expected):
            result.found += 1
            result.first += top[0] in expected
        else:
            result.misses.append(f"{query!r} -> {' or '.join(expected)}; first {TOP}: {', '.join(top) or 'nothing'}")
    return result
