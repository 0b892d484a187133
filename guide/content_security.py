"""The Content Security Policy on every page: whatever slips past the validation cannot run or call out.

GitHub Pages sets no headers, so the policy is a `<meta http-equiv="Content-Security-Policy">`, written first
in each page's head by overrides/partials/content-security-policy.html. It lets the page load scripts, styles,
images, fonts, workers and connections from the site itself and nowhere else. Inline scripts run only if their
exact text was written by a theme template: the partial renders those templates and passes their HTML here, and
each script's SHA-256 hash goes into `script-src`. A script that reaches a page any other way (from a text, say)
has no hash and does not run. No 'unsafe-inline' for scripts, no 'unsafe-eval', no inline styles.

`mkdocs serve` injects a live-reload script whose text changes on every request, so the preview (a build whose
site_url is on this machine) allows inline scripts instead of listing hashes; `make build` is always strict.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

# Directive and sources; `script-src` gains the hashes of the theme's inline scripts.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # Material draws its icons as data: SVGs in its stylesheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # search fetches search/search_index.json
    ("worker-src", "'self'"),  # search runs in a web worker from assets/javascripts/workers/
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),  # the 404 page's search form
)
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
# Other types (Material's <script type="application/json"> config) are data: the policy does not apply to them.
CODE_TYPES = ("text/javascript", "application/javascript", "module")
PREVIEW_HOSTS = ("127.0.0.1", "localhost", "::1", "0.0.0.0")


def policy(inline_scripts_html: str, preview: bool = False) -> str:
    """The policy for a page whose inline scripts are those in `inline_scripts_html`, as the page writes them."""
    hashes = [] if preview else sorted(set(map(script_hash, inline_scripts(inline_scripts_html))))
    sources = dict(DIRECTIVES)
    sources["script-src"] = " ".join([sources["script-src"], *hashes, *(["'unsafe-inline'"] if preview else [])])
    return "; ".join(f"{directive} {value}" for directive, value in sources.items())


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script in a piece of HTML (not scripts loaded by src, not data blocks)."""
    return [match["body"] for match in INLINE_SCRIPT.finditer(html) if _is_inline_code(match["attrs"])]


def _is_inline_code(attrs: str) -> bool:
    kind = TYPE.search(attrs)
    return not SRC.search(attrs) and (kind is None or kind.group(1).lower() in CODE_TYPES)


def script_hash(script: str) -> str:
    """A CSP source that allows exactly this script text: 'sha256-<base64 of its SHA-256>'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def is_preview(site_url: str | None) -> bool:
    """Whether this build is `mkdocs serve`'s, which sets site_url to the address it serves on."""
    return urlsplit(site_url or "").hostname in PREVIEW_HOSTS


# The page's head and main content, as every theme writes them.
HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL | re.IGNORECASE)


def with_policy(page_html: str, preview: bool = False) -> str:
    """A written page with its policy first in its head, for a theme that cannot compute it while it renders
    (Zensical's: adapters/zensical_build.py). The hashes are those of the page's inline scripts outside its
    <article>: the theme writes those; the main content, rendered from data/, never gets a script a hash."""
    head = HEAD.search(page_html)
    if head is None:
        raise ValueError("the page has no <head>: there is nowhere to put its Content Security Policy")
    theme_html = ARTICLE.sub("", page_html)
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy(theme_html, preview)}">'
    return page_html[: head.end()] + meta + page_html[head.end() :]
