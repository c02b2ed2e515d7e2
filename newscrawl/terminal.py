"""Progress on a terminal for long commands (re-parse, backfills, ``crawl --all``).

tqdm draws the bar; it stays quiet when standard error is not a terminal (cron, CI, a pipe),
so logs and captured output never fill with carriage returns. Scrapy-free: the re-parse
imports it without the crawl's stack.
"""

from __future__ import annotations

import sys
from typing import Any

from tqdm import tqdm


def progress(total: int | None = None, desc: str = "", unit: str = "page", **kwargs: Any) -> tqdm:
    """A progress bar on standard error, disabled unless standard error is a terminal.

    ``bar.update(n)`` advances it; ``bar.set_postfix(...)`` shows counts beside the rate.
    """
    return tqdm(
        total=total,
        desc=desc,
        unit=unit,
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        dynamic_ncols=True,
        smoothing=0.1,
        **kwargs,
    )
