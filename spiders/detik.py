"""detik.com: news sitemaps and the RSS for the latest articles, the dated indeks of each
channel (``/indeks?page=N&date=MM/DD/YYYY``) day by day, also for backfills."""

from newscrawl.outlet import Feed, Index, Outlet, Sitemap
from newscrawl.parsers import detik
from newscrawl.parsers.detik import feed_article_links, listing_links

#: About 20 cards a page and a few hundred articles a channel-day: a cap well above that.
MAX_INDEKS_PAGES = 50

OUTLET = Outlet(
    name="detik",
    domains=("detik.com",),
    parser=detik.PARSERS,
    single_page={"single": "1"},
    sources=(
        # Google News sitemaps: the last day or so of a channel.
        Sitemap("https://news.detik.com/berita/sitemap_news.xml"),
        Sitemap("https://finance.detik.com/sitemap_news.xml"),
        Feed("https://rss.detik.com/index.php/detikcom", read=feed_article_links),
        *(
            Index(
                f"https://{channel}.detik.com/indeks?page={{page}}&date={{day:%m/%d/%Y}}",
                links=listing_links,
                max_pages=MAX_INDEKS_PAGES,
                when="always",
            )
            for channel in ("news", "finance", "health")
        ),
    ),
)
