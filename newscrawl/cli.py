"""The ``newscrawl`` command: parse saved pages without a crawler."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from newscrawl.api import parse_article
from newscrawl.errors import ArticleError
from newscrawl.record import to_json_line
from newscrawl.reparse.command import add_command as add_reparse_command


def _fetched_at(value: str | None, path: str) -> datetime:
    if value:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    if path != "-":
        # A saved page was fetched no later than it was written.
        return datetime.fromtimestamp(Path(path).stat().st_mtime, UTC).replace(microsecond=0)
    return datetime.now(UTC).replace(microsecond=0)


def cmd_parse(args: argparse.Namespace) -> int:
    body = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    try:
        record = parse_article(body, args.url, _fetched_at(args.fetched_at, args.file))
    except ArticleError as exc:
        print(f"newscrawl: {args.url}: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(to_json_line(record) + "\n")
    return 0


def cmd_crawl(args: argparse.Namespace) -> int:
    from newscrawl.crawlall import crawl_outlets

    return crawl_outlets(args.outlets, args.all, args.arg, args.set)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newscrawl", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse one saved article page into a JSON line")
    parse.add_argument("--url", required=True, help="the URL the page was fetched from")
    parse.add_argument("--fetched-at", help="ISO 8601 fetch time (default: the file's mtime)")
    parse.add_argument("file", help="the saved HTML file, or - for standard input")
    parse.set_defaults(func=cmd_parse)
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
    add_reparse_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
