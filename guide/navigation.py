"""The menu's group names in the build's language.

mkdocs.yml has one nav for both builds, so a group there is named by a key (`deltag:`) and its name
in each language stands in data/site.yml (`nav_sections`). Plain data in, plain data out: no MkDocs here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .rendering import page_url


def translated_nav(nav: list, names: Mapping[str, Mapping[str, str]], lang: str) -> list:
    """The nav with each group's key replaced by its name in `lang`; an unknown key is an error."""

    def entry(item: Any) -> Any:
        if isinstance(item, dict) and len(item) == 1:
            ((key, children),) = item.items()
            if isinstance(children, list):
                if key not in names:
                    raise ValueError(
                        f"mkdocs.yml: nav: the group '{key}' has no name in data/site.yml "
                        f"nav_sections (it has: {', '.join(names)})"
                    )
                return {names[key][lang]: [entry(child) for child in children]}
        return item

    return [entry(item) for item in nav]


def menu_pages(nav: list, titles: Mapping[str, str]) -> list[dict[str, str]]:
    """The menu's pages in its order, its groups opened out, without the front page: each page's title
    (data/site.yml) and its URL from the site's root ('tjeklister/index.md' -> 'tjeklister/'). The 404
    page lists them; plain data, so every engine's theme reads it the same way."""

    def paths(item: Any) -> list[str]:
        if isinstance(item, str):
            return [item]
        if isinstance(item, dict):
            return [path for children in item.values() for child in children for path in paths(child)]
        return []

    pages = [path for item in nav for path in paths(item) if path != "index.md"]
    return [{"title": titles[path.removesuffix(".md")], "url": page_url(path)} for path in pages]
