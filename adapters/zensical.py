"""The Zensical adapter: wires the engine-free core (guide/guide_build.py) to Zensical's objects.

Zensical (0.1.x) differs from MkDocs with mkdocs-macros in three ways that shape this module:

- Its macros extension runs `define_env` once per page, with that page as `env.page` (a
  `zensical.extensions.context.Page`: `path`, the source path below docs/, and `url`; no `file`), and it has
  no `on_pre_page_macros`. So `define_env` does per page what MkDocs' hooks do: the page's meta (title,
  description, keywords, history) and the `render` macro. The content is loaded and validated once per
  build and kept here (this module is imported, not re-executed, so the cache lives as long as the build).
- Its theme reads the config before any Python runs, so what adapters/mkdocs_macros.py writes into `config.extra` and
  `nav` at `define_env` arrives too late. `write_config` writes them into a generated config per language
  (`.zensical.<lang>.yml` beside mkdocs.yml, which it inherits: Zensical takes the project's root from where
  the config file is) before the build starts; tools/build.py calls it.
- It does not need MkDocs: nothing here imports it, and adapters/__init__.py loads the MkDocs adapter only
  when mkdocs-macros asks for its hooks.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

from guide.guide_build import GuideBuild
from guide.problems import ContentError, counted

# The module Zensical's macros extension loads instead of mkdocs.yml's `macros` (a dotted name is imported,
# so the project's root must be on sys.path: tools/build.py runs `python -m zensical` from there).
MODULE_NAME = "adapters.zensical"

# What of overrides/ Zensical's theme cannot take yet, each with why. The Zensical build gets a copy of
# overrides/ without these files: where Zensical's theme has a file of that name, its own is used, otherwise
# an empty one (THEME_PLACEHOLDER) stands in. README "Moving to Zensical" has the plan; the parity test
# (tests/site/test_zensical_parity.py) reads this list.
NOT_PORTED = {
    "partials/content-security-policy.html": "the policy's hashes come from a Python function in config.extra "
    "(guide/content_security.py), and Zensical's theme (minijinja) reads the config as data before any Python "
    "runs; adapters/zensical_build.py writes each page's policy after the build instead",
    "sitemap.xml": "Zensical's templates get `pages` as pages, Material's as files with a `.page`; "
    "adapters/zensical_build.py adds the hreflang pairs to Zensical's own sitemap after the build",
}
# What Zensical's theme does that Material's does not, switched off in the copy by an empty file, with why.
SWITCHED_OFF = {
    "partials/tags.html": "a page's search keywords (data/search.yml, meta `tags`) are for search only; "
    "Zensical's theme shows "
    "them under the text, Material's only with its tags plugin, which the site does not use",
}
THEME_PLACEHOLDER = "{#- Left out of the Zensical build: adapters/zensical.py says why. -#}\n"

_BUILDS: dict[tuple[Path, str], GuideBuild] = {}


class GuideBuildError(RuntimeError):
    """The guide cannot be built; the message lists every problem (Zensical prints it and stops)."""


def define_env(env) -> None:
    """Per page: the page's meta from the data, and `render` for its stub."""
    guide = _guide(Path(env.project_dir), env.conf)
    page = env.page
    if page is None:  # a Markdown text rendered outside a page: nothing to do
        return
    try:
        guide.prepare_page(page.path, page.meta)
    except ValueError as error:  # a page without its entry in data/site.yml
        raise GuideBuildError(str(error)) from None
    # The meta goes back to Zensical's Rust side, which takes lists and dicts only (a tuple fails the page).
    page.meta.update({key: _plain(value) for key, value in page.meta.items()})
    env.variables["guide"] = guide.texts
    # The page's address as MkDocs names it (docs/haefte.md passes it on); the stubs see a copy of the page.
    for seen in {id(page): page, id(env.variables.get("page")): env.variables.get("page")}.values():
        if seen is not None:
            seen.canonical_url = urljoin(env.conf["site_url"], page.url)

    @env.macro
    def render(template: str, **params) -> str:
        """The Markdown of templates/TEMPLATE.jinja for this page: `{{ render("travel_types") }}`."""
        return guide.render(template, page.path, params)


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _guide(root: Path, conf: dict) -> GuideBuild:
    key = (root, conf["theme"]["language"])
    if key not in _BUILDS:
        try:
            _BUILDS[key] = GuideBuild(root, conf)
        except ContentError as error:
            raise GuideBuildError(f"the content has {counted(len(error.problems), 'problem')}:\n{error}") from None
    return _BUILDS[key]


def write_config(root: Path, config_file: str, site_dir: str) -> tuple[Path, GuideBuild]:
    """The Zensical config for one language: CONFIG_FILE (mkdocs.yml or mkdocs.en.yml) inherited, with this
    adapter as the macros module, SITE_DIR (below ROOT, as Zensical requires) and what the core puts into the
    config (the nav's group names, the description, the theme's `extra`); and the guide it was written from,
    for what follows the build. Raises GuideBuildError."""
    config = read_config(root / config_file)
    try:
        guide = GuideBuild(root, config)
        changes = guide.config_changes()
    except ContentError as error:
        raise GuideBuildError(f"the content has {counted(len(error.problems), 'problem')}:\n{error}") from None
    except ValueError as error:
        raise GuideBuildError(str(error)) from None
    theme_dir = Path(site_dir).parent / "overrides"
    _copy_theme(root / config["theme"]["custom_dir"], root / theme_dir)
    generated = {
        "INHERIT": config_file,
        "site_dir": site_dir,
        "theme": {"custom_dir": str(theme_dir)},
        "plugins": {"macros": {**config["plugins"]["macros"], "module_name": MODULE_NAME}},
        **changes,
    }
    path = root / f".zensical.{config['theme']['language']}.yml"
    path.write_text(
        "# Generated by tools/build.py for `make build-zensical`; never edit (see adapters/zensical.py).\n"
        + yaml.safe_dump(generated, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return path, guide


def _copy_theme(overrides: Path, target: Path) -> None:
    """overrides/ as the Zensical build's theme folder, with what cannot port yet left out (NOT_PORTED)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(overrides, target)
    from zensical_ui import get_theme_dir

    for name in NOT_PORTED:
        if (Path(get_theme_dir()) / name).is_file():
            (target / name).unlink()
        else:
            (target / name).write_text(THEME_PLACEHOLDER, encoding="utf-8")
    for name in SWITCHED_OFF:
        (target / name).write_text(THEME_PLACEHOLDER, encoding="utf-8")


def read_config(path: Path) -> dict[str, Any]:
    """The config as Zensical reads it (INHERIT resolved, `!!python/name:` tags kept as objects)."""
    from zensical.config import _yaml_load  # Zensical's own reader: the adapter may know the engine

    with path.open(encoding="utf-8") as file:
        return _yaml_load(file)
