"""The guide offline and on the home screen: each build's service worker and web app manifest (issue 24).

After a build has written every file, `write_offline_files` writes two files into the language's root:

- `sw.js`, the service worker (templates/offline_worker.js.jinja), with the list of files it keeps: every
  page, the 404 page, the styles, scripts, icons, the search index and Material's search worker with the lunr
  files this language's search loads. Each file is listed with a revision, a hash of its bytes, and the list
  with a version, a hash of all of them: a new build whose content differs gives a new `sw.js`, which is
  what makes a visitor's browser fetch the new guide (only the files whose revision changed) and drop the
  old copy. Nothing here reads the clock, so two builds of the same content give the same worker.
- `manifest.webmanifest`, so "Add to Home Screen" opens the guide in this build's language.

Kept out of the list: the other language's build (Danish is built around English's `en/`), source maps,
the sitemaps and the booklet's PDF, which the worker keeps only once a visitor has opened it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
# Never listed: the worker itself, maps for developers, sitemaps for search engines, the PDF (on request).
LEFT_OUT = re.compile(r"^sw\.js$|\.map$|^sitemap\.xml(\.gz)?$|\.pdf$")
LUNR = "assets/javascripts/lunr/"
# Material's search worker finds the page's search worker through the config block every page carries.
SEARCH_WORKER = re.compile(r'<script id="__config" type="application/json">(?P<config>.*?)</script>', re.DOTALL)
ICONS = "assets/images/app/"
# The site's colour is set once, in the stylesheet; the manifest and the icons (tools/app_icons.py) read it there.
STYLESHEET = Path("overrides/assets/stylesheets/site.css")
PRIMARY = re.compile(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{6})\s*;")


def precache(site_dir: Path, lang: str, exclude: tuple[str, ...] = ()) -> dict[str, str]:
    """{URL relative to the build's root: revision} for every file a visitor needs offline.

    A page is listed by its address (`rejsetyper/`, the root as `./`), other files by their path. `exclude`
    holds folders that belong to another build (Danish: `en/`).
    """
    files: dict[str, str] = {}
    for file in sorted(site_dir.rglob("*")):
        relative = file.relative_to(site_dir).as_posix()
        if not file.is_file() or LEFT_OUT.search(relative) or relative.startswith(exclude):
            continue
        if relative.startswith(LUNR) and not _lunr_needed(relative, lang):
            continue
        files[_address(relative)] = revision(file.read_bytes())
    worker = search_worker(site_dir)
    if worker and worker.split("?")[0] in files:
        # The page starts the worker with a query (?material=…), which the worker reads from its own
        # address: it is kept under exactly that address.
        files[worker] = files.pop(worker.split("?")[0])
    return files


def _lunr_needed(relative: str, lang: str) -> bool:
    """Material's search worker loads the stemmer support, the multi-language file and this language's file."""
    return PurePosixPath(relative).name in {"lunr.stemmer.support.min.js", "lunr.multi.min.js", f"lunr.{lang}.min.js"}


def _address(relative: str) -> str:
    if relative == "index.html":
        return "./"
    return relative.removesuffix("index.html") if relative.endswith("/index.html") else relative


def search_worker(site_dir: Path) -> str | None:
    """The search worker's address as the pages start it (with its query), from the front page's config."""
    front = site_dir / "index.html"
    match = SEARCH_WORKER.search(front.read_text(encoding="utf-8")) if front.is_file() else None
    return json.loads(match["config"]).get("search") if match else None


def revision(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def version(files: Mapping[str, str]) -> str:
    """One hash of every listed file and its revision: it changes exactly when something kept changes."""
    listing = "".join(f"{url} {rev}\n" for url, rev in sorted(files.items()))
    return revision(listing.encode("utf-8"))


def worker_script(templates_dir: Path, lang: str, files: Mapping[str, str], exclude: tuple[str, ...]) -> str:
    env = Environment(
        loader=FileSystemLoader(templates_dir), undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False
    )
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": True}
    return env.get_template("offline_worker.js.jinja").render(
        lang=lang, version=version(files), files=dict(sorted(files.items())), exclude=list(exclude)
    )


def primary_colour(root: Path) -> str:
    """The guide's teal, as site.css sets it for Material (`--md-primary-fg-color`)."""
    match = PRIMARY.search((root / STYLESHEET).read_text(encoding="utf-8"))
    if not match:
        raise ValueError(
            f"{STYLESHEET} sets no --md-primary-fg-color: the manifest and icons take their colour from it"
        )
    return match[1].lower()


def manifest(app: Mapping[str, Any], lang: str, description: str, colour: str) -> dict[str, Any]:
    """The web app manifest: name, short name, language, start page and scope (the build's root), icons."""
    icons = [
        {"src": f"{ICONS}{name}-{size}.png", "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
        for name, purpose, size in (("icon", "any", 192), ("icon", "any", 512), ("maskable", "maskable", 512))
    ]
    return {
        "name": app["name"][lang],
        "short_name": app["short_name"][lang],
        "description": description,
        "lang": "da-DK" if lang == "da" else "en-GB",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "id": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": colour,
        "icons": icons,
    }


def write_offline_files(
    root: Path, site_dir: Path, lang: str, twin_root: str, app: Mapping[str, Any], description: str
) -> dict[str, str]:
    """Write the manifest, then the worker with the list of files (the manifest among them); returns the list."""
    (site_dir / MANIFEST).write_text(
        json.dumps(manifest(app, lang, description, primary_colour(root)), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    # The other build lives inside this one when its root is a folder below ours (Danish: en/).
    exclude = (twin_root,) if not twin_root.startswith("..") else ()
    files = precache(site_dir, lang, exclude)
    (site_dir / WORKER).write_text(worker_script(root / "templates", lang, files, exclude), encoding="utf-8")
    return files
