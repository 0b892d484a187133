"""Links and images in texts: a link may lead only somewhere safe, and no text makes a browser load anything.

Raw HTML is refused elsewhere (x-no-html), but Markdown writes HTML of its own: `[a](javascript:…)` is a
clickable script and `![a](https://tracker…)` a request to another site from every visitor's browser. So
each text is turned into HTML by Python-Markdown, with the build's extensions, and the HTML is read the way a
browser reads it (character references decoded, tabs and newlines dropped, leading spaces and control
characters stripped). Whatever form a link takes (inline, reference-style, autolink, `java&#115;cript:`), it is
judged by the address the browser would follow.

A text may link to:
- `https://…` and `mailto:…` addresses (no `http://`: every address we link to has an encrypted one);
- a page of this site, by its file in docs/ written from the top: `/rejsetyper.md`, `/rejsetyper.md#turist`
  (the build turns it into the page's address, wherever the text appears);
- an id on the same page: `#turist`.
An `#anchor` must be an `id` in the data: ids are the anchors that stay when a heading's wording changes.

Images are refused in texts: no page has a place for one, a remote image would tell another site about every
visitor, and an image needs alt text in both languages that a text field cannot hold. A template can show one.
"""

from __future__ import annotations

import difflib
import functools
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown

ALLOWED = (
    "a text may link only to https:// and mailto: addresses, to a page of this site by its file in docs/ "
    "(/rejsetyper.md or /rejsetyper.md#turist) or to an id on the same page (#turist)"
)

# The build's Markdown extensions (mkdocs.yml, markdown_extensions) that change which elements and attributes
# a text can become. The others act only on raw HTML (md_in_html), which x-no-html refuses, or only on headings
# (toc); tests/data/test_link_safety.py fails when mkdocs.yml gains one that is in neither list.
EXTENSIONS = ("attr_list",)
JUDGED_HARMLESS = ("md_in_html", "toc")

# The only attributes a text's HTML may carry; anything else came from an attribute list ({: …}).
ATTRIBUTES = {"a": {"href", "title"}}

# What a browser drops from anywhere in an address (tab, newline) or strips from its ends (controls, space).
BROWSER_DROPS = re.compile(r"[\t\n\r]")
BROWSER_STRIPS = "".join(chr(c) for c in range(0x21))
HIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]")
CHARACTER_REFERENCE = re.compile(r"&(?!amp;)#?\w+;")  # &#115; or &Tab; (Markdown writes a plain & as &amp;)
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
SAFE_SCHEMES = {"https", "mailto"}


@dataclass(frozen=True)
class Site:
    """What a text's links may name: the pages in docs/ and the ids in the data."""

    docs_dir: Path
    ids: frozenset[str]
    # The ids each page shows ('/rejsetyper.md': {...}), once the pages are rendered (make check); until then
    # an anchor only has to be an id somewhere in the data.
    anchors: Mapping[str, frozenset[str]] | None = None

    def pages(self) -> list[str]:
        return sorted("/" + path.relative_to(self.docs_dir).as_posix() for path in self.docs_dir.rglob("*.md"))


# Without one of these a text cannot become a link, an image, a reference or an attribute in Markdown: such a
# text (most of them) needs no conversion, which is a tenth of a build's time (make bench, its profile).
MARKUP = re.compile(r"[\[<{]")


def problems(text: str, site: Site) -> list[str]:
    """One message per unsafe link, image or attribute in one text; none when the text is safe."""
    if not MARKUP.search(text):
        return []
    tags, references = _parse(text)
    messages = []
    for tag, attrs, written in tags:
        if tag == "img":
            messages.append(_image(attrs.get("src", "")))
            continue
        for name, value in attrs.items():
            if name not in ATTRIBUTES.get(tag, set()):
                messages.append(_attribute(name))
            elif name == "href":
                messages.append(link_problem(value, site, written))
    # A reference definition ([r]: address) counts even if this text never uses it: another text on the
    # same page could.
    for address, _title in references:
        messages.append(link_problem(html.unescape(address), site, address))
    return list(dict.fromkeys(message for message in messages if message))


def link_problem(href: str, site: Site, written: str = "") -> str | None:
    """What is wrong with one address, as a browser decodes it; None if a text may link there."""
    url = BROWSER_DROPS.sub("", href).strip(BROWSER_STRIPS)
    shown = _shown(href) + (
        " (written with character references, which a browser decodes)" if CHARACTER_REFERENCE.search(written) else ""
    )
    scheme = SCHEME.match(url)
    if scheme and scheme.group(1).lower() == "http":
        return f"the link {shown} is not encrypted (http:); write its https:// address instead; {ALLOWED}"
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return f"the link {shown} is not allowed; {ALLOWED}"
    if HIDDEN.search(href):
        return (
            f"the link {shown} contains a space, tab or control character, which browsers drop or read "
            f"differently; remove it (a space inside an address is written %20); {ALLOWED}"
        )
    if scheme and scheme.group(1).lower() == "https" and not url[len("https:") :].startswith("//"):
        return f"the link {shown} is not a whole address; write it as https://…; {ALLOWED}"
    if scheme:
        return None
    if url.startswith("//"):
        return f"the link {shown} does not start with https:; write the whole address, https://…; {ALLOWED}"
    if url.startswith("#"):
        return _anchor_problem(shown, url[1:], site)
    if url.startswith("/"):
        return _page_problem(shown, url, site)
    return f"the link {shown} must start with / (a page's path inside docs/); {_page_hint('/' + url, site)}{ALLOWED}"


def _page_problem(shown: str, url: str, site: Site) -> str | None:
    path, _, anchor = url.partition("#")
    file = (site.docs_dir / path.lstrip("/")).resolve()
    if not path.endswith(".md") or not file.is_file() or not file.is_relative_to(site.docs_dir.resolve()):
        return f"the link {shown} names no page of this site; {_page_hint(path, site)}{ALLOWED}"
    if not anchor:
        return None
    return _anchor_problem(shown, anchor, site) or _anchor_elsewhere(shown, path, anchor, site)


def _anchor_elsewhere(shown: str, path: str, anchor: str, site: Site) -> str | None:
    """A link to an id that exists, but not on the page it names."""
    if site.anchors is None or anchor in site.anchors.get(path, frozenset()):
        return None
    showing = sorted(page for page, ids in site.anchors.items() if anchor in ids)
    where = (
        f"it is on {', '.join(showing)}: link to /{showing[0].lstrip('/')}#{anchor}" if showing else "no page shows it"
    )
    return f"the link {shown} names the id '{anchor}', which is not on {path}; {where}; {ALLOWED}"


def _page_hint(path: str, site: Site) -> str:
    pages = site.pages()
    guesses = [path.rstrip("/") + ".md", path.rstrip("/") + "/index.md", path]
    found = [guess for guess in guesses if guess in pages] or difflib.get_close_matches(path, pages, n=1)
    return f"perhaps you meant '{found[0]}'; " if found else f"the pages are: {', '.join(pages)}; "


def _anchor_problem(shown: str, anchor: str, site: Site) -> str | None:
    if anchor in site.ids:
        return None
    hint = difflib.get_close_matches(anchor, sorted(site.ids), n=1)
    suggestion = f"perhaps you meant '#{hint[0]}'; " if hint else ""
    return (
        f"the link {shown} names no id: there is no id '{anchor}' in the data; {suggestion}an #anchor "
        f"is the id of a section (for example a travel type's id); {ALLOWED}"
    )


def _image(src: str) -> str:
    return (
        f"images are not allowed in texts ({_shown(src)}): a remote image tells another site about every "
        "visitor, and no page has a place for an image in a text; link to it instead ([text](https://…)), "
        "or ask a developer to add the image to a template"
    )


def _attribute(name: str) -> str:
    return (
        f"'{{…}}' after a link or a word sets the HTML attribute '{name}', which texts may not do "
        "(links open in the same tab; scripts are never allowed); remove the braces and what is in them"
    )


def _shown(value: str) -> str:
    """An address as the editor can find it: quoted, hidden characters made visible, long ones cut."""
    visible = value.encode("unicode_escape").decode("ascii") if HIDDEN.search(value) else value
    visible = visible if len(visible) <= 60 else visible[:59] + "…"
    return f"'{visible}'"


def _parse(text: str) -> tuple[list[tuple[str, dict[str, str], str]], list[tuple[str, str | None]]]:
    """The text's HTML elements (tag, attributes as a browser decodes them, the start tag as written) and its
    reference definitions (address as written, title)."""
    md = _markdown().reset()
    reader = _ElementReader()
    reader.feed(md.convert(text))
    reader.close()
    return reader.elements, list(md.references.values())


@functools.cache
def _markdown() -> markdown.Markdown:
    """One converter for every text (building one costs more than converting a text)."""
    md = markdown.Markdown(extensions=list(EXTENSIONS))
    # Raw HTML is x-no-html's to refuse; here it stays text, so one mistake gives one message.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


class _ElementReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], str]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}, self.get_starttag_text() or ""))

    handle_startendtag = handle_starttag
