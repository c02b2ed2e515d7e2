"""Small statistics and the result table shared by every bench."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(values: Sequence[float]) -> tuple[float, float]:
    """(min, max) of repeated runs: with few repeats the honest spread is the whole range."""
    return min(values), max(values)


@dataclass
class Row:
    """One line of the results table: a figure over repeated runs, and its target."""

    bench: str
    figure: str
    values: list[float]
    unit: str = ""
    #: ("<=", 3.0) or (">=", 8.0); None for context figures without a target.
    target: tuple[str, float] | None = None
    digits: int = 2

    @property
    def median(self) -> float:
        return median(self.values)

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        op, bound = self.target
        return self.median <= bound if op == "<=" else self.median >= bound

    def cells(self) -> list[str]:
        lo, hi = spread(self.values)
        fmt = f"{{:.{self.digits}f}}"
        value = fmt.format(self.median) + (f" {self.unit}" if self.unit else "")
        spread_text = f"{fmt.format(lo)}–{fmt.format(hi)}" if len(self.values) > 1 else "(1 run)"
        target = f"{self.target[0]} {self.target[1]:g}" if self.target else ""
        verdict = {True: "met", False: "MISSED", None: ""}[self.met]
        return [self.bench, self.figure, value, spread_text, str(len(self.values)), target, verdict]


HEADER = ["bench", "figure", "median", "min–max", "runs", "target", ""]


def markdown_table(rows: Sequence[Row]) -> str:
    lines = [HEADER, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]

    def fmt(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "| " + " | ".join("-" * w for w in widths) + " |"
    return "\n".join([fmt(HEADER), rule, *(fmt(c) for c in lines[1:])])
