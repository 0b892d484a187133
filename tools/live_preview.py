"""`make serve`: the whole site, Danish at / and English at /en/, on one address, rebuilt and reloaded on save.

`mkdocs serve` serves one build, so the language switch of a one-language preview leads nowhere. This server
builds both languages the way `make build` does (tools/build.py), serves the result like GitHub Pages, and rebuilds
when a watched file changes. Each page it sends carries a small script that reloads the page when a newer build of
its language is ready: the two languages build side by side, and each is served as soon as it is built, so the
editor's loop from save to reload is one language's build, not the slower of two.

When a build fails (a mistake in data/, say), every page shows the problems, as `make check` prints them,
instead of the site, until the mistake is fixed and saved; the terminal shows the same lines.
No MkDocs API here: the builds are the command line's.
"""

from __future__ import annotations

import argparse
import html
import http.server
import os
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from .build import BuildFailed, build_site
from .preview_zip_server import SiteHandler

ROOT = Path(__file__).resolve().parents[1]
WATCHED = (
    "data",
    "schema",
    "guide",
    "adapters",
    "templates",
    "overrides",
    "docs",
    "mkdocs.yml",
    "mkdocs.en.yml",
    "published-ids.yml",
)
LANGUAGES = ("da", "en")
# The number of finished builds (both languages); VERSION_PATH/da and /en: of that language's builds.
VERSION_PATH = "/__preview/version"
# A save is noticed within POLL_SECONDS (a look at every watched file's time: a few ms), then SETTLE_SECONDS
# more let an editor's save of several files land in one build.
POLL_SECONDS = 0.2
SETTLE_SECONDS = 0.1
# Asks four times a second whether a newer build of its language is ready; reloads when it is. Served pages
# only, never built ones.
RELOAD_SCRIPT = """<script>(() => {{
  const seen = "{version}";
  setInterval(() => fetch("{path}", {{cache: "no-store"}}).then(r => r.text())
    .then(v => {{ if (v !== seen) location.reload(); }}).catch(() => {{}}), 250);
}})();</script>"""
# The preview keeps no offline copy (a page from a copy would hide the edit just saved): in place of each
# build's sw.js (guide/offline.py) a worker that deletes the copies a built site served here left, and goes.
RETIRING_WORKER = """self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(caches.keys()
  .then((names) => Promise.all(names.filter((name) => name.startsWith("ipraktik-")).map((name) => caches.delete(name))))
  .then(() => self.registration.unregister())));
"""
ERROR_PAGE = """<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Forhåndsvisningen er stoppet / The preview has stopped</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
pre{{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #b00;padding:1rem}}</style></head>
<body><h1>Forhåndsvisningen er stoppet</h1>
<p>Der er en fejl i indholdet. Ret linjerne herunder, og gem. Så kommer siden tilbage af sig selv.
Beskederne er forklaret i REDIGERING.md.</p>
<h2 lang="en">The preview has stopped</h2>
<p lang="en">The content has a mistake. Fix the lines below and save: this page reloads by itself.
CONTRIBUTING.md explains the messages.</p>
<pre>{problems}</pre>{script}</body></html>"""


class Builds:
    """The latest good build of each language, and the problems of the latest build if it failed."""

    def __init__(self, root: Path, workdir: Path):
        self.root = root
        self.workdir = workdir
        self.version = 0  # builds of both languages finished
        self.versions = dict.fromkeys(LANGUAGES, 0)  # builds of each language finished
        self.directories: dict[str, Path | None] = dict.fromkeys(LANGUAGES)  # English at its folder's en/
        self.failures = dict.fromkeys(LANGUAGES, "")  # each language's problems in its latest build
        self.lock = threading.Lock()

    @property
    def problems(self) -> str:
        """Both languages read the same data: a problem they share is shown once."""
        with self.lock:
            lines = [line for failed in self.failures.values() for line in failed.splitlines()]
        return "\n".join(dict.fromkeys(lines))

    def build(self) -> bool:
        """Each language into a fresh folder (tools/build.py, as `make build`), side by side, each served as
        soon as it is built; True when both built."""
        took: dict[str, float] = {}
        runs = [threading.Thread(target=self._build, args=(lang, took)) for lang in LANGUAGES]
        for run in runs:
            run.start()
        for run in runs:
            run.join()
        with self.lock:
            self.version += 1
        problems = self.problems
        print(
            f"[{time.strftime('%H:%M:%S')}] "
            + (
                "built " + " and ".join(f"{lang} in {took[lang]:.1f} s" for lang in LANGUAGES)
                if not problems
                else f"build failed:\n{problems}"
            ),
            flush=True,
        )
        return not problems

    def _build(self, lang: str, took: dict[str, float]) -> None:
        """One language, then served at once: the page open in the browser reloads without waiting for the
        other language (on a busy machine the two builds finish seconds apart)."""
        target = self.workdir / f"build-{self.version + 1}-{lang}"
        try:
            took[lang] = build_site(self.root, target, (lang,))
            problems = ""
        except BuildFailed as failure:
            problems = str(failure)
        with self.lock:
            previous = None if problems else self.directories[lang]
            if not problems:
                self.directories[lang] = target
            self.failures[lang] = problems
            for shown in LANGUAGES if problems else (lang,):  # a mistake shows on every open page
                self.versions[shown] += 1
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)

    def directory(self, path: str) -> Path:
        """The folder that serves a URL path: English below /en/ (at the folder's en/), Danish elsewhere."""
        with self.lock:
            return self.directories[language_of(path)] or self.workdir


def language_of(path: str) -> str:
    """The language of a URL path: English below /en/."""
    return "en" if path == "/en" or path.startswith("/en/") else "da"


def snapshot(root: Path) -> dict[Path, float]:
    """Every watched file and when it last changed."""
    files = {}
    for name in WATCHED:
        path = root / name
        for file in [path] if path.is_file() else path.rglob("*") if path.is_dir() else []:
            if file.is_file():
                files[file] = file.stat().st_mtime
    return files


def watch(builds: Builds, stop: threading.Event) -> None:
    """Rebuild after a save; several saves in quick succession make one build."""
    seen = snapshot(builds.root)
    while not stop.wait(POLL_SECONDS):
        now = snapshot(builds.root)
        if now != seen:
            time.sleep(SETTLE_SECONDS)
            seen = snapshot(builds.root)
            builds.build()


def handler_for(builds: Builds):
    class LiveHandler(SiteHandler):
        def do_GET(self):
            if self.path == VERSION_PATH:
                return self.send_text(str(builds.version))
            if self.path.startswith(VERSION_PATH + "/"):  # an open page asking about its language
                lang = self.path.rsplit("/", 1)[1]
                if lang in builds.versions:
                    return self.send_text(str(builds.versions[lang]))
            if self.path.split("?")[0].endswith("/sw.js"):
                return self.send_text(RETIRING_WORKER, "text/javascript; charset=utf-8")
            if builds.problems:
                return self.send_page(
                    500, self.with_reload(ERROR_PAGE.format(problems=html.escape(builds.problems), script="{script}"))
                )
            page = self.html_file()
            if page is None:
                return super().do_GET()
            self.send_page(200, self.with_reload(page.read_text(encoding="utf-8")))

        def translate_path(self, path):
            self.directory = str(builds.directory(urllib.parse.urlsplit(path).path))
            return super().translate_path(path)

        def send_error(self, code, message=None, explain=None):
            page = self.not_found_page() if code == 404 else None
            if page is None:
                return super().send_error(code, message, explain)
            self.send_page(404, self.with_reload(page.read_text(encoding="utf-8")))

        def html_file(self) -> Path | None:
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            return path if path.suffix == ".html" and path.is_file() else None

        def with_reload(self, page: str) -> bytes:
            lang = language_of(self.path)
            script = RELOAD_SCRIPT.format(version=builds.versions[lang], path=f"{VERSION_PATH}/{lang}")
            if "{script}" in page:
                return page.replace("{script}", script).encode("utf-8")
            return page.replace("</body>", script + "</body>", 1).encode("utf-8")

        def send_text(self, text: str, kind: str = "text/plain; charset=utf-8") -> None:
            body = text.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def make(*args):
        return LiveHandler(*args, directory=str(builds.workdir))  # translate_path picks the language's

    return make


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--root", default=str(ROOT), help="the project (default: this repository)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="guide-serve-") as workdir:
        builds = Builds(Path(args.root), Path(workdir))
        builds.build()
        stop = threading.Event()
        threading.Thread(target=watch, args=(builds, stop), daemon=True).start()
        with http.server.ThreadingHTTPServer((args.host, args.port), handler_for(builds)) as server:
            url = f"http://{args.host}:{args.port}/"
            print(f"Danish: {url}  English: {url}en/  – rebuilt on every save; stop with Ctrl+C", flush=True)
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                pass
            finally:
                stop.set()
    return 0


if __name__ == "__main__":
    sys.exit(main())
