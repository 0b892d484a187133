"""Which language a build speaks, and how a text pair becomes one text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin

LANGUAGES = ("da", "en")  # Danish first: the default build, x-default in the sitemaps


def build_language(config: Mapping[str, Any]) -> str:
    """The language of this build, from its config (theme.language), never from a page's file."""
    lang = config["theme"]["language"]
    if lang not in LANGUAGES:
        raise ValueError(f"theme.language is '{lang}'; this site is built in {', '.join(LANGUAGES)}")
    return lang


def twin_site_url(config: Mapping[str, Any]) -> str:
    """Where the other language's build lives, from ours and `extra.twin.root`: the domain is set once."""
    return urljoin(config["site_url"], config["extra"]["twin"]["root"])


def translator(lang: str):
    """A function that picks this language's side of a {da: …, en: …} pair."""

    def t(text: Mapping[str, str]) -> str:
        return text[lang]

    return t
