"""Rewrite expected records from the current parsers, for a human to review with git diff.

python -m tests.regenerate            # every outlet
python -m tests.regenerate detik      # one outlet
python -m tests.regenerate detik 2015-news-robot-terapi-ugm   # one case
"""

from __future__ import annotations

import sys

from newscrawl.errors import ArticleError
from tests.cases import SHARED_PAGES, dump_expected, load_cases


def main(argv: list[str]) -> int:
    outlet = argv[0] if argv else None
    only = set(argv[1:])
    for case in load_cases(outlet):
        if only and case.name not in only:
            continue
        if case.needs_shared and not SHARED_PAGES.is_dir():
            print(f"skip {case.id}: {SHARED_PAGES} is absent")
            continue
        try:
            record = case.parse()
        except ArticleError as exc:
            print(f"{case.id}: {exc.reason} ({'expected' if case.error else 'UNEXPECTED'})")
            continue
        if case.error:
            print(f"{case.id}: parsed, but the case expects {case.error}; not written")
            continue
        case.expected_path.parent.mkdir(parents=True, exist_ok=True)
        old = case.expected_path.read_text("utf-8") if case.expected_path.exists() else None
        new = dump_expected(record)
        case.expected_path.write_text(new, "utf-8")
        print(f"{case.id}: {'unchanged' if old == new else 'WRITTEN'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
