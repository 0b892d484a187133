"""`make serve`: the whole site, Danish at / and English at /en/, on one address, rebuilt and reloaded on save.

`mkdocs serve` serves one build, so the language switch of a one-language preview leads nowhere. This server
builds both languages the way `make build` does (tools/build.py), serves the result like GitHub Pages, and rebuilds when a watched file changes.
Each page it sends carries a small script that reloads the page when a newer build is ready.

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
from pathlib import Path

from .build import BuildFailed, build_site
from .preview_server import SiteHandler

ROOT = Path(__file__).resolve().parents[1]
WATCHED = ("data", "schema", "macros", "templates", "overrides", "docs", "mkdocs.yml", "mkdocs.en.yml",
           "published-ids.yml")
VERSION_PATH = "/__preview/version"
POLL_SECONDS = 0.5
# Asks every second whether a newer build is ready; reloads when it is. Served pages only, never built ones.
RELOAD_SCRIPT = """<script>(() => {{
  const seen = "{version}";
  setInterval(() => fetch("{path}", {{cache: "no-store"}}).then(r => r.text())
    .then(v => {{ if (v !== seen) location.reload(); }}).catch(() => {{}}), 1000);
}})();</script>"""
ERROR_PAGE = """<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Forhåndsvisningen er stoppet / The preview has stopped</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
pre{{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #b00;padding:1rem}}</style></head>
<body><h1>Forhåndsvisningen er stoppet</h1>
<p>Der er en fejl i indholdet. Ret linjerne herunder, og gem: siden opdaterer sig selv.
Beskederne er forklaret i REDIGERING.md.</p>
<h2 lang="en">The preview has stopped</h2>
<p lang="en">The content has a mistake. Fix the lines below and save: this page reloads by itself.
CONTRIBUTING.md explains the messages.</p>
<pre>{problems}</pre>{script}</body></html>"""


class Builds:
    """The latest good build, and the problems of the latest build if it failed."""

    def __init__(self, root: Path, workdir: Path):
        self.root = root
        self.workdir = workdir
        self.version = 0
        self.directory: Path | None = None
        self.problems = ""
        self.lock = threading.Lock()

    def build(self) -> bool:
        """Both languages into a fresh folder (tools/build.py, as `make build`); True when both built."""
        target = self.workdir / f"build-{self.version + 1}"
        try:
            took = build_site(self.root, target)
            problems = ""
        except BuildFailed as failure:
            problems = str(failure)
        with self.lock:
            previous = self.directory
            self.version += 1
            self.problems = problems
            if not problems:
                self.directory = target
        if previous is not None and not problems:
            shutil.rmtree(previous, ignore_errors=True)
        print(f"[{time.strftime('%H:%M:%S')}] " + (f"built both languages in {took:.1f} s" if not problems
                                                   else f"build failed:\n{problems}"), flush=True)
        return not problems


def snapshot(root: Path) -> dict[Path, float]:
    """Every watched file and when it last changed."""
    files = {}
    for name in WATCHED:
        path = root / name
        for file in ([path] if path.is_file() else path.rglob("*") if path.is_dir() else []):
            if file.is_file():
                files[file] = file.stat().st_mtime
    return files


def watch(builds: Builds, stop: threading.Event) -> None:
    """Rebuild after a save; several saves in quick succession make one build."""
    seen = snapshot(builds.root)
    while not stop.wait(POLL_SECONDS):
        now = snapshot(builds.root)
        if now != seen:
            time.sleep(0.2)
            seen = snapshot(builds.root)
            builds.build()


def handler_for(builds: Builds):
    class LiveHandler(SiteHandler):
        def do_GET(self):
            if self.path == VERSION_PATH:
                return self.send_text(str(builds.version))
            if builds.problems:
                return self.send_page(500, self.with_reload(ERROR_PAGE.format(
                    problems=html.escape(builds.problems), script="{script}")))
            page = self.html_file()
            if page is None:
                return super().do_GET()
            self.send_page(200, self.with_reload(page.read_text(encoding="utf-8")))

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
            script = RELOAD_SCRIPT.format(version=builds.version, path=VERSION_PATH)
            if "{script}" in page:
                return page.replace("{script}", script).encode("utf-8")
            return page.replace("</body>", script + "</body>", 1).encode("utf-8")

        def send_text(self, text: str) -> None:
            body = text.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def make(*args):
        with builds.lock:
            directory = builds.directory or builds.workdir
        return LiveHandler(*args, directory=str(directory))

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
