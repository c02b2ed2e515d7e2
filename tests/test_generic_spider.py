"""``scrapy crawl generic -a site=...``: a site nobody declared, crawled the way a careful
crawler finds its articles, against a local server."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from newscrawl.outlet import outlet_for_url
from newscrawl.record import FIELDS
from tests.cases import ROOT, project_env
from tests.serving import LocalSite, send

ARTICLE = """<html lang="id"><head><title>{title} - Kabar Contoh</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Kabar Contoh">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
"datePublished": "2026-10-{day}T09:30:00+07:00"}}</script></head><body>
<article><h1>{title}</h1><div class="detail-content">
<p>SEMARANG - Warga di {place} menggelar kerja bakti membersihkan saluran air menjelang musim
hujan, Sabtu pagi, bersama petugas kelurahan dan relawan.</p>
<p>Kegiatan itu, kata ketua panitia, diikuti lebih dari seratus orang dan akan diulang setiap
bulan sampai akhir tahun.</p></div></article></body></html>"""

SLUGS = {
    "a1": (
        "kerja-bakti-warga-semarang-utara",
        "Kerja Bakti Warga Semarang Utara",
        "Semarang Utara",
    ),
    "a2": ("saluran-air-tembalang-dibersihkan", "Saluran Air Tembalang Dibersihkan", "Tembalang"),
    "a3": ("relawan-bantu-warga-gayamsari", "Relawan Bantu Warga Gayamsari", "Gayamsari"),
    "a4": (
        "kelurahan-pedurungan-siapkan-pompa",
        "Kelurahan Pedurungan Siapkan Pompa",
        "Pedurungan",
    ),
}


class StaticSite(LocalSite):
    def __init__(self) -> None:
        super().__init__()
        self.base = self.base_url

    def url(self, key: str) -> str:
        return f"{self.base}/berita/2026/10/31/{SLUGS[key][0]}"

    def pages(self) -> dict[str, tuple[str, bytes]]:
        urlset = "".join(
            f"<url><loc>{self.url(k)}</loc><lastmod>2026-10-31T10:00:00+07:00</lastmod></url>"
            for k in ("a1", "a2")
        )
        xml = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        items = "".join(
            f"<item><title>{SLUGS[k][1]}</title><link>{self.url(k)}</link>"
            "<pubDate>Sat, 31 Oct 2026 09:30:00 +0700</pubDate></item>"
            for k in ("a2", "a4")
        )
        pages = {
            "/robots.txt": (
                "text/plain",
                f"User-agent: *\nSitemap: {self.base}/sitemap_index.xml\n",
            ),
            "/sitemap_index.xml": (
                "application/xml",
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                f'sitemap/0.9"><sitemap><loc>{self.base}/sitemap-2026-10.xml.gz</loc><lastmod>'
                "2026-10-31</lastmod></sitemap><sitemap><loc>"
                f"{self.base}/sitemap-2015-01.xml</loc><lastmod>2015-01-31</lastmod></sitemap>"
                "</sitemapindex>",
            ),
            "/sitemap-2026-10.xml.gz": ("application/octet-stream", f"{xml}{urlset}</urlset>"),
            "/": (
                "text/html",
                '<html><head><link rel="alternate" type="application/rss+xml" href="/feed">'
                f'</head><body><a href="{self.url("a3")}">{SLUGS["a3"][1]}</a>'
                '<a href="/tag/banjir">Banjir</a></body></html>',
            ),
            "/feed": ("application/rss+xml", f"<rss><channel>{items}</channel></rss>"),
        }
        for slug, title, place in SLUGS.values():
            html = ARTICLE.format(title=title, day="31", place=place)
            pages[f"/berita/2026/10/31/{slug}"] = ("text/html; charset=utf-8", html)
        encoded = {path: (kind, body.encode()) for path, (kind, body) in pages.items()}
        kind, body = encoded["/sitemap-2026-10.xml.gz"]
        encoded["/sitemap-2026-10.xml.gz"] = (kind, gzip.compress(body))
        return encoded

    def serve(self, request: BaseHTTPRequestHandler) -> None:
        found = self.pages().get(request.path)
        status, (kind, body) = (200, found) if found else (404, ("text/html", b"no"))
        send(request, status, kind, body)


def crawl(site: StaticSite, tmp_path: Path) -> tuple[int, list[dict[str, Any]], str]:
    out, log = tmp_path / "out.jsonl", tmp_path / "crawl.log"
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "generic",
        "-a",
        f"site={site.base}",
        "-O",
        str(out),
        "-s",
        f"NEWSCRAWL_STATE={tmp_path / 'state.sqlite3'}",
        "-s",
        "NEWSCRAWL_NOW=2026-11-01T08:00:00+07:00",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        f"LOG_FILE={log}",
    ]
    env = project_env()
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=300, check=False)
    records = (
        [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else []
    )
    return proc.returncode, records, log.read_text("utf-8") if log.exists() else ""


def test_generic_spider_finds_articles_through_robots_sitemaps_and_feeds(tmp_path: Path) -> None:
    with StaticSite() as site:
        code, records, log = crawl(site, tmp_path)
        assert code == 0, log[-3000:]
        assert sorted(r["url"].split("/")[-1] for r in records) == sorted(
            slug for slug, _, _ in SLUGS.values()
        )
        outlet = outlet_for_url(site.base).name
        for record in records:
            assert list(record) == list(FIELDS)
            assert record["outlet"] == outlet
            assert record["parser"] == "generic/v1"
            assert record["dateline"] == "SEMARANG"
        # The gzipped child sitemap was read; the 2015 archive was not fetched at all.
        assert site.requests["/sitemap-2026-10.xml.gz"] == 1
        assert site.requests["/sitemap-2015-01.xml"] == 0
        # a2 is in the sitemap and in the feed: fetched once.
        assert site.requests[f"/berita/2026/10/31/{SLUGS['a2'][0]}"] == 1
        # A second run emits nothing new: the state knows every article.
        code, again, log = crawl(site, tmp_path)
        assert code == 0, log[-3000:]
        assert again == []
