"""One search index per language, and nothing on a page that loads from another host."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from guide.content import load_content
from tests.conftest import LANGS, ROOT, lang_root, page_paths
from tests.site.conftest import parse


def search_index(lang: str) -> dict:
    return json.loads((lang_root(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_search_index_with_stemming(site, lang):
    index = search_index(lang)
    assert index["config"]["lang"] == [lang]
    # The worker that finds word forms adds the stems of the language's stemmer to the index.
    assert "stemmer" in index["config"]["pipeline"]
    locations = {doc["location"] for doc in index["docs"]}
    assert not any(location.startswith("en/") for location in locations)
    assert "rejsetyper/" in locations


def test_the_indexes_do_not_mix_languages(site):
    danish = " ".join(doc["title"] + doc["text"] for doc in search_index("da")["docs"])
    english = " ".join(doc["title"] + doc["text"] for doc in search_index("en")["docs"])
    # A page title that differs between the languages, taken from the data so an editor may reword it.
    title = load_content(ROOT)["site"]["pages"]["rejsetyper"]["title"]
    assert title["da"] != title["en"]
    assert title["da"] in danish and title["da"] not in english
    assert title["en"] in english and title["en"] not in danish


EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)
LOADING = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_loads_anything_from_another_host(site, lang):
    for path in page_paths(lang) + ["404.html"]:
        html = lang_root(lang) / (path if path.endswith(".html") else path + "index.html")
        page = parse(html)
        for element in page.elements:
            url = element.attrs.get(LOADING.get(element.tag, ""), "")
            if element.tag == "link" and element.attrs.get("rel") != "canonical":
                url = element.attrs.get("href", "")
            assert not EXTERNAL.match(url), f"{html}: <{element.tag}> loads {url}"
        assert "fonts.googleapis" not in html.read_text(encoding="utf-8")


def test_no_stylesheet_imports_from_another_host(site):
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"(@import|url\()\s*['\"]?(https?:)?//", text), css


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_dialog_has_a_name_for_screen_readers(site, lang):
    name = load_content(ROOT)["site"]["ui"]["search_dialog"][lang]
    for path in page_paths(lang) + ["404.html"]:
        html = lang_root(lang) / (path if path.endswith(".html") else path + "index.html")
        assert parse(html).first("div", role="dialog").attrs.get("aria-label") == name, path


SEARCH_KEYWORDS = load_content(ROOT)["search"]["keywords"]


@pytest.mark.parametrize("lang", LANGS)
def test_each_index_holds_its_own_languages_keywords_and_never_the_others(site, lang):
    other = "en" if lang == "da" else "da"
    for doc in search_index(lang)["docs"]:
        key = doc["location"].split("#")[0].strip("/") or "index"
        words = SEARCH_KEYWORDS.get(key) or SEARCH_KEYWORDS.get(f"{key}/index") or {lang: (), other: ()}
        assert doc.get("tags", []) == list(words[lang]), doc["location"]
        foreign = set(words[other]) - set(words[lang])
        assert not foreign & set(doc.get("tags", [])), f"{doc['location']}: {other} keywords in the {lang} index"


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_searches_with_the_worker_that_finds_word_forms(site, lang):
    """Material's worker runs inside ours (overrides/main.html); were the hand-over lost on a Material
    upgrade, search would quietly stop finding whole words and inflected forms."""
    for path in page_paths(lang) + ["404.html"]:
        html = lang_root(lang) / (path if path.endswith(".html") else path + "index.html")
        config = json.loads(
            re.search(
                r'<script id="__config" type="application/json">(.*?)</script>',
                html.read_text(encoding="utf-8"),
                re.DOTALL,
            ).group(1)
        )
        worker = urlsplit(urljoin(html.as_uri(), config["search"]))
        assert worker.path.endswith("/assets/javascripts/workers/search-word-forms.js"), path
        material = parse_qs(worker.query)["material"][0]
        assert (site / "assets" / "javascripts" / "workers" / material).is_file(), f"{path}: no {material}"
