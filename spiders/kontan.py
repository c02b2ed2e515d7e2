"""Kontan (kontan.co.id and its kanal subdomains): the kanal feeds of rss.kontan.co.id for
what is new, the dated index (``/search/indeks?tanggal=DD&bulan=MM&tahun=YYYY``, 20 items a
page, ``per_page`` the offset) for backfills. Dates are printed "Kamis, 02 November 2023 /
19:30 WIB"; a paged article is fetched whole with ``?page=all``."""

from newscrawl.outlet import Feed, Index, Outlet
from newscrawl.parsers import kontan
from newscrawl.parsers.kontan import ARTICLE_PATH, listing_links, next_index_page

#: Kanals with a feed of their own (the all-kanal feed lists only the home page's picks).
KANALS = ("nasional", "keuangan", "investasi", "industri", "internasional", "regional")

OUTLET = Outlet(
    name="kontan",
    domains=("kontan.co.id",),
    parser=kontan.PARSERS,
    single_page={"page": "all"},
    sources=(
        *(Feed(f"https://rss.kontan.co.id/news/{kanal}") for kanal in KANALS),
        # Undated items: the day in the query bounds the list, the record's date decides.
        Index(
            "https://www.kontan.co.id/search/indeks?kanal=&tanggal={day:%d}&bulan={day:%m}"
            "&tahun={day:%Y}&pos=indeks&per_page=0",
            links=listing_links,
            next_page=next_index_page,
            by_date=False,
            max_pages=30,
        ),
    ),
    not_people=("Kontan", "KONTAN.CO.ID"),
    title_suffix=r"\s*[|-]\s*Kontan(?:\.co\.id)?\s*$",
    article_url=ARTICLE_PATH,
)
