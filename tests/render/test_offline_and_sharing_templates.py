"""Issue 24's templates and build step on their own: what the offline worker keeps and how it versions it,
the manifest and its icons, the sharing and calendar parts of the planning tools, the privacy section."""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from guide import offline
from guide.rendering import Renderer
from tests.conftest import ROOT
from tests.render.conftest import other

PAGES = ("index.html", "rejsetyper/index.html", "tjeklister/program/index.html", "404.html")
CONFIG = (
    '<script id="__config" type="application/json">{"search": "assets/javascripts/workers/w.js?material=m.js"}</script>'
)


def fake_build(root: Path) -> Path:
    """A language's build in small: pages, assets, Material's lunr files, a map, a PDF and another build inside."""
    files = {
        "index.html": CONFIG,
        "rejsetyper/index.html": "travel",
        "tjeklister/program/index.html": "programme",
        "404.html": "not found",
        "assets/stylesheets/site.css": "css",
        "assets/stylesheets/main.min.css.map": "map",
        "assets/javascripts/workers/w.js": "worker",
        "assets/javascripts/workers/m.js": "material",
        "assets/javascripts/lunr/min/lunr.da.min.js": "da",
        "assets/javascripts/lunr/min/lunr.fr.min.js": "fr",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "s",
        "assets/javascripts/lunr/wordcut.js": "th",
        "search/search_index.json": "{}",
        "sitemap.xml": "<urlset/>",
        "sitemap.xml.gz": "gz",
        "innovationspraktik.pdf": "%PDF",
        "en/index.html": "english",
        "sw.js": "old worker",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_worker_keeps_every_page_its_files_and_this_languages_search_and_nothing_else(tmp_path):
    files = offline.precache(fake_build(tmp_path), "da", ("en/",))
    assert set(files) == {
        "./",
        "rejsetyper/",
        "tjeklister/program/",
        "404.html",
        "assets/stylesheets/site.css",
        "assets/javascripts/workers/w.js?material=m.js",
        "assets/javascripts/workers/m.js",
        "assets/javascripts/lunr/min/lunr.da.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "search/search_index.json",
    }
    assert all(re.fullmatch(r"[0-9a-f]{12}", revision) for revision in files.values())


def test_the_version_follows_the_content_not_the_clock(tmp_path):
    site = fake_build(tmp_path)
    first = offline.worker_script(ROOT / "templates", "da", offline.precache(site, "da", ("en/",)), ("en/",))
    again = offline.worker_script(ROOT / "templates", "da", offline.precache(site, "da", ("en/",)), ("en/",))
    assert first == again
    (site / "en" / "index.html").write_text("the other build changed", encoding="utf-8")
    assert offline.worker_script(ROOT / "templates", "da", offline.precache(site, "da", ("en/",)), ("en/",)) == first
    (site / "rejsetyper" / "index.html").write_text("a changed text", encoding="utf-8")
    changed = offline.precache(site, "da", ("en/",))
    assert offline.worker_script(ROOT / "templates", "da", changed, ("en/",)) != first
    assert offline.version(changed) in offline.worker_script(ROOT / "templates", "da", changed, ("en/",))


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js checks the worker's syntax")
def test_the_written_worker_is_valid_javascript(tmp_path):
    site = fake_build(tmp_path)
    script = tmp_path / "sw.js"
    script.write_text(
        offline.worker_script(ROOT / "templates", "da", offline.precache(site, "da", ("en/",)), ("en/",)),
        encoding="utf-8",
    )
    result = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_manifest_opens_the_guide_in_its_language_in_the_sites_colour(content, lang):
    manifest = offline.manifest(content["site"]["app"], lang, "description", offline.primary_colour(ROOT))
    assert manifest["name"] == content["site"]["app"]["name"][lang]
    assert manifest["short_name"] == content["site"]["app"]["short_name"][lang]
    assert len(manifest["short_name"]) <= 12, "a phone cuts a longer name under the icon"
    assert manifest["lang"].startswith(lang)
    assert manifest["start_url"] == manifest["scope"] == "./"
    site_css = (ROOT / offline.STYLESHEET).read_text(encoding="utf-8")
    assert f"--md-primary-fg-color: {manifest['theme_color']};" in site_css
    purposes = set()
    for icon in manifest["icons"]:
        png = (ROOT / "overrides" / icon["src"]).read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", png[16:24])
        assert icon["sizes"] == f"{width}x{height}"
        purposes.add(icon["purpose"])
    assert purposes == {"any", "maskable"}
    assert any(icon["sizes"] == "512x512" for icon in manifest["icons"])


def data_attributes(html: str, module: str) -> dict[str, str]:
    tag = re.search(rf'<[a-z]+ [^>]*data-module="{module}"[^>]*>', html, re.DOTALL)[0]
    return {
        name: html_lib.unescape(double or single)
        for name, double, single in re.findall(r'data-([a-z-]+)=(?:"([^"]*)"|\'([^\']*)\')', tag)
    }


@pytest.mark.parametrize(
    "template, page, storage_id",
    [
        ("programme", "tjeklister/program.md", "gemt-program"),
        ("agreement", "tjeklister/praktikaftale.md", "gemt-aftale"),
    ],
)
def test_each_tool_can_be_shared_in_this_language(renderer: Renderer, content, template, page, storage_id):
    lang = renderer.env.globals["lang"]
    share = content["planning"]["share"]
    html = renderer.render(template, page, {})
    assert html.count('data-module="ip-share"') == 1
    attributes = data_attributes(html, "ip-share")
    kinds = {kind["id"]: kind["prefix"] for kind in content["planning"]["storage"]["kinds"]}
    assert attributes["prefix"] == kinds[storage_id]
    tools = json.loads(attributes["tools"])
    assert {tools[kinds["gemt-program"]]["title"], tools[kinds["gemt-aftale"]]["title"]} == {
        content["site"]["pages"]["tjeklister/program"]["title"][lang],
        content["site"]["pages"]["tjeklister/praktikaftale"]["title"][lang],
    }
    text = html_lib.unescape(html)
    for key in (
        "title",
        "save_file",
        "copy_link",
        "open_file",
        "review_title",
        "replace",
        "keep",
        "opened",
        "not_a_plan",
        "too_new",
        "other_tool",
        "empty",
    ):
        assert share[key][lang] in text, key
        assert share[key][other(lang)] not in text, key
    # The file field has a visible label.
    field = re.search(r'<input type="file" id="([^"]+)"', html)[1]
    assert re.search(rf'<label for="{field}">{re.escape(share["open_file"][lang])}</label>', html)


def test_the_calendar_takes_its_location_from_a_field_of_the_programme(renderer: Renderer, content):
    lang = renderer.env.globals["lang"]
    calendar = content["planning"]["calendar"]
    html = renderer.render("programme", "tjeklister/program.md", {})
    attributes = data_attributes(html, "ip-calendar")
    assert attributes["location"] in [field["id"] for field in content["planning"]["programme"]["people"]]
    assert f'data-ip-field="{attributes["location"]}"' in html
    assert attributes["event"] == calendar["event"][lang] and "{n}" in attributes["event"]
    assert attributes["needs-start"] == calendar["needs_start"][lang]
    assert calendar["button"][lang] in html_lib.unescape(html)


def test_the_privacy_page_says_what_the_browser_keeps_for_offline_use_and_how_to_delete_it(renderer, content):
    lang = renderer.env.globals["lang"]
    device = content["planning"]["on_device"]
    html = renderer.render("privacy", "privatliv.md", {})
    assert f"## {device['title'][lang]} {{ #privatliv-enheden }}" in html
    for paragraph in device["paragraphs"]:
        assert paragraph[lang] in html
        assert paragraph[other(lang)] not in html
