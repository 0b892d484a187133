"""Each page's "Last updated" date and "Suggest a change" link, from the data files it shows.

A page's text lives in data/*.yml, not in its docs/ stub, so the date is the newest commit of the
page's data files (data/site.yml `pages.<key>.sources`). Git is a nicety here, never a requirement:
without git, in a shallow clone or for files not yet committed, the date is the build's date.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from .content import DATA_DIR

MONTHS = {
    "da": tuple("januar februar marts april maj juni juli august september oktober november december".split()),
    "en": tuple("January February March April May June July August September October November December".split()),
}


def format_date(day: date, lang: str) -> str:
    """'28. november 2026' in Danish, '28 November 2026' in English."""
    month = MONTHS[lang][day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "da" else f"{day.day} {month} {day.year}"


class PageHistory:
    """One per build: asks git twice in all (is the clone shallow; when did each data file last change)."""

    def __init__(self, root: Path, repository: str, lang: str, today: date | None = None):
        self._root = root
        self._repository = repository.rstrip("/")
        self._lang = lang
        self._today = today or date.today()
        self._file_dates: dict[str, date] | None = None

    def for_sources(self, sources: Sequence[str]) -> Mapping[str, str]:
        """What the theme shows at the foot of a page: the date (ISO and in words) and the edit link."""
        files = [f"{DATA_DIR}/{source}.yml" for source in sources]
        updated = self._last_changed(files)
        return {
            "updated": updated.isoformat(),
            "updated_text": format_date(updated, self._lang),
            "edit_url": f"{self._repository}/edit/main/{files[0]}",
        }

    def _last_changed(self, files: Sequence[str]) -> date:
        if self._file_dates is None:
            self._file_dates = self._read_history()
        committed = [self._file_dates[file] for file in files if file in self._file_dates]
        return max(committed, default=self._today)

    def _read_history(self) -> dict[str, date]:
        """The newest commit date of every data file, from one `git log` over data/ (newest first).

        A shallow clone's oldest commit would claim every older file changed on its date: no dates then.
        """
        if self._git("rev-parse", "--is-shallow-repository") != "false":
            return {}
        log = self._git("log", "--format=%x00%cs", "--name-only", "--", DATA_DIR) or ""
        dates: dict[str, date] = {}
        when = None
        for line in log.splitlines():
            if line.startswith("\x00"):
                when = _parse_date(line[1:])
            elif line and when and line not in dates:
                dates[line] = when
        return dates

    def _git(self, *args: str) -> str | None:
        """git's trimmed output, or None when git is missing, fails or says nothing."""
        try:
            result = subprocess.run(
                ["git", *args], cwd=self._root, capture_output=True, text=True, timeout=30, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return None
        output = result.stdout.strip()
        return output if result.returncode == 0 and output else None


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
