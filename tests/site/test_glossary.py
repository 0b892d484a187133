"""The built pages keep to the glossary (data/glossary.yml): the agreed terms, no Danish left in the English.

Everything expected comes from the glossary, so an editor can change a term, add one or change any text in
data/ without touching this file. What a visitor would notice:
- an "avoid" wording on a page of its language (a calque, a wrong name, American spelling);
- Danish on an English page that is neither an allowed name nor marked as Danish (lang="da");
- a Danish name (Innovationspraktik, Spredningsguiden) in an English page's text with no explanation, or with
  the explanation given more than once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

import pytest

from guide.content import load_content
from tests.conftest import LANGS, ROOT, lang_root, page_paths

# Common Danish words that are not also English words: one of them on an English page is a Danish slip.
# (Words spelt with æ, ø or å are Danish wherever they stand; see danish_words.)
DANISH_FUNCTION_WORDS = frozenset(
    """
    og ikke det er af til med som der jeg vi du dig hvis hvor hvad hvordan hvilke hvem hvorfor eller skal kan
    har være bliver blive sig sine hos nu fx osv mv jeres vores deres hinanden meget mest efter dette disse
    denne hun hende om ud fra gode godt alle andre anden andet nye hver helt jer ind ved kun også
""".split()
)
LETTERS = r"A-Za-zÆØÅæøåÉé"
WORD = re.compile(rf"[{LETTERS}]+")
SPECIAL_LETTERS = re.compile("[æøåÆØÅ]")
ADDRESS = re.compile(r"\S+@\S+|https?://\S+|\b[\w.-]+\.dk/\S*")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SHOWN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


@dataclass
class Term:
    da: str
    en: str
    gloss: str | None = None
    allowed_in_english: tuple[str, ...] = ()
    avoid: dict[str, tuple[str, ...]] = field(default_factory=dict)
    instead: dict[str, str] = field(default_factory=dict)

    def use(self, lang: str) -> str:
        """What the message tells an editor to write instead."""
        return self.instead.get(lang) or (self.en if lang == "en" else self.da)


@cache
def glossary() -> tuple[Term, ...]:
    return tuple(
        Term(
            da=t["da"],
            en=t["en"],
            gloss=t.get("gloss"),
            allowed_in_english=tuple(t.get("allowed_in_english", ())),
            avoid={lang: tuple(rule["words"]) for lang, rule in t.get("avoid", {}).items()},
            instead={lang: rule["instead"] for lang, rule in t.get("avoid", {}).items() if "instead" in rule},
        )
        for t in load_content(ROOT)["glossary"]["terms"]
    )


def phrase(words: str) -> re.Pattern:
    """A wording as whole words, exactly as written (case included): 'spar' never matches 'sparkle'."""
    return re.compile(rf"(?<![{LETTERS}]){re.escape(words)}(?![{LETTERS}])")


def allowed_names() -> list[str]:
    """Every Danish name that may stand in English text, longest first (so a name inside a longer one goes too)."""
    return sorted({name for term in glossary() for name in term.allowed_in_english}, key=len, reverse=True)


@cache
def site_name(lang: str) -> str:
    """The site's name in a language's build (mkdocs.en.yml may set its own; else mkdocs.yml's)."""
    for config in ("mkdocs.en.yml", "mkdocs.yml") if lang == "en" else ("mkdocs.yml",):
        if found := re.search(r"^site_name: *(.+)$", (ROOT / config).read_text(encoding="utf-8"), re.MULTILINE):
            return found.group(1).strip().strip("\"'")
    return ""


def danish_terms() -> list[tuple[str, Term]]:
    """The glossary's Danish wordings (before any bracketed explanation), unless English spells them the same
    or nearly so (organisation, program → programme: "email program" is English)."""
    found = []
    for term in glossary():
        english = [part.strip().lower() for part in re.split(r"[,()]", term.en)]
        for part in re.split(r",", re.sub(r"\(.*?\)", "", term.da)):
            part = part.strip()
            if (
                part
                and not any(word.startswith(part.lower()) for word in english)
                and part not in term.allowed_in_english
            ):
                found.append((part, term))
    return found


# ---------------------------------------------------------------------------------------------------------
# What a visitor sees of a page: its text and shown attributes, without what is marked as Danish.


class _Visible(HTMLParser):
    """The page's visible text in the page's language, and its main content's running text.

    Skips script, style and code, and everything inside an element with lang="da" on an English page (a Danish
    quotation or the link to the Danish twin, which a screen reader then speaks in Danish).
    """

    def __init__(self, lang: str):
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[tuple[str, bool, bool, bool]] = []  # tag, other language, in main content, heading/link
        self.texts: list[str] = []
        self.main: list[str] = []  # the article's text
        self.running: list[str] = []  # the article's sentences: its text outside headings, links and lone names

    def _state(self):
        return self.stack[-1][1:] if self.stack else (False, False, False)

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        other, main, aside = self._state()
        # Code is a key or an id (ipraktik:aftale:aftale-praktikant-navn), in no language.
        other = (
            other
            or tag in ("script", "style", "code")
            or (attrs.get("lang", self.lang) != self.lang and "lang" in attrs)
        )
        main = main or "md-content__inner" in attrs.get("class", "")
        aside = aside or tag in ("h1", "h2", "h3", "h4", "h5", "h6", "a")
        if not other:
            self.texts += [attrs[name] for name in SHOWN_ATTRIBUTES if attrs.get(name)]
            if tag == "meta" and attrs.get("name") == "description":
                self.texts.append(attrs.get("content", ""))
        if tag not in VOID:
            self.stack.append((tag, other, main, aside))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        other, main, aside = self._state()
        if other:
            return
        self.texts.append(data)
        if main:
            self.main.append(data)
            # A name standing alone, or the site's name, is a title, as on the booklet's cover.
            if not aside and data.strip() not in allowed_names() and data.strip() != site_name(self.lang):
                self.running.append(data)


@dataclass
class Page:
    path: str
    text: str
    main: str
    running: str


def squeeze(texts: list[str]) -> str:
    return " ".join(" ".join(texts).split())


def read_page(lang: str, path: str) -> Page:
    parser = _Visible(lang)
    parser.feed(
        (lang_root(lang) / (path if path.endswith(".html") else path + "index.html")).read_text(encoding="utf-8")
    )
    return Page(
        ("en/" if lang == "en" else "") + path, squeeze(parser.texts), squeeze(parser.main), squeeze(parser.running)
    )


@cache
def pages(lang: str) -> tuple[Page, ...]:
    return tuple(read_page(lang, path) for path in page_paths(lang) + ["404.html"])


def excerpt(text: str, match: re.Match) -> str:
    return "…" + text[max(0, match.start() - 30) : match.end() + 30] + "…"


# ---------------------------------------------------------------------------------------------------------
# The checks, as functions of a page's text, so the tests below can prove they catch what they should.


def found(text: str, matches: list[re.Match], what: str) -> str:
    """One line per wording and page: where it first stands, and how often (the menu repeats a lot)."""
    times = f" ({len(matches)} times)" if len(matches) > 1 else ""
    return f"{what} in {excerpt(text, matches[0])}{times}"


def avoided_wordings(text: str, lang: str) -> list[str]:
    text = ADDRESS.sub(" ", text)  # web addresses are not wording: innovationspraktik.coi.dk
    problems = []
    for term in glossary():
        for wording in term.avoid.get(lang, ()):
            if matches := list(phrase(wording).finditer(text)):
                problems.append(
                    found(text, matches, f"'{wording}'") + f": use '{term.use(lang)}' (glossary: {term.da})"
                )
    return problems


def danish_words(text: str) -> list[str]:
    """Danish in English text: glossary terms, words with æ/ø/å, common Danish words; allowed names aside."""
    text = ADDRESS.sub(" ", text)  # the printed checklist's own address has Danish in its path
    for name in allowed_names():
        text = phrase(name).sub(" ", text)
    problems = []
    for wording, term in danish_terms():
        if matches := list(re.finditer(rf"(?<![{LETTERS}]){re.escape(wording)}(?![{LETTERS}])", text, re.I)):
            problems.append(found(text, matches, f"Danish '{wording}'") + f": use '{term.en}'")
    words: dict[str, list[re.Match]] = {}
    for match in WORD.finditer(text):
        if SPECIAL_LETTERS.search(match.group()) or match.group().lower() in DANISH_FUNCTION_WORDS:
            words.setdefault(match.group(), []).append(match)
    for word, matches in words.items():
        problems.append(
            found(text, matches, f"Danish word '{word}'") + ": translate it, or if it is a name, "
            "add it to allowed_in_english in data/glossary.yml"
        )
    return problems


def unexplained_names(page: Page) -> list[str]:
    """Each Danish name with a gloss, named in the page's running text, is explained once, where it first appears:
    "Innovationspraktik (gloss)" in passing, or a sentence that defines it, "Innovationspraktik is gloss …"."""
    problems = []
    for term in glossary():
        first = phrase(term.en).search(page.running)
        if not term.gloss or not first:
            continue
        forms = (f"{term.en} ({term.gloss})", f"{term.en} is {term.gloss}")
        count = page.main.count(term.gloss)
        if not any(form in page.main for form in forms):
            problems.append(f"names {term.en} but never explains it: write '{forms[0]}' where it first appears")
        elif count > 1:
            problems.append(f"explains {term.en} {count} times; explain it once, where it first appears")
        elif not any(page.running.startswith(form, first.start()) for form in forms) and any(
            form in page.running for form in forms
        ):
            problems.append(
                f"explains {term.en} later than it first names it, in {excerpt(page.running, first)}: "
                "move the explanation to there"
            )
    return problems


def report(page: Page, problems: list[str]) -> str:
    return f"{page.path}:\n  " + "\n  ".join(problems)


# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_uses_a_wording_the_glossary_says_to_avoid(site, lang):
    found = [report(page, problems) for page in pages(lang) if (problems := avoided_wordings(page.text, lang))]
    assert not found, "\n".join(found)


def test_english_pages_have_no_danish_except_allowed_names(site):
    found = [report(page, problems) for page in pages("en") if (problems := danish_words(page.text))]
    assert not found, "\n".join(found)


def test_danish_names_are_explained_once_per_english_page(site):
    found = [report(page, problems) for page in pages("en") if (problems := unexplained_names(page))]
    assert not found, "\n".join(found)


# The checks must be able to fail: each catches what the glossary forbids and lets the allowed through.


def some_term(has: str) -> Term:
    term = next((t for t in glossary() if getattr(t, has) if has != "avoid" or t.avoid.get("en")), None)
    assert term, f"the glossary has no term with {has}; these checks need one"
    return term


def test_the_checks_catch_an_avoided_wording_and_name_the_term_to_use():
    term = some_term("avoid")
    problems = avoided_wordings(f"It went well. {term.avoid['en'][0]} and more.", "en")
    assert problems and term.en in problems[0]
    assert not avoided_wordings(f"It went well, {term.en}.", "en") or term.en in term.avoid["en"]


def test_the_checks_tell_danish_from_english_and_allowed_names():
    name = some_term("allowed_in_english").allowed_in_english[0]
    assert danish_words("Praktikanten tager hjem og deler det med kollegerne.")
    assert danish_words("Share it with your colleagues og your host.")
    assert not danish_words(f"Take part in {name} and share what you learn with your colleagues.")


def test_the_checks_catch_an_unexplained_or_twice_explained_name():
    term = some_term("gloss")
    bare = f"Take part in {term.en} today."
    assert unexplained_names(Page("x", bare, bare, bare))
    once = f"Take part in {term.en} ({term.gloss}). {term.en} is free."
    assert not unexplained_names(Page("x", once, once, once))
    twice = once + f" Again {term.en} ({term.gloss})."
    assert unexplained_names(Page("x", twice, twice, twice))
    late = f"{term.en} is free. Take part in {term.en} ({term.gloss})."
    assert unexplained_names(Page("x", late, late, late))
    defined = f"{term.en} is {term.gloss}. Take part in {term.en} today."
    assert not unexplained_names(Page("x", defined, defined, defined))
