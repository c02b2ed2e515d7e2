"""viva.co.id: the latest-news index (``/indeks?page=N``, rows ``.article-list-row``) for
scheduled runs and backfills (the index runs newest first; it is walked until its items are
older than the window). Dates are printed "Selasa, 16 Februari 2016 | 13:01 WIB"."""

from newscrawl.outlet import Index, Outlet, Site
from newscrawl.parsers import viva
from newscrawl.parsers.viva import listing_links

OUTLET = Outlet(
    name="viva",
    domains=("viva.co.id",),
    parser=viva.PARSERS,
    single_page={"page": "all"},
    sources=(
        Index(
            "{base}/indeks?page={page}",
            first="{base}/indeks",
            links=listing_links,
            max_pages=30,
            when="always",
        ),
        Site("{base}"),
    ),
    not_people=("VIVA.co.id", "VIVA"),
    title_suffix=r"\s+[-|]\s+VIVA(?:\.co\.id)?$",
    article_url=r"/read/\d+-|/\d{6,}-[\w-]+$",
)
