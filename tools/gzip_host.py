"""The built site served on loopback as a real host serves it, for the tests and the benchmark.

Like GitHub Pages: text files (HTML, CSS, JavaScript, JSON, SVG, XML) gzip-compressed when the
browser asks for it (`Accept-Encoding: gzip`), with `Vary: Accept-Encoding`; the content types a
browser expects; an unknown path answered with the language's own 404 page (the handler of
tools/preview_zip_server.py, which this one extends). Python's http.server alone sends everything
uncompressed, and a page measured through it looks two to three times heavier on a slow network
than any visitor finds it.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path

from tools.preview_zip_server import SiteHandler as PreviewHandler

# By file ending: the type a browser expects, and whether the host compresses it.
TYPES = {
    ".html": ("text/html; charset=utf-8", True),
    ".css": ("text/css; charset=utf-8", True),
    ".js": ("text/javascript; charset=utf-8", True),
    ".json": ("application/json; charset=utf-8", True),
    ".webmanifest": ("application/manifest+json; charset=utf-8", True),
    ".svg": ("image/svg+xml", True),
    ".xml": ("application/xml; charset=utf-8", True),
    ".txt": ("text/plain; charset=utf-8", True),
    ".map": ("application/json; charset=utf-8", True),
    ".png": ("image/png", False),
    ".jpg": ("image/jpeg", False),
    ".jpeg": ("image/jpeg", False),
    ".webp": ("image/webp", False),
    ".ico": ("image/x-icon", False),
    ".woff2": ("font/woff2", False),
    ".woff": ("font/woff", False),
    ".pdf": ("application/pdf", False),
    ".gz": ("application/gzip", False),
}
UNKNOWN_TYPE = ("application/octet-stream", False)
GZIP_LEVEL = 6  # what common web servers use by default


def content_type(path: Path) -> tuple[str, bool]:
    """(Content-Type, compressed when asked) for a file."""
    return TYPES.get(path.suffix.lower(), UNKNOWN_TYPE)


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header allows gzip ('gzip', 'gzip;q=0.5', '*'; not 'gzip;q=0')."""
    for part in (header or "").split(","):
        name, *params = [piece.strip() for piece in part.split(";")]
        if name.lower() not in ("gzip", "*"):
            continue
        quality = next((value for key, _, value in (p.partition("=") for p in params) if key == "q"), "1")
        try:
            return float(quality) > 0
        except ValueError:
            return False
    return False


def gzip_body(path: Path) -> bytes:
    """A file as the server sends it to a browser that takes gzip."""
    stat = path.stat()
    return _compressed(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=512)
def _compressed(path: Path, mtime_ns: int, size: int) -> bytes:
    """A file's gzip body, kept while the file is unchanged (mtime and size are the key)."""
    return gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


class SiteHandler(PreviewHandler):
    """The preview server's handler (quiet, each language's 404 page) with a real host's compression."""

    def send_head(self):
        """Headers for GET and HEAD; returns the body to copy (or None when an error was sent)."""
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            if not url_path.endswith("/"):  # /rejsetyper -> /rejsetyper/, as hosts do
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            file = file / "index.html"
        if not file.is_file():
            self.send_error(404)
            return None
        return self._send_file(200, file)

    def send_error(self, code, message=None, explain=None):
        page = self.not_found_page() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        body = self._send_file(404, page)
        if self.command != "HEAD":
            self.wfile.write(body.read())

    def _send_file(self, status: int, file: Path) -> io.BytesIO:
        kind, compressible = content_type(file)
        stat = file.stat()
        gzipped = compressible and accepts_gzip(self.headers.get("Accept-Encoding"))
        body = gzip_body(file) if gzipped else file.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if compressible:
            self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closes a connection mid-answer (a page closed while the offline worker still fetches)
        is no error of the site's, as on a real host; anything else is printed as before."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, handler_class: type[SiteHandler] = SiteHandler) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port; yields the base URL ('http://127.0.0.1:PORT')."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
