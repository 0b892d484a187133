"""A renderer over the project's real data, one per language, as a build makes it."""

from __future__ import annotations

import pytest

from guide.content import load_content
from guide.rendering import Renderer
from tests.conftest import ROOT

# Each role's own page, by the role's id.
ROLE_PAGES = {
    "praktikant": "bliv-praktikant.md",
    "praktikvaert": "bliv-praktikvaert.md",
    "afgivende-arbejdsplads": "afgivende-arbejdsplads.md",
}


def language(renderer: Renderer) -> str:
    """The language a renderer renders in."""
    return renderer.env.globals["lang"]


def other(lang: str) -> str:
    """The language a page must not show: the other one."""
    return "en" if lang == "da" else "da"


@pytest.fixture(scope="session")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="session", params=["da", "en"])
def renderer(request, content) -> Renderer:
    return Renderer(ROOT / "templates", ROOT / "docs", content, request.param)
