"""The booklet's template as a build renders it: no link to a PDF, only the place where `make pdf` puts it."""

from __future__ import annotations

import re

from guide.rendering import Renderer
from tests.render.conftest import language

COVER = {"site_name": "Innovationspraktik", "address": "https://example.org/haefte/", "updated": "1. januar 2027"}


def test_a_build_writes_no_link_to_a_pdf_only_the_marker(renderer: Renderer):
    markdown = renderer.render("booklet", "haefte.md", COVER)
    assert not re.search(r"\.pdf\b", markdown)
    marker = renderer.render("partials/booklet_pdf", "haefte.md", {}).strip()
    assert marker.startswith("<!--") and markdown.count(marker) == 1


def test_with_the_pdfs_figures_the_link_says_its_pages_and_size(renderer: Renderer, content):
    link = renderer.render("partials/booklet_pdf", "haefte.md", {"pdf": {"pages": 23, "size": 456}})
    text = content["booklet"]["pdf_link"][language(renderer)]
    assert text.replace("{pages}", "23").replace("{size}", "456") in link
    assert 'href="../innovationspraktik.pdf"' in link


def test_the_cover_says_who_publishes_the_booklet_where_it_lives_and_its_date(renderer: Renderer, content):
    markdown = renderer.render("booklet", "haefte.md", COVER)
    cover = markdown[: markdown.index('class="ip-booklet-contents"')]
    assert f"# {content['site']['pages']['haefte']['title'][language(renderer)]}" in cover
    assert content["booklet"]["publisher"][language(renderer)] in cover
    assert COVER["address"] in cover and COVER["updated"] in cover
