"""ANTARA: the "terkini" RSS feed and the ``/terkini`` index of www and, with
``-a regions=bali,kalsel``, of regional sites (``<region>.antaranews.com``), walked page by
page back to ``-a since`` (default: the start of the day the first page was fetched)."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers import antaranews
from newscrawl.parsers.antaranews import listing_links, next_page

OUTLET = Outlet(
    name="antaranews",
    domains=("antaranews.com",),
    parser=antaranews.PARSERS,
    regions="{region}.antaranews.com",
    sources=(
        Feed("https://www.antaranews.com/rss/terkini.xml"),
        Index("https://{host}/terkini", links=listing_links, next_page=next_page, when="always"),
    ),
)
