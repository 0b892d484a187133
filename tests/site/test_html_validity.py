"""Valid HTML on every built page of both languages: the W3C's Nu Html Checker (vnu.jar).

npm `vnu-jar` (pinned in package.json) carries the checker; it runs on Java (tools/system-deps.sh installs
Debian's default-jre-headless where `java` is missing). One run checks the whole site in about two
seconds, so every page is checked, including pages added later.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors kept, each exactly: (the checker's message, the markup it points at) -> why it is kept.
# Only Material's own markup belongs here, never our templates: fix ours instead.
ALLOWED: dict[tuple[str, str], str] = {
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
        "or “week”.",
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    ): "Material's menu toggle (base.html, outside any block we could override). autocomplete=off keeps "
    "Firefox from restoring the checkbox after a reload, which would open the menu by itself.",
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
        "or “week”.",
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
    ): "Material's search toggle, beside the menu's, for the same reason: a restored tick would open "
    "the search overlay after a reload.",
}


@pytest.fixture(scope="module")
def errors(site, tmp_path_factory) -> dict[str, list[dict]]:
    """The checker's errors for the built site and for a broken page, from one run (Java starts once)."""
    broken = tmp_path_factory.mktemp("broken")
    page = (site / "index.html").read_text(encoding="utf-8")
    (broken / "index.html").write_text(
        page.replace("</main>", '<label for="nowhere">x</label></main>', 1), encoding="utf-8"
    )
    found = validate([site, broken])
    return {"site": [m for m in found if _in(m, site)], "broken": [m for m in found if _in(m, broken)]}


def validate(targets: list[Path]) -> list[dict]:
    """The checker's errors for every HTML file under `targets` (warnings left out)."""
    if shutil.which("java") is None:
        pytest.fail("no `java`: `bash tools/system-deps.sh` installs Debian's default-jre-headless")
    if not VNU.is_file():
        pytest.fail(f"no {VNU}: `make test` installs the npm packages (npm ci)")
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--skip-non-html", "--format", "json", *map(str, targets)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # The checker writes its JSON report to stderr and exits 1 when it found errors.
    report = json.loads(done.stderr)
    return [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def _in(message: dict, folder: Path) -> bool:
    return message.get("url", "").startswith(f"file:{folder}/")


def marked(message: dict) -> str:
    """The markup the message points at (the highlighted part of its extract)."""
    start = message.get("hiliteStart", 0)
    return message.get("extract", "")[start : start + message.get("hiliteLength", 0)]


def test_every_page_is_valid_html(site, errors):
    problems = [
        f"{m['url'].removeprefix('file:' + str(site))}:{m.get('lastLine', '?')}: {m['message']} at {marked(m)!r}"
        for m in errors["site"]
        if (m["message"], marked(m)) not in ALLOWED
    ]
    pages = sum(1 for _ in site.rglob("*.html"))
    print(f"\nNu Html Checker: {pages} pages, {len(errors['site'])} errors, {len(problems)} outside the allowlist")
    assert problems == [], "\n".join(problems)


def test_the_checker_reports_a_label_for_a_missing_control(errors):
    """The check can fail: a real page with the kind of error we fixed once is reported."""
    assert any("“for” attribute" in m["message"] and "nowhere" in marked(m) for m in errors["broken"])
