"""Where the benchmark builds, and how one run of a command is measured.

Everything happens in a snapshot of the project in a temporary directory: other people keep editing
the checkout while the benchmark runs, and every figure of one run should describe the same sources.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

PROJECT = Path(__file__).resolve().parents[2]
# Not sources: caches, builds, tools' own downloads, and the history.
SKIP = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "site", "site.partial", ".pytest_cache", "__pycache__", "artifacts"
)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# Run in a fresh interpreter per measured command: RUSAGE_CHILDREN then holds the peak of this run
# only (the largest single process among the command and its children), not of every earlier run.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": done.returncode, "wall": wall, "peak_kb": usage.ru_maxrss,
                  "cpu": usage.ru_utime + usage.ru_stime,
                  "stderr": done.stderr.decode(errors="replace")[-3000:]}))
"""


class CommandFailed(Exception):
    pass


@dataclass
class Run:
    wall: float  # seconds
    peak_mb: float  # peak resident memory of the largest process, MB
    cpu: float = 0.0  # CPU seconds (user + system) of the command and its children: on a shared machine
    # the neighbours' load stretches wall time, much less the CPU time a build needs


def snapshot(into: Path, source: Path = PROJECT) -> Path:
    """A copy of the project's sources with the project's .venv linked in (so `make` finds its tools)."""
    root = into / "project"
    shutil.copytree(source, root, ignore=SKIP, symlinks=True)
    (root / ".venv").symlink_to(PROJECT / ".venv")
    return root


def temp_dir(name: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))


def measure(command: list[str], cwd: Path) -> Run:
    """Wall time and peak memory of one run of `command`; CommandFailed with its last stderr lines."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], cwd=cwd, env=ENV, capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise CommandFailed(f"{' '.join(command)} exited {result['rc']}:\n{result['stderr'].strip()}")
    return Run(result["wall"], result["peak_kb"] / 1024, result["cpu"])


def median_run(command: list[str], cwd: Path, runs: int, warmup: int = 1) -> Run:
    """The median wall time and median peak of `runs` runs after `warmup` unmeasured ones."""
    for _ in range(warmup):
        measure(command, cwd)
    results = [measure(command, cwd) for _ in range(runs)]
    return _median(results)


def interleaved_medians(commands: dict[str, list[str]], cwd: Path, runs: int, warmup: bool = True) -> dict[str, Run]:
    """Like median_run for several commands, taking turns run by run, so that a change in the machine's
    load during the benchmark falls on all of them alike (their ratio is what counts). No warm-up where
    the caller has just run the same code (.pyc files, Jinja's template cache and the disk are warm)."""
    for command in commands.values() if warmup else ():
        measure(command, cwd)
    results: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(measure(command, cwd))
    return {name: _median(found) for name, found in results.items()}


def _median(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.wall for r in runs),
        statistics.median(r.peak_mb for r in runs),
        statistics.median(r.cpu for r in runs),
    )


LANGUAGES = {"da": "mkdocs.yml", "en": "mkdocs.en.yml"}
# One language through the project's own build function (its English goes to SITE/en/).
_ONE_LANGUAGE = (
    "import sys; from pathlib import Path; from tools.build import build_site; "
    "build_site(Path(sys.argv[1]), Path(sys.argv[2]), (sys.argv[3],))"
)


def build(root: Path, site: Path, lang: str | None = None) -> list[str]:
    """The command that builds the project at ROOT through its one way to build (tools/build.py, what
    `make build` runs after `make check`): both languages into SITE (Danish at SITE/, English at SITE/en/),
    or with LANG that language alone. The one place where the bench says how the project is built."""
    python = str(root / ".venv" / "bin" / "python")
    if lang is None:
        return [python, "-m", "tools.build", "--root", str(root), "--site", str(site)]
    return [python, "-c", _ONE_LANGUAGE, str(root), str(site), lang]


def make(root: Path, target: str, site: Path) -> list[str]:
    """`make TARGET` in the snapshot; -o keeps make from reinstalling the (linked) venv."""
    return ["make", "-s", "-C", str(root), "-o", ".venv/.site-deps", target, f"SITE={site}"]


def mkdocs_build(root: Path, config: str, site: Path) -> list[str]:
    """MkDocs itself on a config of ROOT: the bench's derived configs (tools/bench/overhead.py); not quiet,
    so that a failure's stderr says why."""
    return [str(root / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-f", str(root / config), "-d", str(site)]


def load_config(path: Path) -> dict:
    """A config file as MkDocs reads it (INHERIT resolved, Python names as objects)."""
    with path.open(encoding="utf-8") as file:
        return yaml_load(file)


def write_config(path: Path, config: dict) -> Path:
    """Write a derived config; the full dumper keeps `!!python/name:` tags (the slugify function)."""
    path.write_text(yaml.dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
