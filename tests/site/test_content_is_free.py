"""No test holds content: the test layers pass on a copy of the project whose every text and every number differ.

An editor must be able to change, add or remove any text or number in data/ without touching a test. So a
whole copy of the project gets a marker appended to every text and every number moved one up (`days: [3, 4]`
becomes [4, 5]); `make check` must take it, the site must build (with its PDFs), and the render and site layers,
run in that copy against that site, must pass. A test that expects today's wording or counts fails there.

The inner run is the same suite, told by CONTENT_RUN that it is the inner one; the tests that build copies of
their own (the machinery of building, checking and serving, not the content) are left out of it.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from guide.content import check_content
from guide.validation import load_schemas
from tests.conftest import ROOT
from tests.projects import every_number_shifted, every_text_marked
from tools.build import build_site

INNER_RUN = "CONTENT_RUN"
# Tests that build, check or serve copies of their own: they test machinery on content of their choosing.
MACHINERY = (
    "test_content_is_free.py",
    "test_check_means_build.py",
    "test_editor_tasks.py",
    "test_guide_examples.py",
    "test_yaml_only_changes.py",
    "test_live_preview.py",
    "test_build.py",
    "test_zensical_parity.py",
    "test_theme_contract.py",
    "test_bench.py",
    # the repository and the machine, not the content (a copy has no git history)
    "test_fresh_machine.py",
)

pytestmark = pytest.mark.skipif(bool(os.environ.get(INNER_RUN)), reason="the inner run of this very test")


def whole_copy(into):
    """Every file git knows (committed or not, never ignored ones), with the installed tools linked in."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    for installed in (".venv", "node_modules"):
        (into / installed).symlink_to(ROOT / installed)
    return into


def run_layers(project, layers, extra_env=None) -> subprocess.CompletedProcess:
    """`layers` of the copy's own test suite, against the copy's site, as `make test` runs them."""
    ignored = [f"--ignore=tests/site/{name}" for name in MACHINERY]
    env = {
        **os.environ,
        INNER_RUN: "1",
        "SITE_DIR": str(project / "site"),
        "PYTHONPATH": str(project),
        **(extra_env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *layers, *ignored],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


def built_with_pdfs(project) -> None:
    build_site(project, project / "site")
    subprocess.run(
        [sys.executable, "-m", "tools.booklet_pdf"],
        cwd=project,
        check=True,
        env={**os.environ, "SITE_DIR": str(project / "site"), "PYTHONPATH": str(project)},
    )


def test_the_render_and_site_layers_pass_when_every_text_and_number_is_different(tmp_path):
    project = whole_copy(tmp_path)
    schemas, _ = load_schemas(project / "schema")
    for path in sorted((project / "data").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        marked = every_text_marked(data, schemas[path.stem])
        path.write_text(
            yaml.safe_dump(every_number_shifted(marked), allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
    check_content(project, thorough=True)
    built_with_pdfs(project)
    result = run_layers(project, ["tests/render", "tests/site"])
    assert result.returncode == 0, "a test holds today's content:\n" + result.stdout[-6000:]
