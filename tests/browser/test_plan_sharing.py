"""Host and intern share a plan without a server (issue 24): a file or a link made in one browser profile,
opened in another, which shows what will change and replaces nothing unasked; and the programme as a
calendar file that a calendar parser reads."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from guide.content import load_content
from tests.browser.test_planning_tools import AGREEMENT_FIELDS, PREFIX, PROGRAMME, fill_agreement, stored, url
from tests.conftest import ROOT

CONTENT = load_content(ROOT)
SHARE = CONTENT["planning"]["share"]
CALENDAR = CONTENT["planning"]["calendar"]
PAGES = CONTENT["site"]["pages"]
ADDRESS = "program-adresse"  # the field the calendar takes its location from (programme_calendar.jinja)


def profile(browser):
    """A browser profile of its own: its own storage, as the other party's browser."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    return context, page


def share_status(page):
    return page.locator("[data-module=ip-share] [data-ip-status]")


def save_file(page) -> str:
    with page.expect_download() as download:
        page.get_by_role(
            "button", name=SHARE["save_file"]["da" if "/en/" not in page.url else "en"], exact=True
        ).click()
    return Path(download.value.path()).read_text(encoding="utf-8")


def open_file(page, text: str) -> None:
    page.set_input_files(
        "[data-ip-open-file]",
        files=[{"name": "plan.json", "mimeType": "application/json", "buffer": text.encode("utf-8")}],
    )


def changes(page) -> dict[str, tuple[str, str]]:
    """The review's rows: field name -> (now, will become)."""
    rows = page.locator("[data-ip-review] tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.textContent))"
    )
    return {name: (now, new) for name, now, new in rows}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_an_agreement_saved_as_a_file_opens_in_another_profile_after_showing_what_changes(browser, base_url, lang):
    host, host_page = profile(browser)
    host_page.goto(url(base_url, lang, "praktikaftale"))
    typed = fill_agreement(host_page)
    plan = json.loads(save_file(host_page))
    assert plan["version"] >= 1 and plan["kind"] == PREFIX["gemt-aftale"]
    assert set(plan["fields"]) == {field["id"] for field in AGREEMENT_FIELDS}

    intern, intern_page = profile(browser)
    intern_page.goto(url(base_url, lang, "praktikaftale"))
    first = AGREEMENT_FIELDS[0]["id"]
    intern_page.fill(f"#{first}", "Det praktikanten selv skrev")
    before = stored(intern_page)
    open_file(intern_page, json.dumps(plan))
    review = intern_page.locator("[data-ip-review]")
    expect(review).to_be_visible()
    group = next(g for g in CONTENT["planning"]["agreement"]["groups"] if first in [f["id"] for f in g["fields"]])
    label = f"{group['title'][lang]} – {group['fields'][0]['label'][lang]}"
    assert changes(intern_page)[label] == ("Det praktikanten selv skrev", typed[first])
    assert len(changes(intern_page)) == len(AGREEMENT_FIELDS)
    assert stored(intern_page) == before, "opening replaced something before the visitor said yes"

    # Keep what I have: nothing changes.
    intern_page.get_by_role("button", name=SHARE["keep"][lang], exact=True).click()
    expect(review).to_be_hidden()
    assert stored(intern_page) == before

    # Open again, and replace: every field as the host typed it, after a reload, and a message saying so.
    open_file(intern_page, json.dumps(plan))
    with intern_page.expect_navigation():
        intern_page.get_by_role("button", name=SHARE["replace"][lang], exact=True).click()
    expect(share_status(intern_page)).to_have_text(SHARE["opened"][lang])
    for field, value in typed.items():
        assert intern_page.input_value(f"#{field}") == value
    assert stored(intern_page) == stored(host_page)
    assert host_page.errors == intern_page.errors == []
    host.close()
    intern.close()


def test_a_programme_link_carries_the_plan_after_the_hash_into_another_profile(browser, base_url):
    host, host_page = profile(browser)
    host_page.goto(url(base_url, "en", "program"))
    cell = f"dag-1-{PROGRAMME['parts'][0]['id']}"
    host_page.fill(f"#{cell}", "Coffee with the team; then a tour, floor 2")
    host_page.fill(f"#{PROGRAMME['start']['id']}", "2027-03-01")
    host.grant_permissions(["clipboard-read", "clipboard-write"])
    host_page.get_by_role("button", name=SHARE["copy_link"]["en"], exact=True).click()
    expect(share_status(host_page)).to_have_text(SHARE["link_copied"]["en"])
    link = host_page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(url(base_url, "en", "program") + "#plan=")

    intern, intern_page = profile(browser)
    intern_page.goto(link)
    expect(intern_page.locator("[data-ip-review]")).to_be_visible()
    assert stored(intern_page) == {}
    with intern_page.expect_navigation():
        intern_page.get_by_role("button", name=SHARE["replace"]["en"], exact=True).click()
    # The reloaded page fills its fields from storage once its module has loaded: wait for it.
    expect(intern_page.locator(f"#{cell}")).to_have_value("Coffee with the team; then a tour, floor 2")
    assert intern_page.input_value(f"#{PROGRAMME['start']['id']}") == "2027-03-01"
    assert "#plan=" not in intern_page.url, "the plan stayed in the address bar after it was opened"
    assert host_page.errors == intern_page.errors == []
    host.close()
    intern.close()


def plan_file(kind: str, fields: dict, version: int = 1) -> str:
    return json.dumps(
        {"guide": "innovationspraktik", "version": version, "kind": kind, "saved": "2026-01-01", "fields": fields}
    )


@pytest.mark.parametrize("lang", ["da", "en"])
def test_what_cannot_be_opened_says_why_and_changes_nothing(browser, base_url, lang):
    context, page = profile(browser)
    page.goto(url(base_url, lang, "program"))
    page.fill(f"#{PROGRAMME['start']['id']}", "2026-12-07")
    before = stored(page)
    agreement_title = PAGES["tjeklister/praktikaftale"]["title"][lang]
    cases = [
        ("not json at all", SHARE["not_a_plan"][lang]),
        (json.dumps({"some": "other file"}), SHARE["not_a_plan"][lang]),
        (plan_file(PREFIX["gemt-program"], {}, version=99), SHARE["too_new"][lang]),
        (
            plan_file(PREFIX["gemt-aftale"], {"aftale-praktikant-navn": "Ida"}),
            SHARE["other_tool"][lang].replace("{page}", agreement_title),
        ),
    ]
    for text, message in cases:
        open_file(page, text)
        expect(share_status(page)).to_have_text(message)
        expect(page.locator("[data-ip-review]")).to_be_hidden()
        assert stored(page) == before
    assert page.errors == []
    context.close()


def test_a_plan_from_an_older_guide_opens_and_lists_the_fields_the_guide_no_longer_has(browser, base_url):
    context, page = profile(browser)
    page.goto(url(base_url, "da", "program"))
    older = plan_file(PREFIX["gemt-program"], {PROGRAMME["start"]["id"]: "2026-05-04", "felt-der-er-vaek": "x"})
    open_file(page, older)
    expect(page.locator("[data-ip-not-opened]")).to_be_visible()
    assert "felt-der-er-vaek" in page.locator("[data-ip-not-opened] li").all_inner_texts()
    start = f"{PROGRAMME['settings_title']['da']} – {PROGRAMME['start']['label']['da']}"
    assert changes(page)[start] == (SHARE["empty"]["da"], "2026-05-04")
    context.close()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_programme_becomes_a_calendar_file_a_calendar_reads(browser, base_url, lang):
    context, page = profile(browser)
    page.goto(url(base_url, lang, "program"))
    button = page.get_by_role("button", name=CALENDAR["button"][lang], exact=True)
    button.click()  # no first day yet: it says what to do, downloads nothing
    expect(page.locator("[data-module=ip-calendar] [data-ip-status]")).to_have_text(CALENDAR["needs_start"][lang])
    days = PROGRAMME["days"]["max"]
    longest = next(t for t in CONTENT["travel_types"]["types"] if days in t["days"])
    page.select_option(f"#{PROGRAMME['travel_type']['id']}", longest["id"])
    page.select_option(f"#{PROGRAMME['days']['id']}", str(days))
    page.fill(f"#{PROGRAMME['start']['id']}", "2026-12-04")  # a Friday: the next day is Monday
    address = "Åboulevarden 1, 8000 Aarhus C; indgang B, 2. sal – spørg i receptionen efter praktikværten"
    page.fill(f"#{ADDRESS}", address)
    morning = f"dag-1-{PROGRAMME['parts'][0]['id']}"
    typed = 'Velkomst, kaffe; rundvisning\nFrokost med teamet – "fluen på væggen" \\ og så videre æøå ' * 2
    page.fill(f"#{morning}", typed)
    with page.expect_download() as download:
        button.click()
    raw = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename.endswith(".ics")

    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b""), "lines must end in CRLF"
    assert max(len(line) for line in lines) <= 75, "a line is longer than 75 octets"
    raw.decode("utf-8")  # folding never splits a character
    events = Calendar.from_ical(raw).walk("VEVENT")
    assert len(events) == days
    starts = [event.decoded("DTSTART") for event in events]
    assert starts[0] == datetime.date(2026, 12, 4) and starts[1] == datetime.date(2026, 12, 7)
    assert all(start.weekday() < 5 for start in starts)
    assert len({str(event["UID"]) for event in events}) == days
    assert all("DTSTAMP" in event for event in events)
    first = events[0]
    assert str(first["SUMMARY"]) == CALENDAR["event"][lang].replace("{n}", "1")
    assert str(first["LOCATION"]) == address
    assert typed.strip() in str(first["DESCRIPTION"])
    assert PROGRAMME["parts"][0]["label"][lang] in str(first["DESCRIPTION"])
    assert page.errors == []
    context.close()


def test_the_review_of_a_plan_has_no_accessibility_violation_on_a_phone(browser, base_url):
    from tests.browser.conftest import AXE
    from tests.browser.test_accessibility import audit

    context, page = profile(browser)
    page.goto(url(base_url, "en", "praktikaftale"))
    page.fill(f"#{AGREEMENT_FIELDS[0]['id']}", "Ida")
    open_file(page, plan_file(PREFIX["gemt-aftale"], {AGREEMENT_FIELDS[1]["id"]: "Adviser"}))
    expect(page.locator("[data-ip-review]")).to_be_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-ip-review')"), "focus did not move to the review"
    assert audit(page, AXE.read_text(encoding="utf-8")) == []
    context.close()
