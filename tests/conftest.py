"""What every layer of the suite shares: where the project and the built site are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site"))  # `make test SITE=…` builds and tests elsewhere
LANGS = ("da", "en")


def lang_root(lang: str) -> Path:
    """Where a language's build lives: Danish at site/, English at site/en/."""
    return SITE if lang == "da" else SITE / "en"


def page_paths(lang: str) -> list[str]:
    """Every built page of one language as its path below that language's root ('', 'rejsetyper/')."""
    root = lang_root(lang)
    paths = []
    for html in sorted(root.rglob("index.html")):
        relative = html.relative_to(root).parent.as_posix()
        if lang == "da" and (relative == "en" or relative.startswith("en/")):
            continue
        if relative.startswith(("assets", "search")):
            continue
        paths.append("" if relative == "." else relative + "/")
    return paths


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site; `make test` builds it first."""
    if not (SITE / "index.html").is_file() or not (SITE / "en" / "index.html").is_file():
        pytest.fail("site/ is not built: run `make test`, which builds it first, or `make build`")
    return SITE
