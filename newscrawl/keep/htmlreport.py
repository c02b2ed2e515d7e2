"""The HTML report: one self-contained page (inline CSS and SVG, no script, no network).

An overview table, outlets in trouble first, then each outlet's four charts.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from newscrawl.keep.charts import Chart, outlet_charts
from newscrawl.keep.history import History
from newscrawl.keep.overview import OutletPeriod, trouble_first
from newscrawl.keep.svg import render

STATUS = {3: "failing", 2: "attention", 1: "watch", 0: "ok"}

CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; margin: 1em 0 2em; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.status { font-weight: 600; padding: 1px 6px; border-radius: 3px; }
.failing { background: #d62728; color: #fff; } .attention { background: #ff9f1c; }
.watch { background: #fde68a; } .ok { background: #c7e9c0; }
section.outlet { border-top: 2px solid #ccc; padding-top: .5em; margin-top: 1.5em; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
figure.chart { margin: 0; border: 1px solid #eee; padding: 6px; }
figcaption { font-weight: 600; font-size: 13px; }
.legend span { display: inline-block; margin-right: 10px; font-size: 12px; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 3px; }
svg.plot .grid { stroke: #e5e5e5; } svg.plot .tick { font-size: 10px; fill: #666; }
svg.plot .empty { font-size: 12px; fill: #999; text-anchor: middle; }
"""


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "never"


def _row(period: OutletPeriod) -> str:
    status = STATUS[period.trouble]
    rate = period.drop_rate
    reasons = ", ".join(f"{escape(r)} {n}" for r, n in period.drops.most_common(3))
    mean = period.coverage_mean()
    coverage = "-" if mean is None else f"{mean:.2f}"
    verdicts = ", ".join(f"{escape(w)} {n}" for w, n in period.verdicts.most_common())
    crosscheck = period.crosscheck
    cells = [
        (f'<a href="#outlet-{escape(period.outlet)}">{escape(period.outlet)}</a>', ""),
        (f'<span class="status {status}">{status}</span>', ""),
        (str(len(period.runs)), "n"),
        (str(period.new), "n"),
        (str(period.updated), "n"),
        (_when(period.last_success), ""),
        (f"{rate:.0%} ({reasons})" if rate and reasons else "0%", ""),
        (coverage, "n"),
        (f"{len(period.health_failures)} ({verdicts})" if verdicts else "0", ""),
        (str(crosscheck[0]) if crosscheck else "-", "n"),
        ("-" if period.articles_known is None else str(period.articles_known), "n"),
        ("<br>".join(escape(text) for _, text in period.problems()), ""),
    ]
    return (
        f'<tr data-outlet="{escape(period.outlet)}" data-trouble="{period.trouble}">'
        + "".join(f'<td class="{cls}">{content}</td>' for content, cls in cells)
        + "</tr>"
    )


def _figure(outlet: str, chart: Chart) -> str:
    legend = "".join(
        f'<span><i style="background:{s.color}"></i>{escape(s.name)}</span>' for s in chart.series
    )
    return (
        f'<figure class="chart" data-chart="{chart.key}" data-outlet="{escape(outlet)}">'
        f"<figcaption>{escape(chart.title)}</figcaption>{render(chart)}"
        f'<div class="legend">{legend}</div></figure>'
    )


def _section(period: OutletPeriod) -> str:
    problems = "".join(f"<li>{escape(text)}</li>" for _, text in period.problems())
    charts = "".join(_figure(period.outlet, chart) for chart in outlet_charts(period.runs))
    last = period.last
    return (
        f'<section class="outlet" id="outlet-{escape(period.outlet)}">'
        f"<h2>{escape(period.outlet)}</h2>"
        f"<p>{len(period.runs)} runs, the latest {_when(last.when)} "
        f"(health {escape(last.health_word)}).</p>"
        + (f"<ul>{problems}</ul>" if problems else "")
        + f'<div class="charts">{charts}</div></section>'
    )


HEAD = (
    "<tr><th>outlet<th>status<th>runs<th>new<th>updated<th>last success<th>dropped"
    "<th>coverage<th>health failures<th>crosscheck<br>disagreements<th>known<th>to look at</tr>"
)


def html_report(
    history: History,
    generated: datetime,
    since: datetime | None = None,
    known: dict[str, int] | None = None,
) -> str:
    """The whole page for ``history``."""
    periods = trouble_first(history, known)
    runs = sum(len(p.runs) for p in periods)
    period = f"since {_when(since)}" if since else "all runs"
    unreadable = (
        f"<p>{len(history.unreadable)} unreadable report files skipped.</p>"
        if history.unreadable
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>newscrawl report</title><style>{CSS}</style></head><body>"
        f"<h1>newscrawl report</h1><p>{len(periods)} outlets, {runs} runs, {period}; "
        f"made {_when(generated)} UTC.</p>{unreadable}"
        f'<table class="overview"><thead>{HEAD}</thead><tbody>'
        + "".join(_row(p) for p in periods)
        + "</tbody></table>"
        + "".join(_section(p) for p in periods)
        + "</body></html>\n"
    )
