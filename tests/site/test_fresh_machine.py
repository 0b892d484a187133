"""A clean clone on a new machine: everything it refers to is in the repository, and what the system lacks is
either installed by one script (tools/system-deps.sh, which `make test` and `.ci/run` call first) or named
in one line with the command that installs it, before anything else runs."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.conftest import ROOT

# A relative path that names something ("../shared/notes.md"), as opposed to a bare "../" URL.
RELATIVE_PATH = re.compile(r"(?<![\w/.])(?:\.\./)+[\w.-][\w./-]*")
# Where other checkouts, shared folders and home directories live on the machines the site is made on.
OUTSIDE = re.compile(r"(?<![\w.])/(?:work|home|Users)/[\w.-]+")


def tracked_text_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    files = []
    for name in names.splitlines():
        path = ROOT / name
        if name == "package-lock.json" or not path.is_file():
            continue
        try:
            path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue   # a binary file refers to nothing
        files.append(path)
    return files


def test_nothing_in_the_repository_refers_to_a_path_outside_it():
    """A clean clone has nothing beside it: a "see ../x" or an absolute path into this machine points nowhere."""
    outside = []
    for path in tracked_text_files():
        text = path.read_text(encoding="utf-8")
        for match in RELATIVE_PATH.finditer(text):
            if not (path.parent / match.group(0)).resolve().is_relative_to(ROOT):
                outside.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
        outside += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in OUTSIDE.finditer(text)]
    assert outside == []
