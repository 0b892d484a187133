"""Per-page texts (title, meta description) from data/site.yml, keyed by the page's source path."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .i18n import translator


class PageTexts:
    def __init__(self, site: Mapping[str, Any], lang: str):
        t = translator(lang)
        self.site_description = t(site["description"])
        # `sources` (the data files the page shows) give its "Last updated" date: guide/page_history.py.
        self._pages = {
            key: {"title": t(page["title"]), "description": t(page["description"]), "sources": tuple(page["sources"])}
            for key, page in site["pages"].items()
        }

    @property
    def titles(self) -> Mapping[str, str]:
        """Every page's title by its key ('haefte'), for the theme's links to a page (the footer's)."""
        return {key: page["title"] for key, page in self._pages.items()}

    def for_source(self, src_uri: str) -> Mapping[str, Any]:
        """The title, description and sources of the page docs/SRC_URI; ValueError when it has no entry."""
        key = src_uri.removesuffix(".md")
        if key not in self._pages:
            raise ValueError(
                f"data/site.yml: pages: there is no entry '{key}' for docs/{src_uri}; add its title and description"
            )
        return self._pages[key]
