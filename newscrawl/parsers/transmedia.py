"""What CNN Indonesia and CNBC Indonesia share: Trans Media's CMS names an article
``/<kanal>/<YYYYMMDDHHMMSS>-<n>-<id>/<slug>``, the stamp being when it was created (published
minutes or days later), and its dated index (``/indeks?date=YYYY/MM/DD``) runs newest first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from newscrawl.dates import JAKARTA
from newscrawl.discover.discovery import Link, card_links, outlet_articles
from newscrawl.page import Page

ARTICLE_PATH = re.compile(r"^/[a-z-]+/(?P<stamp>\d{14})-\d+-\d+/[^/]+")


def created_at(url: str) -> datetime | None:
    """When the article was created, from the URL stamp (published minutes or days later)."""
    match = ARTICLE_PATH.match(urlsplit(url).path)
    if not match:
        return None
    try:
        return datetime.strptime(match["stamp"], "%Y%m%d%H%M%S").replace(tzinfo=JAKARTA)
    except ValueError:
        return None


def still_that_day(links: list[Link], day: date | None) -> bool:
    """A dated index runs newest first: go on while a link was created that day or the day
    before (videos are often created a day early); a page of older links ends the day."""
    if day is None:
        return False
    oldest = datetime.combine(day - timedelta(days=1), time(), JAKARTA)
    return any((created_at(link.url) or oldest) >= oldest for link in links)


def index_links(page: Page, domains: Sequence[str], cards: str, shown: str) -> list[Link]:
    """Article links of an index page's ``<article>`` cards (``cards``), with the time each
    prints (``shown``; "29 menit yang lalu" read against the fetch time). The page's own host
    counts as the outlet's, so a local copy of the site (``-a base_url=...``) works."""
    hosts = (*domains, *filter(None, [urlsplit(page.url).hostname]))
    article = outlet_articles(hosts, ARTICLE_PATH)
    return card_links(page, cards, "a::attr(href)", "h2 ::text", shown, keep=article)
