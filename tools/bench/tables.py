"""Plain-text tables and the budget list, for a terminal or a CI log."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Budget:
    figure: str
    value: str
    limit: str
    met: bool
    why: str = ""  # for a miss: what the figures say about the cause
    broken: bool = False  # not a figure but a failure to measure: the bench exits 1


def table(title: str, headers: list[str], rows: list[list[object]], note: str = "") -> str:
    """Columns padded to fit; numbers right-aligned, text left-aligned."""
    cells = [[str(c) for c in headers]] + [[_cell(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(isinstance(row[i], (int, float)) for row in rows) for i in range(len(headers))]

    def line(row):
        return "  ".join(c.rjust(w) if n else c.ljust(w) for c, w, n in zip(row, widths, numeric, strict=True)).rstrip()

    out = [f"\n== {title} ==", line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in cells[1:]]
    if note:
        out.append(note)
    return "\n".join(out)


def budgets(items: list[Budget]) -> str:
    rows = [["BROKEN" if b.broken else "met" if b.met else "MISSED", b.figure, b.value, b.limit] for b in items]
    text = table("Budgets", ["", "figure", "measured", "budget"], rows)
    whys = [f"- {b.figure}: {b.why}" for b in items if not b.met and b.why]
    missed = sum(not b.met for b in items)
    return text + ("\n" + "\n".join(whys) if whys else "") + f"\n{len(items) - missed} met, {missed} missed."


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
