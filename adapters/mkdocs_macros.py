"""Registrations only: what mkdocs-macros calls, wired to the modules that do the work."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from guide import content_security, offline
from guide.content import load_content
from guide.guide_build import theme_extra
from guide.i18n import build_language, twin_site_url
from guide.navigation import translated_nav
from guide.page_history import PageHistory
from guide.pages import PageTexts
from guide.problems import ContentError, counted
from guide.published_ids import former_ids
from guide.rendering import Renderer, RenderError
from guide.search_keywords import SearchKeywords

LOG = logging.getLogger("mkdocs.plugins.guide")


def define_env(env) -> None:
    """Once per build: load and validate the data, then offer `render` to the page stubs."""
    root = Path(env.project_dir)
    lang = build_language(env.conf)
    try:
        content = load_content(root)
    except ContentError as error:
        raise PluginError(f"the content has {counted(len(error.problems), 'problem')}:\n{error}") from None
    renderer = Renderer(root / "templates", Path(env.conf["docs_dir"]), content, lang, former_ids(root))
    env.variables["guide"] = PageTexts(content["site"], lang)
    # Theme templates (overrides/) read the site texts from here: the 404 page has no Markdown to render.
    env.conf["extra"].update(theme_extra(renderer, env.variables["guide"]))
    env.conf["site_description"] = env.variables["guide"].site_description
    # One nav for both builds: its groups get their names in this build's language (before MkDocs reads it).
    try:
        env.conf["nav"] = translated_nav(env.conf["nav"], content["site"]["nav_sections"], lang)
    except ValueError as error:
        raise PluginError(str(error)) from None
    env.conf["extra"]["twin"]["site_url"] = twin_site_url(env.conf)  # for the sitemap's hreflang pairs
    env.variables["page_history"] = PageHistory(root, env.conf["extra"]["repository"], lang)
    env.variables["search_keywords"] = SearchKeywords(content["search"], lang)
    # overrides/partials/content-security-policy.html calls this with the theme's inline scripts.
    env.conf["extra"]["content_security_policy"] = functools.partial(
        content_security.policy, preview=content_security.is_preview(env.conf["site_url"])
    )
    env.conf["extra"]["theme_colour"] = offline.primary_colour(root)  # the browser's bar (overrides/main.html)
    env.variables["offline"] = functools.partial(
        offline.write_offline_files,
        root,
        lang=lang,
        twin_root=env.conf["extra"]["twin"]["root"],
        app=content["site"]["app"],
        description=env.conf["site_description"],
    )

    @env.macro
    def render(template: str, **params) -> str:
        """The Markdown of templates/TEMPLATE.jinja for this page: `{{ render("travel_types") }}`."""
        try:
            return renderer.render(template, env.page.file.src_uri, params)
        except RenderError as error:
            # mkdocs-macros turns an exception here into a warning that `--quiet` hides: say it as an error.
            LOG.error("%s", error)
            raise


def on_pre_page_macros(env) -> None:
    """Before a page renders: its title and description (data/site.yml), search keywords and history."""
    try:
        env.variables["guide"].apply(env.page)
    except ValueError as error:  # a page without its entry in data/site.yml
        raise PluginError(str(error)) from None
    env.variables["search_keywords"].apply(env.page)
    env.page.meta["history"] = env.variables["page_history"].for_sources(env.page.meta["sources"])


def on_post_build(env) -> None:
    """After every file is written (the search index too): the offline worker and the manifest (guide/offline.py)."""
    env.variables["offline"](Path(env.conf["site_dir"]))
