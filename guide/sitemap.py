"""The sitemap's hreflang pairs, for an engine whose theme cannot write them (Zensical's: its templates get
the pages without their twin's address). overrides/sitemap.xml writes the same for Material; the parity
test (tests/site/test_zensical_parity.py) compares the two.

Each page is listed with itself, its twin in the other language and x-default (Danish): search engines take
these as equal to <link rel="alternate"> in the head, which we avoid (see overrides/partials/alternate.html).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")
DEFAULT_LANG = "da"


def with_alternates(sitemap_xml: str, lang: str, site_url: str, twin_lang: str, twin_site_url: str) -> str:
    """The sitemap of one language's build with each page's alternates, in the order the engine listed them."""
    urls = []
    for loc in LOC.findall(sitemap_xml):
        if not loc.startswith(site_url):
            raise ValueError(f"the sitemap lists {loc}, which is not below the site's address {site_url}")
        path = loc[len(site_url) :]
        pair = {lang: loc, twin_lang: twin_site_url + path}
        links = "".join(
            f'\n    <xhtml:link rel="alternate" hreflang="{code}" href="{escape(pair[key])}"/>'
            for code, key in (("da", "da"), ("en", "en"), ("x-default", DEFAULT_LANG))
        )
        urls.append(f"\n  <url>\n    <loc>{escape(loc)}</loc>{links}\n  </url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        + "".join(urls)
        + "\n</urlset>\n"
    )
