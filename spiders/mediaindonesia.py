"""Media Indonesia (mediaindonesia.com): the site feed for what is new, the index
(``/indeks``, then ``/indeks/20/20``, ``/indeks/20/40``: page size and offset in the path,
cards dated "08/1/2026 17:03", WIB) for scheduled runs and backfills, the sitemap index
(monthly children, filtered by ``lastmod``) for backfills further back."""

from newscrawl.outlet import Feed, Index, Outlet, Sitemap
from newscrawl.parsers import mediaindonesia
from newscrawl.parsers.mediaindonesia import ARTICLE_PATH, listing_links, next_index_page

OUTLET = Outlet(
    name="mediaindonesia",
    domains=("mediaindonesia.com",),
    parser=mediaindonesia.PARSERS,
    base_url="https://mediaindonesia.com",
    sources=(
        Feed("{base}/feed"),
        # Newest first, about 20 cards a page and a few hundred articles a day.
        Index("{base}/indeks", links=listing_links, next_page=next_index_page, when="always"),
        Sitemap("{base}/sitemap.xml", when="backfill"),
    ),
    not_people=("Media Indonesia", "mediaindonesia.com"),
    title_suffix=r"\s*[|-]\s*Media\s*Indonesia(?:\.com)?\s*$",
    article_url=ARTICLE_PATH,
)
