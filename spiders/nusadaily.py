"""nusadaily.com (Malang): Varient's RSS and Google News sitemap; category pages for backfills."""

from newscrawl.outlet import Feed, Index, Outlet, Sitemap
from newscrawl.parsers import nusadaily
from newscrawl.parsers.nusadaily import category_pages, listing_links, next_listing_page

OUTLET = Outlet(
    name="nusadaily",
    domains=("nusadaily.com",),
    parser=nusadaily.PARSERS,
    sources=(
        # Varient 2.x routes, then the ones Varient 3 moved them to; the site serves one set.
        Feed("{base}/rss/latest-posts"),
        Feed("{base}/rss-feeds/feed/latest"),
        Sitemap("{base}/gnews/feed"),
        Sitemap("{base}/sitemap-news.xml"),
        # Feeds hold only the latest posts: a backfill walks every category's pages.
        Index("{base}/", hub=category_pages, links=listing_links, next_page=next_listing_page),
    ),
)
