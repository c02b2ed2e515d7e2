"""A generated nusadaily site served over HTTP on 127.0.0.1, for crawls that get killed.

Articles are copies of one fixture page with their own slug, headline and body, listed
in a Google News sitemap. The server counts requests and can slow each response down,
so a test can kill a crawl at a chosen point.
"""

from __future__ import annotations

import html
import threading
from collections import Counter
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler
from time import sleep

from tests.cases import FIXTURES
from tests.serving import LocalSite, send

TEMPLATE_SLUG = "harga-cabai-rawit-di-pasar-besar-malang-tembus-rp80-ribu-per-kilogram"
TEMPLATE_TITLE = "Harga Cabai Rawit di Pasar Besar Malang Tembus Rp80 Ribu per Kilogram"
TEMPLATE_SENTENCE = "Harga cabai rawit di Pasar Besar Kota Malang terus merangkak naik"
TEMPLATE_DATES = ("2026-06-28 10:05:00", "2026-06-28T10:05:00+0700", "Jun 28, 2026")


def article_html(number: int, published: datetime) -> bytes:
    page = (FIXTURES / "nusadaily" / "articles" / f"{TEMPLATE_SLUG}.html").read_text("utf-8")
    slug = f"berita-uji-nomor-{number}"
    page = page.replace(TEMPLATE_SLUG, slug)
    page = page.replace(TEMPLATE_TITLE, f"Berita Uji Nomor {number}")
    page = page.replace(TEMPLATE_SENTENCE, f"Berita uji nomor {number} melaporkan harga cabai")
    for old, new in zip(
        TEMPLATE_DATES,
        (
            f"{published:%Y-%m-%d %H:%M:%S}",
            f"{published:%Y-%m-%dT%H:%M:%S}+0700",
            f"{published:%b} {published.day}, {published.year}",
        ),
        strict=True,
    ):
        page = page.replace(old, new)
    return page.encode("utf-8")


class Site(LocalSite):
    """``count`` articles at /berita-uji-nomor-N behind /gnews/feed."""

    def __init__(self, count: int, first: datetime, delay: float = 0.0, crawlers: int = 0) -> None:
        super().__init__()
        self.count = count
        self.first = first
        self.delay = delay
        #: Article requests by User-Agent (each crawler process of a test names itself).
        self.agents: Counter[str] = Counter()
        #: With ``crawlers``, article pages are held back until that many User-Agents have
        #: asked for one: every crawler gets a share, however fast the first one is.
        self.crawlers = crawlers
        self.all_crawling = threading.Event()

    def published(self, number: int) -> datetime:
        return self.first + timedelta(minutes=number)

    def slugs(self) -> list[str]:
        return [f"berita-uji-nomor-{n}" for n in range(self.count)]

    def sitemap(self) -> bytes:
        urls = "".join(
            f"<url><loc>{self.base_url}/berita-uji-nomor-{n}</loc><news:news><news:title>"
            f"{html.escape(f'Berita Uji Nomor {n}')}</news:title><news:publication_date>"
            f"{self.published(n).isoformat()}</news:publication_date></news:news></url>"
            for n in range(self.count)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
            'schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"{urls}</urlset>"
        ).encode()

    def respond(self, path: str) -> tuple[int, str, bytes]:
        if path == "/gnews/feed":
            return 200, "application/xml; charset=UTF-8", self.sitemap()
        if path.startswith("/berita-uji-nomor-"):
            number = int(path.rsplit("-", 1)[1])
            if 0 <= number < self.count:
                return 200, "text/html; charset=UTF-8", article_html(number, self.published(number))
        return 404, "text/html", b"<html><body>Not found</body></html>"

    def serve(self, request: BaseHTTPRequestHandler) -> None:
        if self.crawlers and request.path.startswith("/berita-uji"):
            self.agents[request.headers.get("User-Agent", "")] += 1
            if len(self.agents) >= self.crawlers:
                self.all_crawling.set()
            self.all_crawling.wait(timeout=300)
        if self.delay:
            sleep(self.delay)
        send(request, *self.respond(request.path))

    def article_requests(self) -> int:
        return sum(n for path, n in self.requests.items() if path.startswith("/berita-uji"))
