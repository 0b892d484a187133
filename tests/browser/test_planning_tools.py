"""A host sketches a programme, intern and host fill in the agreement, a participant types notes under
the questions: each is still there after a reload, goes away with Clear after a yes, prints with what
was typed within its page limit, and is a blank form without JavaScript. Both languages."""

from __future__ import annotations

import subprocess
from urllib.parse import unquote

import pytest

from guide.content import load_content
from tests.browser.test_checklists import pdf_pages, stored
from tests.conftest import ROOT

CONTENT = load_content(ROOT)
PLANNING = CONTENT["planning"]
PROGRAMME = PLANNING["programme"]
PREFIX = {kind["id"]: kind["prefix"] for kind in PLANNING["storage"]["kinds"]}
AGREEMENT_FIELDS = [field for group in PLANNING["agreement"]["groups"] for field in group["fields"]]
MAX_PAGES = {"program": 1, "praktikaftale": 2}  # the limits: one A4 (landscape), two A4


def url(base_url: str, lang: str, page: str) -> str:
    return f"{base_url}{'/en' if lang == 'en' else ''}/tjeklister/{page}/"


def pdf_text(pdf: bytes) -> str:
    """The printout's words on one line, in the order they were drawn (a cell's lines stay together)."""
    text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return " ".join(text.decode().split())


def printed(page) -> bytes:
    page.locator("body").click(position={"x": 1, "y": 1})  # no focus ring on the paper
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    page.emulate_media(media="screen")
    return pdf


def clear(page, lang: str) -> list[str]:
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name=PLANNING["tools"]["clear"][lang], exact=True).click()
    return asked


def suggestions_for(day: int, days: int, part: str, interns: int, lang: str) -> list[str]:
    kind = "first" if day == 1 else "last" if day == days else "middle"
    return [
        s["text"][lang]
        for s in PROGRAMME["suggestions"]
        if s["part"] == part and kind in s["days"] and interns >= s.get("min_interns", 1)
    ]


def fill_longest_programme(page, lang: str) -> dict[str, str]:
    """The most a programme holds: the most days, the most interns, every name, one changed cell."""
    days, interns = PROGRAMME["days"]["max"], PROGRAMME["interns"]["max"]
    longest = next(t for t in CONTENT["travel_types"]["types"] if days in t["days"])
    page.select_option(f"#{PROGRAMME['travel_type']['id']}", longest["id"])
    page.select_option(f"#{PROGRAMME['days']['id']}", str(days))
    page.select_option(f"#{PROGRAMME['interns']['id']}", str(interns))
    page.fill(f"#{PROGRAMME['start']['id']}", "2026-12-07")
    typed = {field["id"]: f"Vært Hansen {i}, Odense" for i, field in enumerate(PROGRAMME["people"])}
    typed |= {f"{PROGRAMME['intern_name']['id']}-{n}": f"Praktikant Nr{n} Jensen" for n in range(1, interns + 1)}
    typed[f"dag-2-{PROGRAMME['parts'][0]['id']}"] = "Møde med borgerservice kl. 9"
    for field, value in typed.items():
        page.fill(f"#{field}", value)
    return typed


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_programme_is_prefilled_from_the_advice_and_kept_after_a_reload(watched, lang):
    page = watched.page
    page.goto(url(watched.base_url, lang, "program"))
    assert stored(page) == {}  # looking stores nothing
    typed = fill_longest_programme(page, lang)
    page.reload()
    days, interns = PROGRAMME["days"]["max"], PROGRAMME["interns"]["max"]
    for field, value in typed.items():
        assert page.input_value(f"#{field}") == value
    assert page.locator("tr[data-ip-day]:visible").count() == days
    for day in range(1, days + 1):
        for part in PROGRAMME["parts"]:
            cell = f"dag-{day}-{part['id']}"
            if cell not in typed:
                assert page.input_value(f"#{cell}") == "\n".join(suggestions_for(day, days, part["id"], interns, lang))
    assert all(key.startswith(PREFIX["gemt-program"]) for key in stored(page))
    assert page.context.cookies() == []


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_shorter_trip_shows_fewer_days_and_its_last_day_gets_the_last_days_suggestions(watched, lang):
    page = watched.page
    page.goto(url(watched.base_url, lang, "program"))
    shortest = min(CONTENT["travel_types"]["types"], key=lambda t: t["days"][0])
    page.select_option(f"#{PROGRAMME['travel_type']['id']}", shortest["id"])
    days = shortest["days"][0]
    assert page.input_value(f"#{PROGRAMME['days']['id']}") == str(days)
    assert page.locator("tr[data-ip-day]:visible").count() == days
    for part in PROGRAMME["parts"]:
        assert page.input_value(f"#dag-{days}-{part['id']}") == "\n".join(
            suggestions_for(days, days, part["id"], 1, lang)
        )


@pytest.mark.parametrize("lang", ["da", "en"])
def test_send_to_the_intern_is_a_mailto_holding_the_programme_and_copy_gives_the_same_text(watched, lang):
    page = watched.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(url(watched.base_url, lang, "program"))
    typed = fill_longest_programme(page, lang)
    link = page.get_by_role("link", name=PROGRAMME["mail"][lang], exact=True)
    href = link.get_attribute("href")
    assert href.startswith("mailto:?subject=")
    body = unquote(href.split("&body=", 1)[1]).replace("\r\n", "\n")
    for value in typed.values():
        assert value in body
    for day in range(1, PROGRAMME["days"]["max"] + 1):
        assert PROGRAMME["day"][lang].replace("{n}", str(day)).upper() in body
        for part in PROGRAMME["parts"]:
            for line in page.input_value(f"#dag-{day}-{part['id']}").splitlines():
                assert line in body
    page.get_by_role("button", name=PLANNING["tools"]["copy"][lang], exact=True).click()
    page.get_by_role("status").filter(has_text=PLANNING["tools"]["copied"][lang]).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == body


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_programme_prints_on_one_landscape_a4_with_trip_dates_and_names(watched, lang):
    page = watched.page
    page.goto(url(watched.base_url, lang, "program"))
    typed = fill_longest_programme(page, lang)
    pdf = printed(page)
    assert pdf_pages(pdf) <= MAX_PAGES["program"]
    assert b"/MediaBox [0 0 841" in pdf  # A4 turned: 842 x 595 points
    text = pdf_text(pdf)
    for value in typed.values():
        assert value in text
    assert page.locator("[data-ip-date]").first.inner_text() in text
    for suggestion in PROGRAMME["suggestions"]:
        assert " ".join(suggestion["text"][lang].split()) in text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_clear_empties_the_programme_after_a_yes(watched, lang):
    page = watched.page
    page.goto(url(watched.base_url, lang, "program"))
    typed = fill_longest_programme(page, lang)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name=PLANNING["tools"]["clear"][lang], exact=True).click()
    assert stored(page) != {}
    assert clear(page, lang) == [PLANNING["tools"]["clear_confirm"][lang]]
    assert stored(page) == {}
    page.reload()
    for field in typed:
        if not field.startswith("dag-"):
            assert page.input_value(f"#{field}") == ""
    assert page.input_value(f"#dag-1-{PROGRAMME['parts'][0]['id']}") != ""  # the suggestions are back


def fill_agreement(page) -> dict[str, str]:
    typed = {}
    for number, field in enumerate(AGREEMENT_FIELDS):
        kind = field.get("kind", "text")
        selector = f"#{field['id']}"
        if kind == "checkbox":
            page.check(selector)
        elif kind == "travel_type":
            page.select_option(selector, CONTENT["travel_types"]["types"][-1]["id"])
        elif kind == "date":
            page.fill(selector, "2026-12-07")
        else:
            typed[field["id"]] = f"Svar nummer {number}" + ("\nog en linje mere" if kind == "textarea" else "")
            page.fill(selector, typed[field["id"]])
    return typed


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_agreement_is_kept_prints_on_two_a4_at_most_and_clears(watched, lang):
    page = watched.page
    page.goto(url(watched.base_url, lang, "praktikaftale"))
    typed = fill_agreement(page)
    page.reload()
    for field, value in typed.items():
        assert page.input_value(f"#{field}") == value
    checks = [f for f in AGREEMENT_FIELDS if f.get("kind") == "checkbox"]
    assert checks and all(page.is_checked(f"#{f['id']}") for f in checks)
    assert set(stored(page)) == {PREFIX["gemt-aftale"] + f["id"] for f in AGREEMENT_FIELDS}
    pdf = printed(page)
    assert pdf_pages(pdf) <= MAX_PAGES["praktikaftale"]
    text = pdf_text(pdf)
    for value in typed.values():
        for line in value.splitlines():
            assert line in text
    for signer in PLANNING["agreement"]["signatures"]["signers"]:
        assert signer["label"][lang] in text
    assert clear(page, lang) == [PLANNING["tools"]["clear_confirm"][lang]]
    assert stored(page) == {}
    page.reload()
    assert all(page.input_value(f"#{field}") == "" for field in typed)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_notes_under_the_questions_are_kept_printed_and_reset(watched, lang):
    page = watched.page
    page.goto(url(watched.base_url, lang, "praktikant"))
    notes = page.locator("textarea[data-ip-note]")
    first, last = notes.first, notes.last
    first.fill("Min første note\nover to linjer")
    page.reload()
    assert first.input_value() == "Min første note\nover to linjer"
    note_id = first.get_attribute("data-ip-note")
    assert stored(page) == {PREFIX["gemt-noter"] + note_id: "Min første note\nover to linjer"}
    page.emulate_media(media="print")
    # The typed note prints as text; an empty one as lines to write on.
    assert page.locator(f"#note-{note_id} + .ip-typed__print").is_visible()
    assert not page.locator(f"#note-{note_id} ~ .ip-lines").is_visible()
    assert page.locator(f"#{last.get_attribute('id')} ~ .ip-lines").is_visible()
    assert not first.is_visible()
    text = pdf_text(page.pdf(format="A4"))
    assert "Min første note" in text and "over to linjer" in text
    page.emulate_media(media="screen")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=CONTENT["site"]["ui"]["checklist_reset"][lang], exact=True).click()
    assert first.input_value() == "" and stored(page) == {}


def test_the_worksheet_keeps_notes_under_each_phase(watched):
    page = watched.page
    page.goto(f"{watched.base_url}/en/tjeklister/spredningsguiden/")
    for phase in CONTENT["spreading"]["phases"]:
        page.get_by_label(PLANNING["notes"]["phase_label"]["en"].replace("{name}", phase["name"]["en"])).fill(
            phase["id"]
        )
    page.reload()
    for phase in CONTENT["spreading"]["phases"]:
        assert page.input_value(f"#note-{phase['id']}") == phase["id"]


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("tool", ["program", "praktikaftale"])
def test_without_javascript_each_tool_is_a_complete_blank_form_to_print(browser, base_url, lang, tool):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(base_url, lang, tool))
    assert page.get_by_role("button").count() == 0
    fields = page.locator(".ip-tool [data-ip-field]")
    if tool == "program":
        assert page.locator("tr[data-ip-day]:visible").count() == PROGRAMME["days"]["max"]
        assert page.locator("[data-ip-cell]").count() == PROGRAMME["days"]["max"] * len(PROGRAMME["parts"])
        assert page.locator("[data-ip-intern]:visible").count() == PROGRAMME["interns"]["max"]
    else:
        assert fields.count() == len(AGREEMENT_FIELDS)
    assert all(
        value in ("", "on") or value.isdigit() or value in {t["id"] for t in CONTENT["travel_types"]["types"]}
        for value in fields.evaluate_all("fs => fs.map(f => f.value)")
    )
    assert page.locator("textarea").evaluate_all("ts => ts.every(t => t.value === '')")
    page.emulate_media(media="print")
    assert page.locator(".ip-lines:visible").count() == page.locator("textarea").count()
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) <= MAX_PAGES[tool]
    context.close()
