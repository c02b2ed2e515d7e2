"""The ``newscrawl`` command: parse saved pages without a crawler."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from newscrawl.api import parse_article
from newscrawl.errors import ArticleError
from newscrawl.record import to_json_line
from newscrawl.reparse.command import add_command as add_reparse_command
from newscrawl.urls import link_problem

#: ``newscrawl parse`` exit statuses: the page is no article or cannot be completed...
REFUSED = 1
#: ...and the command line itself is wrong (argparse's own status for usage errors).
USAGE = 2


class UsageProblem(Exception):
    """A command-line argument that cannot be used, in one line."""


def _fetched_at(value: str | None, path: str) -> datetime:
    if value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise UsageProblem(
                f"--fetched-at {value!r} is not an ISO 8601 time (2026-06-30T08:00:00+07:00)"
            ) from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    if path != "-":
        # A saved page was fetched no later than it was written.
        return datetime.fromtimestamp(Path(path).stat().st_mtime, UTC).replace(microsecond=0)
    return datetime.now(UTC).replace(microsecond=0)


def _checked_url(url: str) -> str:
    try:
        url.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 arrive as surrogate escapes
        raise UsageProblem("--url is not valid UTF-8") from None
    if link_problem(url) == "malformed":
        raise UsageProblem(f"--url {url!r} is not a URL")
    return url  # another scheme is refused as unsupported_site, like a social network


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise UsageProblem(f"{path}: is a directory, not a saved page") from None
    except FileNotFoundError:
        raise UsageProblem(f"{path}: no such file") from None
    except OSError as exc:
        raise UsageProblem(f"{path}: cannot be read ({exc.strerror or exc})") from None


def cmd_parse(args: argparse.Namespace) -> int:
    try:
        url = _checked_url(args.url)
        body = _read(args.file)
        fetched_at = _fetched_at(args.fetched_at, args.file)
    except UsageProblem as exc:
        print(f"newscrawl parse: {exc}", file=sys.stderr)
        return USAGE
    try:
        record = parse_article(body, url, fetched_at)
    except ArticleError as exc:
        print(f"newscrawl: {url}: {exc}", file=sys.stderr)
        return REFUSED
    except Exception as exc:  # a parser bug this page triggers: one line, like a refusal
        print(f"newscrawl: {url}: parser_error/{type(exc).__name__}: {exc}", file=sys.stderr)
        return REFUSED
    sys.stdout.write(to_json_line(record) + "\n")
    return 0


def cmd_outlets(args: argparse.Namespace) -> int:
    from newscrawl.outlet_table import outlet_table

    print(outlet_table())
    return 0


def cmd_crawl(args: argparse.Namespace) -> int:
    from newscrawl.crawlall import crawl_outlets

    return crawl_outlets(args.outlets, args.all, args.arg, args.set)


def cmd_report(args: argparse.Namespace) -> int:
    from newscrawl.report import parse_since, run_report

    now = _fetched_at(args.now, "-") if args.now else datetime.now(UTC).replace(microsecond=0)
    try:
        since = parse_since(args.since, now) if args.since else None
    except ValueError as exc:
        print(f"newscrawl report: {exc}", file=sys.stderr)
        return 2
    state = args.state or args.output / "state.sqlite3"
    return run_report(args.output, since, args.html, state, now)


def cmd_demo(args: argparse.Namespace) -> int:
    from newscrawl.demo import run_demo

    return run_demo(args.folder)


def cmd_frontier(args: argparse.Namespace) -> int:
    from newscrawl.discover.frontier import Frontier
    from newscrawl.keep.redis_link import connect, machine_id, unreachable

    url = args.redis or os.environ.get("NEWSCRAWL_REDIS_URL", "")
    problem = unreachable(url) if url else "give --redis URL or set NEWSCRAWL_REDIS_URL"
    if problem:
        print(f"newscrawl frontier: {problem}", file=sys.stderr)
        return 1
    client = connect(url)
    for outlet in args.outlets:
        frontier = Frontier(client, outlet, machine_id(), args.prefix, name=args.frontier)
        if args.action == "reset":
            print(f"{outlet}: {frontier.reset()} keys deleted")
        else:
            print(json.dumps({"outlet": outlet, **frontier.status()}, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newscrawl", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse one saved article page into a JSON line")
    parse.add_argument("--url", required=True, help="the URL the page was fetched from")
    parse.add_argument("--fetched-at", help="ISO 8601 fetch time (default: the file's mtime)")
    parse.add_argument("file", help="the saved HTML file, or - for standard input")
    parse.set_defaults(func=cmd_parse)
    outlets = commands.add_parser("outlets", help="the outlets newscrawl knows, as a table")
    outlets.set_defaults(func=cmd_outlets)
    crawl = commands.add_parser(
        "crawl", help="run several outlets' spiders in one process, with one summary"
    )
    crawl.add_argument("outlets", nargs="*", help="outlet names (scrapy list shows them)")
    crawl.add_argument("--all", action="store_true", help="every outlet")
    crawl.add_argument(
        "-a",
        dest="arg",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="spider argument for every outlet, e.g. -a since=2026-06-01",
    )
    crawl.add_argument(
        "-s",
        dest="set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="Scrapy setting, e.g. -s NEWSCRAWL_STATE=/var/lib/newscrawl/state.db",
    )
    crawl.set_defaults(func=cmd_crawl)
    report = commands.add_parser(
        "report", help="the runs of a period: one line per outlet, and an HTML page"
    )
    report.add_argument(
        "output", nargs="?", type=Path, default=Path("output"), help="output folder (output/)"
    )
    report.add_argument("--since", default="7d", help="7d, 12h, 2w or a date (default 7d)")
    report.add_argument("--html", type=Path, help="also write the HTML report to this file")
    report.add_argument(
        "--state", type=Path, help="crawl state for articles known (OUTPUT/state.sqlite3)"
    )
    report.add_argument("--now", help="ISO 8601 'now' for --since (default: the clock)")
    report.set_defaults(func=cmd_report)
    demo = commands.add_parser(
        "demo", help="crawl saved pages of several outlets offline into output/demo/, and report"
    )
    demo.add_argument(
        "folder", nargs="?", type=Path, default=Path("output/demo"), help="(output/demo)"
    )
    demo.set_defaults(func=cmd_demo)
    frontier = commands.add_parser(
        "frontier", help="show or reset the shared frontier of a distributed crawl (Redis)"
    )
    frontier.add_argument("action", choices=["status", "reset"])
    frontier.add_argument("outlets", nargs="+", help="outlet names")
    frontier.add_argument("--redis", help="Redis URL (default: $NEWSCRAWL_REDIS_URL)")
    frontier.add_argument("--prefix", default="newscrawl", help="NEWSCRAWL_REDIS_PREFIX")
    frontier.add_argument(
        "--frontier",
        default="latest",
        help="latest (scheduled runs), or a backfill's: backfill-YYYYMMDD-YYYYMMDD",
    )
    frontier.set_defaults(func=cmd_frontier)
    add_reparse_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
