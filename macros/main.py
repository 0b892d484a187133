"""Registrations only: what mkdocs-macros calls, wired to the modules that do the work."""
from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import content_security
from .content import load_content
from .i18n import build_language, twin_site_url
from .navigation import translated_nav
from .page_history import PageHistory
from .pages import PageTexts
from .problems import ContentError
from .published_ids import former_ids
from .rendering import Renderer
from .search_keywords import SearchKeywords


def define_env(env) -> None:
    """Once per build: load and validate the data, then offer `render` to the page stubs."""
    root = Path(env.project_dir)
    lang = build_language(env.conf)
    try:
        content = load_content(root)
    except ContentError as error:
        raise PluginError(f"the content has {len(error.problems)} problem(s):\n{error}") from None
    renderer = Renderer(root / "templates", Path(env.conf["docs_dir"]), content, lang, former_ids(root))
    env.variables["guide"] = PageTexts(content["site"], lang)
    # Theme templates (overrides/) read the site texts from here: the 404 page has no Markdown to render.
    env.conf["extra"]["ui"] = renderer.env.globals["ui"]
    env.conf["extra"]["publisher"] = renderer.env.globals["publisher"]
    env.conf["extra"]["contact"] = renderer.env.globals["contact"]
    env.conf["extra"]["page_titles"] = env.variables["guide"].titles
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
        content_security.policy, preview=content_security.is_preview(env.conf["site_url"]))

    @env.macro
    def render(template: str, **params) -> str:
        """The Markdown of templates/TEMPLATE.jinja for this page: `{{ render("travel_types") }}`."""
        return renderer.render(template, env.page.file.src_uri, params)


def on_pre_page_macros(env) -> None:
    """Before a page renders: its title and description (data/site.yml), search keywords and history."""
    try:
        env.variables["guide"].apply(env.page)
    except ValueError as error:   # a page without its entry in data/site.yml
        raise PluginError(str(error)) from None
    env.variables["search_keywords"].apply(env.page)
    env.page.meta["history"] = env.variables["page_history"].for_sources(env.page.meta["sources"])
