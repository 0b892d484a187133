"""Two builds from one source: the same pages in both languages, each saying which it is."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import LANGS, lang_root, page_paths
from tests.site.conftest import parse

SITE_URL = "https://innovationspraktik.coi.dk/"
XHTML = "{http://www.w3.org/1999/xhtml}link"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_every_page_has_a_twin_in_the_other_language(site):
    assert page_paths("da") == page_paths("en")
    assert len(page_paths("da")) >= 2


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_says_its_language(site, lang):
    for path in page_paths(lang) + ["404.html"]:
        html = lang_root(lang) / (path if path.endswith(".html") else path + "index.html")
        assert parse(html).first("html").attrs["lang"] == lang, path


@pytest.mark.parametrize("lang", LANGS)
def test_the_switcher_links_to_the_same_page_in_the_other_language(site, lang):
    label = {"da": "English", "en": "Dansk"}[lang]
    twin = {"da": "en", "en": "da"}[lang]
    for path in page_paths(lang):
        page = parse(lang_root(lang) / path / "index.html")
        link = page.first("a", class_="ip-language__link")
        assert link.attrs["hreflang"] == twin and link.attrs["lang"] == twin
        target = posixpath.normpath(posixpath.join("/" + ("en/" if lang == "en" else "") + path, link.attrs["href"]))
        expected = "/" + ("en/" if twin == "en" else "") + path
        assert target.rstrip("/") == expected.rstrip("/"), path
        assert label in page.text


@pytest.mark.parametrize("lang", LANGS)
def test_sitemap_pairs_every_page_with_its_twin(site, lang):
    urls = ET.parse(lang_root(lang) / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    assert len(urls) == len(page_paths(lang))
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(XHTML)}
        assert set(alternates) == {"da", "en", "x-default"}
        assert alternates["x-default"] == alternates["da"]
        assert url.find(f"{SITEMAP}loc").text == alternates[lang]
        for href in (alternates["da"], alternates["en"]):
            assert href.startswith(SITE_URL)
            assert (site / href.removeprefix(SITE_URL) / "index.html").is_file(), href


@pytest.mark.parametrize("lang", LANGS)
def test_no_alternate_links_in_the_head(site, lang):
    """Material would fetch a sitemap.xml beside each one: 404s on every page (stack notes)."""
    for path in page_paths(lang):
        assert not parse(lang_root(lang) / path / "index.html").find("link", rel="alternate"), path


@pytest.mark.parametrize("lang, heading", [("da", "Siden findes ikke"), ("en", "Page not found")])
def test_each_language_has_its_own_404_page(site, lang, heading):
    page = parse(lang_root(lang) / "404.html")
    assert heading in page.text
    other = "Page not found" if lang == "da" else "Siden findes ikke"
    assert other not in page.text
