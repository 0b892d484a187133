"""The privacy page tells the truth about the site: who is responsible and how to reach them, which host sees
visitors' IP addresses, and where a sign-up email goes. Expectations come from data/site.yml (publisher, privacy)
and from the workflow that publishes the site, never from today's wording."""

from __future__ import annotations

import re

import yaml

from guide.rendering import Renderer
from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
# The hosts the deploy workflow can publish to, by the action that does it, and the name a visitor knows.
HOSTS = {"actions/deploy-pages": "GitHub Pages"}


def page(renderer: Renderer) -> str:
    return renderer.render("privacy", "privatliv.md", {})


def publishing_host() -> str:
    steps = [
        step.get("uses", "")
        for workflow in WORKFLOWS.glob("*.yml")
        for job in (yaml.safe_load(workflow.read_text(encoding="utf-8")) or {}).get("jobs", {}).values()
        for step in job.get("steps", [])
    ]
    hosts = {name for action, name in HOSTS.items() for uses in steps if uses.startswith(action + "@")}
    assert len(hosts) == 1, f"no deploy step (or more than one) in {WORKFLOWS}: {steps}; add its host to HOSTS"
    return hosts.pop()


def test_the_privacy_page_names_the_host_that_publishes_the_site(renderer: Renderer):
    assert publishing_host() in page(renderer)


def test_the_privacy_page_names_the_publisher_and_its_address_and_leaves_no_placeholder(renderer: Renderer, content):
    lang = renderer.env.globals["lang"]
    publisher = content["site"]["publisher"]
    markdown = page(renderer)
    first_section = re.split(r"^## ", markdown, flags=re.MULTILINE)[1]  # who is responsible comes first
    assert publisher["name"][lang] in first_section
    assert f"(mailto:{publisher['email']})" in first_section
    assert not re.search(r"\{(publisher|email)\}", markdown)


def test_the_sign_up_section_says_where_the_email_goes(renderer: Renderer, content):
    publisher = content["site"]["publisher"]
    signup = page(renderer).split("{ #privatliv-tilmelding }")[1]
    assert f"[{publisher['email']}](mailto:{publisher['email']})" in signup
    assert len(content["site"]["privacy"]["signup_mail"]) <= signup.count("\n\n")


def test_every_privacy_section_is_on_the_page_in_order(renderer: Renderer, content):
    markdown = page(renderer)
    places = [markdown.index(f"{{ #{section['id']} }}") for section in content["site"]["privacy"]["sections"]]
    assert places == sorted(places)
