"""The MkDocs adapter: what mkdocs-macros calls, wired to the engine-free core (guide/guide_build.py).

The core does the work; this module only hands it MkDocs' objects' plain values (the config, a page's
source path and meta) and turns the core's errors into MkDocs' (PluginError stops the build with its
message). adapters/zensical.py does the same for Zensical.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from guide import content_security
from guide.guide_build import GuideBuild
from guide.problems import ContentError, counted
from guide.rendering import RenderError

LOG = logging.getLogger("mkdocs.plugins.guide")


def define_env(env) -> None:
    """Once per build: load and validate the data, complete the config, then offer `render` to the stubs."""
    root = Path(env.project_dir)
    try:
        guide = GuideBuild(root, env.conf)
        changes = guide.config_changes()
    except ContentError as error:
        raise PluginError(f"the content has {counted(len(error.problems), 'problem')}:\n{error}") from None
    except ValueError as error:  # a config that does not fit the data (a nav group without its name)
        raise PluginError(str(error)) from None
    env.variables["guide"] = guide
    # The nav with its groups named in this build's language, the description, and what the theme reads from
    # `extra` (THEME-CONTRACT.md): all before MkDocs reads the config.
    env.conf["nav"] = changes["nav"]
    env.conf["site_description"] = changes["site_description"]
    env.conf["extra"].update(changes["extra"])
    # MkDocs only: overrides/partials/content-security-policy.html calls this with the theme's inline scripts.
    env.conf["extra"]["content_security_policy"] = functools.partial(
        content_security.policy, preview=content_security.is_preview(env.conf["site_url"])
    )

    @env.macro
    def render(template: str, **params) -> str:
        """The Markdown of templates/TEMPLATE.jinja for this page: `{{ render("travel_types") }}`."""
        try:
            return guide.render(template, env.page.file.src_uri, params)
        except RenderError as error:
            # mkdocs-macros turns an exception here into a warning that `--quiet` hides: say it as an error.
            LOG.error("%s", error)
            raise


def on_pre_page_macros(env) -> None:
    """Before a page renders: its title and description (data/site.yml), search keywords and history."""
    try:
        env.variables["guide"].prepare_page(env.page.file.src_uri, env.page.meta)
    except ValueError as error:  # a page without its entry in data/site.yml
        raise PluginError(str(error)) from None


def on_post_build(env) -> None:
    """After every file is written (the search index too): the offline worker and the manifest (guide/offline.py)."""
    env.variables["guide"].write_offline_files(Path(env.conf["site_dir"]))
