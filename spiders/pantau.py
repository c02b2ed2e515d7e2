"""Pantau (pantau.com): a Next.js site. Its pages carry their data in ``__NEXT_DATA__``; the
home page and ``/?sort=latest&page=N`` list the articles (``/<kanal>/<id>/<slug>``) there with
their ``createdAt`` times. Dates are WIB."""

import json

from newscrawl.dates import parse_iso_datetime
from newscrawl.discover.discovery import Link
from newscrawl.outlet import Index, Outlet
from newscrawl.page import Page
from newscrawl.urls import link_url


def next_data_links(page: Page) -> list[Link]:
    """The articles a listing page's ``__NEXT_DATA__`` carries (``urlDetail``, ``createdAt``)."""
    raw = page.css("script#__NEXT_DATA__::text").get()
    try:
        props = json.loads(raw or "{}").get("props", {}).get("pageProps", {})
    except (ValueError, AttributeError):
        return []
    rows = [
        row
        for key in ("articles", "latestArticles", "latest", "headlines")
        for row in (props.get(key) or [])
        if isinstance(row, dict) and isinstance(row.get("urlDetail"), str)
    ]
    links: dict[str, Link] = {}
    for row in rows:
        url = link_url(row["urlDetail"], page.url)
        created = row.get("createdAt")
        when = parse_iso_datetime(created) if isinstance(created, str) else None
        title = row.get("title") if isinstance(row.get("title"), str) else None
        links.setdefault(url, Link(url, when, title))
    return list(links.values())


OUTLET = Outlet(
    name="pantau",
    domains=("pantau.com",),
    sources=(
        Index(
            "{base}/?sort=latest&page={page}", first="{base}/", links=next_data_links, when="always"
        ),
    ),
    not_people=("Pantau", "Pantau.com", "Redaksi Pantau"),
    title_suffix=r"\s*[|-]\s*Pantau(?:\.com)?\s*$",
    article_url=r"^/[a-z-]+/\d+/[a-z0-9-]+$",
)
