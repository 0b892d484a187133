"""The built site carries, per language, the offline worker with every page of its sitemap and a manifest that
every page links (issue 24)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import LANGS, lang_root, page_paths

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def kept(lang: str) -> dict[str, str]:
    worker = (lang_root(lang) / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^const FILES = (\{.*\});$", worker, re.MULTILINE)[1])


@pytest.mark.parametrize("lang", LANGS)
def test_the_worker_keeps_every_page_of_the_sitemap_and_every_file_a_page_loads(site, lang):
    root = lang_root(lang)
    files = kept(lang)
    base = urlsplit(next(ET.parse(root / "sitemap.xml").iter(SITEMAP)).text).path
    for loc in ET.parse(root / "sitemap.xml").iter(SITEMAP):
        address = urlsplit(loc.text).path.removeprefix(base) or "./"
        assert address in files, f"{address} is in the sitemap but not kept for offline use"
    assert "search/search_index.json" in files and "manifest.webmanifest" in files
    # What a page loads (scripts, styles, icons, the manifest; the pages it links are kept above).
    for path in page_paths(lang):
        html = (root / path / "index.html").read_text(encoding="utf-8")
        for reference in re.findall(r'<(?:script|img|link)\b[^>]*?(?:src|href)="([^"#]+)"', html):
            url = urlsplit(urljoin("https://site/" + path, reference))
            if url.netloc != "site":
                continue  # the canonical address, a link to the published site
            address = url.path.lstrip("/") or "./"
            assert address in files or address in {key.split("?")[0] for key in files}, (
                f"/{path} loads {reference}, which is not kept for offline use"
            )
    assert not [address for address in files if address.startswith("en/")], "Danish keeps the English build"
    assert not [address for address in files if address.endswith((".map", ".pdf"))]


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_its_languages_manifest_and_starts_the_worker(site, lang):
    root = lang_root(lang)
    manifest = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"].startswith(lang) and manifest["start_url"] == "./"
    for path in page_paths(lang):
        html = (root / path / "index.html").read_text(encoding="utf-8")
        prefix = "../" * path.count("/")
        assert f'<link rel="manifest" href="{prefix}manifest.webmanifest">' in html, path
        assert f'<script src="{prefix}assets/javascripts/offline.js"></script>' in html, path
