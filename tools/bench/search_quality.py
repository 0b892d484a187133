"""Search quality: the browser test's query set (tests/browser/search_queries.yml) typed into each
language's search box, and each language's index size as a visitor downloads it (gzip).

The queries and their scoring are the test's own (tests/browser/search_queries.py), so the bench and
`make test` count the same thing. Run alone on a built site: `.venv/bin/python -m tools.bench.search_quality site`.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.search_queries import PASS_SCORE, TOP, Score, query_set, score
from tools.browser import launch, serve

from .tables import Budget, table

INDEX_BUDGET_KB = 20  # per language, gzip (issue 10)


def search_quality(site: Path) -> tuple[str, list[Budget]]:
    """The table to print and the budgets it checks: score and index size per language."""
    queries = query_set()
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        scores = {}
        for lang in queries:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            scores[lang] = score(context.new_page(), base, lang, queries[lang])
            context.close()
        browser.close()
    sizes = {lang: _index_gzip(site, lang) for lang in queries}
    rows = [
        [lang, s.total, s.found, f"{s.share:.0%}", s.first, f"{sizes[lang] / 1024:.1f}"] for lang, s in scores.items()
    ]
    misses = [f"- {lang}: {miss}" for lang, s in scores.items() for miss in s.misses]
    text = table(
        f"Search: the query set, expected page among the first {TOP} results",
        ["lang", "queries", "found", "score", "of them first", "index gzip KB"],
        rows,
        "Misses:\n" + "\n".join(misses) if misses else "Every query found its page.",
    )
    found = [
        Budget(f"search score ({lang})", f"{s.share:.0%}", f"≥ {PASS_SCORE:.0%}", s.share >= PASS_SCORE, _why(s))
        for lang, s in scores.items()
    ]
    found += [
        Budget(
            f"search index ({lang}, gzip)",
            f"{size / 1024:.1f} KB",
            f"≤ {INDEX_BUDGET_KB} KB",
            size <= INDEX_BUDGET_KB * 1024,
        )
        for lang, size in sizes.items()
    ]
    return text, found


def _index_gzip(site: Path, lang: str) -> int:
    index = (site if lang == "da" else site / lang) / "search" / "search_index.json"
    return len(gzip.compress(index.read_bytes(), compresslevel=6, mtime=0))


def _why(result: Score) -> str:
    return f"{len(result.misses)} misses, listed above the budgets" if result.misses else ""


if __name__ == "__main__":
    text, found = search_quality(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print(text)
    for budget in found:
        print(("met    " if budget.met else "MISSED ") + f"{budget.figure}: {budget.value} (budget {budget.limit})")
