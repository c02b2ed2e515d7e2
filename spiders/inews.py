"""iNews (www.inews.id and the regional iNews network): the site feed for what is new, the
dated news index (``/indeks/news/DD-MM-YYYY``, then ``/12``, ``/24``: an offset in the path)
for backfills; ``-a regions=jateng,karawang`` adds the regional sites' feeds. Dates are printed
"Senin, 02 November 2026 - 19:30:00 WIB"; a paged article is read from its ``/all`` view."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers import inews
from newscrawl.parsers.inews import ARTICLE_PATH, listing_links, next_index_page

OUTLET = Outlet(
    name="inews",
    domains=("inews.id",),
    parser=inews.PARSERS,
    base_url="https://www.inews.id",
    regions="{region}.inews.id",
    sources=(
        Feed("https://{host}/feed"),
        Index(
            "{base}/indeks/news/{day:%d-%m-%Y}",
            links=listing_links,
            next_page=next_index_page,
            by_date=False,
            max_pages=40,
        ),
    ),
    not_people=("iNews", "iNews.id"),
    title_suffix=r"\s*[|-]\s*iNews\w*(?:\.id)?\s*$",
    article_url=ARTICLE_PATH,
)
