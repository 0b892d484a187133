"""`make serve`: both languages on one address, the language switch working, rebuilt on save, and a mistake in
data/ shown in the browser instead of the site (tools/live_preview.py), on a copy of the project."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.projects import project_copy

TIMEOUT = 90  # seconds for a build on a busy machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for_version(base: str, newer_than: int) -> int:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            version = int(get(base + "__preview/version")[1])
            if version > newer_than:
                return version
        except (OSError, ValueError):
            pass
        time.sleep(0.3)
    pytest.fail(f"no build newer than {newer_than} within {TIMEOUT} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("serve"))
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.live_preview", "--root", str(project), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for_version(base, 0)
        yield {"base": base, "project": project}
    finally:
        process.terminate()
        process.wait(timeout=10)


def first_tagline(project: Path) -> dict:
    return yaml.safe_load((project / "data" / "travel_types.yml").read_text(encoding="utf-8"))["types"][0]["tagline"]


def test_both_languages_are_served_on_one_address_and_the_switch_lands_on_the_twin(server):
    status, danish = get(server["base"] + "rejsetyper/")
    assert status == 200 and '<html lang="da"' in danish
    switch = re.search(r'class="ip-language__link" href="([^"]+)"', danish).group(1)
    status, english = get(urllib.parse.urljoin(server["base"] + "rejsetyper/", switch))
    assert status == 200 and '<html lang="en"' in english
    assert first_tagline(server["project"])["en"] in english


def test_the_preview_keeps_no_offline_copy_its_workers_remove_one_and_leave(server):
    """A built site served on this address before left a service worker keeping pages: the preview's sw.js
    replaces it with one that deletes the copy and unregisters, so a saved edit is never hidden behind it."""
    from tools.live_preview import RETIRING_WORKER

    for path in ("sw.js", "en/sw.js"):
        status, worker = get(server["base"] + path)
        assert status == 200 and worker == RETIRING_WORKER
        assert "unregister()" in worker and "fetch" not in worker


def test_a_save_rebuilds_both_languages_and_a_mistake_shows_in_the_browser(server):
    base, path = server["base"], server["project"] / "data" / "travel_types.yml"
    version = int(get(base + "__preview/version")[1])
    original = path.read_text(encoding="utf-8")
    old = first_tagline(server["project"])
    path.write_text(
        original.replace(old["da"], "Et nyt slogan til forhåndsvisningen", 1).replace(
            old["en"], "A new tagline for the preview", 1
        ),
        encoding="utf-8",
    )
    version = wait_for_version(base, version)
    assert "Et nyt slogan til forhåndsvisningen" in get(base + "rejsetyper/")[1]
    assert "A new tagline for the preview" in get(base + "en/rejsetyper/")[1]
    assert "__preview/version/da" in get(base + "rejsetyper/")[1]  # the page reloads itself on the next build
    # … of its own language, served as soon as that language is built (not when the slower one is)
    assert "__preview/version/en" in get(base + "en/rejsetyper/")[1]
    assert int(get(base + "__preview/version/en")[1]) >= 2

    path.write_text(original.replace(f"      en: {old['en']}\n", "      en: No\n", 1), encoding="utf-8")
    version = wait_for_version(base, version)
    status, page = get(base + "en/rejsetyper/")
    assert status == 500 and "The preview has stopped" in page
    assert re.search(r"data/travel_types\.yml:\d+:\d+: types\[0\]\.tagline\.en: YAML reads No as true or false", page)

    path.write_text(original, encoding="utf-8")
    wait_for_version(base, version)
    assert get(base + "rejsetyper/")[0] == 200


def test_the_preview_server_needs_only_pythons_standard_library_and_serves_both_languages(tmp_path):
    """serve-preview.py travels in the artifact: it must run without our packages (python -S: no site-packages)."""
    shutil.copy(ROOT / "tools" / "preview_zip_server.py", tmp_path / "serve-preview.py")
    for folder, lang in (("", "da"), ("en", "en")):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / "index.html").write_text(f'<html lang="{lang}">forside</html>', encoding="utf-8")
        (tmp_path / folder / "404.html").write_text(f'<html lang="{lang}">ikke fundet</html>', encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-S", "serve-preview.py", "--no-browser", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                status, page = get(base + "en/")
                break
            except OSError:
                time.sleep(0.2)
        assert (status, page) == (200, '<html lang="en">forside</html>')
        assert get(base + "en/findes-ikke/") == (404, '<html lang="en">ikke fundet</html>')
        assert get(base + "findes-ikke/") == (404, '<html lang="da">ikke fundet</html>')
    finally:
        process.terminate()
        process.wait(timeout=10)
