"""`make fidelity` reports how much of the printed booklet the site says; it never holds the site to it.

Editors may rewrite any text, so these tests check the measure and the report, not today's coverage.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT
from tools.fidelity import MIN_WORDS, PRESENT, Pages, booklet_paragraphs, report, words

PAGE = (
    "Signalér tydeligt, at I bakker op om praktikken. Praktikanten får en fast kontaktperson, "
    "som hjælper med de praktiske ting den første dag."
)


def test_the_booklet_fixture_is_read_as_paragraphs():
    paragraphs = booklet_paragraphs()
    assert len(paragraphs) > 100
    assert all(len(words(p)) >= MIN_WORDS for p in paragraphs)


def test_the_measure_tells_a_present_paragraph_from_a_missing_one():
    pages = Pages(["Forsiden", PAGE])
    assert pages.score("Signalér tydeligt, at I bakket om om praktikken.") >= PRESENT  # a corrected typo
    assert pages.score("Praktikanten skal medbringe egen madpakke og en sovepose til hele ugen.") < PRESENT


def test_the_report_lists_what_is_missing_and_what_is_untranslated(tmp_path):
    booklet = tmp_path / "booklet.txt"
    booklet.write_text(
        f"{PAGE}\nPraktikanten skal medbringe egen madpakke og en sovepose til hele ugen.\n", encoding="utf-8"
    )
    for folder, text in (("", PAGE), ("en", "The intern gets a contact person. " + PAGE)):
        (tmp_path / "site" / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / folder / "index.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    text = report(tmp_path / "site", booklet)
    assert text.splitlines()[0] == "Booklet coverage: 1/2 paragraphs (50.0 %) found on the Danish pages."
    assert "sovepose" in text.split("no longer on any Danish page")[1]
    assert "Danish booklet sentences on English pages: 2." in text  # the page's two sentences, untranslated


def test_make_fidelity_reports_on_the_built_site_and_exits_zero(site):
    result = subprocess.run(
        [sys.executable, "-m", "tools.fidelity", "--site", str(site)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Booklet coverage: ")


def test_the_report_gives_the_whole_guide_page_its_own_coverage(tmp_path):
    """The booklet page (/haefte/) should hold the booklet by itself; the report says how much of it it does."""
    booklet = tmp_path / "booklet.txt"
    booklet.write_text(
        f"{PAGE}\nPraktikanten skal medbringe egen madpakke og en sovepose til hele ugen.\n", encoding="utf-8"
    )
    for folder, text in (
        ("", PAGE + " Praktikanten skal medbringe egen madpakke og en sovepose til hele ugen."),
        ("haefte", PAGE),
        ("en", ""),
    ):
        (tmp_path / "site" / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / folder / "index.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    lines = report(tmp_path / "site", booklet).splitlines()
    assert lines[0].startswith("Booklet coverage: 2/2")
    assert lines[1] == "On /haefte/ alone: 1/2 paragraphs (50.0 %)."
