"""A text's link to a page of this site (`/rejsetyper.md#turist`, guide/link_safety.py) becomes that page's URL
as seen from whichever page shows the text, also when a template writes it as HTML through `md`."""

from __future__ import annotations

import pytest

from guide.rendering import Renderer
from tests.conftest import ROOT


@pytest.fixture
def text_renderer(tmp_path, content) -> Renderer:
    """A renderer whose one template shows a text through `md`, as the checklists and taglines do."""
    (tmp_path / "text.jinja").write_text("{{ params.text | md }}", encoding="utf-8")
    return Renderer(tmp_path, ROOT / "docs", content, "da")


@pytest.mark.parametrize(
    "page, expected",
    [
        ("index.md", "rejsetyper/#turist"),
        ("bliv-praktikant.md", "../rejsetyper/#turist"),
        ("tjeklister/praktikant.md", "../../rejsetyper/#turist"),
        ("bliv-praktikant.md", "../rejsetyper/#turist"),  # again, after a deeper page: no stale cached HTML
    ],
)
def test_a_site_link_in_a_text_is_relative_to_the_page_showing_it(text_renderer, page, expected):
    html = text_renderer.render("text", page, {"text": "Se [turisten](/rejsetyper.md#turist)."})
    assert html == f'Se <a href="{expected}">turisten</a>.'


def test_other_links_are_left_as_written(text_renderer):
    html = text_renderer.render(
        "text", "bliv-praktikant.md", {"text": "[a](https://coi.dk/) [b](mailto:coi@coi.dk) [c](#turist)"}
    )
    assert html == '<a href="https://coi.dk/">a</a> <a href="mailto:coi@coi.dk">b</a> <a href="#turist">c</a>'
