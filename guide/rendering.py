"""Data to Markdown and HTML through the Jinja templates in templates/."""

from __future__ import annotations

import functools
import posixpath
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import markdown
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .i18n import translator


class Renderer:
    """One Jinja environment per build: templates compile once and every page reuses them.

    A template gets the whole content, `t` (a text pair to this language), `md` (inline Markdown
    to HTML, for texts inside HTML blocks; a text's link to a page, `/rejsetyper.md`, becomes that
    page's URL as seen from the page being rendered), `by_id` (an item of a list by its id), `ui` (the
    site texts), `publisher` (COI's name, address and website), `contact` (the contact block's fields) and
    `link` (a page's source path to a URL relative to the page being rendered), plus the `params` its caller
    passed. `former_ids` maps a renamed item's id to the ids it had (published-ids.yml), so a checklist can
    move saved ticks.
    """

    def __init__(
        self,
        templates_dir: Path,
        docs_dir: Path,
        content: Mapping[str, Any],
        lang: str,
        former_ids: Mapping[str, list[str]] | None = None,
    ):
        self.docs_dir = docs_dir
        self.templates_dir = templates_dir
        self.env = Environment(
            loader=FileSystemLoader(templates_dir),
            undefined=StrictUndefined,  # a typo in a template fails the build
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,  # templates write Markdown; texts hold no HTML (validation)
            # Compiling the templates took ~0.1 s of every build; Jinja keeps the compiled code in the
            # system's temporary folder and recompiles a template whose source changed.
            bytecode_cache=FileSystemBytecodeCache(),
        )
        t = translator(lang)
        inline = markdown.Markdown()
        self.site_links = _SiteLinks(inline, self.relative_url)
        inline.treeprocessors.register(self.site_links, "site_links", 0)  # after the links are made (20)
        self.env.filters["t"] = t
        self.env.filters["by_id"] = _by_id
        # The same texts appear on several pages (an advice item: its phase, its role, its checklist);
        # a text with a site link differs by the page's folder, so the page is part of the key.
        cached = functools.lru_cache(maxsize=None)(lambda text, page_src: Markup(_inline_markdown(inline, text)))
        self.env.filters["md"] = lambda text: cached(text, self.site_links.page_src)

        def translated(texts):  # texts translated, addresses, numbers and names as they are
            return {key: value if isinstance(value, str) else t(value) for key, value in texts.items()}

        self.env.globals.update(
            content=content,
            lang=lang,
            former_ids=former_ids or {},
            ui={key: t(text) for key, text in content["site"]["ui"].items()},
            publisher=translated(content["site"]["publisher"]),
            contact=translated(content["site"]["contact"]),
        )

    def render(self, template: str, page_src: str, params: Mapping[str, Any]) -> str:
        """The Markdown of one template for the page whose source is `page_src` (e.g. `rejsetyper.md`)."""

        def link(target: str) -> str:
            return self.relative_url(page_src, target)

        self.site_links.page_src = page_src  # the `md` filter's site links are relative to this page
        try:
            return self.env.get_template(f"{template}.jinja").render(params=params, link=link)
        except Exception as error:
            raise RenderError.from_exception(error, page_src, self.templates_dir) from error

    def relative_url(self, page_src: str, target: str) -> str:
        """`tjeklister/praktikant.md` seen from `bliv-praktikant.md` is `../tjeklister/praktikant/`.

        Relative links keep the site working under any path (a preview, a Pages project site).
        """
        path, _, anchor = target.partition("#")
        if not (self.docs_dir / path).is_file():
            raise ValueError(f"a template links to '{path}', which is not a page in docs/")
        url = posixpath.relpath("/" + page_url(path), "/" + page_url(page_src))
        url = url if url.endswith("/") else url + "/"
        return url + (f"#{anchor}" if anchor else "")


class RenderError(Exception):
    """A page could not be rendered: where in which template, on which page, and what went wrong.

    `make check` renders every page (guide/page_check.py), so an editor meets this there, not in a build;
    the line names the template line that failed, the page, and the way back to the data.
    """

    def __init__(self, template: str, line: int, page_src: str, reason: str):
        self.template, self.line, self.page_src, self.reason = template, line, page_src, reason
        where = f"{template}:{line}" if template else "templates/"
        super().__init__(
            f"{where}: {reason} (while rendering the page docs/{page_src}). If you changed data/, run "
            "make check: it names the data line to fix; if make check passes, a template or a check "
            "is wrong: tell a developer"
        )

    @classmethod
    def from_exception(cls, error: Exception, page_src: str, templates_dir: Path) -> RenderError:
        template, line = _template_line(error, templates_dir)
        return cls(template, line, page_src, str(error))


def _template_line(error: Exception, templates_dir: Path) -> tuple[str, int]:
    """(`templates/partials/scheme.jinja`, 60): the innermost frame of the traceback in one of our
    templates (Jinja rewrites a template's frames to carry its file and line); ("", 0) if none."""
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if Path(frame.filename).is_relative_to(templates_dir)
    ]
    if not frames:
        return "", 0
    frame = frames[-1]
    return f"{templates_dir.name}/{Path(frame.filename).relative_to(templates_dir).as_posix()}", frame.lineno or 0


def _by_id(items, item_id: str):
    """`content.roles.roles | by_id("praktikant")`: the item with that id; a page asking for one
    that is not in the data fails the build, naming the id."""
    for item in items:
        if item["id"] == item_id:
            return item
    raise ValueError(f"no item with id '{item_id}' (ids: {', '.join(item['id'] for item in items)})")


class _SiteLinks(Treeprocessor):
    """`<a href="/rejsetyper.md#turist">` in a text to the page's URL relative to `page_src`.

    Texts name a page by its file in docs/ from the top (guide/link_safety.py checks it exists). In page
    Markdown MkDocs resolves these (mkdocs.yml: validation.links.absolute_links); HTML written by the `md`
    filter is never seen by MkDocs, so this does the same for it.
    """

    def __init__(self, md: markdown.Markdown, relative_url):
        super().__init__(md)
        self.relative_url = relative_url
        self.page_src = "index.md"

    def run(self, root):
        for element in root.iter("a"):
            href = element.get("href", "")
            if href.startswith("/") and ".md" in href:
                element.set("href", self.relative_url(self.page_src, href.lstrip("/")))


def page_url(src: str) -> str:
    """`index.md` -> '', `rejsetyper.md` -> 'rejsetyper/', `tjeklister/index.md` -> 'tjeklister/'."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _inline_markdown(md: markdown.Markdown, text: str) -> str:
    html = md.reset().convert(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html
