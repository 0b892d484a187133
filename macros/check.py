"""`make check`: validate data/ against schema/ without building. Exit 1 with one line per problem."""
from __future__ import annotations

import sys
from pathlib import Path

from .content import load_content
from .problems import ContentError


def main() -> int:
    try:
        content = load_content(Path.cwd())
    except ContentError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in the content: fix each line above, then run make check again.",
              file=sys.stderr)
        return 1
    print(f"Content OK: {len(content)} data files checked.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
