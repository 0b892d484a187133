"""Each language's 404 page lists every page of the menu, in order, with its title in that language."""

from __future__ import annotations

import yaml

from guide.navigation import menu_pages
from tests.conftest import LANGS, ROOT, lang_root


def test_the_404_page_links_every_menu_page_in_each_language(site):
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnot_in_nav:")[0])["nav"]
    pages = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))["pages"]
    for lang in LANGS:
        titles = {key: page["title"][lang] for key, page in pages.items()}
        html = (lang_root(lang) / "404.html").read_text(encoding="utf-8")
        links = [
            f'<a href="{"/" if lang == "da" else "/en/"}{page["url"]}">{page["title"]}</a>'
            for page in menu_pages(nav, titles)
        ]
        assert links and all(link in html for link in links), lang
        assert [html.index(link) for link in links] == sorted(html.index(link) for link in links), "menu order"
