"""`make check`: validate data/ against schema/ without building. Exit 1 with one line per problem.

`make ids` (--add-new-ids) adds the new ids in data/ to published-ids.yml (see published_ids.py).
Under GitHub Actions the problems also become annotations on their lines and a summary on the run's page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import github, published_ids
from .content import check_content, load_sources
from .problems import ContentError, counted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check data/ against schema/ and the published ids.")
    parser.add_argument("--add-new-ids", action="store_true", help=f"add new ids to {published_ids.REGISTER}")
    args = parser.parse_args(argv)
    root = Path.cwd()
    try:
        content, notes = check_content(root, thorough=True)
    except ContentError as error:
        print(error, file=sys.stderr)
        print(
            f"{counted(len(error.problems), 'problem')} in the content: "
            "fix each line above, then run make check again.",
            file=sys.stderr,
        )
        github.report(error.problems)
        return 1
    if args.add_new_ids:
        added = published_ids.write_register(root, load_sources(root)[0])
        print(f"{published_ids.REGISTER}: {counted(added, 'new id')} added.")
        return 0
    for note in notes:
        print(note)
    print(
        f"Content OK: {len(content)} data files checked."
        + (
            f" {counted(len(notes), 'new id')} above; CI adds them to {published_ids.REGISTER} after the merge "
            "(make ids)."
            if notes
            else ""
        )
    )
    github.report([], notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
