"""IDN Times (idntimes.com and its regional editions): the sitemap index and the first page of
the main sections for what is new (cards dated "31 Oct 2026, 13:45 WIB"); backfills follow the
sitemap index, whose children carry their lastmod. Dates are WIB."""

from newscrawl.outlet import Index, Outlet, Sitemap
from newscrawl.parsers import idntimes
from newscrawl.parsers.idntimes import listing_links

#: The sections the home page menu lists; each section page shows its latest cards.
SECTIONS = ("news", "business", "sport", "hype", "tech", "life")

OUTLET = Outlet(
    name="idntimes",
    domains=("idntimes.com",),
    parser=idntimes.PARSERS,
    sources=(
        Sitemap("https://www.idntimes.com/sitemap.xml"),
        *(
            Index(
                f"https://www.idntimes.com/{section}",
                links=listing_links,
                max_pages=1,
                when="latest",
            )
            for section in SECTIONS
        ),
    ),
    not_people=("IDN Times", "Tim IDN Times"),
    title_suffix=r"\s*[|-]\s*IDN Times$",
    article_url=idntimes.ARTICLE_PATH,
)
