from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from newscrawl.discover.discovery import (
    Link,
    card_links,
    feed_links,
    outlet_articles,
    sitemap_index,
    sitemap_links,
    within,
)
from newscrawl.page import Page

WIB = timezone(timedelta(hours=7))

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
 <url><loc>https://www.nusadaily.com/satu</loc>
  <news:news><news:publication><news:name>Nusadaily</news:name><news:language>id</news:language>
  </news:publication><news:publication_date>2026-06-25T09:15:00+07:00</news:publication_date>
  <news:title>Satu</news:title></news:news></url>
 <url><loc> https://www.nusadaily.com/dua </loc><lastmod>2026-06-24</lastmod></url>
 <url><lastmod>2026-06-24</lastmod></url>
</urlset>"""


def test_news_sitemap_links_and_dates() -> None:
    links = sitemap_links(NEWS_SITEMAP)
    assert links == [
        Link("https://www.nusadaily.com/satu", datetime(2026, 6, 25, 9, 15, tzinfo=WIB), "Satu"),
        Link("https://www.nusadaily.com/dua", datetime(2026, 6, 24, tzinfo=WIB), None),
    ]
    assert links[1].published.utcoffset() == timedelta(hours=7)  # type: ignore[union-attr]


def test_sitemap_index() -> None:
    body = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://x.id/sitemap-1.xml</loc></sitemap>
    <sitemap><loc>https://x.id/sitemap-2.xml</loc></sitemap></sitemapindex>"""
    assert sitemap_index(body) == ["https://x.id/sitemap-1.xml", "https://x.id/sitemap-2.xml"]
    assert sitemap_index(NEWS_SITEMAP) == []


def test_rss_items_with_rfc822_dates_and_a_leading_blank_line() -> None:
    body = b"""
<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>x</title>
<item><title>Satu</title><link>https://x.id/1</link><pubDate>Thu, 05 Nov 2015 14:56:43 +0700</pubDate></item>
<item><title>Dua</title><link>https://x.id/2</link><pubDate>Kamis, 05 Nov 2015 10:00 WIB</pubDate></item>
<item><title>Tanpa tautan</title></item>
</channel></rss>"""
    links = feed_links(body)
    assert [link.url for link in links] == ["https://x.id/1", "https://x.id/2"]
    assert links[0].published == datetime(2015, 11, 5, 14, 56, 43, tzinfo=WIB)
    assert links[1].published == datetime(2015, 11, 5, 10, 0, tzinfo=WIB)


def test_atom_entries() -> None:
    body = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
    <link rel="alternate" href="https://x.id/a"/><published>2026-01-02T03:04:05Z</published></entry></feed>"""
    (link,) = feed_links(body)
    assert link.url == "https://x.id/a"
    assert link.published == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_not_xml_gives_nothing() -> None:
    assert sitemap_links(b"<html><body>502 Bad Gateway</body></html>") == []
    assert feed_links(b"") == []


def test_within_keeps_undated_links() -> None:
    day = datetime(2026, 6, 25, tzinfo=WIB)
    links = [
        Link("a", day - timedelta(days=2)),
        Link("b", day),
        Link("c", None),
        Link("d", day + timedelta(days=1)),
    ]
    kept = within(links, since=day - timedelta(days=1), until=day + timedelta(days=1))
    assert [link.url for link in kept] == ["b", "c"]


def test_card_links_read_each_cards_link_title_and_printed_date() -> None:
    html = b"""<html><body><ul>
    <li class="card"><h3><a href="/berita/1-banjir">Banjir  Surut</a></h3>
        <span class="date">30 menit yang lalu</span></li>
    <li class="card"><h3><a href="/berita/1-banjir">Banjir again</a></h3>
        <span class="date">2 jam yang lalu</span></li>
    <li class="card"><h3><a href="https://lain.example/berita/2">Elsewhere</a></h3></li>
    <li class="card"><h3><a href="javascript:void(0)">Menu</a></h3></li>
    <li class="card"><h3>No link</h3></li>
    <li class="card"><h3><a href="/berita/3-panen">Panen</a></h3></li>
    </ul></body></html>"""
    fetched = datetime(2026, 11, 1, 5, tzinfo=UTC)
    page = Page.from_bytes(html, "https://www.contoh.id/indeks", fetched)
    links = card_links(
        page,
        "li.card",
        "h3 a::attr(href)",
        "h3 a ::text",
        "span.date::text",
        keep=lambda url: url.startswith("https://www.contoh.id/"),
    )
    # The first card of a URL wins; other hosts, non-http links and bare cards are left out.
    assert links == [
        Link(
            "https://www.contoh.id/berita/1-banjir", fetched - timedelta(minutes=30), "Banjir Surut"
        ),
        Link("https://www.contoh.id/berita/3-panen", None, "Panen"),
    ]
    # By default any http(s) link is kept.
    assert len(card_links(page, "li.card", "h3 a::attr(href)", "h3 a ::text")) == 3


def test_outlet_articles_keeps_the_outlets_hosts_and_article_paths_only() -> None:
    keep = outlet_articles(("contoh.id",), r"^/berita/\d+/")
    assert keep("https://www.contoh.id/berita/12/judul")
    assert keep("https://daerah.contoh.id/berita/12/judul")
    assert not keep("https://www.contoh.id/tag/berita/12/")  # the path must start so
    assert not keep("https://contoh.id.example.org/berita/12/judul")
    assert not keep("https://lain.id/berita/12/judul")
