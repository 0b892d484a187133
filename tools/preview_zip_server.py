"""Serve a built site as GitHub Pages would: both languages (Danish at /, English at /en/) on one address.

    python3 serve-preview.py             # in an unpacked site-preview artifact: serves that folder
    python3 -m tools.preview_zip_server site # in the repository, after `make build`

Opening the built files straight from disk does not work (folder links open a file listing, search needs a
server); this small server is all a reviewer needs. Python's standard library only, so the file can travel
inside the preview artifact as serve-preview.py.
"""

from __future__ import annotations

import argparse
import http.server
import sys
import webbrowser
from pathlib import Path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Files of one built site; an unknown path gets the site's own 404 page, the English one under /en/."""

    def log_message(self, format, *args):  # a preview is quiet; errors show in the browser
        pass

    def send_error(self, code, message=None, explain=None):
        page = self.not_found_page() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        self.send_page(404, page.read_bytes())

    def not_found_page(self) -> Path | None:
        root = Path(self.directory)
        page = root / "en" / "404.html" if self.path.startswith("/en/") else root / "404.html"
        return page if page.is_file() else None

    def send_page(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path, host: str, port: int, open_browser: bool) -> None:
    def handler(*args):
        return SiteHandler(*args, directory=str(directory))

    with http.server.ThreadingHTTPServer((host, port), handler) as server:
        url = f"http://{host}:{port}/"
        print(f"Serving {directory} – Danish: {url}  English: {url}en/  (stop with Ctrl+C)")
        if open_browser:
            webbrowser.open(url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "directory",
        nargs="?",
        default=str(Path(__file__).resolve().parent),
        help="the built site (default: the folder this file is in)",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    args = parser.parse_args()
    directory = Path(args.directory)
    if not (directory / "index.html").is_file():
        print(f"{directory} holds no built site (no index.html)", file=sys.stderr)
        return 1
    serve(directory, args.host, args.port, not args.no_browser)
    return 0


if __name__ == "__main__":
    sys.exit(main())
