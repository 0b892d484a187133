"""Every built page, both languages and the 404 pages: a strict Content Security Policy first in the head, a hash
for each inline script, links only to safe places, resources only from the site, nothing the policy would
block, and every link inside the site reaching a page and an id that exist.

The checks are functions over one page's HTML, so the last tests can show each of them failing on a page
written to break it: a future template cannot add a tracker, a script or an inline style unnoticed.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.conftest import LANGS, SITE, lang_root, page_paths

# Where a visitor may be sent (an <a>, a form) and what may name a page (canonical); anything else is refused.
LINK_SCHEMES = {"https", "mailto"}
# <link rel> values that only describe the page; any other rel loads or connects (stylesheet, icon, preconnect).
DESCRIBING_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help"}
# Attributes whose URL the browser fetches by itself.
LOADING_ATTRIBUTES = ("src", "srcset", "poster", "data", "background", "xlink:href")
POLICY_SOURCES = {  # what each fetch directive may allow: the site itself, and data: icons in the stylesheet
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "worker-src": {"'self'"},
    "manifest-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
}


@dataclass
class Page:
    """One built page as a browser reads it: elements in order (attributes decoded) and inline script texts."""

    url: str  # its path as served: /en/rejsetyper/
    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)

    def policy(self) -> dict[str, list[str]]:
        metas = [
            attrs
            for tag, attrs in self.elements
            if tag == "meta" and attrs.get("http-equiv", "").lower() == "content-security-policy"
        ]
        assert len(metas) == 1, f"{self.url}: {len(metas)} Content-Security-Policy meta elements"
        directives = [part.split() for part in metas[0].get("content", "").split(";") if part.strip()]
        return {words[0].lower(): words[1:] for words in directives}

    def ids(self) -> set[str]:
        return {attrs[key] for _, attrs in self.elements for key in ("id", "name") if key in attrs}


class _Reader(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.page.elements.append((tag, attributes))
        code = attributes.get("type", "text/javascript") in ("text/javascript", "module")
        self._script = [] if tag == "script" and "src" not in attributes and code else None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.page.scripts.append("".join(self._script))
            self._script = None


def read(html: str, url: str) -> Page:
    page = Page(url)
    _Reader(page).feed(html)
    return page


def built_pages() -> list[Page]:
    pages = []
    for lang in LANGS:
        root = lang_root(lang)
        prefix = "/" if lang == "da" else "/en/"
        for path in page_paths(lang):
            pages.append(read((root / path / "index.html").read_text(encoding="utf-8"), prefix + path))
        pages.append(read((root / "404.html").read_text(encoding="utf-8"), prefix + "404.html"))
    return pages


@pytest.fixture(scope="module")
def pages(site) -> list[Page]:
    return built_pages()


def browser_reads(url: str) -> str:
    """A URL the way a browser takes it from an attribute: tabs and newlines dropped, ends stripped."""
    return url.replace("\t", "").replace("\n", "").replace("\r", "").strip("".join(chr(c) for c in range(0x21)))


def scheme_of(url: str) -> str | None:
    head, colon, _ = browser_reads(url).partition(":")
    return (
        head.lower()
        if colon and head[:1].isalpha() and "/" not in head and "?" not in head and "#" not in head
        else None
    )


def off_site(url: str) -> bool:
    url = browser_reads(url)
    return scheme_of(url) is not None or url.startswith("//")


# The checks, each over one page.


def policy_problems(page: Page) -> list[str]:
    """The policy is strict: own files only, no inline code but hashed scripts, nothing eval'd."""
    policy = page.policy()
    problems = []
    for directive, allowed in POLICY_SOURCES.items():
        sources = set(policy.get(directive, []))
        if directive == "script-src":
            sources = {source for source in sources if not source.startswith("'sha256-")}
        if not sources:
            problems.append(f"{page.url}: {directive} is missing")
        elif sources - allowed:
            problems.append(f"{page.url}: {directive} allows {sorted(sources - allowed)}")
    return problems


def policy_position_problems(page: Page) -> list[str]:
    """The policy governs only what follows it: it comes before every script, style and link."""
    for tag, attrs in page.elements:
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "content-security-policy":
            return []
        if tag in ("script", "style", "link", "base", "img"):
            return [f"{page.url}: <{tag}> comes before the Content-Security-Policy"]
    return [f"{page.url}: no Content-Security-Policy"]


def unhashed_scripts(page: Page) -> list[str]:
    allowed = set(page.policy().get("script-src", []))
    return [
        f"{page.url}: inline script without its hash in the policy: {script[:60]!r}"
        for script in page.scripts
        if f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'" not in allowed
    ]


def url_problems(page: Page) -> list[str]:
    """Links go only to https:, mailto: or the site; nothing is fetched from anywhere but the site."""
    problems = []
    for tag, attrs in page.elements:
        for name in LOADING_ATTRIBUTES:
            for url in _urls(attrs, name):
                if off_site(url):
                    problems.append(f"{page.url}: <{tag} {name}> loads {url} from off the site")
        rels = set(attrs.get("rel", "").lower().split())
        if tag == "link" and rels - DESCRIBING_RELS and off_site(attrs.get("href", "")):
            problems.append(f"{page.url}: <link rel={attrs['rel']}> loads {attrs['href']} from off the site")
        for name in ("href", "action", "formaction"):
            scheme = scheme_of(attrs[name]) if name in attrs else None
            if scheme and scheme not in LINK_SCHEMES:
                problems.append(f"{page.url}: <{tag} {name}> goes to a {scheme}: address: {attrs[name]}")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            problems.append(f"{page.url}: <meta http-equiv=refresh> sends the visitor elsewhere")
        if tag == "base":
            problems.append(f"{page.url}: <base> changes where every relative URL points")
    return problems


def _urls(attrs: dict[str, str], name: str) -> list[str]:
    if name == "srcset":
        return [candidate.split()[0] for candidate in attrs.get(name, "").split(",") if candidate.strip()]
    return [attrs[name]] if name in attrs else []


def blocked_by_policy(page: Page) -> list[str]:
    """What the policy would block: inline styles, <style> elements and event-handler attributes."""
    problems = []
    for tag, attrs in page.elements:
        if tag == "style":
            problems.append(f"{page.url}: a <style> element (put the rules in a stylesheet)")
        for name in attrs:
            if name == "style" or name.startswith("on"):
                problems.append(f"{page.url}: <{tag} {name}=…> (the policy blocks inline {name})")
    return problems


def new_tab_problems(page: Page) -> list[str]:
    return [
        f"{page.url}: <{tag} target=_blank> without rel=noopener: {attrs.get('href', '')}"
        for tag, attrs in page.elements
        if attrs.get("target", "").lower() == "_blank" and "noopener" not in attrs.get("rel", "").lower().split()
    ]


def unresolved_links(page: Page, site: Path, ids_of) -> list[str]:
    """Every link inside the site reaches a built page, and its #anchor an id on that page."""
    problems = []
    for tag, attrs in page.elements:
        href = attrs.get("href", "") if tag == "a" else ""
        if not href or off_site(href):
            continue
        target = urlsplit(urljoin(page.url, href))
        file = site / unquote(target.path).lstrip("/")
        file = file / "index.html" if target.path.endswith("/") else file
        if not file.is_file():
            problems.append(f"{page.url}: the link {href} leads to no page")
        elif target.fragment and unquote(target.fragment) not in ids_of(file):
            problems.append(f"{page.url}: the link {href} names no id on {target.path}")
    return problems


# The built site.


def test_every_page_has_a_strict_policy_first_in_its_head(pages):
    assert len(pages) > 2 * len(LANGS)
    for page in pages:
        assert policy_position_problems(page) == []
        assert policy_problems(page) == []


def test_the_policy_allows_no_inline_script_it_has_no_hash_for_and_nothing_eval(pages):
    for page in pages:
        assert unhashed_scripts(page) == []
        words = [word for sources in page.policy().values() for word in sources]
        assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"} & set(words), page.url


def test_no_page_links_to_an_unsafe_scheme_or_loads_from_off_the_site(pages):
    assert [problem for page in pages for problem in url_problems(page)] == []


def test_nothing_on_a_page_is_left_for_the_policy_to_block(pages):
    assert [problem for page in pages for problem in blocked_by_policy(page)] == []


def test_a_link_opening_a_new_tab_carries_noopener(pages):
    assert [problem for page in pages for problem in new_tab_problems(page)] == []


def test_every_link_inside_the_site_reaches_a_page_and_an_id_on_it(pages):
    cache: dict[Path, set[str]] = {}

    def ids_of(file: Path) -> set[str]:
        if file not in cache:
            cache[file] = read(file.read_text(encoding="utf-8"), str(file)).ids()
        return cache[file]

    assert [problem for page in pages for problem in unresolved_links(page, SITE, ids_of)] == []


# Each check can fail.

BROKEN = """<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="a.css">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.example; style-src 'self'; img-src *; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'">
<link rel="preconnect" href="https://fonts.gstatic.com"></head><body>
<a href="java&#115;cript:alert(1)">a</a> <a href=" JAVASCRIPT:alert(2)">b</a> <a href="data:text/html,x">c</a>
<img src="https://tracker.example.com/p.png" alt=""> <img srcset="//cdn.example/a.png 2x" alt="">
<script>alert(3)</script> <p style="color:red" onclick="alert(4)">x</p> <style>p{}</style>
<a href="https://example.org/" target="_blank">d</a> <a href="../findes-ikke/">e</a> <a href="#findes-ikke">f</a>
</body></html>"""


def test_each_check_finds_what_it_looks_for():
    page = read(BROKEN, "/")
    assert policy_position_problems(page) == ["/: <link> comes before the Content-Security-Policy"]
    assert policy_problems(page) == [
        "/: script-src allows [\"'unsafe-inline'\", 'https://cdn.example']",
        "/: img-src allows ['*']",
        "/: manifest-src is missing",
        "/: base-uri is missing",
        "/: form-action is missing",
    ]
    assert unhashed_scripts(page) == ["/: inline script without its hash in the policy: 'alert(3)'"]
    assert url_problems(page) == [
        "/: <link rel=preconnect> loads https://fonts.gstatic.com from off the site",
        "/: <a href> goes to a javascript: address: javascript:alert(1)",
        "/: <a href> goes to a javascript: address:  JAVASCRIPT:alert(2)",
        "/: <a href> goes to a data: address: data:text/html,x",
        "/: <img src> loads https://tracker.example.com/p.png from off the site",
        "/: <img srcset> loads //cdn.example/a.png from off the site",
    ]
    assert blocked_by_policy(page) == [
        "/: <p style=…> (the policy blocks inline style)",
        "/: <p onclick=…> (the policy blocks inline onclick)",
        "/: a <style> element (put the rules in a stylesheet)",
    ]
    assert new_tab_problems(page) == ["/: <a target=_blank> without rel=noopener: https://example.org/"]
    assert unresolved_links(page, SITE, lambda file: set()) == [
        "/: the link ../findes-ikke/ leads to no page",
        "/: the link #findes-ikke names no id on /",
    ]
