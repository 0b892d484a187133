"""Zensical as the engine of tools/build.py (`make build-zensical`): each language's `zensical build`, then
what Zensical's theme cannot write itself, and the reading of a failed build's log.

One language after the other: two Zensical builds in one project share its .cache/ and one panics. --clean:
that cache knows the pages and the macros module, not data/, so a kept cache could serve pages with
yesterday's texts. Zensical writes only below the project's root (its config's folder), so each language
builds in WORK/<lang> and tools/build.py moves it into place.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from guide import content_security
from guide.guide_build import GuideBuild

from .zensical import GuideBuildError, write_config

WORK = ".zensical-build"
# Zensical ends a failed build's log with the Python exception that stopped it.
ERROR = re.compile(r"^(\w+(Error|Exception)|Error): ")
ERROR_NAMES = re.compile(r"^(?:(?:\w+(?:Error|Exception)|Python error|Error): )+")
# The line that only counts the content's problems (each follows on a line of its own).
FRAMING = re.compile(r"^the content has \d+ problems?:$")


def target(root: Path, staging: Path, lang: str, below: str) -> Path:
    """Where a language builds: below the project's root, as Zensical requires, whatever its place in SITE."""
    return root / WORK / lang


def build(root: Path, jobs: dict[str, tuple[str, Path]]) -> dict[str, list[str] | None]:
    """Each language in turn: {lang: (config file, target)} -> {lang: None when built, else its problems}."""
    results: dict[str, list[str] | None] = {}
    for lang, (config_file, target_dir) in jobs.items():
        try:
            config_path, guide = write_config(root, config_file, str(target_dir.relative_to(root)))
        except GuideBuildError as error:
            results[lang] = [line for line in str(error).splitlines() if not FRAMING.match(line.strip())]
            continue
        try:
            # `python -m` from the root puts it on sys.path: the extension imports adapters.zensical.
            run = subprocess.run(
                [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", str(config_path)],
                cwd=root,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                env=dict(os.environ),
                check=False,
            )
        finally:
            config_path.unlink()
        if run.returncode != 0:
            results[lang] = problem_lines(run.stdout)
            continue
        finish(guide, target_dir)
        results[lang] = None
    return results


def finish(guide: GuideBuild, site_dir: Path) -> None:
    """What Material's theme and the MkDocs adapter's hooks write, which Zensical's cannot: each page's Content
    Security Policy, the sitemap's hreflang pairs, and the offline copy's worker and manifest. `guide` is the
    one the language's config was written from (loading the content again would cost a second at ×10)."""
    for page in site_dir.rglob("*.html"):
        page.write_text(content_security.with_policy(page.read_text(encoding="utf-8")), encoding="utf-8")
    sitemap = site_dir / "sitemap.xml"
    sitemap.write_text(guide.sitemap_with_alternates(sitemap.read_text(encoding="utf-8")), encoding="utf-8")
    guide.write_offline_files(site_dir)


def clean(root: Path) -> None:
    shutil.rmtree(root / WORK, ignore_errors=True)  # the languages' folders and the theme's copy


def problem_lines(log: str) -> list[str]:
    """A failed Zensical build's log ends in the Python exception that stopped it (`RuntimeError: Python
    error: RenderError: templates/x.jinja:60: …`): its message, without the traceback and the exceptions'
    names, so that it starts with the file and line as Material's do; a log without one is returned whole."""
    found = [ERROR_NAMES.sub("", line.strip()) for line in log.splitlines() if ERROR.match(line.strip())]
    return found or [log.strip() or "the build failed without saying why"]
