"""Bisnis.com (bisnis.com and its desk subdomains): the Google News sitemap for what is new,
the index (``/index?page=N``, newest first, every card's URL carrying its day
``/read/YYYYMMDD/``) for scheduled runs and backfills. Dates are printed "Kamis, 02 November
2023 | 19:30" (WIB); a paged article is fetched whole with ``?page=all``."""

from newscrawl.outlet import Index, Outlet, Sitemap
from newscrawl.parsers import bisnis
from newscrawl.parsers.bisnis import listing_links

OUTLET = Outlet(
    name="bisnis",
    domains=("bisnis.com",),
    parser=bisnis.PARSERS,
    single_page={"page": "all"},
    sources=(
        Sitemap("https://www.bisnis.com/sitemap-news.xml"),
        Index("https://www.bisnis.com/index?page={page}", links=listing_links, when="always"),
    ),
    not_people=("Bisnis.com", "Bisnis"),
    title_suffix=r"\s*[|-]\s*Bisnis(?:\.com)?\s*$",
    article_url=bisnis.ARTICLE_PATH.pattern,
)
