"""Dates in the page's language, whatever the browser's own: a browser set to American English (en-US) still
gets "7. december 2026" on a Danish page and the British "7 December 2026" on an English one, on screen
and on paper: the print trace's date, the programme's days and its dates in the text that is sent.

The browser's clock is set to a known day, so the expected words are built here from the month and weekday
names, not read from a page."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest

from guide.content import load_content
from tests.browser.test_planning_tools import pdf_text, printed, url
from tests.conftest import ROOT

PROGRAMME = load_content(ROOT)["planning"]["programme"]
ZONE = "Europe/Copenhagen"
# A Monday in December with a day below 13: an American "12/7" or "December 7" cannot pass for it.
TODAY = date(2026, 12, 7)
MONTHS = {
    "da": tuple("januar februar marts april maj juni juli august september oktober november december".split()),
    "en": tuple("January February March April May June July August September October November December".split()),
}
WEEKDAYS = {
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def in_words(day: date, lang: str) -> str:
    """'7. december 2026' / '7 December 2026'."""
    month = MONTHS[lang][day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "da" else f"{day.day} {month} {day.year}"


def weekday_and_date(day: date, lang: str) -> str:
    """'mandag 7. december' / 'Monday 7 December'."""
    month = MONTHS[lang][day.month - 1]
    weekday = WEEKDAYS[lang][day.weekday()]
    return f"{weekday} {day.day}. {month}" if lang == "da" else f"{weekday} {day.day} {month}"


def working_day(first: date, n: int) -> date:
    """The n-th working day from `first` (1 is `first` itself), as the programme counts its days."""
    day, left = first, n - 1
    while left:
        day += timedelta(days=1)
        left -= day.weekday() < 5
    return day


@pytest.fixture
def american(browser, base_url):
    """A page in a browser whose own language is American English, its clock at noon on TODAY."""
    context = browser.new_context(locale="en-US", timezone_id=ZONE, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.clock.set_fixed_time(datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=ZoneInfo(ZONE)))
    page.base_url = base_url
    yield page
    context.close()


def test_the_browser_really_is_american(american):
    """Without this, the tests below could pass on a browser that writes British or Danish dates anyway."""
    american.goto(american.base_url + "/")
    assert american.evaluate("new Date().toLocaleDateString(undefined, {dateStyle: 'long'})") == "December 7, 2026"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_print_trace_dates_the_printout_in_the_pages_language(american, lang):
    page = american
    page.goto(page.base_url + ("/en/" if lang == "en" else "/"))
    today = page.locator('[data-module="ip-today"]')
    page.emulate_media(media="print")
    assert today.is_visible()
    assert today.inner_text() == in_words(TODAY, lang)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_programmes_days_and_dates_are_in_the_pages_language_on_screen_in_the_mail_and_on_paper(american, lang):
    page = american
    page.goto(url(page.base_url, lang, "program"))
    days = PROGRAMME["days"]["max"]
    longest = next(t for t in load_content(ROOT)["travel_types"]["types"] if days in t["days"])
    page.select_option(f"#{PROGRAMME['travel_type']['id']}", longest["id"])
    page.select_option(f"#{PROGRAMME['days']['id']}", str(days))
    page.fill(f"#{PROGRAMME['start']['id']}", TODAY.isoformat())
    shown = page.locator("tr[data-ip-day]:visible [data-ip-date]").all_inner_texts()
    assert shown == [weekday_and_date(working_day(TODAY, n), lang) for n in range(1, days + 1)]
    body = unquote(page.get_by_role("link", name=PROGRAMME["mail"][lang], exact=True).get_attribute("href"))
    assert f"{in_words(TODAY, lang)} – {in_words(working_day(TODAY, days), lang)}" in body
    text = pdf_text(printed(page))
    assert in_words(TODAY, lang) in text  # the print trace
    assert weekday_and_date(working_day(TODAY, days), lang) in text


def date_fields(content: dict) -> list[str]:
    return [
        field["id"]
        for group in content["planning"]["agreement"]["groups"]
        for field in group["fields"]
        if field.get("kind") == "date"
    ]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_date_typed_into_a_field_prints_and_copies_in_the_pages_language(american, lang):
    """The field shows a date as the browser's language writes it ("12/07/2026"); paper and the copied text
    say it in the page's."""
    page = american
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    content = load_content(ROOT)
    fields = date_fields(content)
    assert fields, "the agreement has no date field to test"
    page.goto(url(page.base_url, lang, "praktikaftale"))
    days = {field: TODAY + timedelta(days=n) for n, field in enumerate(fields)}
    for field, day in days.items():
        page.fill(f"#{field}", day.isoformat())
    text = pdf_text(printed(page))
    for day in days.values():
        assert in_words(day, lang) in text
    assert f"{TODAY.month}/{TODAY.day}/{TODAY.year}" not in text  # the American browser's own way
    tools = content["planning"]["tools"]
    page.get_by_role("button", name=tools["copy"][lang], exact=True).click()
    page.get_by_role("status").filter(has_text=tools["copied"][lang]).wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert all(in_words(day, lang) in copied for day in days.values()) and TODAY.isoformat() not in copied
    page.goto(url(page.base_url, lang, "program"))
    start = TODAY + timedelta(weeks=2)  # not today: the print trace already says today's date
    page.fill(f"#{PROGRAMME['start']['id']}", start.isoformat())
    assert in_words(start, lang) in pdf_text(printed(page))  # the first day, beside its label
