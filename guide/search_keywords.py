"""Each page's search keywords (data/search.yml) in the build's language, for that language's index only.

Material's search plugin indexes a page's `tags` (from its meta) with every section of the page, in a field
of its own that ranks above titles; the theme shows them nowhere without its tags plugin, and the search
results hide them (site.css). So keywords make a page findable by words its text does not use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class SearchKeywords:
    def __init__(self, search: Mapping[str, Any], lang: str):
        self._pages = {key: [str(word) for word in words[lang]] for key, words in search["keywords"].items()}

    def for_source(self, src_uri: str) -> list[str]:
        """The keywords of the page docs/SRC_URI in this language (none: an empty list)."""
        return self._pages.get(src_uri.removesuffix(".md"), [])
