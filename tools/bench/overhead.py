"""What our data, validation and macros cost over plain Material building the same pages.

One build with a capture hook (tools/bench/capture.py) writes each page's Markdown as the macros
rendered it (with its metadata as front matter) and the config as the macros completed it. A second
config, derived from ours without the macros plugin, builds that Markdown: same theme, overrides and
extensions, the same HTML (tests/site/test_bench.py), so the only difference left is our Python.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .workspace import (
    ENV,
    LANGUAGES,
    CommandFailed,
    Run,
    build,
    interleaved_medians,
    load_config,
    mkdocs_build,
    write_config,
)

# The hook that captures our build's output and hands `extra` to the plain build (tools/bench/capture.py).
CAPTURE_HOOK = Path(__file__).with_name("capture.py")


@dataclass
class Overhead:
    ours: Run
    plain: Run
    pages: int  # HTML pages the build wrote

    @property
    def ratio(self) -> float:
        """By CPU time: on a shared machine wall time also measures the neighbours (both are shown)."""
        return self.ours.cpu / self.plain.cpu

    @property
    def wall_ratio(self) -> float:
        return self.ours.wall / self.plain.wall

    @property
    def extra(self) -> float:
        """CPU seconds our build takes beyond the plain one."""
        return self.ours.cpu - self.plain.cpu


def fixed_and_per_page(small: Overhead, large: Overhead) -> tuple[float, float]:
    """Our extra time split into a fixed cost per build (s) and a cost per page (s), from two sizes:
    extra = fixed + per_page × pages, a straight line through the two measurements."""
    per_page = (large.extra - small.extra) / (large.pages - small.pages)
    return small.extra - per_page * small.pages, per_page


def overhead(root: Path, out: Path, runs: int) -> dict[str, Overhead]:
    """Per language: our build and the plain build of the same pages, medians of the same run."""
    results = {}
    for lang in LANGUAGES:
        plain = plain_config(root, lang, out)
        # The capture build just ran our code and the theme on these pages: it is the warm-up.
        runs_of = interleaved_medians(
            {
                "ours": build(root, out / f"ours-{lang}", lang),
                "plain": mkdocs_build(root, plain.name, out / f"plain-{lang}"),
            },
            root,
            runs,
            warmup=False,
        )
        pages = sum(1 for _ in (out / f"ours-{lang}").rglob("*.html"))
        results[lang] = Overhead(runs_of["ours"], runs_of["plain"], pages)
    return results


def plain_config(root: Path, lang: str, out: Path) -> Path:
    """Our build of one language with the capture hook (its site in OUT/capture-site-LANG), and the
    config of the plain build of what it captured, written into ROOT; CommandFailed if our build fails."""
    capture = out / f"capture-{lang}"
    config = load_config(root / LANGUAGES[lang])
    config.pop("INHERIT", None)
    config["hooks"] = [*config.get("hooks", []), str(CAPTURE_HOOK)]
    captured = write_config(root / f"bench-capture.{lang}.yml", config)
    done = subprocess.run(
        mkdocs_build(root, captured.name, out / f"capture-site-{lang}"),
        cwd=root,
        env={**ENV, "BENCH_CAPTURE_DIR": str(capture)},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise CommandFailed(f"the capture build ({lang}) exited {done.returncode}:\n{done.stderr.strip()}")
    return write_config(root / f"bench-plain.{lang}.yml", _plain_config(root / LANGUAGES[lang], capture))


def _plain_config(config_path: Path, capture: Path) -> dict:
    """Our config without the macros plugin and its watch list, over the captured Markdown."""
    config = load_config(config_path)
    config.pop("INHERIT", None)
    config.pop("watch", None)
    config["hooks"] = [*config.get("hooks", []), str(CAPTURE_HOOK)]  # imports `extra`'s callables again
    plugins = config.get("plugins", {})
    if isinstance(plugins, dict):
        plugins.pop("macros", None)
    else:
        config["plugins"] = [p for p in plugins if not (p == "macros" or isinstance(p, dict) and "macros" in p)]
    theme = json.loads((capture / "theme.json").read_text(encoding="utf-8"))  # callables as import names
    config["extra"] = theme["extra"]
    config["site_description"] = theme["site_description"]
    config["nav"] = theme["nav"]
    config["docs_dir"] = os.fspath(capture / "docs")
    return config
