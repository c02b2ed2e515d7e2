"""Tirto (tirto.id): the RSS and the first page of ``/indeks`` (all rubrics, times such as "27
menit lalu") for what is new; for backfills the index of each day (``/indeks?date=YYYY-MM-
DD``; its "load more" cursor, ``?next=``, is disallowed by robots.txt). Dates are WIB
("Terbit 24 Jul 2026 11:00 WIB")."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers import tirto
from newscrawl.parsers.tirto import listing_links

OUTLET = Outlet(
    name="tirto",
    domains=("tirto.id",),
    parser=tirto.PARSERS,
    base_url="https://tirto.id",
    sources=(
        Feed("https://tirto.id/rss"),
        Index("https://tirto.id/indeks", links=listing_links, max_pages=1, when="latest"),
        Index("https://tirto.id/indeks?date={day:%Y-%m-%d}", links=listing_links, max_pages=1),
    ),
    not_people=("tirto.id", "Tirto"),
    title_suffix=r"\s*[|-]\s*(?:tirto\.id|Tirto)$",
    article_url=tirto.ARTICLE_PATH,
)
