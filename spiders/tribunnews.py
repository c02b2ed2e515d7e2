"""Tribunnews.com, and with ``-a regions=bali,makassar`` Tribun Network sites on its CMS.

Today's articles come from the per-section Google News sitemaps listed in each site's
``/sitemap.xml`` (the ``-web`` and ``-images`` ones are skipped). A backfill walks the dated
index ``/index-news?date=...`` day by day instead. Articles are fetched as ``?page=all``.
"""

from newscrawl.outlet import Index, Outlet, Sitemap
from newscrawl.parsers import tribunnews
from newscrawl.parsers.tribunnews import listing_links, next_listing_page

OUTLET = Outlet(
    name="tribunnews",
    domains=("tribunnews.com",),
    parser=tribunnews.PARSERS,
    single_page={"page": "all"},
    regions="{region}.tribunnews.com",
    sources=(
        Sitemap("https://{host}/sitemap.xml", follow=r"sitemap[-_]news\.xml$", when="latest"),
        Index(
            "https://{host}/index-news?date={day:%Y-%m-%d}",
            links=listing_links,
            next_page=next_listing_page,
        ),
    ),
)
