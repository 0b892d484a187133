"""One language's build of the guide, with no engine in sight: what every engine adapter wires.

An adapter (adapters/mkdocs_macros.py for MkDocs with mkdocs-macros, adapters/zensical.py for Zensical) knows its
engine's objects; this module knows the guide: the content (loaded and validated once), the renderer, what
the theme reads from `config.extra` (THEME-CONTRACT.md) and what each page's meta gets before it renders.
It takes plain values (the project's root, the config as a mapping, a page's source path and meta dict) and
imports nothing from an engine (tests/site/test_zensical_parity.py checks).
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

from . import offline, sitemap
from .content import load_content
from .i18n import build_language, twin_site_url
from .navigation import menu_pages, translated_nav
from .page_history import PageHistory
from .pages import PageTexts
from .published_ids import former_ids
from .rendering import Renderer
from .search_keywords import SearchKeywords

# What the core puts into `config.extra` for the theme (overrides/ reads them; THEME-CONTRACT.md lists them).
# content_security_policy is a function, so it is the MkDocs adapter's alone (see adapters/mkdocs_macros.py).
THEME_EXTRA_KEYS = ("ui", "publisher", "contact", "page_titles", "menu_pages", "theme_colour")


class GuideBuild:
    """The guide in one language. Raises ContentError (every problem in data/) or ValueError (a config
    that does not fit the data) when it cannot be built."""

    def __init__(self, root: Path, config: Mapping[str, Any]):
        self.root = root
        self.lang = build_language(config)
        self.content = load_content(root)
        self.renderer = Renderer(
            root / "templates", root / config.get("docs_dir", "docs"), self.content, self.lang, former_ids(root)
        )
        self.texts = PageTexts(self.content["site"], self.lang)
        self.keywords = SearchKeywords(self.content["search"], self.lang)
        self.history = PageHistory(root, config["extra"]["repository"], self.lang)
        self._config = config

    def config_changes(self) -> dict[str, Any]:
        """What the config needs before the engine reads it: the nav in this language, the site's
        description, and the theme's `extra` texts and the twin build's address (the sitemap's pairs)."""
        return {
            "nav": translated_nav(self._config["nav"], self.content["site"]["nav_sections"], self.lang),
            "site_description": self.texts.site_description,
            "extra": {
                **self._theme_extra(),
                "twin": {**self._config["extra"]["twin"], "site_url": twin_site_url(self._config)},
            },
        }

    def _theme_extra(self) -> dict[str, Any]:
        """What the theme templates read from `config.extra` (THEME_EXTRA_KEYS): the site texts (the 404 page
        has no Markdown to render), the menu's pages for the 404 page's list, and the browser bar's colour."""
        globals_ = self.renderer.env.globals
        return {
            "ui": globals_["ui"],
            "publisher": globals_["publisher"],
            "contact": globals_["contact"],
            "page_titles": self.texts.titles,
            "menu_pages": menu_pages(self._config["nav"], self.texts.titles),
            "theme_colour": offline.primary_colour(self.root),
        }

    def prepare_page(self, src_uri: str, meta: MutableMapping[str, Any]) -> None:
        """Before a page renders: its title, description and sources (data/site.yml), its search keywords
        and its history, into its meta. ValueError for a page without its entry in data/site.yml."""
        meta.update(self.texts.for_source(src_uri))
        words = self.keywords.for_source(src_uri)
        if words:
            meta["tags"] = words
        meta["history"] = self.history.for_sources(meta["sources"])

    def sitemap_with_alternates(self, sitemap_xml: str) -> str:
        """An engine's sitemap of this language with each page's hreflang pairs (guide/sitemap.py)."""
        twin = self._config["extra"]["twin"]
        return sitemap.with_alternates(
            sitemap_xml, self.lang, self._config["site_url"], twin["lang"], twin_site_url(self._config)
        )

    def write_offline_files(self, site_dir: Path) -> None:
        """After the engine has written every file (the search index too): the offline copy's worker and the
        web app manifest (guide/offline.py)."""
        offline.write_offline_files(
            self.root,
            site_dir,
            lang=self.lang,
            twin_root=self._config["extra"]["twin"]["root"],
            app=self.content["site"]["app"],
            description=self.texts.site_description,
        )

    def render(self, template: str, src_uri: str, params: Mapping[str, Any]) -> str:
        """The Markdown of templates/TEMPLATE.jinja for the page docs/SRC_URI (RenderError when it fails)."""
        return self.renderer.render(template, src_uri, params)
