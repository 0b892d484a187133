"""Every page rendered as the build will render it, without building: what `make check` adds to validation.

The schemas check each reference a text makes; only rendering shows what the templates make of the whole:
an id a template looks up, a page stub's parameters, and which ids each page shows (the anchors a text's
`/page.md#id` link may name). A page that fails here would fail the build, so it is a problem here, on the
template line, with the page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined

from .i18n import LANGUAGES
from .problems import Problem
from .rendering import Renderer, RenderError

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# The ids a page shows: a heading's `{ #turist }` and an element's id="turist".
ANCHOR = re.compile(r"\{\s*#([\w-]+)[\s}]|\bid=\"([^\"]+)\"")


def render_every_page(
    root: Path, content: Mapping[str, Any], former_ids: Mapping[str, list[str]]
) -> tuple[dict[str, frozenset[str]], list[Problem]]:
    """(the ids each page shows, by its file in docs/ from the top: '/rejsetyper.md'; a problem per page that
    fails, in any language). A page's anchors are those it shows in every language."""
    docs = root / "docs"
    stubs = {
        "/" + path.relative_to(docs).as_posix(): FRONT_MATTER.sub("", path.read_text(encoding="utf-8"))
        for path in sorted(docs.rglob("*.md"))
    }
    anchors: dict[str, frozenset[str]] = {}
    problems: list[Problem] = []
    for lang in LANGUAGES:
        renderer = Renderer(root / "templates", docs, content, lang, former_ids)
        for page, stub in stubs.items():
            try:
                markdown = _render_stub(renderer, page.lstrip("/"), stub)
            except RenderError as error:
                problems.append(
                    Problem(
                        error.template or f"docs{page}",
                        error.line or 1,
                        f"docs{page} ({lang})",
                        f"{error.reason}; a template failed on this page",
                    )
                )
                continue
            shown = frozenset(one or other for one, other in ANCHOR.findall(markdown))
            anchors[page] = anchors.get(page, shown) & shown
    return anchors, list(dict.fromkeys(problems))


def _render_stub(renderer: Renderer, page_src: str, stub: str) -> str:
    """The page's Markdown: its stub's `{{ render(…) }}` calls, as the macros plugin runs them."""
    environment = Environment(undefined=StrictUndefined)
    environment.globals["render"] = lambda template, **params: renderer.render(template, page_src, params)
    # What the engine offers a stub (the booklet's stub passes the site's name and the page's address on):
    # values only the engine knows, never data, so a stand-in is enough to render the rest.
    environment.globals.update(config=_EngineValue(), page=_EngineValue())
    try:
        return environment.from_string(stub).render()
    except RenderError:
        raise
    except Exception as error:  # the stub itself: an unknown name, a broken call
        raise RenderError("", 0, page_src, f"the page stub docs/{page_src}: {error}") from error


class _EngineValue(str):
    """Any attribute of the engine's `config` or `page`: an empty text, whose attributes are the same."""

    def __getattr__(self, name: str) -> _EngineValue:
        return _EngineValue()
