"""The guide on the road (issue 24): after one online visit a language works without a network, a new build
reaches a returning visitor, and a repeat view costs no more than revalidating the page."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from guide.content import load_content
from tests.browser.visitor import search
from tests.conftest import ROOT, lang_root
from tests.projects import build, edit_yaml, project_copy
from tools.browser import serve
from tools.offline_weight import CountingHandler, measure, wait_for_worker

CONTENT = load_content(ROOT)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
ROOTS = {"da": "/", "en": "/en/"}


def sitemap_paths(lang: str) -> list[str]:
    """Every page of a language as its URL path, from the language's own sitemap.xml."""
    tree = ET.parse(lang_root(lang) / "sitemap.xml")
    return [urlsplit(loc.text).path for loc in tree.iter(SITEMAP)]


def offline_visitor(browser, base_url: str, lang: str):
    """A visitor who opened the language's front page once online and then lost the network."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + ROOTS[lang])
    wait_for_worker(page)
    context.set_offline(True)
    return context, page


@pytest.mark.parametrize("lang", ["da", "en"])
def test_after_one_visit_every_page_opens_offline_search_finds_and_a_tick_is_kept(browser, base_url, lang):
    context, page = offline_visitor(browser, base_url, lang)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    paths = sitemap_paths(lang)
    assert len(paths) > 1
    titles = {page["title"][lang] for page in CONTENT["site"]["pages"].values()}
    for path in paths:
        response = page.goto(base_url + path)
        assert response.ok, f"{path} did not open offline"
        assert page.locator("article h1").count() == 1, f"{path} opened without its content"
        assert page.title().split(" - ")[0] in titles, f"{path} opened offline as '{page.title()}'"
    # Search: a travel type's name, typed as a visitor does, finds its page from the kept index.
    page.goto(base_url + ROOTS[lang])
    name = CONTENT["travel_types"]["types"][0]["name"][lang]
    assert search(page, name, lang), "search found nothing offline"
    # A checklist tick, kept across an offline reload.
    page.goto(base_url + ROOTS[lang] + "tjeklister/praktikant/")
    box = page.locator("input[data-ip-item]").first
    box.check()
    page.reload()
    assert page.locator("input[data-ip-item]").first.is_checked()
    assert errors == []
    context.close()


def test_a_page_not_kept_gets_the_languages_not_found_page_offline(browser, base_url):
    context, page = offline_visitor(browser, base_url, "en")
    response = page.goto(base_url + "/en/does-not-exist/")
    assert response.status == 404
    assert page.locator("article h1").inner_text() == CONTENT["site"]["ui"]["not_found_title"]["en"]
    context.close()


def test_the_danish_worker_leaves_the_english_build_to_its_own(browser, base_url):
    """Danish's scope (/) contains /en/; the English pages still come from the English build, online."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "/")
    wait_for_worker(page)
    keys = page.evaluate("caches.keys()")
    assert keys and all(key.startswith("ipraktik-da-") for key in keys)
    kept = page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys())
          for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
        return urls; }""")
    assert not [url for url in kept if url.startswith("/en/")]
    page.goto(base_url + "/en/")
    assert page.locator("html").get_attribute("lang").startswith("en")
    context.close()


def test_a_repeat_view_costs_no_more_than_revalidating_the_page_and_offline_nothing(browser, site):
    for lang in ("da", "en"):
        weight = measure(site, browser, lang)
        assert weight.files_kept > len(sitemap_paths(lang)), "the worker keeps fewer files than there are pages"
        assert 0 < weight.repeat_view <= weight.page_html_gzip
        assert weight.offline == 0


def front_page_lead(page) -> str:
    return page.locator(".ip-hero__lead").inner_text()


def test_a_new_build_reaches_a_returning_visitor_and_the_old_copy_goes(browser, tmp_path):
    """Two builds whose content differs in one text: a visitor of the first sees the second within two loads."""
    project = project_copy(tmp_path / "project")
    served = tmp_path / "served"
    assert build(project) == []
    shutil.copytree(project / "site", served)
    lead = CONTENT["scheme"]["lead"]["da"]
    changed = lead + " Ny udgave."
    edit_yaml(project / "data" / "scheme.yml", lambda data: data["lead"].update(da=changed))
    shutil.rmtree(project / "site")
    assert build(project) == []
    old_worker, new_worker = (served / "sw.js").read_text(), (project / "site" / "sw.js").read_text()
    assert version_of(old_worker) != version_of(new_worker)
    # The English build's content did not change: its worker (and what it keeps) stays the same.
    assert (served / "en" / "sw.js").read_text() == (project / "site" / "en" / "sw.js").read_text()

    with serve(served, CountingHandler) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "/")
        wait_for_worker(page)
        assert page.evaluate("caches.keys()") == [f"ipraktik-da-{version_of(old_worker)}"]
        assert plain(lead) in front_page_lead(page)
        shutil.rmtree(served)  # the host publishes the second build
        shutil.copytree(project / "site", served)
        CountingHandler.take()
        loads = 0
        for _ in range(2):
            page.reload()
            loads += 1
            if plain(changed) in front_page_lead(page):
                break
            # The first load came from the old copy; meanwhile the browser found the new sw.js.
            wait_for_version(page, version_of(new_worker))
        assert plain(changed) in front_page_lead(page), "the returning visitor still sees the old guide"
        assert loads <= 2
        assert page.evaluate("caches.keys()") == [f"ipraktik-da-{version_of(new_worker)}"], "the old copy is kept"
        # Only what changed was fetched again: the pages showing the text, the search index, the worker.
        fetched = {path.split("?")[0] for path, _ in CountingHandler.take()}
        assert "/assets/stylesheets/site.css" not in fetched
        context.close()


def version_of(worker: str) -> str:
    return re.search(r'const VERSION = "([0-9a-f]+)";', worker)[1]


def wait_for_version(page, version: str) -> None:
    """Until the new worker has kept the new build and taken over (its cache is the only one left)."""
    for _ in range(100):
        if page.evaluate("caches.keys()") == [f"ipraktik-da-{version}"]:
            return
        page.wait_for_timeout(100)


def plain(text: str) -> str:
    """A text as the page shows it: Markdown's emphasis and links reduced to their words."""
    return re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", text).replace("**", "").replace("*", "")


def test_the_booklets_pdf_is_kept_only_once_opened(browser, site, tmp_path):
    """Not in the worker's list (it is large); kept when a visitor opens it, and then there offline too."""
    served = tmp_path / "served"
    shutil.copytree(site, served)
    pdf = b"%PDF-1.4 a stand-in for the booklet\n"
    (served / "innovationspraktik.pdf").write_bytes(pdf)
    with serve(served) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "/")
        wait_for_worker(page)
        read = "path => fetch(path).then(r => r.ok ? r.text() : null, () => null)"
        context.set_offline(True)
        assert page.evaluate(read, "innovationspraktik.pdf") is None, "the PDF was kept before it was asked for"
        context.set_offline(False)
        assert page.evaluate(read, "innovationspraktik.pdf") == pdf.decode()
        context.set_offline(True)
        assert page.evaluate(read, "innovationspraktik.pdf") == pdf.decode(), "the opened PDF is not kept"
        context.close()
