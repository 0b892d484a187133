"""A MkDocs hook for the overhead measurement (tools/bench/overhead.py), in both of its builds.

In our build (BENCH_CAPTURE_DIR set) it writes each page's Markdown as the macros rendered it, with its
metadata as the macros completed it (title, description, history…) as front matter, and what the macros
changed in the config (`extra`, `site_description`, the translated `nav`) to theme.json. In the plain
build (no macros plugin) it turns `extra` back into what the theme templates read.

`extra` is not all data: the macros put a function there (the content security policy, which a theme
partial calls on every page). JSON cannot hold a function, so a callable is written as the name to import
it by, with the arguments a functools.partial binds, and the plain build imports it again from the
project: the plain pages get the same policy, so the HTML stays identical.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

CALLABLE = "__bench_callable__"  # marks a callable in theme.json: {CALLABLE: "module:name", ...}


def to_json(value) -> str:
    """`extra` as JSON; a callable as its import name (and a partial's bound arguments, which must be JSON)."""
    return json.dumps(value, ensure_ascii=False, default=_reference)


def _reference(value) -> dict:
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, functools.partial):
        return {**_reference(value.func), "args": list(value.args), "keywords": value.keywords}
    if callable(value) and "<" not in value.__qualname__:  # not a lambda or a nested function
        return {CALLABLE: f"{value.__module__}:{value.__qualname__}"}
    raise TypeError(
        f"the bench cannot hand {value!r} from config.extra to the plain build: give it an "
        "importable function (module level) or JSON data"
    )


def restored(value, project: Path):
    """The value to_json wrote, with each callable imported again from `project` (the snapshot)."""
    if isinstance(value, dict) and CALLABLE in value:
        module, _, name = value[CALLABLE].partition(":")
        sys.path.insert(0, str(project))
        try:
            found = importlib.import_module(module)
        finally:
            sys.path.remove(str(project))
        for part in name.split("."):
            found = getattr(found, part)
        args, keywords = value.get("args", []), value.get("keywords", {})
        return functools.partial(found, *args, **keywords) if args or keywords else found
    if isinstance(value, dict):
        return {key: restored(item, project) for key, item in value.items()}
    if isinstance(value, list):
        return [restored(item, project) for item in value]
    return value


def _capture_dir() -> Path | None:
    return Path(os.environ["BENCH_CAPTURE_DIR"]) if os.environ.get("BENCH_CAPTURE_DIR") else None


def on_config(config):
    project = Path(config.config_file_path).parent
    for key, value in list(config["extra"].items()):
        config["extra"][key] = restored(value, project)
    return config


# Runs after every plugin (lowest priority), so it sees the macros' output.
@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    out = _capture_dir()
    if out is not None:
        meta = json.loads(to_json(dict(page.meta)))
        target = out / "docs" / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        front = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" if meta else ""
        target.write_text(front + markdown, encoding="utf-8")
    return markdown


@event_priority(-1000)
def on_post_build(config):
    out = _capture_dir()
    if out is not None:
        theme = {"extra": dict(config["extra"]), "site_description": config["site_description"], "nav": config["nav"]}
        (out / "theme.json").write_text(to_json(theme), encoding="utf-8")
