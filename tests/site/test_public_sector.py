"""What a Danish public-sector site owes its visitors, on every built page of both languages:
a title and description of its own, a canonical URL, link previews, one h1, the footer's
accessibility statement and privacy links, "Last updated" and "Suggest a change", a real 404."""

from __future__ import annotations

import html
import re
import subprocess
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from guide.page_history import MONTHS, PageHistory, format_date
from tests.conftest import LANGS, ROOT, lang_root, page_paths
from tests.site.conftest import parse

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
REPOSITORY = CONFIG["extra"]["repository"]
STATEMENT = CONFIG["extra"]["accessibility_statement"]
SITE_URL = CONFIG["site_url"]
SITE_DATA = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))
PUBLISHER = SITE_DATA["publisher"]
# The frame's labels as the data has them (data/site.yml, ui), escaped for a pattern: an editor may reword them.
_UI = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))["ui"]
LABELS = {
    lang: {
        key: re.escape(html.escape(_UI[name][lang], quote=False))
        for key, name in [
            ("statement", "accessibility_statement"),
            ("privacy", "privacy"),
            ("updated", "last_updated"),
            ("change", "suggest_change"),
        ]
    }
    for lang in LANGS
}


def html_of(lang: str, path: str) -> Path:
    return lang_root(lang) / path / "index.html"


def page_key(path: str) -> str:
    """A built path's key in data/site.yml `pages:`: 'tjeklister/' -> 'tjeklister/index', '' -> 'index'."""
    stem = path.rstrip("/")
    return f"{stem}/index".lstrip("/") if (ROOT / "docs" / stem / "index.md").is_file() else stem


def meta(page, **attrs) -> str:
    return page.first("meta", **attrs).attrs["content"]


def test_the_repository_and_statement_are_set_once_and_not_as_repo_url():
    assert "repo_url" not in CONFIG, "Material would call the GitHub API from every visitor's browser"
    assert STATEMENT.startswith("https://was.digst.dk/")
    assert REPOSITORY.startswith("https://")


def title_of(file: Path) -> str:
    return re.search(r"<title>(.*?)</title>", file.read_text(encoding="utf-8"), re.S).group(1).strip()


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_its_own_title_and_description(site, lang):
    titles = Counter(title_of(html_of(lang, path)) for path in page_paths(lang))
    titles[title_of(lang_root(lang) / "404.html")] += 1
    descriptions = Counter(meta(parse(html_of(lang, path)), name="description") for path in page_paths(lang))
    assert [t for t, n in titles.items() if n > 1] == [], "titles shared by several pages"
    assert [d for d, n in descriptions.items() if n > 1] == [], "descriptions shared by several pages"
    assert all(len(d) > 40 for d in descriptions)


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_canonical_url_and_link_preview_in_its_language(site, lang):
    root_url = SITE_URL if lang == "da" else SITE_URL + "en/"
    for path in page_paths(lang):
        page = parse(html_of(lang, path))
        canonical = page.first("link", rel="canonical").attrs["href"]
        assert canonical == root_url + path
        assert meta(page, property="og:url") == canonical
        assert title_of(html_of(lang, path)).startswith(meta(page, property="og:title")), path
        assert meta(page, property="og:description") == meta(page, name="description")
        assert meta(page, property="og:locale") == {"da": "da_DK", "en": "en_GB"}[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_exactly_one_h1(site, lang):
    for path in page_paths(lang) + ["404.html"]:
        page = parse(lang_root(lang) / (path if path.endswith(".html") else path + "index.html"))
        assert len(page.find("h1")) == 1, path


@pytest.mark.parametrize("lang", LANGS)
def test_every_footer_links_the_accessibility_statement_and_privacy_page(site, lang):
    for path in page_paths(lang) + ["404.html"]:
        file = lang_root(lang) / (path if path.endswith(".html") else path + "index.html")
        footer = file.read_text(encoding="utf-8").split('<footer class="md-footer">')[1]
        statement = re.search(r'<a href="([^"]+)"[^>]*>' + LABELS[lang]["statement"] + "</a>", footer)
        assert statement and statement.group(1) == STATEMENT, path
        privacy = re.search(r'<a href="([^"]+)">' + LABELS[lang]["privacy"] + "</a>", footer)
        assert privacy, path
        href = privacy.group(1)
        target = lang_root(lang) / href.lstrip("/").removeprefix("en/") if href.startswith("/") else file.parent / href
        assert (target / "index.html").resolve().is_file(), f"{path}: {href}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_names_coi_as_publisher_above_the_header_and_in_the_footer_with_its_address(site, lang):
    name = PUBLISHER["name"][lang]
    for path in page_paths(lang) + ["404.html"]:
        text = (lang_root(lang) / (path if path.endswith(".html") else path + "index.html")).read_text(encoding="utf-8")
        banner = text.split('<aside class="md-banner">')[1].split("</aside>")[0]
        assert f"<strong>{name}</strong>" in banner, path
        footer = text.split('<footer class="md-footer">')[1]
        assert name in footer, path
        assert f'<a href="mailto:{PUBLISHER["email"]}">{PUBLISHER["email"]}</a>' in footer, path
        assert f'href="{PUBLISHER["website"]}"' in footer, path


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_says_when_it_was_updated_and_where_to_suggest_a_change(site, lang):
    sources = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))["pages"]
    for path in page_paths(lang):
        text = html_of(lang, path).read_text(encoding="utf-8")
        updated = re.search(LABELS[lang]["updated"] + r':\s*<time datetime="([\d-]+)">([^<]+)</time>', text)
        assert updated, f"{path}: no '{LABELS[lang]['updated']}'"
        day = date.fromisoformat(updated.group(1))
        assert date(2024, 1, 1) <= day <= date.today(), path
        assert updated.group(2) == format_date(day, lang)
        change = re.search(r'<a href="([^"]+)"[^>]*>' + LABELS[lang]["change"] + "</a>", text)
        first_source = sources[page_key(path)]["sources"][0]
        assert change and change.group(1) == f"{REPOSITORY}/edit/main/data/{first_source}.yml", path
        assert (ROOT / "data" / f"{first_source}.yml").is_file(), f"{path}: data/{first_source}.yml"


@pytest.mark.parametrize("lang", LANGS)
def test_the_404_page_offers_search_and_a_way_back(site, lang):
    ui = {key: text[lang] for key, text in _UI.items() if isinstance(text, dict) and lang in text}
    file = lang_root(lang) / "404.html"
    page = parse(file)
    root = "/" if lang == "da" else "/en/"
    form = page.first("form", role="search")
    assert form.attrs["action"] == root
    assert page.first("input", type="search").attrs["name"] == "q"  # Material opens its search with ?q=
    assert ui["not_found_search"] in page.text and ui["back_home"] in page.text
    links = [a.attrs["href"] for a in page.find("a")]
    assert root in links
    assert len([link for link in links if link.startswith(root) and link != root]) >= 3, "the guide's pages"
    title = re.search(r"<title>(.*?)</title>", file.read_text(encoding="utf-8")).group(1)
    assert html.unescape(title).startswith(ui["not_found_title"])


# A Danish quotation on an English page is marked lang="da", so a screen reader speaks it in Danish.

DANISH_WORDS = re.compile(r"\b(og|det|vi|at|har|ikke|som|en|til)\b.*[æøå]|[æøå].*\b(og|det|vi|at|har|ikke)\b")


class _Quotes(HTMLParser):
    """Each <blockquote> or <q> with the nearest lang around it and its text."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.open: list[list] = []
        self.quotes: list[tuple[str | None, str]] = []

    def handle_starttag(self, tag, attrs):
        lang = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else None)
        if tag in ("br", "img", "input", "meta", "link", "hr", "wbr", "source"):
            return
        self.stack.append((tag, lang))
        if tag in ("blockquote", "q"):
            self.open.append([lang, ""])

    def handle_endtag(self, tag):
        while self.stack:
            popped, _ = self.stack.pop()
            if popped == tag:
                break
        if tag in ("blockquote", "q") and self.open:
            self.quotes.append(tuple(self.open.pop()))

    def handle_data(self, data):
        for quote in self.open:
            quote[1] += data


def unmarked_danish_quotes(html: str) -> list[str]:
    parser = _Quotes()
    parser.feed(html)
    return [text.strip()[:60] for lang, text in parser.quotes if lang != "da" and DANISH_WORDS.search(text)]


def test_the_quote_check_tells_marked_from_unmarked_danish():
    danish = "Vi fik meget ud af det, og det gik rigtig godt for os på arbejdspladsen."
    assert unmarked_danish_quotes(f'<html lang="en"><blockquote><p>{danish}</p></blockquote></html>')
    assert not unmarked_danish_quotes(f'<html lang="en"><blockquote lang="da"><p>{danish}</p></blockquote></html>')
    assert not unmarked_danish_quotes('<html lang="en"><blockquote><p>It went very well.</p></blockquote></html>')


def test_danish_quotations_on_english_pages_are_marked_danish(site):
    for path in page_paths("en"):
        assert unmarked_danish_quotes(html_of("en", path).read_text(encoding="utf-8")) == [], path


# "Last updated" comes from git when it can, and never fails a build when it cannot.


def test_the_date_reads_naturally_in_each_language():
    assert format_date(date(2026, 11, 28), "da") == "28. november 2026"
    assert format_date(date(2026, 11, 28), "en") == "28 November 2026"
    assert len(MONTHS["da"]) == len(MONTHS["en"]) == 12


def test_the_date_is_the_newest_commit_of_the_pages_data(tmp_path):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(tmp_path)]
    subprocess.run(git[:-2] + ["init", "-q", str(tmp_path)], check=True)
    (tmp_path / "data").mkdir()
    for name, when in [("old", "2025-03-04T12:00:00"), ("new", "2026-01-02T12:00:00")]:
        (tmp_path / "data" / f"{name}.yml").write_text("x: 1\n")
        subprocess.run(git + ["add", "."], check=True)
        subprocess.run(
            git + ["commit", "-q", "-m", name],
            check=True,
            env={"GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when, "PATH": "/usr/bin:/bin"},
        )
    history = PageHistory(tmp_path, "https://example.org/repo/", "en", today=date(2030, 1, 1))
    assert history.for_sources(["old"])["updated"] == "2025-03-04"
    assert history.for_sources(["old", "new"]) == {
        "updated": "2026-01-02",
        "updated_text": "2 January 2026",
        "edit_url": "https://example.org/repo/edit/main/data/old.yml",
    }
    assert history.for_sources(["uncommitted"])["updated"] == "2030-01-01"


def test_without_git_history_the_date_is_the_build_date(tmp_path):
    history = PageHistory(tmp_path, "https://example.org/repo", "da", today=date(2030, 1, 1))  # not a repository
    assert history.for_sources(["advice"])["updated_text"] == "1. januar 2030"
