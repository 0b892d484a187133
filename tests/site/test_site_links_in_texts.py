"""A text may link to a page of this site by its file, `/rejsetyper.md#turist`; built, the link reaches that
page and id from every page that shows the text, in both languages: from page Markdown (resolved by MkDocs)
and from HTML a template writes through `md` (resolved by guide/rendering.py), one and two folders deep."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.projects import build, edit_yaml, project_copy
from tests.site.test_content_security import read, unresolved_links


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    """A copy whose first travel-type intro paragraph (page Markdown) and first piece of advice (`md`, on its
    phase page, role page and checklist) link to the travel types page, at its first type's id."""
    project = project_copy(tmp_path_factory.mktemp("site-links"))
    target = {}

    def link_from_intro(data):
        target["id"] = data["types"][0]["id"]
        for lang in ("da", "en"):
            data["intro"][0][lang] += f" [→](/rejsetyper.md#{target['id']})"

    def link_from_advice(data):
        item = data["phases"][0]["advice"][0]["items"][0]
        target["advice"] = item["text"]["da"]
        for lang in ("da", "en"):
            item["text"][lang] += f" [→](/rejsetyper.md#{target['id']})"

    edit_yaml(project / "data" / "travel_types.yml", link_from_intro)
    edit_yaml(project / "data" / "advice.yml", link_from_advice)
    problems = build(project)
    assert problems == [], "the copy with site links did not build:\n" + "\n".join(problems)
    return {"site": project / "site", **target}


def test_every_text_link_to_a_page_reaches_it_from_every_page_showing_it(built):
    site = built["site"]
    linking = []
    for html in sorted(site.rglob("index.html")):
        url = ("/" + html.parent.relative_to(site).as_posix() + "/").replace("/./", "/")
        page = read(html.read_text(encoding="utf-8"), url)
        travel_types = "/en/rejsetyper/" if url.startswith("/en/") else "/rejsetyper/"
        if any(
            urljoin(url, attrs.get("href", "")) == f"{travel_types}#{built['id']}"
            for tag, attrs in page.elements
            if tag == "a"
        ):
            linking.append(url)
        assert unresolved_links(page, site, lambda file: read(file.read_text(encoding="utf-8"), "").ids()) == []
    assert {"/rejsetyper/", "/en/rejsetyper/"} <= set(linking), linking  # from page Markdown
    through_md = {url.removeprefix("/en") for url in linking} - {"/rejsetyper/"}
    assert {url.count("/") - 1 for url in through_md} == {1, 2}, linking  # one and two folders deep
