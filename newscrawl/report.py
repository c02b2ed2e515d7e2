"""``newscrawl report``: the runs of a period, one line per outlet, and an HTML page."""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newscrawl.keep.history import History, articles_known
from newscrawl.keep.htmlreport import html_report
from newscrawl.keep.overview import terminal_line, trouble_first

_SPAN = re.compile(r"^(\d+)\s*([hdw])$")
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str, now: datetime) -> datetime:
    """``7d``, ``12h``, ``2w`` before ``now``, or an ISO date/time (UTC unless it says)."""
    span = _SPAN.match(value.strip().lower())
    if span:
        return now - timedelta(**{_UNITS[span.group(2)]: int(span.group(1))})
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"--since wants 7d, 12h, 2w or a date, got {value!r}") from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(path)


def run_report(
    root: Path,
    since: datetime | None,
    html: Path | None,
    state: Path | None,
    now: datetime,
) -> int:
    """Print one line per outlet (trouble first); write the HTML page when asked."""
    if not root.is_dir():
        print(f"newscrawl report: no such folder: {root}", file=sys.stderr)
        return 2
    history = History.load(root, since)
    known = articles_known(state) if state is not None else {}
    for period in trouble_first(history, known):
        print(terminal_line(period))
    if not history.runs:
        print(f"no run reports under {root}" + (f" since {since:%Y-%m-%d %H:%M}" if since else ""))
    for path in history.unreadable:
        print(f"newscrawl report: skipped unreadable {path}", file=sys.stderr)
    if html is not None:
        write_atomically(html, html_report(history, now, since, known))
        print(f"HTML report: {html}")
    return 0
