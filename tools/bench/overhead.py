"""What our data, validation and macros cost over plain Material building the same pages.

One build with a capture hook writes each page's Markdown as the macros rendered it (with its title
and description as front matter) and the theme's `extra` as the macros completed it. A second config,
derived from ours without the macros plugin, builds that Markdown: same theme, overrides and
extensions, so the only difference left is our Python.
"""
from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .workspace import ENV, Run, interleaved_medians, load_config, mkdocs_build, write_config

LANGUAGES = {"da": "mkdocs.yml", "en": "mkdocs.en.yml"}

# A MkDocs hook: runs after every plugin (lowest priority), so it sees the macros' output.
CAPTURE_HOOK = '''
import json, os
from pathlib import Path
import yaml
from mkdocs.plugins import event_priority

OUT = Path(os.environ["BENCH_CAPTURE_DIR"])

@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    meta = {key: page.meta[key] for key in ("title", "description") if key in page.meta}
    target = OUT / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    front = "---\\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\\n\\n" if meta else ""
    target.write_text(front + markdown, encoding="utf-8")
    return markdown

@event_priority(-1000)
def on_post_build(config):
    theme = {"extra": dict(config["extra"]), "site_description": config["site_description"]}
    (OUT / "theme.json").write_text(json.dumps(theme, ensure_ascii=False), encoding="utf-8")
'''


@dataclass
class Overhead:
    ours: Run
    plain: Run
    pages: int          # HTML pages the build wrote

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
    hook = root / "bench_capture_hook.py"
    hook.write_text(CAPTURE_HOOK, encoding="utf-8")
    results = {}
    for lang, config_name in LANGUAGES.items():
        capture = out / f"capture-{lang}"
        config = load_config(root / config_name)
        config.pop("INHERIT", None)
        config["hooks"] = [*config.get("hooks", []), hook.name]
        captured = write_config(root / f"bench-capture.{lang}.yml", config)
        subprocess.run(mkdocs_build(root, captured.name, out / f"capture-site-{lang}"), cwd=root, check=True,
                       env={**ENV, "BENCH_CAPTURE_DIR": str(capture)}, capture_output=True)
        plain = write_config(root / f"bench-plain.{lang}.yml", _plain_config(root / config_name, capture))
        runs_of = interleaved_medians({"ours": mkdocs_build(root, config_name, out / f"ours-{lang}"),
                                       "plain": mkdocs_build(root, plain.name, out / f"plain-{lang}")}, root, runs)
        pages = sum(1 for _ in (out / f"ours-{lang}").rglob("*.html"))
        results[lang] = Overhead(runs_of["ours"], runs_of["plain"], pages)
    return results


def _plain_config(config_path: Path, capture: Path) -> dict:
    """Our config without the macros plugin and its watch list, over the captured Markdown."""
    config = load_config(config_path)
    config.pop("INHERIT", None)
    config.pop("watch", None)
    plugins = config.get("plugins", {})
    if isinstance(plugins, dict):
        plugins.pop("macros", None)
    else:
        config["plugins"] = [p for p in plugins if not (p == "macros" or isinstance(p, dict) and "macros" in p)]
    theme = json.loads((capture / "theme.json").read_text(encoding="utf-8"))
    config["extra"] = theme["extra"]
    config["site_description"] = theme["site_description"]
    config["docs_dir"] = os.fspath(capture / "docs")
    return config
