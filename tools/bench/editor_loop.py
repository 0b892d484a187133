"""The editor's loop: save a YAML file under `make serve`, wait until the page shows the change.

Runs tools/live_preview.py as `make serve` does (both languages, rebuilt on save) but on a free port, in the
snapshot, so it never meets a preview someone else has open. Each edit changes the front page's Danish title in
data/site.yml; the time runs from the write until the served page carries the new title.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from .workspace import ENV

EDITS = 5
TIMEOUT = 60.0


def editor_loop(root: Path, edits: int = EDITS) -> list[float]:
    """Seconds from each save to the rebuilt page, for EDITS edits."""
    site_yml = root / "data" / "site.yml"
    data = yaml.safe_load(site_yml.read_text(encoding="utf-8"))
    title = data["pages"]["index"]["title"]
    original = title["da"]
    # Written in our own format once before serving, so later saves change only the title.
    _save(site_yml, data)
    port = _free_port()
    server = subprocess.Popen(
        [str(root / ".venv" / "bin" / "python"), "-m", "tools.live_preview", "--root", str(root), "--port", str(port)],
        cwd=root,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(url, original)
        times = []
        for edit in range(1, edits + 1):
            time.sleep(0.5)  # let the server settle, as between an editor's saves
            title["da"] = f"{original} bench-{edit}"
            builds = _builds(url)
            start = time.perf_counter()
            _save(site_yml, data)
            _wait_for(url, title["da"])
            times.append(time.perf_counter() - start)
            # The English build may still be running: the editor reads the page before saving again.
            _wait_until(lambda before=builds: _builds(url) > before, f"{url} never finished building both languages")
        return times
    finally:
        server.terminate()
        server.wait(timeout=10)


def median(times: list[float]) -> float:
    return statistics.median(times)


def _save(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _wait_for(url: str, text: str) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show '{text}' within {TIMEOUT:.0f} s")


def _builds(url: str) -> int:
    """How many builds of both languages the server has finished (tools/live_preview.py's version)."""
    with urllib.request.urlopen(url + "__preview/version", timeout=5) as response:
        return int(response.read())


def _wait_until(done, failure: str) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError(failure)
        time.sleep(0.05)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
