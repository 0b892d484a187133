"""The local server that the browser tests, pa11y and `make bench` go through serves like a real host:
gzip when the browser asks (and only then), the right content types, each language's own 404 page.
"""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from tests.conftest import LANGS, lang_root, page_paths
from tools.gzip_host import serve

BROWSER_ENCODINGS = "gzip, deflate, br, zstd"  # what Chromium sends
EXPECTED_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


def fetch(url: str, encoding: str | None = None):
    """(status, headers, body as sent) for a GET, with or without an Accept-Encoding header."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def one_file_of_each_kind(site) -> dict[str, str]:
    """A built file per ending in EXPECTED_TYPES, as a URL path."""
    found = {}
    for file in sorted(site.rglob("*")):
        if file.is_file() and file.suffix in EXPECTED_TYPES and file.suffix not in found:
            found[file.suffix] = "/" + file.relative_to(site).as_posix()
    return found


def test_text_is_gzipped_when_the_browser_asks_and_identical_once_unpacked(site, base_url):
    files = one_file_of_each_kind(site)
    assert {".html", ".css", ".js", ".json"} <= set(files), files
    for suffix, path in files.items():
        status, headers, body = fetch(base_url + path, BROWSER_ENCODINGS)
        original = (site / path.lstrip("/")).read_bytes()
        assert status == 200, path
        assert headers["Content-Type"].startswith(EXPECTED_TYPES[suffix]), (path, headers["Content-Type"])
        assert int(headers["Content-Length"]) == len(body), path
        if suffix == ".png":  # already compressed: sent as it is
            assert headers.get("Content-Encoding") is None and body == original, path
            continue
        assert headers["Content-Encoding"] == "gzip", path
        assert headers["Vary"] == "Accept-Encoding", path
        assert gzip.decompress(body) == original, path
        if len(original) > 2000:
            assert len(body) < len(original) / 2, f"{path}: {len(body)} of {len(original)} bytes"


@pytest.mark.parametrize("encoding", [None, "identity", "gzip;q=0"])
def test_sent_as_it_is_when_the_client_does_not_take_gzip(site, base_url, encoding):
    status, headers, body = fetch(base_url + "/", encoding)
    assert status == 200
    assert headers.get("Content-Encoding") is None
    assert headers["Vary"] == "Accept-Encoding"  # a cache must not hand this copy to a gzip client
    assert body == (site / "index.html").read_bytes()


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_path_gets_the_languages_own_404_page(base_url, lang):
    prefix = "" if lang == "da" else "/en"
    status, headers, body = fetch(f"{base_url}{prefix}/does-not-exist/", BROWSER_ENCODINGS)
    assert status == 404
    assert headers["Content-Type"].startswith("text/html")
    assert gzip.decompress(body) == (lang_root(lang) / "404.html").read_bytes()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_folder_without_its_slash_is_redirected_to_it(base_url, site):
    folder = "/" + next(path for path in page_paths("da") if path).rstrip("/")
    request = urllib.request.Request(base_url + folder, method="HEAD")
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.build_opener(NoRedirect).open(request, timeout=10)
    assert answer.value.code == 301
    assert answer.value.headers["Location"] == folder + "/"
