"""The 404 page's list of the guide's pages is plain data from the core (config.extra.menu_pages), so both
engines' themes show the same list: every page of the menu in its order, with its title from data/site.yml."""

from __future__ import annotations

from guide.navigation import menu_pages

NAV = ["index.md", {"deltag": ["bliv-praktikant.md", "tjeklister/index.md"]}, "det-med-smaat.md"]
TITLES = {
    "index": "Forside",
    "bliv-praktikant": "Bliv praktikant",
    "tjeklister/index": "Tjeklister",
    "det-med-smaat": "Det med småt",
}


def test_the_menus_pages_in_order_groups_opened_out_without_the_front_page():
    assert menu_pages(NAV, TITLES) == [
        {"title": "Bliv praktikant", "url": "bliv-praktikant/"},
        {"title": "Tjeklister", "url": "tjeklister/"},
        {"title": "Det med småt", "url": "det-med-smaat/"},
    ]
