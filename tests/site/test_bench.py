"""`make bench` keeps running: its overhead step builds plain Material from what our build captured.

The capture has to hand the theme's `extra` to the plain build, and the macros put a function there (the
content security policy). The plain build must then write the same HTML as ours, or the overhead it measures
compares two different sites. Quick mode as a whole runs in CI (`make bench QUICK=1`).
"""

from __future__ import annotations

import functools
import json
import subprocess

import pytest

from guide import content_security
from tests.conftest import ROOT
from tools.bench import capture, overhead
from tools.bench.workspace import ENV, mkdocs_build, snapshot


def test_a_function_in_extra_reaches_the_plain_build_as_the_same_function():
    extra = {
        "content_security_policy": functools.partial(content_security.policy, preview=False),
        "twin": {"lang": "en"},
        "generator": False,
    }
    back = capture.restored(json.loads(capture.to_json(extra)), ROOT)
    scripts = "<script>console.log(1)</script>"
    assert back["content_security_policy"](scripts) == extra["content_security_policy"](scripts)
    assert {k: v for k, v in back.items() if k != "content_security_policy"} == {
        "twin": {"lang": "en"},
        "generator": False,
    }


def test_a_callable_that_cannot_be_imported_again_is_refused_with_a_reason():
    with pytest.raises(TypeError, match="importable function"):
        capture.to_json({"f": lambda text: text})


@pytest.mark.parametrize("lang", ["en"])
def test_the_plain_build_writes_the_same_pages_as_ours(tmp_path, lang):
    root = snapshot(tmp_path)
    plain = overhead.plain_config(root, lang, tmp_path)
    subprocess.run(mkdocs_build(root, plain.name, tmp_path / "plain"), cwd=root, env=ENV, check=True)
    ours = tmp_path / f"capture-site-{lang}"
    pages = sorted(p.relative_to(ours) for p in ours.rglob("*.html"))
    assert pages and pages == sorted(p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*.html"))
    differing = [str(p) for p in pages if (ours / p).read_bytes() != (tmp_path / "plain" / p).read_bytes()]
    assert differing == [], "the plain build differs from ours, so the overhead compares different sites"


def test_every_tool_module_imports():
    """`make bench` and the other commands import their modules only when run; a rename that leaves an import
    behind (the bench still imported tools.serve after it became tools.live_preview) fails here, not in CI."""
    import importlib

    modules = sorted(
        path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
        for path in (ROOT / "tools").rglob("*.py")
    )
    assert "tools.bench.__main__" in modules
    for name in modules:
        importlib.import_module(name)
